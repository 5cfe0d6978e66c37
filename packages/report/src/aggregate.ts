// Aggregates run records per (plugin, problem, N, K, α): success rate with its Wilson interval, median time and
// work to solution (unsolved runs count as +∞), PAR-2, TTS₉₉ and ERT with bootstrap intervals, CPU against wall time,
// mean generalization error; per (plugin, problem, N, K) α₅₀ from a fit of the success curve (with the Wilson crossing
// as a cross-check); and the leaderboard of a group, ranked only where α₅₀ intervals separate. docs/statistics.md says
// how each number is computed.
import {
  ertEstimate, fitSuccessCurve, meanInterval, median, medianInterval, par, rankByIntervals, RUN_STATUSES, successCounts, tts99Estimate, wilsonCrossingAlpha50, wilsonInterval,
  type CostEstimate, type CostMeasure, type InstanceSpec, type RunRecord, type RunStatus,
} from '@densebench/core';
import { isDataset, specConstraintCount } from '@densebench/problems';
import { FAILURE_STATUSES, type FailureStatus } from './failures.js';
import { alpha50Text, crossingText, formatNumber } from './format.js';

/** A cost with its bootstrap 95% interval: +∞ where no run (or no resample) was solved, NaN where a cost is unknown. */
export interface CostInterval {
  value: number;
  lo: number;
  hi: number;
}

/** TTS₉₉ or ERT of a point in wall time (s), in the plugin's work unit, and in CPU time (s) where every run recorded it. */
export interface PointCosts {
  timeS: CostInterval;
  work: CostInterval;
  /** null when some run of the point has no CPU time (records from before it was measured, or unmeasurable). */
  cpuS: CostInterval | null;
}

export interface PointSummary {
  plugin: string;
  problem: string;
  n: number;
  k: number | null;
  alpha: number;
  runs: number;
  solved: number;
  rate: number;
  rateLo: number;
  rateHi: number;
  /** Median wall time to solution in seconds; +∞ when half or more of the runs failed. */
  medianTimeS: number;
  /** Its distribution-free 95% interval (order statistics; ends may be ±∞: unsolved runs, or fewer than 6 runs). */
  medianTimeLoS: number;
  medianTimeHiS: number;
  medianWork: number;
  workUnit: string;
  /** Penalised average runtime: failures count as twice the time limit (seconds). */
  par2S: number;
  /** Time to solution at 99% (Rønnow et al. 2014): median cost of a run × log 0.01 / log(1 − rate), at least one run. */
  tts99: PointCosts;
  /** Expected running time (COCO): total cost of all runs / number solved. */
  ert: PointCosts;
  /** Total CPU time over total wall time of the runs that recorded CPU time; null when none did. */
  cpuWallRatio: number | null;
  /** The total wall time (s) that ratio rests on. */
  cpuWallS: number;
  statusCounts: Record<RunStatus, number>;
  /** Mean test error over all runs with a teacher or test set, with its 95% Student-t interval (null when undefined). */
  meanTestError: number | null;
  testErrorLo: number | null;
  testErrorHi: number | null;
  meanTeacherOverlap: number | null;
  /** Mean training error rate (verified energy / constraints) over the runs with an answer; null when none had one. */
  meanTrainError: number | null;
  /**
   * Flatness: (p, error rate after flipping a fraction p of the variables) averaged over the solved runs that recorded
   * it; for data sets (rarely fitted exactly) averaged over every run, and for continuous networks the pairs are
   * (σ, error rate) under multiplicative noise. null when none recorded it.
   */
  flatness: [number, number][] | null;
  flatnessMeasure: 'flip' | 'noise';
  /** How many runs the flatness curve averages (0 without one). */
  flatnessRuns: number;
}

