// The report as one self-contained HTML page: the result set's metadata; when several sets are compared, their flagged
// differences; per (problem, K) run at several sizes, α₅₀ against N with the finite-size fit where three or more sizes
// were run, and the median time and work against N; per (problem, N, K), the leaderboard (ranked only where the α₅₀
// intervals separate), α₅₀, the charts against α (success rate with the fitted curve, median time and work, TTS₉₉, the
// cactus of solve times, the anytime curves, flatness, test error with the theory line), the numbers per α (TTS₉₉ and
// ERT in time, work and CPU time), the failure messages and every run; and the local entropy around the solutions
// where it was measured. The charts are drawn in the page from the data block by chart.js, chartjs-chart-error-bars,
// chartjs-plugin-annotation and the page's own script (page-script.ts), all inlined; a CSP forbids every fetch, so the
// file opens from disk offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { binaryEntropy, PLANTED_REFERENCE, type LocalEntropyRecord, type Manifest, type RunRecord } from '@densebench/core';
import { isDataset } from '@densebench/problems';
import { cpuDeparts, CPU_WALL_FACTOR, CPU_WALL_MIN_S, leaderboard, type CurveSummary, type PointSummary } from './aggregate.js';
import { CHART_KINDS, chartId, localEntropyChartKinds, trendChartKinds, type ChartKind } from './charts/index.js';
import { differencePlace, intervalText, type Difference } from './compare.js';
import { reportData, FINITE_SIZE_MIN, type ReportData, type GroupChartKind, type HtmlReportGroup, type LocalEntropyPanel, type SizeTrend } from './data.js';
import { FAILURE_STATUSES, isFailure } from './failures.js';
import { alpha50Text, costText, crossingText, formatNumber, placeText, rankText, rateText, testErrorText } from './format.js';
import { pageScript } from './page-script.js';
import { TEACHER_STUDENT_THRESHOLDS, teacherStudentGibbsError } from './theory.js';

/** What renderHtmlReport draws; manifest is the result set's manifest.json, shown as metadata when present. */
export interface HtmlReportInput {
  title: string;
  records: readonly RunRecord[];
  manifest?: Manifest | null;
  /** The aggregated data, when the caller already computed it from the same records. */
  data?: ReportData;
  /** When several result sets were merged: the flagged differences between them (see compare.ts). */
  differences?: readonly Difference[];
  /** Local-entropy records of the result set (local-entropy.jsonl), drawn when present. */
  localEntropy?: readonly LocalEntropyRecord[];
}

let chartJsSource: string | undefined;

/**
 * chart.js's UMD bundle, then those of chartjs-chart-error-bars and chartjs-plugin-annotation, which register themselves
 * on the global Chart. The exports maps hide the UMD files, so resolve each package's CommonJS entry and go next to it.
 */
