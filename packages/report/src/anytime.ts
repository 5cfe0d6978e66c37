// The anytime, or fixed-budget, view (COCO: Hansen et al., "COCO: a platform for comparing continuous optimizers in a
// black-box setting", Optim. Methods Softw. 36, 114 (2021); IOHprofiler's fixed-budget plots): for one plugin at one
// point, the best energy found so far against the work done, as the median and quartiles over the runs. Where the
// fixed-target measures (success rate, time to solution) only say whether and when a solver reached zero energy, this
// shows how it got there, and how far it stayed from it when it did not.
//
// A run's record carries its trace — (work, energy) pairs reported through ctx.progress, thinned by the harness — and
// its final (work, energy). Its best energy at a budget w is the least energy it had reported by work w. Before its
// first report a run has shown nothing: +∞, like an unsolved run in the time quantiles. After its end it keeps its final
// best (a run that stopped spends no more of a larger budget). Quantiles interpolate as everywhere in the report (type
// 7); one that touches +∞ is +∞, and is not drawn.
import { quantile, type RunRecord } from '@densebench/core';

/** Budgets per curve, spaced evenly in log work between the smallest positive and the largest work reported. */
export const ANYTIME_GRID = 40;

/** (work, best energy so far) after each report of a run, in order of work; [] when it reported nothing. */
export function bestSoFar(r: Pick<RunRecord, 'trace' | 'work' | 'energy'>): [number, number][] {
  const reports: [number, number][] = [...(r.trace ?? [])];
  if (r.work !== null && r.energy !== null) reports.push([r.work, r.energy]);
  reports.sort((a, b) => a[0] - b[0]);
  let best = Number.POSITIVE_INFINITY;
  return reports.map(([work, energy]) => [work, (best = Math.min(best, energy))]);
}

/** The best energy of a run's steps (from bestSoFar) at a budget: +∞ before its first report. */
export function bestAt(steps: readonly [number, number][], work: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const [w, e] of steps) {
    if (w > work) break;
    best = e;
  }
  return best;
}

/** One plugin's anytime curve at one point: budgets with the quartiles of the best energy there (null for +∞). */
export interface AnytimeCurve {
  runs: number;
  /** Runs that reported a trace. */
  traced: number;
  /** [work, first quartile, median, third quartile] of the best energy so far. */
  points: [number, number | null, number | null, number | null][];
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
const round4 = (x: number): number => Number(x.toPrecision(4));

/** The anytime curve of one point's runs; null when no run reported a trace. */
export function anytimeCurve(records: readonly RunRecord[], gridSize = ANYTIME_GRID): AnytimeCurve | null {
  const traced = records.filter((r) => r.trace && r.trace.length > 0).length;
  if (traced === 0) return null;
  const steps = records.map(bestSoFar);
  const works = steps.flatMap((s) => s.map(([w]) => w));
  const positive = works.filter((w) => w > 0);
  const hi = Math.max(...works);
  const lo = positive.length ? Math.min(...positive) : hi;
  const budgets = !(hi > lo) || lo <= 0 ? [hi] : Array.from({ length: gridSize }, (_, i) => (i === gridSize - 1 ? hi : lo * Math.pow(hi / lo, i / (gridSize - 1))));
  const points = budgets.map((w): AnytimeCurve['points'][number] => {
    const best = steps.map((s) => bestAt(s, w));
    return [round4(w), orNull(quantile(best, 0.25)), orNull(quantile(best, 0.5)), orNull(quantile(best, 0.75))];
  });
  return { runs: records.length, traced, points };
}
