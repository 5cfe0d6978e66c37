import type { Rng } from '@densebench/core';
import type { IncrementalEnergy } from './incremental.js';

/**
 * One sweep of `variables` Metropolis attempts at inverse temperature β, each at a uniformly random site;
 * returns the attempts made (fewer if E reached 0, where the sweep stops).
 */
export function metropolisSweep(state: IncrementalEnergy, beta: number, rng: Rng): number {
  const size = state.variables;
  // exp(−βΔE) for ΔE = 1, 2, 3; larger ΔE are rare and computed on demand.
  const accept1 = Math.exp(-beta);
  const accept2 = Math.exp(-2 * beta);
  const accept3 = Math.exp(-3 * beta);
  for (let attempt = 0; attempt < size; attempt++) {
    const j = rng.nextInt(size);
    const delta = state.deltaEnergy(j);
    let accept = delta <= 0;
    if (!accept) {
      const threshold = delta === 1 ? accept1 : delta === 2 ? accept2 : delta === 3 ? accept3 : Math.exp(-beta * delta);
      accept = rng.nextFloat() < threshold;
    }
    if (accept) {
      state.flip(j, delta);
      if (state.energy === 0) return attempt + 1;
    }
  }
  return size;
}
