// Restarts of the annealer, for any problem with an incremental energy: each restart is one run of core's search
// driver over `sweeps` sweeps (one sweep per step, β on core's geometric ramp), and the restarts share one keeper.
// The sweep is local-search's Metropolis sweep kernel, bound to the annealer's state in the backend the params name.
import { BestConfiguration, geometricRamp, runSearch, type Rng, type Search, type SearchSettings, type SolveContext } from '@densebench/core';
import { randomConfiguration, type BoundSweep, type IncrementalEnergy } from '@densebench/local-search';
import type { AnnealResult, SaParams } from './types.js';

/** Annealing as steps: step t is one Metropolis sweep at β_t. The attempts are counted over every restart. */
class Annealing implements Search {
  /** Attempted flips, summed over restarts as integers: work is their sum over N, not a sum of per-sweep fractions. */
  private attempts = 0;
  private readonly start: Int8Array;

  constructor(
    private readonly annealer: IncrementalEnergy,
    private readonly sweep: BoundSweep,
    private readonly params: SaParams,
    private readonly rng: Rng,
  ) {
    this.start = new Int8Array(annealer.variables);
  }

  /** Starts a restart from a uniformly random configuration. */
  restart(): void {
    this.annealer.reset(randomConfiguration(this.start, this.rng));
  }

  step(sweep: number): void {
    const { beta0, beta1, sweeps } = this.params;
    this.attempts += this.sweep(geometricRamp(beta0, beta1, sweeps, sweep), this.rng);
  }

  offer(best: BestConfiguration): void {
    best.offer(this.annealer.weights, this.annealer.energy);
  }

  get work(): number {
    return this.attempts / this.annealer.variables;
  }

  get energy(): number {
    return this.annealer.energy;
  }
}

/**
 * Runs `restarts` annealings from random configurations, each of `sweeps` sweeps of `sweep` (bound to `annealer`),
 * stopping at E = 0 or at the deadline; returns the best configuration seen.
 */
export function runRestarts(
  annealer: IncrementalEnergy,
  sweep: BoundSweep,
  params: SaParams,
  ctx: SolveContext,
): AnnealResult {
  const annealing = new Annealing(annealer, sweep, params, ctx.rng);
  const best = new BestConfiguration(annealer.variables);
  const settings: SearchSettings = { steps: params.sweeps, progressEvery: Math.max(1, Math.floor(params.sweeps / 100)) };
  for (let restart = 0; restart < params.restarts; restart++) {
    annealing.restart();
    const { stop } = runSearch(annealing, best, settings, ctx);
    if (stop !== 'budget') return { weights: best.configuration, energy: best.energy, sweeps: annealing.work, restart, stoppedByDeadline: stop === 'deadline' };
  }
  return { weights: best.configuration, energy: best.energy, sweeps: annealing.work, restart: params.restarts - 1, stoppedByDeadline: false };
}
