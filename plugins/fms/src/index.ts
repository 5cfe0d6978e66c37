// Focused Metropolis Search for K-SAT (Seitz, Alava & Orponen, "Focused local search for random
// 3-satisfiability", J. Stat. Mech. P06006, 2005), written against the public plugin API of @densebench/core only.
import { definePlugin, type Instance, type SolveContext } from '@densebench/core';
import { fmsKernels } from './kernels.js';
import { defaultEta, FocusedSearch, longestClause } from './search.js';
import type { FmsParams } from './types.js';

export { defaultEta, ETA_3SAT, ETA_4SAT, FocusedSearch, longestClause } from './search.js';
export { fmsKernels, FlipStep } from './kernels.js';
export type { FmsParams } from './types.js';

/** Attempted flips between two polls of ctx.shouldStop(). */
const CHUNK = 4096;
/** Chunks between two progress reports when the best energy does not improve. */
const REPORT_EVERY_CHUNKS = 64;

export default definePlugin<FmsParams>({
  name: 'fms',
  version: '0.1.0',
  description: 'Focused Metropolis Search: flip a random variable of a random unsatisfied clause, accepting ΔE > 0 with probability η^ΔE',
  problems: ['ksat', 'planted-ksat'],
  workUnit: 'attempted flips',
  params: {
    type: 'object',
    properties: {
      eta: {
        type: 'number',
        exclusiveMinimum: 0,
        maximum: 1,
        description: 'acceptance base η: a flip raising the energy by ΔE > 0 is accepted with probability η^ΔE (default 0.37 for K ≤ 3, 0.293 for K ≥ 4, K = longest clause)',
      },
      maxFlips: { type: 'number', exclusiveMinimum: 0, description: 'budget of attempted flips, rounded up to an integer (default 1000·N²)' },
    },
  },
  solve(instance: Instance, params: FmsParams, ctx: SolveContext) {
    if (instance.kind !== 'ksat') throw new Error(`fms solves K-SAT only, got a ${instance.kind} instance`);
    const k = longestClause(instance);
    const eta = params.eta ?? defaultEta(k);
    const budget = params.maxFlips !== undefined ? Math.ceil(params.maxFlips) : 1000 * instance.n * instance.n;
    const search = new FocusedSearch(instance, eta, ctx.rng);
    search.randomize();
    ctx.progress(0, search.energy);
    let work = 0;
    let reportedBest = search.bestEnergy;
    let quietChunks = 0;
    while (work < budget && !search.done) {
      work += search.run(Math.min(CHUNK, budget - work));
      if (search.bestEnergy < reportedBest || ++quietChunks >= REPORT_EVERY_CHUNKS || search.done) {
        ctx.progress(work, search.energy);
        reportedBest = search.bestEnergy;
        quietChunks = 0;
      }
      if (ctx.shouldStop()) break;
    }
    return {
      assignment: search.bestAssignment(),
      work,
      energy: search.bestEnergy,
      info: { eta, bestEnergy: search.bestEnergy, k, acceptedFlips: search.acceptedFlips },
    };
  },
  kernels: fmsKernels,
});