export interface CurveSummary {
  plugin: string;
  problem: string;
  n: number;
  k: number | null;
  /**
   * How α₅₀ was found: 'fit', a maximum-likelihood fit of a logistic success curve to every run (fitSuccessCurve);
   * 'separated', every run solved up to one α and none from the next (or one outcome only), where no fit exists.
   */
  alpha50Kind: 'fit' | 'separated';
  /** The fitted α₅₀ (where the fitted rate is ½; may lie outside the α range run); null when separated or flat. */
  alpha50: number | null;
  /**
   * Its 95% profile-likelihood interval (fit), or the bracket (separated: the last α with every run solved and the
   * first with none). null where the data do not bound it: beyond the α range run (fit), or no such α (separated).
   */
  alpha50Lo: number | null;
  alpha50Hi: number | null;
  /** The fit's slope β in p(α) = 1/(1 + e^(−β(α − α₅₀))): the rate falls by |β|/4 per unit α at α₅₀. null when separated. */
  alpha50Slope: number | null;
  /**
   * The interval that ranks and compares α₅₀: the profile interval of a fit; for a separated curve the bracket,
   * widened to the Wilson crossing's ends where they lie outside it (a bracket from ≤ 3 runs per α bounds nothing at
   * 95%), its ends exclusive where they do not (nudged inward by 10⁻⁹). null = open on that side.
   */
  alpha50Compare: { lo: number | null; hi: number | null };
  /**
   * The cross-check: where the success rate, and the lower and upper ends of its Wilson bands, cross ½ (linear
   * interpolation between the αs run; null where that curve does not cross inside the range).
   */
  crossing: { alpha50: number | null; lo: number | null; hi: number | null };
  points: PointSummary[];
}

const EMPTY_COUNTS = (): Record<RunStatus, number> => Object.fromEntries(RUN_STATUSES.map((s) => [s, 0])) as Record<RunStatus, number>;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

const MS = 1000;

/** CPU time is said to depart from wall time when their ratio lies outside [1/1.5, 1.5]… */
export const CPU_WALL_FACTOR = 1.5;
/** …over at least this much wall time of the point's runs (the CPU clock of /proc counts in 10 ms ticks). */
export const CPU_WALL_MIN_S = 1;

/** Whether a point's CPU time departs from its wall time (see CPU_WALL_FACTOR). */
export function cpuDeparts(p: Pick<PointSummary, 'cpuWallRatio' | 'cpuWallS'>): boolean {
  return p.cpuWallRatio !== null && p.cpuWallS >= CPU_WALL_MIN_S && (p.cpuWallRatio > CPU_WALL_FACTOR || p.cpuWallRatio < 1 / CPU_WALL_FACTOR);
}

/** A core cost estimate as a CostInterval, time and CPU time in seconds. */
function costInterval(e: CostEstimate, measure: CostMeasure): CostInterval {
  const scale = measure === 'work' ? 1 : 1 / MS;
  return { value: e.value * scale, lo: e.lo * scale, hi: e.hi * scale };
}

function pointCosts(records: readonly RunRecord[], estimate: typeof tts99Estimate): PointCosts {
  const cost = (measure: CostMeasure): CostInterval => costInterval(estimate(records, { measure }), measure);
  const cpu = records.every((r) => typeof r.cpuTimeMs === 'number');
  return { timeS: cost('time'), work: cost('work'), cpuS: cpu ? cost('cpu') : null };
}

