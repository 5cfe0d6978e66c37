// Cost of a solution for a randomised solver, two ways, each with a bootstrap 95% interval.
//
// TTS₉₉ (time to solution with 99% confidence; Rønnow et al., "Defining and detecting quantum speedup", Science 345,
// 420 (2014)): a run succeeds with probability p and costs t, so R independent runs succeed at least once with
// probability 1 − (1 − p)^R; setting that to 0.99 gives
//
//   TTS₉₉ = t · log(1 − 0.99) / log(1 − p),
//
// and at least one run: t when p ≥ 0.99 (where the formula would give less than one run), +∞ when p = 0. Here
// p = solved/runs at one point and t is the median cost of all its runs, solved or not (every repetition is paid for).
//
// ERT (expected running time; Hansen, Auger, Ros, Mersmann, Tušar, Brockhoff, "COCO: a platform for comparing
// continuous optimizers in a black-box setting", Optim. Methods Softw. 36, 114 (2021), and Price, ICEO 1997): the
// cost of all runs, successful and not, divided by the number of successes,
//
//   ERT = Σ costᵢ / #successes   (+∞ without a success),
//
// the expected cost of a restart strategy that repeats independent runs until one succeeds.
//
// Costs are wall time (ms), CPU time (ms) or work (the plugin's work unit), chosen by `measure`. Intervals: percentile
// bootstrap over the point's runs (bootstrap.ts); an end is +∞ where enough resamples have no success.
import { bootstrapInterval, type BootstrapOptions } from './bootstrap.js';
import type { RunStatus } from './record.js';
import { median } from './stats.js';

/** What a cost is measured in: wall time (ms), CPU time (ms) or the plugin's work. */
export type CostMeasure = 'time' | 'cpu' | 'work';

/** The fields of a run record these measures read. */
export interface CostedRun {
  status: RunStatus;
  wallTimeMs: number;
  cpuTimeMs?: number | null;
  work: number | null;
}

/** A cost with its bootstrap 95% interval, in the unit of `measure`. NaN when a run's cost is unknown. */
export interface CostEstimate {
  value: number;
  lo: number;
  hi: number;
  measure: CostMeasure;
  runs: number;
  solved: number;
}

export interface CostOptions extends BootstrapOptions {
  /** default 'time' */
  measure?: CostMeasure;
}

/** A run's cost in `measure`; NaN when not recorded (work or CPU time null or absent). */
export function runCost(run: CostedRun, measure: CostMeasure): number {
  const cost = measure === 'time' ? run.wallTimeMs : measure === 'cpu' ? run.cpuTimeMs : run.work;
  return cost === null || cost === undefined ? Number.NaN : cost;
}

/**
 * TTS at confidence `target` from a success probability p and a cost per run t: t·log(1 − target)/log(1 − p), at least
 * t (one run), +∞ at p = 0. Rønnow et al., Science 345, 420 (2014).
 */
export function timeToTarget(p: number, t: number, target = 0.99): number {
  if (Number.isNaN(p) || Number.isNaN(t)) return Number.NaN;
  if (p <= 0) return Number.POSITIVE_INFINITY;
  if (p >= target) return t;
  return (t * Math.log(1 - target)) / Math.log(1 - p);
}

/** TTS₉₉ of one point's runs: p = solved/runs, t = median cost of all runs. NaN without runs or with an unknown cost. */
export function tts99(runs: readonly CostedRun[], measure: CostMeasure = 'time', target = 0.99): number {
  if (runs.length === 0) return Number.NaN;
  const costs = runs.map((r) => runCost(r, measure));
  if (costs.some(Number.isNaN)) return Number.NaN;
  const solved = runs.reduce((s, r) => s + (r.status === 'solved' ? 1 : 0), 0);
  return timeToTarget(solved / runs.length, median(costs), target);
}

/**
 * ERT of one point's runs: Σ cost of all runs / number solved; +∞ when none was solved, NaN without runs or with an
 * unknown cost. Hansen et al., Optim. Methods Softw. 36, 114 (2021); Price (1997).
 */
export function expectedRunningTime(runs: readonly CostedRun[], measure: CostMeasure = 'time'): number {
  if (runs.length === 0) return Number.NaN;
  let total = 0;
  let solved = 0;
  for (const r of runs) {
    total += runCost(r, measure);
    if (r.status === 'solved') solved++;
  }
  if (Number.isNaN(total)) return Number.NaN;
  return solved === 0 ? Number.POSITIVE_INFINITY : total / solved;
}

/** TTS₉₉ with a percentile-bootstrap 95% interval over the runs (B = 2000 seeded resamples unless told otherwise). */
export function tts99Estimate(runs: readonly CostedRun[], options: CostOptions & { target?: number } = {}): CostEstimate {
  const measure = options.measure ?? 'time';
  const statistic = (sample: readonly CostedRun[]): number => tts99(sample, measure, options.target);
  return estimate(runs, measure, statistic, options);
}

/** ERT with a percentile-bootstrap 95% interval over the runs (B = 2000 seeded resamples unless told otherwise). */
export function ertEstimate(runs: readonly CostedRun[], options: CostOptions = {}): CostEstimate {
  const measure = options.measure ?? 'time';
  return estimate(runs, measure, (sample) => expectedRunningTime(sample, measure), options);
}

function estimate(runs: readonly CostedRun[], measure: CostMeasure, statistic: (sample: readonly CostedRun[]) => number, options: BootstrapOptions): CostEstimate {
  const value = statistic(runs);
  const { lo, hi } = Number.isNaN(value) ? { lo: Number.NaN, hi: Number.NaN } : bootstrapInterval(runs, statistic, options);
  return { value, lo, hi, measure, runs: runs.length, solved: runs.filter((r) => r.status === 'solved').length };
}
