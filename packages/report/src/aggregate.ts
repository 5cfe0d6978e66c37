// Aggregates run records per (plugin, problem, N, K, α): success rate with its Wilson interval, median time and
// work to solution (unsolved runs count as +∞), PAR-2, mean generalization error; and α₅₀ per (plugin, problem, N, K).
import { crossingAlpha, meanInterval, median, medianInterval, par, RUN_STATUSES, wilsonInterval, type RunRecord, type RunStatus } from '@densebench/core';
import { isDataset, specConstraintCount, type InstanceSpec } from '@densebench/problems';
import { FAILURE_STATUSES, type FailureStatus } from './failures.js';
import { alpha50Text, formatNumber } from './format.js';

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
}

export interface CurveSummary {
  plugin: string;
  problem: string;
  n: number;
  k: number | null;
  /** α at which the success rate crosses 1/2 (linear interpolation); null when it does not cross in the range run. */
  alpha50: number | null;
  /**
   * Its uncertainty: where the lower and the upper ends of the Wilson intervals cross 1/2. null when that end does
   * not cross in the range run (the lower end may stay below 1/2 everywhere, the upper one above it).
   */
  alpha50Lo: number | null;
  alpha50Hi: number | null;
  points: PointSummary[];
}

const EMPTY_COUNTS = (): Record<RunStatus, number> => Object.fromEntries(RUN_STATUSES.map((s) => [s, 0])) as Record<RunStatus, number>;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

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
    statusCounts,
    meanTestError: finiteOrNull(testError.mean),
    testErrorLo: finiteOrNull(testError.lo),
    testErrorHi: finiteOrNull(testError.hi),
    meanTeacherOverlap: finiteOrNull(overlap.mean),
    meanTrainError: meanTrainError(records),
    flatness: meanFlatness(records),
    flatnessMeasure: records.find((r) => r.flatness)?.flatnessMeasure ?? 'flip',
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

/** Mean flatness curve of the solved runs, or of all runs for a data set (same grid: one harness, one plugin). */
function meanFlatness(records: readonly RunRecord[]): [number, number][] | null {
  const anyRun = records.some((r) => isDataset(r.problem));
  const curves = records.flatMap((r) => ((anyRun || r.status === 'solved') && r.flatness ? [r.flatness] : []));
  if (curves.length === 0) return null;
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

/** One curve per (plugin, problem, N, K), points sorted by α; curves sorted by problem, N, plugin. */
export function summarize(records: readonly RunRecord[]): CurveSummary[] {
  const curves: CurveSummary[] = [];
  for (const group of groupBy(records, (r) => `${r.plugin}|${r.problem}|${r.n}|${r.k}`).values()) {
    const points = [...groupBy(group, (r) => String(r.alpha)).values()].map(summarizePoint).sort((a, b) => a.alpha - b.alpha);
    const first = group[0]!;
    curves.push({
      plugin: first.plugin,
      problem: first.problem,
      n: first.n,
      k: first.k,
      alpha50: crossingAlpha(points) ?? null,
      alpha50Lo: crossingAlpha(points.map((p) => ({ alpha: p.alpha, rate: p.rateLo }))) ?? null,
      alpha50Hi: crossingAlpha(points.map((p) => ({ alpha: p.alpha, rate: p.rateHi }))) ?? null,
      points,
    });
  }
  return curves.sort((a, b) => a.problem.localeCompare(b.problem) || a.n - b.n || (a.k ?? 0) - (b.k ?? 0) || a.plugin.localeCompare(b.plugin));
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
  rank: number;
  plugin: string;
  alpha50Text: string;
  /** Median time to solution (s) at the group's reference α (see referenceAlpha); +∞ when not reached there. */
  referenceTimeS: number;
  referenceTimeText: string;
  solved: number;
  runs: number;
  meanPar2S: number;
  meanPar2Text: string;
  failures: Record<FailureStatus, number>;
}

/** A sort key for α₅₀: above the range first, then by crossing, then below the range. */
function alpha50Rank(c: CurveSummary): number {
  if (c.alpha50 !== null) return c.alpha50;
  const alphas = c.points.map((p) => p.alpha);
  return c.points.every((p) => p.rate > 0.5) ? Math.max(...alphas) + 1e6 : Math.min(...alphas) - 1e6;
}

/** Mean PAR-2 over the curve's points (seconds). */
function meanPar2(c: CurveSummary): number {
  return c.points.reduce((sum, p) => sum + p.par2S, 0) / c.points.length;
}

/**
 * The plugins of one (problem, N, K) group ranked by α₅₀ (higher is better; a plugin whose rate never falls to ½ ranks
 * above, one that never reaches it below), then by median time at the reference α, then by mean PAR-2, then by name.
 */
export function leaderboard(group: readonly CurveSummary[]): { referenceAlpha: number | null; rows: LeaderboardRow[] } {
  const alpha = referenceAlpha(group);
  const timeAt = (c: CurveSummary): number => c.points.find((p) => p.alpha === alpha)?.medianTimeS ?? Number.POSITIVE_INFINITY;
  // Equal +∞ times compare as NaN: treat them as a tie.
  const byTime = (a: CurveSummary, b: CurveSummary): number => (timeAt(a) === timeAt(b) ? 0 : timeAt(a) - timeAt(b));
  const ranked = [...group].sort((a, b) => alpha50Rank(b) - alpha50Rank(a) || byTime(a, b) || meanPar2(a) - meanPar2(b) || a.plugin.localeCompare(b.plugin));
  const rows = ranked.map((c, i) => {
    const failures = Object.fromEntries(FAILURE_STATUSES.map((status) => [status, c.points.reduce((sum, p) => sum + p.statusCounts[status], 0)])) as Record<FailureStatus, number>;
    return {
      rank: i + 1,
      plugin: c.plugin,
      alpha50Text: alpha50Text(c),
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
