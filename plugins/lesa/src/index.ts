// lesa — local-entropy simulated annealing: entropy-driven Monte Carlo (EdMC) of Baldassi, Ingrosso, Lucibello,
// Saglietti & Zecchina, J. Stat. Mech. (2016) 023301, with γ scoping. See src/edmc.ts.
import { definePlugin, type SolveContext } from '@densebench/core';
import { lesaKernels } from './kernels.js';
import { runScopedEdmc } from './scoping.js';
import type { LesaParams } from './types.js';

export { EntropyDrivenSearch, type BpSettings } from './edmc.js';
export { lesaKernels, ProposalStep } from './kernels.js';
export { runScopedEdmc } from './scoping.js';
export type { LesaParams } from './types.js';

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
    return runScopedEdmc(instance, params, ctx);
  },
  kernels: lesaKernels,
});
