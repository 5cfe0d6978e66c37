// Restart and schedule driver shared by the perceptron and K-SAT annealers.
import type { SolveContext } from '@densebench/core';
import { geometricBeta } from './schedule.js';
import type { AnnealResult, SaParams } from './types.js';

/** What the driver needs from a kernel: set a configuration, run one sweep at β, expose energy and configuration. */
export interface Annealer {
  reset(configuration: Int8Array): void;
  sweep(beta: number, rng: SolveContext['rng']): number;
  readonly energy: number;
  readonly weights: Int8Array;
}

/** Runs `restarts` annealings from random configurations, each of `sweeps` sweeps, stopping at E = 0 or at the deadline; returns the best configuration seen. */
export function runRestarts(
  annealer: Annealer,
  n: number,
  params: SaParams,
  ctx: SolveContext,
): AnnealResult {
  const { beta0, beta1, sweeps, restarts } = params;
  const start = new Int8Array(n);
  const best = new Int8Array(n);
  let bestEnergy = Number.POSITIVE_INFINITY;
  let attempts = 0;
  const progressEvery = Math.max(1, Math.floor(sweeps / 100));
  for (let restart = 0; restart < restarts; restart++) {
    for (let i = 0; i < n; i++) start[i] = ctx.rng.nextSign();
    annealer.reset(start);
    if (annealer.energy < bestEnergy) {
      bestEnergy = annealer.energy;
      best.set(annealer.weights);
    }
    for (let t = 0; t < sweeps && annealer.energy > 0; t++) {
      attempts += annealer.sweep(geometricBeta(beta0, beta1, sweeps, t), ctx.rng);
      if (annealer.energy < bestEnergy) {
        bestEnergy = annealer.energy;
        best.set(annealer.weights);
      }
      if (t % progressEvery === 0) ctx.progress(attempts / n, annealer.energy);
      if (ctx.shouldStop()) return { weights: best, energy: bestEnergy, sweeps: attempts / n, restart, stoppedByDeadline: true };
    }
    if (bestEnergy === 0) return { weights: best, energy: 0, sweeps: attempts / n, restart, stoppedByDeadline: false };
  }
  return { weights: best, energy: bestEnergy, sweeps: attempts / n, restart: restarts - 1, stoppedByDeadline: false };
}
