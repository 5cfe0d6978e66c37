// The report's data model: per (problem, N, K) the curves of every plugin with its colour, the charts that apply, the
// known thresholds and theory lines; and, where several sizes were run, the trends with N. Computed once here, then
// drawn by the HTML page and the PNG renderer from the same chart configurations (charts/).
import { binaryEntropy, finiteSizeCurve, fitFiniteSize, meanInterval, PLANTED_REFERENCE, type LocalEntropyRecord, type RunRecord, type SizePoint } from '@densebench/core';
import { isDataset } from '@densebench/problems';
import { referenceAlpha, summarize, type CurveSummary } from './aggregate.js';
import { anytimeCurve, type AnytimeCurve } from './anytime.js';
import { TEACHER_STUDENT_THRESHOLDS, teacherStudentGibbsError } from './theory.js';

/**
 * The charts of a group: success rate, median time and work, and TTS₉₉ vs α, the cactus, the anytime curves (best
 * energy against work), flatness, test error vs α.
 */
export type GroupChartKind = 'rate' | 'time' | 'work' | 'tts' | 'ecdf' | 'anytime' | 'flat' | 'gen';

/** One plugin's anytime curve at one α of a group. */
export interface AnytimeSeries extends AnytimeCurve {
  plugin: string;
  color: string;
  workUnit: string;
}

/** The anytime curves of a group, per α; the page shows one α at a time (defaultAlpha first) and the files every α. */
export interface AnytimeData {
  defaultAlpha: number;
  panels: { alpha: number; series: AnytimeSeries[] }[];
}

/** Curves of one (problem, N, K), as embedded in the report's JSON data block. */
export interface HtmlReportGroup {
  problem: string;
  n: number;
  k: number | null;
  curves: (CurveSummary & { color: string })[];
  /** A theory line for the generalization chart (teacher–student perceptron): (α, ε) pairs. */
  theory?: { label: string; points: [number, number][] };
  /**
   * Known thresholds of the problem, drawn as vertical lines where they fall inside the α range run: label with its
   * source for the text, short for the chart.
   */
  thresholds: { alpha: number; label: string; short: string }[];
  /** Per plugin: the sorted wall times (s) of its solved runs over every α, and its number of runs (the ECDF). */
  ecdf?: { plugin: string; times: number[]; runs: number }[];
  /** The anytime curves, where some run recorded a trace. */
  anytime?: AnytimeData;
  /** The charts drawn for this group, in page order. */
  charts: GroupChartKind[];
}

/** The finite-size fit α₅₀(N) = α∞ + a·N^(−1/ν) of one plugin's α₅₀ over three or more sizes (fitFiniteSize). */
export type FiniteSizeSummary =
  | {
    kind: 'fit';
    alphaInfinity: number;
    /** α∞'s 95% profile interval; null where open. */
    lo: number | null;
    hi: number | null;
    a: number;
    nu: number;
    chi2: number;
    dof: number;
    /** The sizes fitted. */
    sizes: number[];
    /** Why the fit does not constrain α∞ (and which sizes were left out); empty when it does. */
    warnings: string[];
    /** (N, fitted α₅₀) over the sizes fitted, for drawing. */
    curve: [number, number][];
  }
  | { kind: 'too-few-sizes'; sizes: number; warnings: string[] };

/** One size of a plugin's α₅₀ trend: its α₅₀ as in CurveSummary, and the α range run at that size. */
export interface SizeTrendPoint {
  n: number;
  kind: CurveSummary['alpha50Kind'];
  alpha50: number | null;
  lo: number | null;
  hi: number | null;
  min: number;
  max: number;
}

