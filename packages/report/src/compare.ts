// Comparing result sets (two commits of a plugin, a run against a stored baseline): the same plugin on the same
// (problem, N, K) is compared measure by measure, and a difference is flagged when the 95% intervals of the two sets
// do not overlap — a deliberately conservative test (two non-overlapping 95% intervals mean p well below 0.05), so that
// what is flagged is worth a look. Measures: α₅₀ (the profile-likelihood interval of the success-curve fit; for a
// separated curve its bracket widened to the Wilson crossings, CurveSummary.alpha50Compare), success rate per α
// (Wilson), median time per α (order statistics) and mean test error per α (Student t).
import type { RunRecord } from '@densebench/core';
import { summarize, type CurveSummary } from './aggregate.js';
import { formatNumber, placeText } from './format.js';

export interface ResultSet {
  name: string;
  records: readonly RunRecord[];
}

export type ComparedMeasure = 'α₅₀' | 'success rate' | 'median time (s)' | 'test error';

/** A value with its 95% interval; ±∞ ends are unbounded (too few runs, or an end outside the range run). */
export interface IntervalValue {
  value: number;
  lo: number;
  hi: number;
}

export interface Difference {
  problem: string;
  n: number;
  k: number | null;
  plugin: string;
  /** The α of a per-α measure; null for α₅₀. */
  alpha: number | null;
  measure: ComparedMeasure;
  baselineSet: string;
  otherSet: string;
  baseline: IntervalValue;
  other: IntervalValue;
  /** The other set relative to the baseline: higher α₅₀ and success rate are better, lower time and test error. */
  verdict: 'better' | 'worse';
}

/** A curve (plugin, problem, N, K) that one set has and the other lacks. */
export interface Unpaired {
  problem: string;
  n: number;
  k: number | null;
  plugin: string;
  /** Which set has the curve the other lacks. */
  onlyIn: string;
}

const HIGHER_IS_BETTER: Record<ComparedMeasure, boolean> = { 'α₅₀': true, 'success rate': true, 'median time (s)': false, 'test error': false };
const inf = Number.POSITIVE_INFINITY;

function curveKey(c: Pick<CurveSummary, 'plugin' | 'problem' | 'n' | 'k'>): string {
  return `${c.plugin}|${c.problem}|${c.n}|${c.k}`;
}

/**
 * A difference when the intervals are disjoint. Nothing to compare when either value is undefined — except for α₅₀,
 * whose interval says what is known even without a point estimate (a separated curve's bracket, a fit outside the range).
 */
function verdictOf(measure: ComparedMeasure, a: IntervalValue, b: IntervalValue): 'better' | 'worse' | null {
  if (measure !== 'α₅₀' && (!Number.isFinite(a.value) || !Number.isFinite(b.value))) return null;
  if (b.lo > a.hi) return HIGHER_IS_BETTER[measure] ? 'better' : 'worse';
  if (b.hi < a.lo) return HIGHER_IS_BETTER[measure] ? 'worse' : 'better';
  return null;
}

/**
 * The flagged differences of `other` against `baseline`, for every (plugin, problem, N, K) curve both have, and the
 * curves only one of them has.
 */
export function compareCurves(baseline: readonly CurveSummary[], other: readonly CurveSummary[], names: { baseline: string; other: string }): { differences: Difference[]; unpaired: Unpaired[] } {
  const others = new Map(other.map((c) => [curveKey(c), c]));
  const baselines = new Map(baseline.map((c) => [curveKey(c), c]));
  const differences: Difference[] = [];
  const unpaired: Unpaired[] = [];
  for (const a of baseline) {
    const b = others.get(curveKey(a));
    if (!b) {
      unpaired.push({ problem: a.problem, n: a.n, k: a.k, plugin: a.plugin, onlyIn: names.baseline });
      continue;
    }
    const push = (measure: ComparedMeasure, alpha: number | null, x: IntervalValue, y: IntervalValue): void => {
      const verdict = verdictOf(measure, x, y);
      if (verdict) differences.push({ problem: a.problem, n: a.n, k: a.k, plugin: a.plugin, alpha, measure, baselineSet: names.baseline, otherSet: names.other, baseline: x, other: y, verdict });
    };
    // α₅₀: the interval that ranks it (open ends unbounded); the value is the fit's, NaN for a separated curve.
    const alpha50 = (c: CurveSummary): IntervalValue => ({ value: c.alpha50 ?? Number.NaN, lo: c.alpha50Compare.lo ?? -inf, hi: c.alpha50Compare.hi ?? inf });
    push('α₅₀', null, alpha50(a), alpha50(b));
    for (const p of a.points) {
      const q = b.points.find((x) => x.alpha === p.alpha);
      if (!q) continue;
      push('success rate', p.alpha, { value: p.rate, lo: p.rateLo, hi: p.rateHi }, { value: q.rate, lo: q.rateLo, hi: q.rateHi });
      push('median time (s)', p.alpha, { value: p.medianTimeS, lo: p.medianTimeLoS, hi: p.medianTimeHiS }, { value: q.medianTimeS, lo: q.medianTimeLoS, hi: q.medianTimeHiS });
      const testError = (x: typeof p): IntervalValue => ({ value: x.meanTestError ?? Number.NaN, lo: x.testErrorLo ?? -inf, hi: x.testErrorHi ?? inf });
      push('test error', p.alpha, testError(p), testError(q));
    }
  }
  for (const b of other) if (!baselines.has(curveKey(b))) unpaired.push({ problem: b.problem, n: b.n, k: b.k, plugin: b.plugin, onlyIn: names.other });
  return { differences, unpaired };
}

/** How a plugin run in several of the sets being merged is named in the merged report. */
export function labelledPlugin(plugin: string, set: string): string {
  return `${plugin} (${set})`;
}

/**
 * Several result sets in one report: their records together, a plugin present in more than one set labelled with each
 * set's name so that its curves stay apart; and every set after the first compared with the first on the plugins they
 * share. (Joining the shards of one sweep into a result set is the harness's mergeResultSets.)
 */
export function compareResultSets(sets: readonly ResultSet[]): { records: RunRecord[]; differences: Difference[] } {
  const setsOf = new Map<string, Set<string>>();
  for (const set of sets) for (const r of set.records) setsOf.set(r.plugin, (setsOf.get(r.plugin) ?? new Set()).add(set.name));
  const records = sets.flatMap((set) => set.records.map((r) => ((setsOf.get(r.plugin)?.size ?? 0) > 1 ? { ...r, plugin: labelledPlugin(r.plugin, set.name) } : r)));
  const [first, ...rest] = sets;
  const differences = first === undefined ? [] : rest.flatMap((set) => compareCurves(summarize(first.records), summarize(set.records), { baseline: first.name, other: set.name }).differences);
  return { records, differences };
}

/** Unique display names for result sets: their own names, with " #2", " #3" … added to repeats. */
export function uniqueSetNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} #${count}`;
  });
}

/** "0.62 [0.58, 0.66]", with ∞ for unbounded ends; "[4.1, 4.2]" without a value (a separated curve's α₅₀). */
export function intervalText(v: IntervalValue): string {
  const f = (x: number): string => (x === inf ? '∞' : x === -inf ? '−∞' : formatNumber(x));
  return `${Number.isNaN(v.value) ? '' : `${f(v.value)} `}[${f(v.lo)}, ${f(v.hi)}]`;
}

/** Where a difference was measured: "perceptron, N = 201, α = 0.6". */
export function differencePlace(d: Pick<Difference, 'problem' | 'n' | 'k' | 'alpha'>): string {
  return placeText(d);
}