export function summarizePoint(records: readonly RunRecord[]): PointSummary {
  const first = records[0]!;
  const statusCounts = EMPTY_COUNTS();
  for (const r of records) statusCounts[r.status]++;
  const solved = statusCounts.solved;
  const { lo, hi } = wilsonInterval(solved, records.length);
  const inf = Number.POSITIVE_INFINITY;
  const testError = meanInterval(records.flatMap((r) => (r.testError === null ? [] : [r.testError])));
  const times = records.map((r) => (r.status === 'solved' ? r.wallTimeMs / 1000 : inf));
  const timeInterval = medianInterval(times);
  const overlap = meanInterval(records.flatMap((r) => (r.teacherOverlap === null ? [] : [r.teacherOverlap])));
  const withCpu = records.filter((r) => typeof r.cpuTimeMs === 'number');
  const cpuWallMs = withCpu.reduce((sum, r) => sum + r.wallTimeMs, 0);
  const flatness = flatnessRuns(records);
  return {
    plugin: first.plugin,
    problem: first.problem,
    n: first.n,
    k: first.k,
    alpha: first.alpha,
    runs: records.length,
    solved,
    rate: solved / records.length,
    rateLo: lo,
    rateHi: hi,
    medianTimeS: median(times),
    medianTimeLoS: timeInterval.lo,
    medianTimeHiS: timeInterval.hi,
    medianWork: median(records.map((r) => (r.status === 'solved' && r.work !== null ? r.work : inf))),
    workUnit: first.workUnit,
    par2S: par(records.map((r) => ({ solved: r.status === 'solved', seconds: r.wallTimeMs / 1000, limitSeconds: r.timeLimitS }))),
    tts99: pointCosts(records, tts99Estimate),
    ert: pointCosts(records, ertEstimate),
    cpuWallRatio: withCpu.length && cpuWallMs > 0 ? withCpu.reduce((sum, r) => sum + r.cpuTimeMs!, 0) / cpuWallMs : null,
    cpuWallS: cpuWallMs / MS,
    statusCounts,
    meanTestError: finiteOrNull(testError.mean),
    testErrorLo: finiteOrNull(testError.lo),
    testErrorHi: finiteOrNull(testError.hi),
    meanTeacherOverlap: finiteOrNull(overlap.mean),
    meanTrainError: meanTrainError(records),
    flatness: flatness.length ? meanFlatness(flatness) : null,
    flatnessMeasure: records.find((r) => r.flatness)?.flatnessMeasure ?? 'flip',
    flatnessRuns: flatness.length,
  };
}

function meanTrainError(records: readonly RunRecord[]): number | null {
  const rates = records.flatMap((r) => {
    if (r.energy === null) return [];
    const spec: InstanceSpec = { problem: r.problem, n: r.n, alpha: r.alpha, k: r.k, seed: r.seed };
    return [r.energy / specConstraintCount(spec)];
  });
  return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
}

/** The flatness curves a point averages: its solved runs', or every run's for a data set. */
function flatnessRuns(records: readonly RunRecord[]): [number, number][][] {
  const anyRun = records.some((r) => isDataset(r.problem));
  return records.flatMap((r) => ((anyRun || r.status === 'solved') && r.flatness ? [r.flatness] : []));
}

/** Mean of flatness curves, fraction by fraction (same grid: one harness, one plugin). */
function meanFlatness(curves: readonly [number, number][][]): [number, number][] {
  return curves[0]!.map(([fraction], i) => [fraction, curves.reduce((sum, curve) => sum + (curve[i]?.[1] ?? 0), 0) / curves.length]);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(item);
  }
  return groups;
}

/**
 * α₅₀ of a curve's runs: the logistic fit with its profile interval, or the bracket of a separated curve; the Wilson
 * crossing beside it; and the interval that ranks and compares it (see CurveSummary.alpha50Compare).
 */