/** α₅₀ against N, per (problem, K) run at two or more sizes: one series per plugin, with the intervals; fitted at ≥ 3 sizes. */
export interface SizeTrend {
  problem: string;
  k: number | null;
  series: { plugin: string; color: string; points: SizeTrendPoint[]; finiteSize: FiniteSizeSummary | null }[];
  /**
   * Median time to solution against N at one α (see referenceAlpha), with its order-statistic interval, and the median
   * work in the plugin's own unit (machine-independent); null if no plugin has a median at two sizes.
   */
  cost: { alpha: number; series: { plugin: string; color: string; workUnit: string; points: { n: number; medianTimeS: number; lo: number; hi: number; medianWork: number | null }[] }[] } | null;
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
    // Each plugin's curves over the sizes, in order of N: the α₅₀ series and the cost series both read them.
    const byPlugin = plugins.map((plugin) => ({ plugin, curves: list.flatMap((g) => g.curves.filter((c) => c.plugin === plugin)).sort((a, b) => a.n - b.n) }));
    trends.push({
      problem: list[0]!.problem,
      k: list[0]!.k,
      series: byPlugin.map(({ plugin, curves }) => {
        const points = curves.map((c): SizeTrendPoint => {
          const alphas = c.points.map((p) => p.alpha);
          return { n: c.n, kind: c.alpha50Kind, alpha50: c.alpha50, lo: c.alpha50Lo, hi: c.alpha50Hi, min: Math.min(...alphas), max: Math.max(...alphas) };
        });
        return { plugin, color: curves[0]!.color, points, finiteSize: points.length >= FINITE_SIZE_MIN ? finiteSizeSummary(points) : null };
      }),
      cost: costTrend(byPlugin),
    });
  }
  return trends;
}

/** Sizes a plugin's α₅₀ needs before its finite-size fit is tried (three parameters: α∞, a, ν). */
export const FINITE_SIZE_MIN = 3;

/** Points of the drawn fit curve, evenly spaced in log N. */
const FIT_CURVE_POINTS = 40;

/**
 * The finite-size fit of a plugin's α₅₀ over its sizes: the fitted α₅₀ with a finite profile interval at each N
 * (a separated curve has no fitted α₅₀ and is left out, with a warning), by fitFiniteSize.
 */
