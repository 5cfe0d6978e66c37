import type { Rng } from '@densebench/core';
import type { IncrementalEnergy } from './incremental.js';

/** exp(−βΔE) for ΔE = 1 … ACCEPTANCE_TABLE − 1, filled lazily within a sweep (larger ΔE: computed on demand). */
const ACCEPTANCE_TABLE = 64;
const acceptance = new Float64Array(ACCEPTANCE_TABLE);

/**
 * One sweep of `variables` Metropolis attempts at inverse temperature β, each at a uniformly random site;
 * returns the attempts made (fewer if E reached 0, where the sweep stops). The TypeScript reference of the sweep
 * kernels (sweep-kernels.ts): every other backend must leave exactly the state, and the generator, this leaves.
 */
export function metropolisSweep(state: IncrementalEnergy, beta: number, rng: Rng): number {
  const size = state.variables;
  // Near the end of an anneal most proposals cost ΔE ≥ 4, and exp() on every attempt was a quarter of the sweep's
  // time: each exp(−βΔE) is computed once per sweep (NaN marks "not yet"), the same value as before.
  acceptance.fill(Number.NaN);
  for (let attempt = 0; attempt < size; attempt++) {
    const j = rng.nextInt(size);
    const delta = state.deltaEnergy(j);
    let accept = delta <= 0;
    if (!accept) {
      let threshold: number;
      if (delta < ACCEPTANCE_TABLE) {
        threshold = acceptance[delta]!;
        if (threshold !== threshold) threshold = acceptance[delta] = Math.exp(-beta * delta);
      } else threshold = Math.exp(-beta * delta);
      accept = rng.nextFloat() < threshold;
    }
    if (accept) {
      state.flip(j, delta);
      if (state.energy === 0) return attempt + 1;
    }
  }
  return size;
}
