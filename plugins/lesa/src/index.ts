// lesa — local-entropy simulated annealing: entropy-driven Monte Carlo (EdMC) of Baldassi, Ingrosso, Lucibello,
// Saglietti & Zecchina, J. Stat. Mech. (2016) 023301, with γ scoping. See src/edmc.ts.
import { definePlugin, type SolveContext } from '@densebench/core';
import { randomConfiguration } from '@densebench/local-search';
import { EntropyDrivenSearch } from './edmc.js';
import { lesaKernels } from './kernels.js';

export { EntropyDrivenSearch, type BpSettings } from './edmc.js';
export { lesaKernels, ProposalStep } from './kernels.js';

// A type alias (not an interface) so that SolverPlugin<LesaParams> is assignable to SolverPlugin.
export type LesaParams = {
  gamma0: number;
  gammaFactor: number;
  gammaMax: number;
  temperature: number;
  passes: number;
  sweepsPerMove: number;
  sweepsPerGamma: number;
  epsilon: number;
  damping: number;
};

export default definePlugin<LesaParams>({
  name: 'lesa',
  version: '0.1.0',
  description: 'local-entropy SA (entropy-driven Monte Carlo): single flips of a reference on its BP local free entropy, γ scoping',
  problems: ['perceptron', 'teacher-student', 'ksat', 'planted-ksat'],
  workUnit: 'proposed moves',
  params: {
    type: 'object',
    properties: {
      gamma0: { type: 'number', exclusiveMinimum: 0, default: 0.5, description: 'coupling γ of the external field γ W̃ at the start' },
      gammaFactor: { type: 'number', minimum: 1, default: 1.1, description: 'γ is multiplied by this after every pass (N proposals)' },
      gammaMax: { type: 'number', exclusiveMinimum: 0, default: 5, description: 'γ stops growing here' },
      temperature: { type: 'number', minimum: 0, default: 0, description: '1/y: a move that lowers the total local free entropy by N·ΔF is accepted with probability exp(N·ΔF / temperature); 0 accepts only moves with ΔF ≥ 0 (the paper\'s zero-temperature EdMC)' },
      passes: { type: 'integer', minimum: 1, default: 40, description: 'passes of N proposed single flips (uniformly random sites) before giving up' },
      sweepsPerMove: { type: 'integer', minimum: 1, default: 5, description: 'BP sweeps allowed to re-converge after a proposed flip (warm start)' },
      sweepsPerGamma: { type: 'integer', minimum: 1, default: 50, description: 'BP sweeps allowed to re-converge when γ changes' },
      epsilon: { type: 'number', exclusiveMinimum: 0, default: 1e-3, description: 'BP convergence: largest change of a magnetization in a sweep' },
      damping: { type: 'number', minimum: 0, exclusiveMaximum: 1, default: 0.5, description: 'BP damping: new message = (1 − damping)·computed + damping·old' },
    },
  },
  solve(instance, params, ctx: SolveContext) {
    if (instance.kind === 'committee') throw new Error('lesa has no committee-machine local-entropy estimator; it solves the perceptron and K-SAT');
    const n = instance.n;
    const search = new EntropyDrivenSearch(instance, randomConfiguration(new Int8Array(n), ctx.rng), params, ctx.rng);
    search.setGamma(params.gamma0);
    const best = new Int8Array(n);
    best.set(search.reference.weights);
    let bestEnergy = search.reference.energy;
    let proposals = 0;
    let accepted = 0;
    stop: for (let pass = 0; pass < params.passes && bestEnergy > 0; pass++) {
      if (pass > 0) search.setGamma(Math.min(params.gammaMax, search.gamma * params.gammaFactor));
      for (let move = 0; move < n; move++) {
        proposals++;
        if (search.step(ctx.rng.nextInt(n), params.temperature)) {
          accepted++;
          if (search.reference.energy < bestEnergy) {
            bestEnergy = search.reference.energy;
            best.set(search.reference.weights);
            if (bestEnergy === 0) break stop;
          }
        }
        if (ctx.shouldStop()) break stop;
      }
      ctx.progress(proposals, search.reference.energy);
    }
    return {
      assignment: best,
      work: proposals,
      energy: bestEnergy,
      info: {
        bpSweeps: search.bpSweeps,
        accepted,
        finalGamma: search.gamma,
        freeEntropy: search.freeEntropy,
        overlap: search.overlap(),
        unconvergedMoves: search.unconverged,
      },
    };
  },
  kernels: lesaKernels,
});
