// Restart and schedule driver of the annealer, for any problem with an incremental energy.
import type { SolveContext } from '@densebench/core';
import { metropolisSweep, randomConfiguration, type IncrementalEnergy } from '@densebench/local-search';
import { geometricBeta } from './schedule.js';
import type { AnnealResult, SaParams } from './types.js';

/** Runs `restarts` annealings from random configurations, each of `sweeps` sweeps, stopping at E = 0 or at the deadline; returns the best configuration seen. */
export function runRestarts(
  annealer: IncrementalEnergy,
  params: SaParams,
  ctx: SolveContext,
): AnnealResult {
  const { beta0, beta1, sweeps, restarts } = params;
  const n = annealer.variables;
  const start = new Int8Array(n);
  const best = new Int8Array(n);
  let bestEnergy = Number.POSITIVE_INFINITY;
  let attempts = 0;
  const progressEvery = Math.max(1, Math.floor(sweeps / 100));
  for (let restart = 0; restart < restarts; restart++) {
    annealer.reset(randomConfiguration(start, ctx.rng));
    if (annealer.energy < bestEnergy) {
      bestEnergy = annealer.energy;
      best.set(annealer.weights);
    }
    for (let t = 0; t < sweeps && annealer.energy > 0; t++) {
      attempts += metropolisSweep(annealer, geometricBeta(beta0, beta1, sweeps, t), ctx.rng);
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
