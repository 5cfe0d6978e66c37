// A single self-contained HTML report: metadata, success-rate and median-time charts per (problem, N, K) and the
// numbers behind them. chart.js is inlined and a CSP forbids every fetch, so the file opens from disk offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RunRecord } from '@densebench/core';
import { leaderboard, summarize, type CurveSummary, type PointSummary } from './aggregate.js';
import { isDataset } from '@densebench/problems';
import { TEACHER_STUDENT_THRESHOLDS, teacherStudentGibbsError } from './theory.js';

/** What renderHtmlReport draws; manifest is the result set's manifest.json, shown as metadata when present. */
export interface HtmlReportInput {
  title: string;
  records: readonly RunRecord[];
  manifest?: unknown;
}

/** Curves of one (problem, N, K), as embedded in the report's JSON data block. */
export interface HtmlReportGroup {
  problem: string;
  n: number;
  k: number | null;
  curves: (CurveSummary & { color: string })[];
  /** A theory line for the generalization chart (teacher–student perceptron): (α, ε) pairs. */
  theory?: { label: string; points: [number, number][] };
  /** Known thresholds of the problem, drawn as vertical lines where they fall inside the α range run. */
  thresholds: { alpha: number; label: string }[];
  /** Per plugin: the sorted wall times (s) of its solved runs over every α, and its number of runs (the ECDF). */
  ecdf?: { plugin: string; times: number[]; runs: number }[];
}

/** α₅₀ against N, per (problem, K) run at two or more sizes: one series per plugin, with the interval ends. */
export interface SizeTrend {
  problem: string;
  k: number | null;
  series: { plugin: string; color: string; points: { n: number; alpha50: number | null; lo: number | null; hi: number | null }[] }[];
}

export function sizeTrends(groups: readonly HtmlReportGroup[]): SizeTrend[] {
  const byProblem = new Map<string, HtmlReportGroup[]>();
  for (const g of groups) {
    if (isDataset(g.problem)) continue;
    const key = `${g.problem}|${g.k}`;
    byProblem.set(key, [...(byProblem.get(key) ?? []), g]);
  }
  const trends: SizeTrend[] = [];
  for (const list of byProblem.values()) {
    if (new Set(list.map((g) => g.n)).size < 2) continue;
    const plugins = [...new Set(list.flatMap((g) => g.curves.map((c) => c.plugin)))].sort();
    trends.push({
      problem: list[0]!.problem,
      k: list[0]!.k,
      series: plugins.map((plugin) => {
        const curves = list.flatMap((g) => g.curves.filter((c) => c.plugin === plugin)).sort((a, b) => a.n - b.n);
        return { plugin, color: curves[0]!.color, points: curves.map((c) => ({ n: c.n, alpha50: c.alpha50, lo: c.alpha50Lo, hi: c.alpha50Hi })) };
      }),
    });
  }
  return trends;
}

/** The "cactus" data of a group: each plugin's solved-run times, sorted, over all its runs in the group. */
export function ecdfOf(g: Pick<HtmlReportGroup, 'curves'>, records: readonly RunRecord[]): { plugin: string; times: number[]; runs: number }[] {
  return g.curves.map((c) => {
    const runs = records.filter((r) => r.plugin === c.plugin);
    const times = runs.filter((r) => r.status === 'solved').map((r) => r.wallTimeMs / 1000).sort((a, b) => a - b);
    return { plugin: c.plugin, times, runs: runs.length };
  });
}

/** Published thresholds per problem (and K), with their sources. */
export function knownThresholds(problem: string, k: number | null): { alpha: number; label: string }[] {
  switch (problem) {
    case 'perceptron':
      return [{ alpha: 0.833, label: 'capacity α_c ≈ 0.833 (Krauth & Mézard 1989)' }];
    case 'teacher-student':
      return [
        { alpha: TEACHER_STUDENT_THRESHOLDS.perfectLearning, label: `perfect learning α ≈ ${TEACHER_STUDENT_THRESHOLDS.perfectLearning} (Györgyi 1990)` },
        { alpha: TEACHER_STUDENT_THRESHOLDS.amp, label: `AMP α ≈ ${TEACHER_STUDENT_THRESHOLDS.amp} (Barbier et al. 2019)` },
      ];
    case 'ksat':
      return k === 3 ? [{ alpha: 4.267, label: '3-SAT α_s ≈ 4.267 (Mézard, Parisi & Zecchina 2002)' }] : k === 4 ? [{ alpha: 9.931, label: '4-SAT α_s ≈ 9.931 (Mertens, Mézard & Zecchina 2006)' }] : [];
    default:
      return [];
  }
}

