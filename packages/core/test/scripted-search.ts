// Test doubles for the search driver: a search that walks through a given list of energies, and a context that records
// progress reports and answers deadline polls from a script.
import { Rng, type BestConfiguration, type Search, type SolveContext } from '../src/index.js';

/** Step i moves to energies[i] and adds 10 to the work; its one-variable configuration holds i + 1 (0 at the start). */
export class ScriptedSearch implements Search {
  work = 0;
  energy: number;
  /** Indices of the steps taken, in order. */
  readonly taken: number[] = [];
  readonly configuration = new Int8Array(1);

  constructor(
    start: number,
    private readonly energies: readonly number[],
  ) {
    this.energy = start;
  }

  step(index: number): void {
    this.taken.push(index);
    this.energy = this.energies[index]!;
    this.work += 10;
    this.configuration[0] = index + 1;
  }

  offer(best: BestConfiguration): void {
    best.offer(this.configuration, this.energy);
  }
}

/** A context whose deadline has passed from poll number `deadlineAtPoll` on (1-based; ∞: never), recording every poll and report. */
export function scriptedContext(search: ScriptedSearch, deadlineAtPoll = Number.POSITIVE_INFINITY) {
  /** Steps taken when each poll was made. */
  const polls: number[] = [];
  const reports: [number, number][] = [];
  const ctx: SolveContext = {
    rng: new Rng('scripted'),
    signal: new AbortController().signal,
    deadline: Number.POSITIVE_INFINITY,
    shouldStop() {
      polls.push(search.taken.length);
      return polls.length >= deadlineAtPoll;
    },
    progress(work, energy) {
      reports.push([work, energy]);
    },
    log() {},
  };
  return { ctx, polls, reports };
}