function chartJs(): string {
  if (chartJsSource === undefined) {
    const require = createRequire(import.meta.url);
    const besideEntry = (pkg: string, file: string): string => readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8');
    const bundles = [besideEntry('chart.js', 'chart.umd.js'), besideEntry('chartjs-chart-error-bars', 'index.umd.min.js'), besideEntry('chartjs-plugin-annotation', 'chartjs-plugin-annotation.min.js')];
    // Inside a <script>, only "</script" can end the element early; "<\/" means the same to JavaScript.
    chartJsSource = bundles.map((b) => b.replace(/\/\/# sourceMappingURL=\S+/g, '')).join('\n;\n').replace(/<\/(script)/gi, '<\\/$1');
  }
  return chartJsSource;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON for a <script type="application/json"> block: ±∞ and NaN become null, and no "<" can close the element. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
  return (json ?? 'null').replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function listText(values: readonly number[]): string {
  return values.length > 8 ? `${values.slice(0, 3).join(', ')}, …, ${values.at(-1)} (${values.length})` : values.join(', ');
}

function metadataHtml(manifest: Manifest | null | undefined, records: readonly RunRecord[]): string {
  const rows: [string, string][] = [];
  const add = (label: string, value: string | number | null): void => {
    if (value !== null && value !== '') rows.push([label, String(value)]);
  };
  if (manifest) {
    const { machine, plan } = manifest;
    add('Name', manifest.name);
    const created = manifest.createdAt;
    add('Date', Number.isNaN(Date.parse(created)) ? created : new Date(created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'));
    add('Machine', `${machine.cpu} × ${machine.cores}, ${machine.memoryGiB} GiB, ${machine.platform}`);
    add('Node', machine.node);
    add('Commit', machine.commit);
    add('Harness', manifest.harnessVersion);
    const k = plan.k === null ? '' : `, K = ${plan.k}`;
    add('Plan', `${plan.problem}${k}; N ∈ {${listText(plan.ns)}}; α ∈ {${listText(plan.alphas)}}; seeds: ${listText(plan.seeds)}`);
    add('Time limit', `${plan.timeLimitS} s per run`);
    add('Plugins', plan.plugins.map((p) => `${p.name}@${p.version} ${JSON.stringify(p.params)}`).join('; '));
    add('Finished', manifest.finished ? 'yes' : 'no (partial results)');
  }
  add('Runs', records.length);
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

/** Which optional columns a group's per-point table has. */
interface PointColumns {
  testError: boolean;
  theory: boolean;
  flatness: boolean;
  /** Some run recorded CPU time: TTS₉₉ and ERT in CPU time and the CPU/wall ratio. */
  cpu: boolean;
}

/** A cost cell: the value with its bootstrap interval, in the given unit. */
const costCell = (v: { value: number; lo: number; hi: number } | null): string => `<td class="num">${v === null ? '—' : escapeHtml(costText(v))}</td>`;

function pointRow(p: PointSummary, color: string, first: boolean, columns: PointColumns): string {
  const counts = FAILURE_STATUSES.map((s) => `<td class="num${p.statusCounts[s] ? ' bad' : ''}">${p.statusCounts[s]}</td>`).join('');
  const work = Number.isFinite(p.medianWork) ? `${formatNumber(p.medianWork)} ${escapeHtml(p.workUnit)}` : '—';
  const ratio = p.cpuWallRatio === null ? '—' : formatNumber(p.cpuWallRatio);
  return `<tr${first ? ' class="first"' : ''}><td><span class="sw" style="background:${color}"></span>${escapeHtml(p.plugin)}</td>` +
    `<td class="num">${p.alpha}</td><td class="num">${p.solved}/${p.runs}</td>` +
    `<td class="num">${rateText(p)}</td>` +
    `<td class="num">${formatNumber(p.medianTimeS)}</td><td class="num">${work}</td><td class="num">${formatNumber(p.par2S)}</td>` +
    costCell(p.tts99.timeS) + costCell(p.tts99.work) + costCell(p.ert.timeS) + costCell(p.ert.work) +
    (columns.cpu ? costCell(p.tts99.cpuS) + costCell(p.ert.cpuS) + `<td class="num${cpuDeparts(p) ? ' warn' : ''}">${ratio}</td>` : '') +
    counts +
    (columns.testError ? `<td class="num">${formatNumber(p.meanTrainError)}</td><td class="num">${testErrorText(p)}</td>` : '') +
    (columns.theory ? `<td class="num">${formatNumber(p.meanTeacherOverlap === null ? null : Math.acos(p.meanTeacherOverlap) / Math.PI)}</td><td class="num">${formatNumber(teacherStudentGibbsError(p.alpha))}</td>` : '') +
    (columns.flatness ? `<td class="num">${p.flatness ? p.flatness.map(([, error]) => error.toFixed(3)).join(' / ') : '—'}</td>` : '') + '</tr>';
}

function failuresHtml(records: readonly RunRecord[]): string {
  const seen = new Map<string, { r: RunRecord; count: number }>();
  for (const r of records) {
    if (!isFailure(r.status) || r.message === null) continue;
    const key = `${r.plugin}\0${r.status}\0${r.message}`;
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { r, count: 1 });
  }
  if (seen.size === 0) return '';
  const items = [...seen.values()].slice(0, 50).map(({ r, count }) =>
    `<li><b>${escapeHtml(r.plugin)}</b> ${escapeHtml(r.status)} ×${count} (first: α = ${r.alpha}, seed ${r.seed}): <code>${escapeHtml(r.message)}</code></li>`);
  return `<details><summary>Failure messages (${seen.size} distinct)</summary><ul class="fail">${items.join('')}</ul></details>`;
}

/** Every run of a group, filterable by any text in its row (plugin, α, seed, status, message). */
function runsHtml(records: readonly RunRecord[], index: number): string {
  const sorted = [...records].sort((a, b) => a.plugin.localeCompare(b.plugin) || a.alpha - b.alpha || a.seed - b.seed);
  const rows = sorted.map((r) =>
    `<tr><td>${escapeHtml(r.plugin)}</td><td class="num">${r.alpha}</td><td class="num">${r.seed}</td><td${isFailure(r.status) ? ' class="bad"' : ''}>${r.status}</td>` +
    `<td class="num">${r.energy ?? '—'}</td><td class="num">${formatNumber(r.wallTimeMs / 1000)}</td><td class="num">${r.work === null ? '—' : formatNumber(r.work)}</td>` +
    `<td class="num">${formatNumber(r.testError)}</td><td class="num">${formatNumber(r.peakMemoryMb)}</td><td class="msg">${r.message === null ? '' : `<code>${escapeHtml(r.message)}</code>`}</td></tr>`);
  return `<details class="runs"><summary>All ${records.length} runs</summary><input type="search" id="filter-${index}" placeholder="filter: plugin, α, seed, status or message text" aria-label="filter the runs">` +
    `<div class="scroll"><table id="runs-${index}"><thead><tr><th>plugin</th><th>α</th><th>seed</th><th>status</th><th>energy</th><th>time (s)</th><th>work</th><th>test error</th><th>peak MiB</th><th>message</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`;
}

/**
 * The canvas of a chart, which the page's script finds by its id; label is the chart's place, as HTML. A chart with
 * variants (the anytime curves per α) gets a selector, which the page's script wires to them.
 */
function chartHtml(kind: ChartKind, index: number, label: string, note = '', variants?: { value: string; label: string; selected: boolean }[]): string {
  const id = chartId(kind, index);
  const select = variants && variants.length > 1
    ? `<select class="variant" id="${id}-variant" aria-label="${CHART_KINDS[kind].title}: which">${variants.map((v) => `<option value="${escapeHtml(v.value)}"${v.selected ? ' selected' : ''}>${escapeHtml(v.label)}</option>`).join('')}</select>`
    : '';
  return `<div class="chart">${select}<canvas id="${id}" role="img" aria-label="${CHART_KINDS[kind].title}, ${label}"></canvas>${note ? `<p class="note">${note}</p>` : ''}</div>`;
}

/** A note over an empty chart, saying why it is empty. */
function chartNote(g: HtmlReportGroup, kind: GroupChartKind): string {
  if ((kind === 'time' || kind === 'work') && g.curves.every((c) => c.points.every((p) => !Number.isFinite(p.medianTimeS)))) return 'No α with more than half of the runs solved: no median to plot.';
  if (kind === 'tts' && g.curves.every((c) => c.points.every((p) => p.solved === 0))) return 'No run solved: no TTS₉₉ to plot.';
  if (kind === 'ecdf' && g.curves.every((c) => c.points.every((p) => p.solved === 0))) return 'No run solved.';
  return '';
}

/**
 * The leaderboard of one group: rank (ties marked "="), α₅₀ from the fit with the Wilson crossing beside it, median time
 * at the reference α, solved/total, PAR-2, failures in red.
 */
function boardHtml(curves: HtmlReportGroup['curves'], colors: Map<string, string>): string {
  const { referenceAlpha, rows } = leaderboard(curves);
  const timeHeader = referenceAlpha === null ? '' : `<th title="the α where most plugins solve more than half of the runs (ties: the larger α)">median time at α = ${referenceAlpha} (s)</th>`;
  const rankTitle = (row: (typeof rows)[number]): string =>
    row.rankRange[1] > row.rankRange[0] ? `places ${row.rankRange[0]}–${row.rankRange[1]} are consistent with the 95% intervals` : 'the only place consistent with the 95% intervals';
  return `<table class="board"><thead><tr><th title="ranked where the 95% intervals of α₅₀ separate; = marks a tie">rank</th><th>plugin</th><th title="logistic fit of the success curve over all runs, with its 95% profile-likelihood interval">α₅₀ [95%]</th><th title="cross-check: where the success rate and the ends of its Wilson bands cross ½">Wilson crossing</th>${timeHeader}<th>solved/total</th><th title="mean over α of the penalised average runtime (failures count twice the time limit)">mean PAR-2 (s)</th>${FAILURE_STATUSES.map((st) => `<th>${st}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr><td class="num${row.tied ? ' tie' : ''}" title="${rankTitle(row)}">${rankText(row)}</td><td><span class="sw" style="background:${colors.get(row.plugin)}"></span>${escapeHtml(row.plugin)}</td><td class="num">${escapeHtml(row.alpha50Text)}</td><td class="num muted">${escapeHtml(row.crossingText)}</td>${referenceAlpha === null ? '' : `<td class="num">${row.referenceTimeText}</td>`}<td class="num">${row.solved}/${row.runs}</td><td class="num">${row.meanPar2Text}</td>${FAILURE_STATUSES.map((st) => `<td class="num${row.failures[st] ? ' bad' : ''}">${row.failures[st]}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>${rows.some((r) => r.tied) ? '<p class="muted">= : tied — the 95% intervals of α₅₀ do not separate these plugins; within a tie, rows follow α₅₀, then the median time, then PAR-2.</p>' : ''}`;
}

/** The flagged differences between merged result sets, worse ones first. */
function differencesHtml(differences: readonly Difference[]): string {
  const sets = [...new Set(differences.flatMap((d) => [d.baselineSet, d.otherSet]))];
  const intro = `<p class="muted">Each plugin run in several result sets appears once per set, labelled with the set's name. A measure (α₅₀; success rate, median time and test error per α) is flagged where the 95% intervals of the two sets do not overlap.</p>`;
  if (differences.length === 0) return `<section><h2>Differences between result sets</h2>${intro}<p>No difference: every compared measure has overlapping intervals.</p></section>`;
  const sorted = [...differences].sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === 'worse' ? -1 : 1));
  const rows = sorted.map((d) => `<tr><td>${escapeHtml(d.plugin)}</td><td>${escapeHtml(differencePlace(d))}</td><td>${escapeHtml(d.measure)}</td><td class="num">${escapeHtml(intervalText(d.baseline))}</td><td>${escapeHtml(d.otherSet)}</td><td class="num">${escapeHtml(intervalText(d.other))}</td><td class="${d.verdict === 'worse' ? 'bad' : 'good'}">${d.verdict}</td></tr>`);
  return `<section><h2>Differences between result sets</h2>${intro}<div class="scroll"><table><thead><tr><th>plugin</th><th>where</th><th>measure</th><th>${escapeHtml(sets[0])} [95%]</th><th>compared set</th><th>its value [95%]</th><th>change</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

/** α∞ of a finite-size fit as a table cell: "4.25 [4.21, 4.3] (ν = 2.1)", or why there is none; warnings marked. */
function finiteSizeCell(f: SizeTrend['series'][number]['finiteSize']): string {
  if (f === null) return '<td class="muted">fewer than 3 sizes</td>';
  if (f.kind === 'too-few-sizes') return `<td class="muted" title="${escapeHtml(f.warnings.join('; '))}">no fit: ${f.sizes} size(s) with a fitted α₅₀</td>`;
  const text = `${formatNumber(f.alphaInfinity)} [${f.lo === null ? '−∞' : formatNumber(f.lo)}, ${f.hi === null ? '∞' : formatNumber(f.hi)}] (ν = ${formatNumber(f.nu)}, χ² = ${formatNumber(f.chi2)} for ${f.dof} dof)`;
  return `<td class="num${f.warnings.length ? ' warn' : ''}"${f.warnings.length ? ` title="${escapeHtml(f.warnings.join('; '))}"` : ''}>${escapeHtml(text)}${f.warnings.length ? ' ⚠' : ''}</td>`;
}

/**
 * A (problem, K) run at several N: α₅₀ against N (with the finite-size fit where a plugin has ≥ 3 sizes), median time
 * against N at one α, and α₅₀ per N in a table, written from each size's curve (curveAt) as in the leaderboards, with
 * α∞ and the fit's warnings.
 */
function trendHtml(t: SizeTrend, index: number, curveAt: (plugin: string, n: number) => CurveSummary | undefined): string {
  const label = escapeHtml(placeText({ problem: t.problem, k: t.k }));
  const ns = [...new Set(t.series.flatMap((s) => s.points.map((p) => p.n)))].sort((a, b) => a - b);
  const cell = (plugin: string, n: number): string => {
    const curve = curveAt(plugin, n);
    return curve === undefined ? '' : escapeHtml(alpha50Text(curve));
  };
  const fitted = t.series.some((s) => s.finiteSize !== null);
  // Ranked by α₅₀ at the largest N (a plugin not run there, last).
  const largest = ns.at(-1)!;
  const atLargest = (s: SizeTrend['series'][number]): number => s.points.find((p) => p.n === largest)?.alpha50 ?? Number.NEGATIVE_INFINITY;
  const rows = [...t.series].sort((a, b) => atLargest(b) - atLargest(a) || a.plugin.localeCompare(b.plugin))
    .map((s) => `<tr><td><span class="sw" style="background:${s.color}"></span>${escapeHtml(s.plugin)}</td>${ns.map((n) => `<td class="num">${cell(s.plugin, n)}</td>`).join('')}${fitted ? finiteSizeCell(s.finiteSize) : ''}</tr>`);
  const warnings = t.series.flatMap((s) => (s.finiteSize?.warnings ?? []).map((w) => `<li><b>${escapeHtml(s.plugin)}</b>: ${escapeHtml(w)}</li>`));
  const fitNote = fitted
    ? ` Where a plugin has ${FINITE_SIZE_MIN} or more sizes, α₅₀(N) = α∞ + a·N^(−1/ν) is fitted by weighted least squares (weights from the α₅₀ intervals) with α∞'s 95% profile interval (Kirkpatrick &amp; Selman, Science 264, 1297, 1994); read α∞ as a summary of the trend at the sizes run, not as a measurement of the threshold (Wilson, Random Struct. Alg. 21, 182, 2002).`
    : '';
  return `<section><h2>Size trend: ${label}</h2><div class="scroll"><table class="board"><thead><tr><th>plugin</th>${ns.map((n) => `<th>α₅₀ at N = ${n}</th>`).join('')}${fitted ? '<th title="finite-size fit over the sizes with a fitted α₅₀; ⚠: see the warnings below">α∞ [95%]</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></div>
${warnings.length ? `<details open><summary>Finite-size fit warnings (${warnings.length})</summary><ul class="fail">${warnings.join('')}</ul></details>` : ''}
<div class="charts">${trendChartKinds(t).map((kind) => chartHtml(kind, index, label)).join('')}</div>
<p class="muted">α₅₀ at each N from the logistic fit of that size's success curve, with its 95% profile-likelihood interval (beyond the α range run, &lt; or &gt;, where an end is not bounded inside it); a separated curve is given as its bracket.${fitNote}${t.cost ? ` Cost: the median time to solution at α = ${t.cost.alpha}, the α where most (plugin, N) pairs solve more than half of their runs, with its 95% order-statistic interval, and the median work there in each plugin's unit.` : ''}</p></section>`;
}

/** The local entropy around the configurations of one (problem, N, K, α): the chart and the mean curves as numbers. */
function localEntropyHtml(panel: LocalEntropyPanel, index: number): string {
  const label = escapeHtml(placeText(panel));
  const gammas = [...new Set(panel.series.flatMap((s) => s.points.map((p) => p.gamma)))].sort((a, b) => a - b);
  const cell = (p: LocalEntropyPanel['series'][number]['points'][number] | undefined): string =>
    p === undefined ? '—' : `${p.entropy.toFixed(3)} <span class="muted">at d = ${p.distance.toFixed(3)} (H₂ ${binaryEntropy(p.distance).toFixed(3)})</span>`;
  const fractions = panel.series.find((s) => s.flatness)?.flatness?.map(([f]) => f);
  const flatCell = (s: LocalEntropyPanel['series'][number]): string => (fractions ? `<td class="num">${s.flatness ? s.flatness.map(([, e]) => e.toFixed(3)).join(' / ') : '—'}</td>` : '');
  const rows = panel.series.map((s) => `<tr><td><span class="sw" style="background:${s.color}"></span>${escapeHtml(s.reference)}</td><td class="num">${s.count}</td>${gammas.map((g) => `<td class="num">${cell(s.points.find((p) => p.gamma === g))}</td>`).join('')}${flatCell(s)}</tr>`);
  return `<section><h2>Local entropy around solutions: ${label}</h2>
<div class="charts">${localEntropyChartKinds(panel).map((kind) => chartHtml(kind, index, label)).join('')}</div>
<div class="scroll"><table><thead><tr><th>reference</th><th>configurations</th>${gammas.map((g) => `<th>S(d) at γ = ${g}</th>`).join('')}${fractions ? `<th>error after flipping ${fractions.map((f) => `${+(f * 100).toFixed(2)}`).join(' / ')} %</th>` : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p class="muted">S(d) is the entropy (nats per variable) of the solutions at normalised Hamming distance d from the reference, estimated by belief propagation with an external field γ pointing at the reference (Baldassi, Ingrosso, Lucibello, Saglietti &amp; Zecchina, PRL 115, 128101, 2015); each γ selects a d. Means over the references where BP converged (— where fewer than half did), with 95% Student-t intervals in the chart. The dashed line H₂(d) bounds it: every configuration at distance d a solution. "${PLANTED_REFERENCE}" is the instance's planted configuration (the teacher), distributed as a typical solution.</p></section>`;
}

/** A note when CPU time departs from wall time: where, by how much, and what it may mean. */
function cpuNote(points: readonly PointSummary[]): string {
  const departing = points.filter(cpuDeparts);
  if (!departing.length) return '';
  const ratios = departing.map((p) => p.cpuWallRatio!);
  return `<p class="muted"><b>CPU time departs from wall time</b> by more than a factor ${CPU_WALL_FACTOR} at ${departing.length} point(s) (CPU/wall ${formatNumber(Math.min(...ratios))}–${formatNumber(Math.max(...ratios))}): above 1, the solver used several cores; below 1, it waited — a loaded machine, or I/O. Compare costs in work, or in CPU time, there.</p>`;
}

function groupHtml(g: HtmlReportGroup, index: number, records: readonly RunRecord[]): string {
  const label = escapeHtml(placeText(g));
  const showTestError = g.problem === 'teacher-student' || g.curves.some((c) => c.points.some((p) => p.meanTestError !== null));
  const alpha50 = g.curves.map((c) => `<li><span class="sw" style="background:${c.color}"></span>${escapeHtml(c.plugin)}: ${escapeHtml(alpha50Text(c))} <span class="muted">(Wilson crossing ${escapeHtml(crossingText(c))})</span></li>`);
  const measured = g.curves.flatMap((c) => c.points).filter((p) => p.flatness);
  const flatPoint = measured.find((p) => p.flatnessMeasure === 'noise') ?? measured[0];
  const flatnessFractions = flatPoint?.flatness?.map(([fraction]) => fraction);
  const showTheory = g.theory !== undefined;
  const columns: PointColumns = { testError: showTestError, theory: showTheory, flatness: flatnessFractions !== undefined, cpu: records.some((r) => typeof r.cpuTimeMs === 'number') };
  const rows = g.curves.flatMap((c) => c.points.map((p, i) => pointRow(p, c.color, i === 0, columns)));
  const mixed = measured.some((p) => p.flatnessMeasure !== 'noise');
  const over = isDataset(g.problem) ? 'all runs' : 'solved';
  const flatnessHeader = !flatnessFractions
    ? ''
    : flatPoint!.flatnessMeasure === 'noise'
      ? `<th title="mean over all runs of the training error after multiplying every weight by (1 + σz), z standard normal${mixed ? '; binary networks: after flipping that fraction of their weights' : ''}">train error under noise σ = ${flatnessFractions.map((f) => `${f}`).join(' / ')}${mixed ? ' (binary networks: fraction flipped)' : ''} (all runs)</th>`
      : `<th title="mean over the ${over === 'solved' ? 'solved runs' : 'runs'} of the fraction of violated constraints after flipping a random fraction of the variables">error after flipping ${flatnessFractions.map((f) => `${+(f * 100).toFixed(2)}`).join(' / ')} % (${over})</th>`;
  const theoryNote = showTheory
    ? `<p class="muted">Theory: ε = arccos(R)/π on the replica-symmetric branch of Gibbs learning (Györgyi, PRA 41, 7097, 1990; Seung, Sompolinsky &amp; Tishby, PRA 45, 6056, 1992); perfect learning becomes possible at α ≈ ${TEACHER_STUDENT_THRESHOLDS.perfectLearning} and the branch ends at α ≈ ${TEACHER_STUDENT_THRESHOLDS.amp}, the threshold of AMP.</p>`
    : '';
  const alphas = g.curves.flatMap((c) => c.points.map((p) => p.alpha));
  const shownThresholds = g.thresholds.filter((t) => t.alpha >= Math.min(...alphas) && t.alpha <= Math.max(...alphas));
  const thresholdNote = shownThresholds.length && g.charts.some((k) => k === 'rate' || k === 'gen')
    ? `<p class="muted">Dashed vertical lines: ${shownThresholds.map((t) => escapeHtml(t.label)).join('; ')}.</p>`
    : '';
  const dataset = isDataset(g.problem);
  const colors = new Map(g.curves.map((c) => [c.plugin, c.color]));
  const board = dataset ? '' : boardHtml(g.curves, colors);
  const cost = (what: string, unit: string, title: string) => `<th title="${title}">${what} ${unit} [95%]</th>`;
  const ttsTitle = 'time to solution at 99%: median cost of a run × log 0.01 / log(1 − success rate), at least one run (Rønnow et al. 2014); percentile-bootstrap interval';
  const ertTitle = 'expected running time: total cost of all runs / number solved (COCO, Hansen et al. 2021); percentile-bootstrap interval';
  const anytimeVariants = g.anytime?.panels.map((p) => ({ value: String(p.alpha), label: `α = ${p.alpha}`, selected: p.alpha === g.anytime!.defaultAlpha }));
  const anytimeNote = g.anytime
    ? '<p class="muted">Anytime curves: per plugin, the median best energy found so far against the work done, with the band between its quartiles over the runs at the chosen α (the fixed-budget view of COCO). A run counts as +∞ before its first report and keeps its final best after its end.</p>'
    : '';
  return `<section><h2>${label}</h2>${board}
${dataset ? '<p class="muted">A data set: the measures are the training and test errors; "solved" (no training error) and the time to it mean little here, so their charts are left out.</p>' : `<ul class="a50"><li>α₅₀ (logistic fit, 95% profile-likelihood interval):</li>${alpha50.join('')}</ul>`}
<div class="charts">${g.charts.map((kind) => chartHtml(kind, index, label, chartNote(g, kind), kind === 'anytime' ? anytimeVariants : undefined)).join('\n')}</div>${thresholdNote}${theoryNote}${anytimeNote}${cpuNote(g.curves.flatMap((c) => c.points))}
<div class="scroll"><table><thead><tr><th>plugin</th><th>α</th><th>solved/total</th><th>rate [95% Wilson]</th><th>median time (s)</th><th>median work</th><th>PAR-2 (s)</th>` +
    cost('TTS₉₉', '(s)', ttsTitle) + cost('TTS₉₉', '(work)', ttsTitle) + cost('ERT', '(s)', ertTitle) + cost('ERT', '(work)', ertTitle) +
    (columns.cpu ? cost('TTS₉₉', '(CPU s)', ttsTitle + ', in CPU time') + cost('ERT', '(CPU s)', ertTitle + ', in CPU time') + `<th title="total CPU time / total wall time of the point's runs; highlighted beyond a factor ${CPU_WALL_FACTOR} (over ≥ ${CPU_WALL_MIN_S} s of runs)">CPU / wall</th>` : '') +
    `${FAILURE_STATUSES.map((s) => `<th>${s}</th>`).join('')}${showTestError ? '<th>mean train error</th><th>mean test error ± 95%</th>' : ''}${showTheory ? '<th title="arccos of the mean overlap R with the teacher, over π: the test error R implies">arccos(R)/π</th><th title="replica-symmetric Gibbs error; 0 past the spinodal α ≈ 1.493">theory ε</th>' : ''}` +
    `${flatnessHeader}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>${failuresHtml(records)}${runsHtml(records, index)}</section>`;
}

const CSS = `:root{color-scheme:light dark;--bg:#fff;--fg:#1d1f23;--muted:#5f6670;--line:#d9dce1;--grid:rgba(0,0,0,.1);--card:#f6f7f9;--bad:#c62828;--good:#2e7d32;--warn:#a15c00}
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e4e6ea;--muted:#9aa1ab;--line:#343840;--grid:rgba(255,255,255,.12);--card:#1f2227;--bad:#ff6b6b;--good:#7bd88f;--warn:#f0b35a}}
*{box-sizing:border-box}body{margin:0 auto;max-width:1240px;padding:24px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.6em;margin:0 0 12px}h2{font-size:1.25em;margin:0 0 8px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 24px;padding:12px 16px;background:var(--card);border:1px solid var(--line);border-radius:8px}
.meta dt{color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}
section{margin:0 0 32px;padding:16px;border:1px solid var(--line);border-radius:8px}
.muted{color:var(--muted)}
.a50{list-style:none;padding:0;margin:0 0 12px;display:flex;flex-wrap:wrap;gap:4px 16px;color:var(--muted)}.a50 li:not(:first-child){color:var(--fg)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px;margin-bottom:16px}
.chart{position:relative;height:340px}.chart select.variant{position:absolute;top:0;right:0;z-index:1;font:inherit;font-size:12px;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}.note{position:absolute;top:45%;left:0;right:0;text-align:center;color:var(--muted);margin:0}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}th{color:var(--muted);font-weight:600}
tr.first td{border-top:2px solid var(--line)}td.num{text-align:right;font-variant-numeric:tabular-nums}td.bad{color:var(--bad);font-weight:700}td.good{color:var(--good);font-weight:700}td.warn{color:var(--warn);font-weight:600}td.tie{font-style:italic}
.board{width:auto;margin:0 0 12px}details.runs input{margin:8px 0;width:min(480px,100%);padding:4px 8px;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}td.msg{white-space:normal;max-width:480px}.sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
details{margin-top:12px}.fail{margin:6px 0;padding-left:20px}code{overflow-wrap:anywhere}`;

/** Renders the whole report as one HTML document that needs no network. */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { groups, trends, localEntropy } = input.data ?? reportData(input.records, input.localEntropy);
  const recordsOf = (g: HtmlReportGroup): RunRecord[] => input.records.filter((r) => r.problem === g.problem && r.n === g.n && r.k === g.k);
  const curveAt = (t: SizeTrend) => (plugin: string, n: number): CurveSummary | undefined =>
    groups.find((g) => g.problem === t.problem && g.k === t.k && g.n === n)?.curves.find((c) => c.plugin === plugin);
  const trendsHtml = trends.map((t, i) => trendHtml(t, i, curveAt(t))).join('\n');
  const body = groups.length ? (input.differences ? differencesHtml(input.differences) : '') + trendsHtml + groups.map((g, i) => groupHtml(g, i, recordsOf(g))).join('\n') + localEntropy.map(localEntropyHtml).join('\n') : '<p>No runs recorded.</p>';
  const data = { title: input.title, manifest: input.manifest ?? null, groups, trends, localEntropy };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(input.title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(input.title)}</h1>
${metadataHtml(input.manifest, input.records)}
${body}
<script type="application/json" id="densebench-data">${jsonForScript(data)}</script>
<script>${chartJs()}</script>
<script>${pageScript()}</script>
</body></html>
`;
}
