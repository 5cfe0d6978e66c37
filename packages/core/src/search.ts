// The outer loop of every search over ±1 configurations (sa, rmc, lesa, fbp, rbp, and third-party plugins): the search
// takes steps; the driver offers the best-configuration keeper what the search holds after each step, reports progress
// and polls the deadline at the plugin's cadence, and stops at zero energy. The learners' counterpart is
// @densebench/learn's runLearner.
import type { SolveContext } from './plugin.js';

/** Keeps a copy of the lowest-energy configuration offered to it. */
export class BestConfiguration {
  /** The kept configuration (all zeros until one is offered). */
  readonly configuration: Int8Array;
  /** Its energy; +∞ until a configuration is offered. */
  energy = Number.POSITIVE_INFINITY;
  private readonly keepLast: boolean;

  /**
   * `ties`: 'first' (the default) keeps the configuration first offered at the lowest energy; 'last' replaces it with a
   * later one at the same energy.
   */
  constructor(variables: number, ties: 'first' | 'last' = 'first') {
    this.configuration = new Int8Array(variables);
    this.keepLast = ties === 'last';
  }

  /** Copies `configuration` if its energy is lower than the kept one's (or equal, with ties 'last'); returns whether it did. */
  offer(configuration: ArrayLike<number>, energy: number): boolean {
    if (!(this.keepLast ? energy <= this.energy : energy < this.energy)) return false;
    this.energy = energy;
    this.configuration.set(configuration);
    return true;
  }
}

/** A search over ±1 configurations as steps, driven by `runSearch`. */
export interface Search {
  /** Takes step `index` (0, 1, …). A long step may poll `shouldStop` and cut itself short. */
  step(index: number, shouldStop: () => boolean): void;
  /**
   * Offers the configuration it holds now (or several, e.g. one per replica) to `best`. Called before the first step
   * too: a search with no configuration yet offers nothing.
   */
  offer(best: BestConfiguration): void;
  /** Work done so far, in the plugin's work unit: the work progress reports. */
  readonly work: number;
  /** Energy of the configuration held now: the energy progress reports, unless `progressEnergy` is 'best'. */
  readonly energy: number;
}

/** A search's budget of steps and the cadence of its progress reports and deadline polls. */
export interface SearchSettings {
  /** Steps at most. */
  readonly steps: number;
  /** Progress is reported after steps progressFirst, progressFirst + progressEvery, progressFirst + 2·progressEvery, … */
  readonly progressEvery: number;
  /** Index of the first step reported (default 0). */
  readonly progressFirst?: number;
  /** The energy progress reports: the search's current one (default) or the lowest kept. */
  readonly progressEnergy?: 'current' | 'best';
  /** Whether a due report is still made after the step at which the run stops solved or at the deadline (default true). */
  readonly progressAtStop?: boolean;
  /** The deadline is polled after every `pollEvery`-th step (default 1: after every step). */
  readonly pollEvery?: number;
  /** Whether the deadline is also polled before the first step (default false). */
  readonly pollBeforeFirstStep?: boolean;
}

/** Why `runSearch` stopped: the deadline passed, the kept energy reached zero, or the steps were spent. */
export type SearchStop = 'deadline' | 'solved' | 'budget';

/** What `runSearch` did: why it stopped and how many steps it took. */
export interface SearchOutcome {
  readonly stop: SearchStop;
  readonly steps: number;
}

/**
 * Runs `search` for at most `settings.steps` steps. Before the first step and after each one the search offers `best`
 * its configuration; after each step a due progress report is made, the deadline is polled when due (a passed
 * deadline stops the run, even at a step that also solved it), and the run stops once the kept energy is zero.
 * `best` may carry over from an earlier run (sa's restarts share one).
 */
export function runSearch(search: Search, best: BestConfiguration, settings: SearchSettings, ctx: SolveContext): SearchOutcome {
  const { steps, progressEvery } = settings;
  const progressFirst = settings.progressFirst ?? 0;
  const reportBest = settings.progressEnergy === 'best';
  const progressAtStop = settings.progressAtStop ?? true;
  const pollEvery = settings.pollEvery ?? 1;
  const shouldStop = (): boolean => ctx.shouldStop();
  const report = (): void => ctx.progress(search.work, reportBest ? best.energy : search.energy);
  search.offer(best);
  if (settings.pollBeforeFirstStep && ctx.shouldStop()) return { stop: 'deadline', steps: 0 };
  if (best.energy === 0) return { stop: 'solved', steps: 0 };
  for (let index = 0; index < steps; index++) {
    search.step(index, shouldStop);
    search.offer(best);
    const due = index >= progressFirst && (index - progressFirst) % progressEvery === 0;
    if (due && progressAtStop) report();
    const taken = index + 1;
    if (taken % pollEvery === 0 && ctx.shouldStop()) return { stop: 'deadline', steps: taken };
    if (best.energy === 0) return { stop: 'solved', steps: taken };
    if (due && !progressAtStop) report();
  }
  return { stop: 'budget', steps };
}

/** Geometric schedule capped at `max`: min(max, start · factor^step); `max` = +∞ for none. */
export function geometricSchedule(start: number, factor: number, max: number, step: number): number {
  return Math.min(max, start * Math.pow(factor, step));
}

/** Geometric interpolation from `first` at step 0 to `last` at step `steps` − 1: first · (last/first)^(step/(steps − 1)); `last` when steps ≤ 1. */
export function geometricRamp(first: number, last: number, steps: number, step: number): number {
  if (steps <= 1) return last;
  return geometricSchedule(first, last / first, Number.POSITIVE_INFINITY, step / (steps - 1));
}
