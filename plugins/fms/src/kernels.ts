// Kernel benchmark of Focused Metropolis Search (Seitz, Alava & Orponen, J. Stat. Mech. P06006, 2005) for
// `densebench kernels`: N attempted flips per call on random 3-SAT at α = 4.2. `prepare` first runs a fixed number
// of flips from a random start, so the timed calls see the low-energy plateau where a run spends its time.
import type { Instance, KernelStep, PluginKernel, Rng } from '@densebench/core';
import { defaultEta, FocusedSearch, longestClause } from './search.js';
import type { FmsParams } from './types.js';

/** Attempted flips per variable run by `prepare` before timing. */
const RELAXATION_FLIPS_PER_VARIABLE = 20;

/** N attempted flips per `run()`; the state carries over between calls and restarts at random when it solves the formula. */
export class FlipStep implements KernelStep {
  readonly search: FocusedSearch;
  private readonly chunk: number;

  constructor(search: FocusedSearch, chunk: number) {
    this.search = search;
    this.chunk = chunk;
    search.randomize();
    for (let i = 0; i < RELAXATION_FLIPS_PER_VARIABLE; i++) this.run();
  }

  run(): number {
    const { search, chunk } = this;
    let work = 0;
    while (work < chunk) {
      work += search.run(chunk - work);
      if (search.done) {
        // Solved: start over so that later calls still do `chunk` flips (unless a random start is already done).
        search.randomize();
        if (search.done) break;
      }
    }
    return work;
  }

  checksum(): number {
    return this.search.energy;
  }
}

function prepareFlips(instance: Instance, params: FmsParams, rng: Rng): FlipStep {
  if (instance.kind !== 'ksat') throw new Error(`fms kernel: expected a K-SAT instance, got ${instance.kind}`);
  const search = new FocusedSearch(instance, params.eta ?? defaultEta(longestClause(instance)), rng);
  return new FlipStep(search, Math.max(instance.n, 1));
}

/** The FMS kernel: N attempted flips on random 3-SAT at α = 4.2. */
export const fmsKernels: readonly PluginKernel<FmsParams, Instance>[] = [
  { name: '3-SAT flips', unit: 'attempted flips', problem: 'ksat', k: 3, alpha: 4.2, sizes: [1000, 10000, 100000], prepare: prepareFlips },
];