const THEORY_LABEL = 'replica theory (RS Gibbs learning, Györgyi 1990)';

/** The RS Gibbs error over the group's α range, finely enough to show the drop at the spinodal. */
function teacherStudentTheoryLine(alphas: readonly number[]): [number, number][] {
  const lo = Math.min(...alphas);
  const hi = Math.max(...alphas);
  const points: [number, number][] = [];
  for (let i = 0; i <= 200; i++) {
    const alpha = lo + ((hi - lo) * i) / 200;
    points.push([alpha, teacherStudentGibbsError(alpha)]);
  }
  return points;
}

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#8c8c8c'];
const FAILURE_STATUSES = ['timeout', 'error', 'invalid', 'crashed'] as const;

let chartJsSource: string | undefined;

/** The chart.js UMD bundle. The package's exports map hides dist/chart.umd.js, so resolve the main entry and go next to it. */
function chartJs(): string {
  if (chartJsSource === undefined) {
    const main = createRequire(import.meta.url).resolve('chart.js');
    // Inside a <script>, only "</script" can end the element early; "<\/" means the same to JavaScript.
    chartJsSource = readFileSync(join(dirname(main), 'chart.umd.js'), 'utf8').replace(/<\/(script)/gi, '<\\/$1');
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

/** Groups curves by (problem, N, K), giving each plugin one colour across the whole report. */
export function groupCurves(curves: readonly CurveSummary[]): HtmlReportGroup[] {
  const plugins = [...new Set(curves.map((c) => c.plugin))].sort();
  const groups = new Map<string, HtmlReportGroup>();
  for (const c of curves) {
    const key = `${c.problem}|${c.n}|${c.k}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { problem: c.problem, n: c.n, k: c.k, curves: [], thresholds: knownThresholds(c.problem, c.k) }));
    g.curves.push({ ...c, color: PALETTE[plugins.indexOf(c.plugin) % PALETTE.length]! });
  }
  for (const g of groups.values()) {
    if (g.problem === 'teacher-student') g.theory = { label: THEORY_LABEL, points: teacherStudentTheoryLine(g.curves.flatMap((c) => c.points.map((p) => p.alpha))) };
  }
  return [...groups.values()];
}

function groupLabel(g: { problem: string; n: number; k: number | null }): string {
  return `${g.problem}${g.k === null ? '' : `, K = ${g.k}`}, N = ${g.n}`;
}

/** Three significant digits, exponent notation outside [1e-3, 1e6); "—" for no value. */
function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}

function field(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}

function listText(v: unknown): string {
  if (!Array.isArray(v)) return v === undefined || v === null ? '' : String(v);
  return v.length > 8 ? `${v.slice(0, 3).join(', ')}, …, ${v.at(-1)} (${v.length})` : v.join(', ');
}

function metadataHtml(manifest: unknown, records: readonly RunRecord[]): string {
  const rows: [string, string][] = [];
  const add = (label: string, value: unknown): void => {
    if (value !== undefined && value !== null && value !== '') rows.push([label, String(value)]);
  };
  if (manifest !== undefined && manifest !== null) {
    add('Name', field(manifest, 'name'));
    const created = field(manifest, 'createdAt');
    const date = typeof created === 'string' && !Number.isNaN(Date.parse(created)) ? new Date(created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : created;
    add('Date', date);
    const m = (key: string): unknown => field(manifest, 'machine', key);
    const cores = m('cores') === undefined ? '' : ` × ${m('cores')}`;
    const mem = m('memoryGiB') === undefined ? '' : `, ${m('memoryGiB')} GiB`;
    const plat = m('platform') === undefined ? '' : `, ${m('platform')}`;
    if (m('cpu') !== undefined) add('Machine', `${m('cpu')}${cores}${mem}${plat}`);
    add('Node', m('node'));
    add('Commit', m('commit'));
    add('Harness', field(manifest, 'harnessVersion'));
    const plan = (key: string): unknown => field(manifest, 'plan', key);
    if (field(manifest, 'plan') !== undefined) {
      const k = plan('k') === undefined || plan('k') === null ? '' : `, K = ${plan('k')}`;
      add('Plan', `${plan('problem') ?? '?'}${k}; N ∈ {${listText(plan('ns'))}}; α ∈ {${listText(plan('alphas'))}}; seeds: ${listText(plan('seeds'))}`);
      if (plan('timeLimitS') !== undefined) add('Time limit', `${plan('timeLimitS')} s per run`);
      const plugins = plan('plugins');
      if (Array.isArray(plugins)) {
        const text = plugins.map((p) => `${field(p, 'name')}@${field(p, 'version')} ${JSON.stringify(field(p, 'params') ?? {})}`);
        add('Plugins', text.join('; '));
      }
    }
    const finished = field(manifest, 'finished');
    if (typeof finished === 'boolean') add('Finished', finished ? 'yes' : 'no (partial results)');
  }
  add('Runs', records.length);
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function pointRow(p: PointSummary, color: string, first: boolean, showTestError: boolean, showTheory: boolean, showFlatness: boolean): string {
  const counts = FAILURE_STATUSES.map((s) => `<td class="num${p.statusCounts[s] ? ' bad' : ''}">${p.statusCounts[s]}</td>`).join('');
  const work = Number.isFinite(p.medianWork) ? `${num(p.medianWork)} ${escapeHtml(p.workUnit)}` : '—';
  return `<tr${first ? ' class="first"' : ''}><td><span class="sw" style="background:${color}"></span>${escapeHtml(p.plugin)}</td>` +
    `<td class="num">${p.alpha}</td><td class="num">${p.solved}/${p.runs}</td>` +
    `<td class="num">${p.rate.toFixed(2)} [${p.rateLo.toFixed(2)}, ${p.rateHi.toFixed(2)}]</td>` +
    `<td class="num">${num(p.medianTimeS)}</td><td class="num">${work}</td><td class="num">${num(p.par2S)}</td>${counts}` +
    (showTestError ? `<td class="num">${num(p.meanTrainError)}</td><td class="num">${num(p.meanTestError)}${p.testErrorLo === null || p.meanTestError === null ? '' : ` ± ${num(p.meanTestError - p.testErrorLo)}`}</td>` : '') +
    (showTheory ? `<td class="num">${num(p.meanTeacherOverlap === null ? null : Math.acos(p.meanTeacherOverlap) / Math.PI)}</td><td class="num">${num(teacherStudentGibbsError(p.alpha))}</td>` : '') +
    (showFlatness ? `<td class="num">${p.flatness ? p.flatness.map(([, error]) => error.toFixed(3)).join(' / ') : '—'}</td>` : '') + '</tr>';
}

function failuresHtml(records: readonly RunRecord[]): string {
  const seen = new Map<string, { r: RunRecord; count: number }>();
  for (const r of records) {
    if (r.status === 'solved' || r.status === 'unsolved' || r.message === null) continue;
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
  const rows = sorted.map((r) => {
    const bad = r.status !== 'solved' && r.status !== 'unsolved';
    return `<tr><td>${escapeHtml(r.plugin)}</td><td class="num">${r.alpha}</td><td class="num">${r.seed}</td><td${bad ? ' class="bad"' : ''}>${r.status}</td>` +
      `<td class="num">${r.energy ?? '—'}</td><td class="num">${num(r.wallTimeMs / 1000)}</td><td class="num">${r.work === null ? '—' : num(r.work)}</td>` +
      `<td class="num">${num(r.testError)}</td><td class="msg">${r.message === null ? '' : `<code>${escapeHtml(r.message)}</code>`}</td></tr>`;
  });
  return `<details class="runs"><summary>All ${records.length} runs</summary><input type="search" id="filter-${index}" placeholder="filter: plugin, α, seed, status or message text" aria-label="filter the runs">` +
    `<div class="scroll"><table id="runs-${index}"><thead><tr><th>plugin</th><th>α</th><th>seed</th><th>status</th><th>energy</th><th>time (s)</th><th>work</th><th>test error</th><th>message</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`;
}

function groupHtml(g: HtmlReportGroup, index: number, records: readonly RunRecord[]): string {
  const label = escapeHtml(groupLabel(g));
  const showTestError = g.problem === 'teacher-student' || g.curves.some((c) => c.points.some((p) => p.meanTestError !== null));
  const alpha50 = g.curves.map((c) => {
    const lo = c.alpha50Lo === null ? `&lt; ${num(c.points[0]?.alpha)}` : num(c.alpha50Lo);
    const hi = c.alpha50Hi === null ? `&gt; ${num(c.points.at(-1)?.alpha)}` : num(c.alpha50Hi);
    return `<li><span class="sw" style="background:${c.color}"></span>${escapeHtml(c.plugin)}: ${c.alpha50 === null ? '—' : num(c.alpha50)} <span class="muted">[95%: ${lo}, ${hi}]</span></li>`;
  });
  const measured = g.curves.flatMap((c) => c.points).filter((p) => p.flatness);
  const flatPoint = measured.find((p) => p.flatnessMeasure === 'noise') ?? measured[0];
  const flatnessFractions = flatPoint?.flatness?.map(([fraction]) => fraction);
  const showTheory = g.theory !== undefined;
  const rows = g.curves.flatMap((c) => c.points.map((p, i) => pointRow(p, c.color, i === 0, showTestError, showTheory, flatnessFractions !== undefined)));
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
  const noMedian = g.curves.every((c) => c.points.every((p) => !Number.isFinite(p.medianTimeS)));
  const dataset = isDataset(g.problem);
  const colors = new Map(g.curves.map((c) => [c.plugin, c.color]));
  const board = dataset
    ? ''
    : `<table class="board"><thead><tr><th>rank</th><th>plugin</th><th title="where the success rate crosses ½, with the crossings of the Wilson interval ends">α₅₀ [95%]</th><th>solved/total</th><th title="mean over α of the penalised average runtime (failures count twice the time limit)">mean PAR-2 (s)</th>${FAILURE_STATUSES.map((st) => `<th>${st}</th>`).join('')}</tr></thead><tbody>${leaderboard(g.curves)
        .map((row) => `<tr><td class="num">${row.rank}</td><td><span class="sw" style="background:${colors.get(row.plugin)}"></span>${escapeHtml(row.plugin)}</td><td class="num">${escapeHtml(row.alpha50Text)}</td><td class="num">${row.solved}/${row.runs}</td><td class="num">${row.meanPar2Text}</td>${FAILURE_STATUSES.map((st) => `<td class="num${row.failures[st] ? ' bad' : ''}">${row.failures[st]}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  return `<section><h2>${label}</h2>${board}
${dataset ? '<p class="muted">A data set: the measures are the training and test errors; "solved" (no training error) and the time to it mean little here, so their charts are left out.</p>' : `<ul class="a50"><li>α₅₀ (success rate crosses ½):</li>${alpha50.join('')}</ul>`}
<div class="charts">${dataset ? '' : `<div class="chart"><canvas id="rate-${index}" role="img" aria-label="Success rate vs α, ${label}"></canvas></div>
<div class="chart"><canvas id="time-${index}" role="img" aria-label="Median time to solution vs α, ${label}"></canvas>${noMedian ? '<p class="note">No α with more than half of the runs solved: no median time to plot.</p>' : ''}</div>
<div class="chart"><canvas id="ecdf-${index}" role="img" aria-label="Fraction of runs solved within a time, ${label}"></canvas>${g.curves.every((c) => c.points.every((p) => p.solved === 0)) ? '<p class="note">No run solved.</p>' : ''}</div>`}${flatnessFractions ? `
<div class="chart"><canvas id="flat-${index}" role="img" aria-label="Flatness of the solutions, ${label}"></canvas></div>` : ''}${showTestError ? `
<div class="chart"><canvas id="gen-${index}" role="img" aria-label="Test error vs α, ${label}"></canvas></div>` : ''}</div>${theoryNote}
<div class="scroll"><table><thead><tr><th>plugin</th><th>α</th><th>solved/total</th><th>rate [95% Wilson]</th><th>median time (s)</th><th>median work</th><th>PAR-2 (s)</th>` +
    `${FAILURE_STATUSES.map((s) => `<th>${s}</th>`).join('')}${showTestError ? '<th>mean train error</th><th>mean test error ± 95%</th>' : ''}${showTheory ? '<th title="arccos of the mean overlap R with the teacher, over π: the test error R implies">arccos(R)/π</th><th title="replica-symmetric Gibbs error; 0 past the spinodal α ≈ 1.493">theory ε</th>' : ''}` +
    `${flatnessHeader}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>${failuresHtml(records)}${runsHtml(records, index)}</section>`;
}

const CSS = `:root{color-scheme:light dark;--bg:#fff;--fg:#1d1f23;--muted:#5f6670;--line:#d9dce1;--grid:rgba(0,0,0,.1);--card:#f6f7f9;--bad:#c62828}
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e4e6ea;--muted:#9aa1ab;--line:#343840;--grid:rgba(255,255,255,.12);--card:#1f2227;--bad:#ff6b6b}}
*{box-sizing:border-box}body{margin:0 auto;max-width:1240px;padding:24px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.6em;margin:0 0 12px}h2{font-size:1.25em;margin:0 0 8px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 24px;padding:12px 16px;background:var(--card);border:1px solid var(--line);border-radius:8px}
.meta dt{color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}
section{margin:0 0 32px;padding:16px;border:1px solid var(--line);border-radius:8px}
.muted{color:var(--muted)}
.a50{list-style:none;padding:0;margin:0 0 12px;display:flex;flex-wrap:wrap;gap:4px 16px;color:var(--muted)}.a50 li:not(:first-child){color:var(--fg)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px;margin-bottom:16px}
.chart{position:relative;height:340px}.note{position:absolute;top:45%;left:0;right:0;text-align:center;color:var(--muted);margin:0}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}th{color:var(--muted);font-weight:600}
tr.first td{border-top:2px solid var(--line)}td.num{text-align:right;font-variant-numeric:tabular-nums}td.bad{color:var(--bad);font-weight:700}
.board{width:auto;margin:0 0 12px}details.runs input{margin:8px 0;width:min(480px,100%);padding:4px 8px;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}td.msg{white-space:normal;max-width:480px}.sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
details{margin-top:12px}.fail{margin:6px 0;padding-left:20px}code{overflow-wrap:anywhere}`;

// Client side: reads the JSON block and draws two charts per group. Wilson bars come from a small chart.js plugin.
const APP = `(() => {
const data = JSON.parse(document.getElementById('densebench-data').textContent);
const css = getComputedStyle(document.documentElement);
Chart.defaults.color = css.getPropertyValue('--fg').trim();
Chart.defaults.borderColor = css.getPropertyValue('--grid').trim();
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.labels.usePointStyle = true;
const wilsonBars = { id: 'wilsonBars', afterDatasetsDraw(chart) {
  const ctx = chart.ctx, y = chart.scales.y, visible = chart.data.datasets.map((d, i) => i).filter((i) => chart.isDatasetVisible(i));
  visible.forEach((di, rank) => {
    const ds = chart.data.datasets[di], shift = (rank - (visible.length - 1) / 2) * 4;
    ctx.save(); ctx.strokeStyle = ds.borderColor; ctx.lineWidth = 1.5;
    chart.getDatasetMeta(di).data.forEach((pt, i) => {
      const iv = ds.intervals[i]; if (!iv) return;
      const x = pt.x + shift, lo = y.getPixelForValue(iv[0]), hi = y.getPixelForValue(iv[1]);
      ctx.beginPath(); ctx.moveTo(x, lo); ctx.lineTo(x, hi); ctx.moveTo(x - 4, lo); ctx.lineTo(x + 4, lo); ctx.moveTo(x - 4, hi); ctx.lineTo(x + 4, hi); ctx.stroke();
    });
    ctx.restore();
  });
} };
// Vertical lines at the problem's known thresholds that fall inside the α axis, labelled at the top.
const thresholdLines = { id: 'thresholdLines', afterDatasetsDraw(chart, _args, options) {
  const ctx = chart.ctx, x = chart.scales.x, area = chart.chartArea;
  (options.lines || []).forEach((line, i) => {
    if (line.alpha < x.min || line.alpha > x.max) return;
    const px = x.getPixelForValue(line.alpha);
    ctx.save(); ctx.strokeStyle = Chart.defaults.color; ctx.globalAlpha = 0.6; ctx.setLineDash([4, 4]); ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
    ctx.setLineDash([]); ctx.globalAlpha = 0.9; ctx.fillStyle = Chart.defaults.color; ctx.font = '11px sans-serif';
    ctx.textAlign = px > (area.left + area.right) / 2 ? 'right' : 'left';
    ctx.fillText(line.label, px + (ctx.textAlign === 'right' ? -4 : 4), area.top + 12 + 13 * i);
    ctx.restore();
  });
} };
const fmt = (v) => v === null ? '—' : Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(3)));
const scaleTitle = (text) => ({ display: true, text, font: { size: 13 } });
// Whole decades and labels only at 1, 2, 5: chart.js's own log bounds crowd labels when the data span is narrow.
const decades = (g) => {
  const ys = g.curves.flatMap((c) => c.points.map((p) => p.medianTimeS)).filter((v) => v !== null && v > 0);
  if (!ys.length) return { min: 0.1, max: 10 };
  return { min: Math.pow(10, Math.floor(Math.log10(Math.min(...ys)))), max: Math.pow(10, Math.ceil(Math.log10(Math.max(...ys)) + 1e-9)) };
};
const logTick = (v) => { const m = Math.round(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)) * 1e3) / 1e3; return m === 1 || m === 2 || m === 5 ? fmt(v) : ''; };
// Run tables: keep the rows whose text contains every word typed in the filter box.
document.querySelectorAll('input[id^="filter-"]').forEach((input) => {
  const rows = Array.from(document.getElementById('runs-' + input.id.slice(7)).tBodies[0].rows);
  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    rows.forEach((row) => { const text = row.textContent.toLowerCase(); row.hidden = !words.every((w) => text.includes(w)); });
  });
});
data.groups.forEach((g, gi) => {
  const label = g.problem + (g.k === null ? '' : ', K = ' + g.k) + ', N = ' + g.n;
  // Same α range on both charts (the time chart lacks the α without a median); clip lets edge points show whole.
  const alphas = g.curves.flatMap((c) => c.points.map((p) => p.alpha)), lo = Math.min(...alphas), hi = Math.max(...alphas);
  const x = { type: 'linear', title: scaleTitle('α'), ...(hi > lo ? { min: lo, max: hi } : {}) };
  const base = (c) => ({ label: c.plugin, borderColor: c.color, backgroundColor: c.color, pointRadius: 3.5, borderWidth: 2, spanGaps: false, clip: 8 });
  const rateCanvas = document.getElementById('rate-' + gi);
  if (rateCanvas) new Chart(rateCanvas, { type: 'line', plugins: [wilsonBars, thresholdLines],
    data: { datasets: g.curves.map((c) => ({ ...base(c), data: c.points.map((p) => ({ x: p.alpha, y: p.rate })), intervals: c.points.map((p) => [p.rateLo, p.rateHi]) })) },
    options: { plugins: { thresholdLines: { lines: g.thresholds }, title: { display: true, text: 'Success rate vs α — ' + label },
        tooltip: { callbacks: { label: (t) => { const p = g.curves[t.datasetIndex].points[t.dataIndex]; return t.dataset.label + ': ' + p.solved + '/' + p.runs + ' = ' + p.rate.toFixed(2) + ' [' + p.rateLo.toFixed(2) + ', ' + p.rateHi.toFixed(2) + ']'; } } } },
      scales: { x, y: { min: 0, max: 1, title: scaleTitle('fraction solved (95% Wilson interval)') } } } });
  const timeCanvas = document.getElementById('time-' + gi);
  if (timeCanvas) new Chart(timeCanvas, { type: 'line',
    data: { datasets: g.curves.map((c) => ({ ...base(c), data: c.points.map((p) => ({ x: p.alpha, y: p.medianTimeS })) })) },
    options: { plugins: { title: { display: true, text: 'Median time to solution vs α — ' + label },
        tooltip: { callbacks: { label: (t) => t.dataset.label + ': ' + fmt(t.parsed.y) + ' s' } } },
      scales: { x, y: { type: 'logarithmic', ...decades(g), title: scaleTitle('median time to solution (s, log)'), ticks: { callback: logTick } } } } });
  // The cactus view: the fraction of a plugin's runs (all α) solved within t, against t on a log axis.
  const ecdfCanvas = document.getElementById('ecdf-' + gi);
  if (ecdfCanvas && g.ecdf) {
    const times = g.ecdf.flatMap((e) => e.times).filter((t) => t > 0);
    const lo = times.length ? Math.pow(10, Math.floor(Math.log10(Math.min(...times)))) : 0.1;
    const hi = times.length ? Math.pow(10, Math.ceil(Math.log10(Math.max(...times)) + 1e-9)) : 10;
    new Chart(ecdfCanvas, { type: 'line',
      data: { datasets: g.ecdf.map((e) => ({ ...base(g.curves.find((c) => c.plugin === e.plugin)), stepped: 'before', pointRadius: 0,
        data: e.times.map((t, i) => ({ x: Math.max(t, lo), y: (i + 1) / e.runs })) })) },
      options: { plugins: { title: { display: true, text: 'Runs solved within a time (all α) — ' + label },
          tooltip: { callbacks: { label: (t) => t.dataset.label + ': ' + fmt(t.parsed.y) + ' within ' + fmt(t.parsed.x) + ' s' } } },
        scales: { x: { type: 'logarithmic', min: lo, max: hi, title: scaleTitle('wall time (s, log)'), ticks: { callback: logTick } }, y: { min: 0, max: 1, title: scaleTitle('fraction of runs solved') } } } });
  }
  // Flatness at one α for all plugins: the largest α where every plugin that measured it has solved runs, else each
  // plugin's own largest.
  const flatCanvas = document.getElementById('flat-' + gi);
  if (flatCanvas) {
    const measured = g.curves.map((c) => c.points.filter((p) => p.flatness).map((p) => p.alpha)).filter((as) => as.length);
    const common = measured.reduce((acc, as) => acc.filter((a) => as.includes(a)));
    const pick = (c) => { const ps = c.points.filter((p) => p.flatness && (!common.length || common.includes(p.alpha))); return ps[ps.length - 1]; };
    const shown = g.curves.map((c) => ({ c, p: pick(c) })).filter((e) => e.p);
    // A group with continuous networks plots σ; binary networks beside them plot their flipped fraction on the same axis.
    const noise = shown.some(({ p }) => p.flatnessMeasure === 'noise');
    const suffix = (p) => (noise && p.flatnessMeasure !== 'noise' ? ' — fraction flipped' : '');
    new Chart(flatCanvas, { type: 'line',
      data: { datasets: shown.map(({ c, p }) => ({ ...base(c), label: c.plugin + (common.length ? '' : ' (α = ' + p.alpha + ')') + suffix(p), data: p.flatness.map(([f, e]) => ({ x: noise ? f : 100 * f, y: e })) })) },
      options: { plugins: { title: { display: true, text: (noise ? 'Flatness of the networks' : 'Flatness of the solutions') + (common.length ? ', α = ' + Math.max(...common) : '') + ' — ' + label },
          tooltip: { callbacks: { label: (t) => t.dataset.label + ': ' + fmt(t.parsed.y) + (noise ? ' at σ = ' + fmt(t.parsed.x) : ' after flipping ' + fmt(t.parsed.x) + '%') } } },
        scales: { x: { type: 'linear', min: 0, title: scaleTitle(noise ? 'multiplicative weight noise σ (binary networks: fraction flipped)' : 'variables flipped at random (%)') }, y: { min: 0, title: scaleTitle(noise ? 'training error (mean over all runs)' : 'error rate (mean over solved runs)') } } } });
  }
  const genCanvas = document.getElementById('gen-' + gi);
  if (genCanvas) {
    const sets = g.curves.map((c) => ({ ...base(c), data: c.points.filter((p) => p.meanTestError !== null).map((p) => ({ x: p.alpha, y: p.meanTestError })),
      intervals: c.points.filter((p) => p.meanTestError !== null).map((p) => (p.testErrorLo === null ? null : [p.testErrorLo, p.testErrorHi])) }));
    if (g.theory) sets.push({ label: g.theory.label, borderColor: Chart.defaults.color, backgroundColor: Chart.defaults.color, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, stepped: false, data: g.theory.points.map(([a, e]) => ({ x: a, y: e })), intervals: [] });
    new Chart(genCanvas, { type: 'line', plugins: [wilsonBars, thresholdLines],
      data: { datasets: sets },
      options: { plugins: { thresholdLines: { lines: g.thresholds }, title: { display: true, text: 'Test error vs α — ' + label },
          tooltip: { callbacks: { label: (t) => t.dataset.label + ': ' + fmt(t.parsed.y) } } },
        scales: { x, y: { min: 0, title: scaleTitle('test error (mean, 95% interval)') } } } });
  }
});
(data.trends || []).forEach((t, ti) => {
  const canvas = document.getElementById('trend-' + ti);
  if (!canvas) return;
  const label = t.problem + (t.k === null ? '' : ', K = ' + t.k);
  new Chart(canvas, { type: 'line', plugins: [wilsonBars],
    data: { datasets: t.series.map((s) => ({ label: s.plugin, borderColor: s.color, backgroundColor: s.color, pointRadius: 3.5, borderWidth: 2, spanGaps: false,
      data: s.points.map((p) => ({ x: p.n, y: p.alpha50 })), intervals: s.points.map((p) => (p.lo === null || p.hi === null ? null : [p.lo, p.hi])) })) },
    options: { plugins: { title: { display: true, text: 'α₅₀ vs N — ' + label } },
      scales: { x: { type: 'logarithmic', title: scaleTitle('N (log)'), ticks: { callback: logTick } }, y: { title: scaleTitle('α₅₀ (95% interval)') } } } });
});
})();`;

/** Renders the whole report as one HTML document that needs no network. */
export function renderHtmlReport(input: HtmlReportInput): string {
  const groups = groupCurves(summarize(input.records));
  const recordsOf = (g: HtmlReportGroup): RunRecord[] => input.records.filter((r) => r.problem === g.problem && r.n === g.n && r.k === g.k);
  for (const g of groups) if (!isDataset(g.problem)) g.ecdf = ecdfOf(g, recordsOf(g));
  const trends = sizeTrends(groups);
  const trendsHtml = trends
    .map((t, i) => `<section><h2>Size trend: ${escapeHtml(t.problem)}${t.k === null ? '' : `, K = ${t.k}`}</h2><div class="charts"><div class="chart"><canvas id="trend-${i}" role="img" aria-label="α₅₀ vs N, ${escapeHtml(t.problem)}"></canvas></div></div><p class="muted">α₅₀ at each N, with where the ends of the Wilson intervals cross ½ (missing where α₅₀ was not crossed in the range run).</p></section>`)
    .join('\n');
  const body = groups.length ? trendsHtml + groups.map((g, i) => groupHtml(g, i, recordsOf(g))).join('\n') : '<p>No runs recorded.</p>';
  const data = { title: input.title, manifest: input.manifest ?? null, groups, trends };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(input.title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(input.title)}</h1>
${metadataHtml(input.manifest, input.records)}
${body}
<script type="application/json" id="densebench-data">${jsonForScript(data)}</script>
<script>${chartJs()}</script>
<script>${APP}</script>
</body></html>
`;
}