function curveAlpha50(records: readonly RunRecord[], points: readonly PointSummary[]): Pick<CurveSummary, 'alpha50Kind' | 'alpha50' | 'alpha50Lo' | 'alpha50Hi' | 'alpha50Slope' | 'alpha50Compare' | 'crossing'> {
  const counts = successCounts(records);
  const fit = fitSuccessCurve(counts);
  const crossing = wilsonCrossingAlpha50(counts);
  const lo = finiteOrNull(fit.lo);
  const hi = finiteOrNull(fit.hi);
  if (fit.kind === 'fit') {
    return { alpha50Kind: 'fit', alpha50: finiteOrNull(fit.alpha50), alpha50Lo: lo, alpha50Hi: hi, alpha50Slope: fit.slope, alpha50Compare: { lo, hi }, crossing };
  }
  // A band that does not cross ½ inside the range crosses beyond it: above when it is still ≥ ½ at the last α (as an
  // end, at least the largest α), below when it is < ½ from the first (at most the smallest α), else anywhere.
  const inf = Number.POSITIVE_INFINITY;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const bandEnd = (value: number | null, band: 'rateLo' | 'rateHi'): [number, number] => {
    if (value !== null) return [value, value];
    if (last[band] >= 0.5) return [last.alpha, inf];
    if (first[band] < 0.5) return [-inf, first.alpha];
    return [-inf, inf];
  };
  const ends = [bandEnd(crossing.lo, 'rateLo'), bandEnd(crossing.hi, 'rateHi')];
  const widestLo = Math.min(...ends.map(([a]) => a));
  const widestHi = Math.max(...ends.map(([, b]) => b));
  // Where the Wilson ends lie inside the bracket, its end is kept, exclusive: every run there was solved (or none), and
  // the Wilson interval at that α excludes ½, so α₅₀ lies strictly beyond it. Exclusive ends are nudged inward, so that
  // two brackets touching at an α where one plugin solved every run and the other none are separated.
  const inward = (alpha: number, sign: number): number => alpha + sign * 1e-9 * Math.max(1, Math.abs(alpha));
  const compareLo = widestLo < fit.lo ? widestLo : Number.isFinite(fit.lo) ? inward(fit.lo, +1) : fit.lo;
  const compareHi = widestHi > fit.hi ? widestHi : Number.isFinite(fit.hi) ? inward(fit.hi, -1) : fit.hi;
  return {
    alpha50Kind: 'separated', alpha50: null, alpha50Lo: lo, alpha50Hi: hi, alpha50Slope: null,
    alpha50Compare: { lo: finiteOrNull(compareLo), hi: finiteOrNull(compareHi) }, crossing,
  };
}

// summarize runs the bootstraps of every point: the report calls it on the same records for the page, summary.md,
// summary.json and the CLI's table, so it is computed once per array of records.
const summaries = new WeakMap<readonly RunRecord[], { length: number; curves: CurveSummary[] }>();

/** One curve per (plugin, problem, N, K), points sorted by α; curves sorted by problem, N, plugin. */
export function summarize(records: readonly RunRecord[]): CurveSummary[] {
  const cached = summaries.get(records);
  if (cached && cached.length === records.length) return cached.curves;
  const curves: CurveSummary[] = [];
  for (const group of groupBy(records, (r) => `${r.plugin}|${r.problem}|${r.n}|${r.k}`).values()) {
    const points = [...groupBy(group, (r) => String(r.alpha)).values()].map(summarizePoint).sort((a, b) => a.alpha - b.alpha);
    const first = group[0]!;
    curves.push({ plugin: first.plugin, problem: first.problem, n: first.n, k: first.k, ...curveAlpha50(group, points), points });
  }
  curves.sort((a, b) => a.problem.localeCompare(b.problem) || a.n - b.n || (a.k ?? 0) - (b.k ?? 0) || a.plugin.localeCompare(b.plugin));
  summaries.set(records, { length: records.length, curves });
  return curves;
}

/**
 * The α at which to compare costs across curves: the one with the most finite median times (more than half of the
 * runs solved) over the curves given; ties go to the larger (harder) α. null when no curve has a median anywhere.
 */
export function referenceAlpha(curves: readonly CurveSummary[]): number | null {
  const counts = new Map<number, number>();
  for (const c of curves) for (const p of c.points) if (Number.isFinite(p.medianTimeS)) counts.set(p.alpha, (counts.get(p.alpha) ?? 0) + 1);
  let best: number | null = null;
  for (const [alpha, count] of counts) if (best === null || count > counts.get(best)! || (count === counts.get(best)! && alpha > best)) best = alpha;
  return best;
}