export function finiteSizeSummary(points: readonly SizeTrendPoint[]): FiniteSizeSummary {
  const warnings = points.filter((p) => p.kind === 'separated').map((p) => `N = ${p.n} left out: its success curve is separated (no fitted α₅₀)`);
  const sized: SizePoint[] = points.filter((p) => p.kind === 'fit').map((p) => ({ n: p.n, alpha50: p.alpha50 ?? Number.NaN, lo: p.lo ?? Number.NEGATIVE_INFINITY, hi: p.hi ?? Number.POSITIVE_INFINITY }));
  const fit = fitFiniteSize(sized);
  if (fit.kind === 'too-few-sizes') return { kind: 'too-few-sizes', sizes: fit.sizes, warnings: [...warnings, ...fit.warnings] };
  const ns = fit.points.map((p) => p.n);
  const [lo, hi] = [Math.min(...ns), Math.max(...ns)];
  const curve = Array.from({ length: FIT_CURVE_POINTS }, (_, i): [number, number] => {
    const n = lo * Math.pow(hi / lo, i / (FIT_CURVE_POINTS - 1));
    return [n, finiteSizeCurve(fit, n)];
  });
  return {
    kind: 'fit', alphaInfinity: fit.alphaInfinity, lo: Number.isFinite(fit.lo) ? fit.lo : null, hi: Number.isFinite(fit.hi) ? fit.hi : null,
    a: fit.a, nu: fit.nu, chi2: fit.chi2, dof: fit.dof, sizes: ns, warnings: [...warnings, ...fit.warnings], curve,
  };
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
export function knownThresholds(problem: string, k: number | null): { alpha: number; label: string; short: string }[] {
  switch (problem) {
    case 'perceptron':
      return [{ alpha: 0.833, label: 'capacity α ≈ 0.833 (Krauth & Mézard 1989)', short: 'capacity 0.833' }];
    case 'teacher-student':
      return [
        { alpha: TEACHER_STUDENT_THRESHOLDS.perfectLearning, label: `perfect learning α ≈ ${TEACHER_STUDENT_THRESHOLDS.perfectLearning} (Györgyi 1990)`, short: `perfect learning ${TEACHER_STUDENT_THRESHOLDS.perfectLearning}` },
        { alpha: TEACHER_STUDENT_THRESHOLDS.amp, label: `AMP α ≈ ${TEACHER_STUDENT_THRESHOLDS.amp} (Barbier et al. 2019)`, short: `AMP ${TEACHER_STUDENT_THRESHOLDS.amp}` },
      ];
    case 'ksat':
      return k === 3
        ? [{ alpha: 4.267, label: '3-SAT satisfiability threshold α ≈ 4.267 (Mézard, Parisi & Zecchina 2002)', short: 'SAT threshold 4.267' }]
        : k === 4 ? [{ alpha: 9.931, label: '4-SAT satisfiability threshold α ≈ 9.931 (Mertens, Mézard & Zecchina 2006)', short: 'SAT threshold 9.931' }] : [];
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

/** Median time vs N at the reference α of all the sizes' curves together; each plugin's points where it has a median. */
function costTrend(byPlugin: readonly { plugin: string; curves: HtmlReportGroup['curves'] }[]): SizeTrend['cost'] {
  const alpha = referenceAlpha(byPlugin.flatMap((e) => e.curves));
  if (alpha === null) return null;
  const series = byPlugin.map(({ plugin, curves }) => {
    const points = curves.flatMap((c) =>
      c.points.filter((p) => p.alpha === alpha && Number.isFinite(p.medianTimeS)).map((p) => ({ n: c.n, medianTimeS: p.medianTimeS, lo: p.medianTimeLoS, hi: p.medianTimeHiS, medianWork: Number.isFinite(p.medianWork) ? p.medianWork : null })),
    );
    return { plugin, color: curves[0]!.color, workUnit: curves[0]!.points[0]?.workUnit ?? '', points };
  });
  return series.some((s) => s.points.length >= 2) ? { alpha, series } : null;
}

/** Mean local-entropy curves of one (problem, N, K, α), one series per reference (a plugin, or the planted configuration). */
export interface LocalEntropyPanel {
  problem: string;
  n: number;
  k: number | null;
  alpha: number;
  series: {
    reference: string;
    color: string;
    /** Configurations measured. */
    count: number;
    /** Per γ: means over the configurations where BP converged, S(d) with its 95% Student-t interval (a γ where fewer than half converged is left out). */
    points: { gamma: number; distance: number; entropy: number; lo: number | null; hi: number | null; converged: number }[];
    /** (fraction flipped, mean error rate) over the references that measured it; null when none did. */
    flatness: [number, number][] | null;
  }[];
  /** H₂(d) over the distances shown: the local entropy if every configuration at distance d were a solution. */
  bound: [number, number][];
}

const PLANTED_COLOR = '#8c8c8c';

/** Groups local-entropy records by (problem, N, K, α) and averages each reference's curves γ by γ. */
export function localEntropyPanels(records: readonly LocalEntropyRecord[], colors: ReadonlyMap<string, string>): LocalEntropyPanel[] {
  const places = new Map<string, LocalEntropyRecord[]>();
  for (const r of records) {
    const key = `${r.problem}|${r.n}|${r.k}|${r.alpha}`;
    places.set(key, [...(places.get(key) ?? []), r]);
  }
  const panels: LocalEntropyPanel[] = [];
  for (const list of places.values()) {
    const references = [...new Set(list.map((r) => r.reference))].sort((a, b) => (a === PLANTED_REFERENCE ? 1 : b === PLANTED_REFERENCE ? -1 : a.localeCompare(b)));
    const series = references.map((reference) => {
      const curves = list.filter((r) => r.reference === reference);
      const gammas = [...new Set(curves.flatMap((r) => r.points.map((p) => p.gamma)))].sort((a, b) => a - b);
      const points = gammas.flatMap((gamma) => {
        const at = curves.map((r) => r.points.find((p) => p.gamma === gamma)).filter((p) => p !== undefined);
        const ok = at.filter((p) => p.converged && p.distance !== null && p.localEntropy !== null);
        if (ok.length === 0 || 2 * ok.length < at.length) return [];
        const entropy = meanInterval(ok.map((p) => p.localEntropy!));
        const distance = ok.reduce((sum, p) => sum + p.distance!, 0) / ok.length;
        // A single configuration has no interval (NaN, which JSON would turn into null anyway).
        return [{ gamma, distance, entropy: entropy.mean, lo: Number.isFinite(entropy.lo) ? entropy.lo : null, hi: Number.isFinite(entropy.hi) ? entropy.hi : null, converged: ok.length }];
      });
      const measured = curves.filter((r) => r.flatness?.length);
      const flatness = measured.length
        ? measured[0]!.flatness!.map(([fraction], i): [number, number] => [fraction, measured.reduce((sum, r) => sum + (r.flatness![i]?.[1] ?? 0), 0) / measured.length])
        : null;
      return { reference, color: reference === PLANTED_REFERENCE ? PLANTED_COLOR : (colors.get(reference) ?? PLANTED_COLOR), count: curves.length, points, flatness };
    });
    const maxDistance = Math.max(0.05, ...series.flatMap((s) => s.points.map((p) => p.distance)));
    const bound: [number, number][] = Array.from({ length: 101 }, (_, i) => [(maxDistance * i) / 100, binaryEntropy((maxDistance * i) / 100)]);
    panels.push({ problem: list[0]!.problem, n: list[0]!.n, k: list[0]!.k, alpha: list[0]!.alpha, series, bound });
  }
  return panels.sort((a, b) => a.problem.localeCompare(b.problem) || a.n - b.n || (a.k ?? 0) - (b.k ?? 0) || a.alpha - b.alpha);
}

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#8c8c8c'];

/** Groups curves by (problem, N, K), giving each plugin one colour across the whole report. */
export function groupCurves(curves: readonly CurveSummary[]): HtmlReportGroup[] {
  const plugins = [...new Set(curves.map((c) => c.plugin))].sort();
  const groups = new Map<string, HtmlReportGroup>();
  for (const c of curves) {
    const key = `${c.problem}|${c.n}|${c.k}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { problem: c.problem, n: c.n, k: c.k, curves: [], thresholds: knownThresholds(c.problem, c.k), charts: [] }));
    g.curves.push({ ...c, color: PALETTE[plugins.indexOf(c.plugin) % PALETTE.length]! });
  }
  for (const g of groups.values()) {
    if (g.problem === 'teacher-student') g.theory = { label: THEORY_LABEL, points: teacherStudentTheoryLine(g.curves.flatMap((c) => c.points.map((p) => p.alpha))) };
  }
  return [...groups.values()];
}

/**
 * The anytime curves of a group from its records, per α, for the plugins whose runs there recorded a trace; the α shown
 * first is the largest at which some run of the group was solved (where the solvers part: some still reach zero
 * energy, others not), else the smallest. undefined when no run recorded a trace.
 */
export function anytimeOf(g: Pick<HtmlReportGroup, 'curves'>, records: readonly RunRecord[]): AnytimeData | undefined {
  const alphas = [...new Set(records.map((r) => r.alpha))].sort((a, b) => a - b);
  const panels = alphas.flatMap((alpha) => {
    const series = g.curves.flatMap((c): AnytimeSeries[] => {
      const runs = records.filter((r) => r.plugin === c.plugin && r.alpha === alpha);
      const curve = runs.length ? anytimeCurve(runs) : null;
      return curve ? [{ plugin: c.plugin, color: c.color, workUnit: runs[0]!.workUnit, ...curve }] : [];
    });
    return series.length ? [{ alpha, series }] : [];
  });
  if (!panels.length) return undefined;
  const solvedAt = new Set(records.filter((r) => r.status === 'solved').map((r) => r.alpha));
  const withSolved = panels.filter((p) => solvedAt.has(p.alpha));
  return { defaultAlpha: (withSolved.at(-1) ?? panels[0]!).alpha, panels };
}

/** Which charts a group gets: no success or time charts for data sets (rarely fitted exactly), flatness where measured. */
function chartKinds(g: HtmlReportGroup): GroupChartKind[] {
  const kinds: GroupChartKind[] = isDataset(g.problem) ? [] : ['rate', 'time', 'work', 'tts', 'ecdf'];
  if (g.anytime) kinds.push('anytime');
  if (g.curves.some((c) => c.points.some((p) => p.flatness))) kinds.push('flat');
  if (g.problem === 'teacher-student' || g.curves.some((c) => c.points.some((p) => p.meanTestError !== null))) kinds.push('gen');
  return kinds;
}

/** Everything the report draws, computed from the run records. */
export interface ReportData {
  groups: HtmlReportGroup[];
  trends: SizeTrend[];
  /** Local entropy around the solutions, where `densebench local-entropy` measured it. */
  localEntropy: LocalEntropyPanel[];
}

export function reportData(records: readonly RunRecord[], localEntropy: readonly LocalEntropyRecord[] = []): ReportData {
  const groups = groupCurves(summarize(records));
  for (const g of groups) {
    const own = records.filter((r) => r.problem === g.problem && r.n === g.n && r.k === g.k);
    if (!isDataset(g.problem)) g.ecdf = ecdfOf(g, own);
    const anytime = anytimeOf(g, own);
    if (anytime) g.anytime = anytime;
    g.charts = chartKinds(g);
  }
  const colors = new Map(groups.flatMap((g) => g.curves.map((c) => [c.plugin, c.color] as const)));
  return { groups, trends: sizeTrends(groups), localEntropy: localEntropyPanels(localEntropy, colors) };
}