/** One row of a leaderboard: a plugin's standing in one (problem, N, K) group. */
export interface LeaderboardRow {
  /** 1 + the number of plugins whose α₅₀ interval lies wholly above this one's (rankByIntervals). */
  rank: number;
  /** Another plugin has the same rank: their α₅₀ intervals do not separate them. */
  tied: boolean;
  /** The best and worst places consistent with the intervals. */
  rankRange: [number, number];
  plugin: string;
  alpha50Text: string;
  /** The Wilson crossing, as a cross-check. */
  crossingText: string;
  /** Median time to solution (s) at the group's reference α (see referenceAlpha); +∞ when not reached there. */
  referenceTimeS: number;
  referenceTimeText: string;
  solved: number;
  runs: number;
  meanPar2S: number;
  meanPar2Text: string;
  failures: Record<FailureStatus, number>;
}

/** An order for α₅₀ within a rank (higher first): the fit's estimate, a bracket's middle, an open bracket by its end. */
function alpha50Order(c: CurveSummary): number {
  if (c.alpha50 !== null) return c.alpha50;
  const { alpha50Lo: lo, alpha50Hi: hi } = c;
  if (lo !== null && hi !== null) return (lo + hi) / 2;
  if (lo !== null) return lo + 1e6;
  if (hi !== null) return hi - 1e6;
  return Number.NEGATIVE_INFINITY;
}

/** Mean PAR-2 over the curve's points (seconds). */
function meanPar2(c: CurveSummary): number {
  return c.points.reduce((sum, p) => sum + p.par2S, 0) / c.points.length;
}

/** Descending order that treats equal infinities as equal (∞ − ∞ is NaN). */
const descending = (a: number, b: number): number => (a === b ? 0 : b > a ? 1 : -1);

/**
 * The plugins of one (problem, N, K) group ranked by α₅₀ (higher is better) where their 95% intervals separate
 * (rankByIntervals on alpha50Compare): plugins whose intervals do not separate share a rank and are marked tied.
 * Within a rank, rows are listed by α₅₀, then by median time at the reference α, then by mean PAR-2, then by name —
 * an order for reading, not a ranking.
 */
export function leaderboard(group: readonly CurveSummary[]): { referenceAlpha: number | null; rows: LeaderboardRow[] } {
  const alpha = referenceAlpha(group);
  const timeAt = (c: CurveSummary): number => c.points.find((p) => p.alpha === alpha)?.medianTimeS ?? Number.POSITIVE_INFINITY;
  const inf = Number.POSITIVE_INFINITY;
  const ranked = rankByIntervals(group.map((c) => ({ estimate: alpha50Order(c), lo: c.alpha50Compare.lo ?? -inf, hi: c.alpha50Compare.hi ?? inf, curve: c })));
  ranked.sort((a, b) => a.rank - b.rank || descending(a.entry.estimate, b.entry.estimate) || -descending(timeAt(a.entry.curve), timeAt(b.entry.curve)) ||
    meanPar2(a.entry.curve) - meanPar2(b.entry.curve) || a.entry.curve.plugin.localeCompare(b.entry.curve.plugin));
  const rows = ranked.map(({ entry: { curve: c }, rank, tied, bestRank, worstRank }) => {
    const failures = Object.fromEntries(FAILURE_STATUSES.map((status) => [status, c.points.reduce((sum, p) => sum + p.statusCounts[status], 0)])) as Record<FailureStatus, number>;
    return {
      rank,
      tied,
      rankRange: [bestRank, worstRank] as [number, number],
      plugin: c.plugin,
      alpha50Text: alpha50Text(c),
      crossingText: crossingText(c),
      referenceTimeS: timeAt(c),
      referenceTimeText: formatNumber(timeAt(c)),
      solved: c.points.reduce((s, p) => s + p.solved, 0),
      runs: c.points.reduce((s, p) => s + p.runs, 0),
      meanPar2S: meanPar2(c),
      meanPar2Text: formatNumber(meanPar2(c)),
      failures,
    };
  });
  return { referenceAlpha: alpha, rows };
}
