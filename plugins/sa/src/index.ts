// Simulated annealing baseline (Kirkpatrick, Gelatt & Vecchi, Science 220, 671, 1983): Metropolis
// single-flip moves on the number of violated constraints, with a geometric inverse-temperature schedule.
import { definePlugin, FASTEST_BACKEND, type SolveContext } from '@densebench/core';
import { bindMetropolisSweep, incrementalEnergy, SWEEP_BACKEND_CHOICES } from '@densebench/local-search';
import { saKernels } from './kernels.js';
import { runRestarts } from './anneal.js';
import type { SaParams } from './types.js';

export { runRestarts } from './anneal.js';
export { geometricRamp as geometricBeta } from '@densebench/core';
export { saKernels, SweepStep } from './kernels.js';
export type { SaParams, AnnealResult } from './types.js';

export default definePlugin<SaParams>({
  name: 'sa',
  version: '1.2.0',
  description: 'simulated annealing: Metropolis single flips on the number of violated constraints, geometric β schedule, restarts',
  problems: ['perceptron', 'teacher-student', 'committee', 'committee-teacher-student', 'ksat', 'planted-ksat'],
  workUnit: 'sweeps',
  params: {
    type: 'object',
    properties: {
      beta0: { type: 'number', exclusiveMinimum: 0, default: 5, description: 'initial inverse temperature' },
      beta1: { type: 'number', exclusiveMinimum: 0, default: 7, description: 'final inverse temperature (reached at the last sweep of each restart)' },
      sweeps: { type: 'integer', minimum: 1, default: 20000, description: 'sweeps (N attempted flips each) per restart' },
      restarts: { type: 'integer', minimum: 1, default: 1, description: 'independent restarts from a random configuration' },
      backend: {
        type: 'string',
        enum: SWEEP_BACKEND_CHOICES,
        default: FASTEST_BACKEND,
        description: 'implementation of the Metropolis sweep: ts (the TypeScript reference), wasm (WebAssembly, perceptron problems only), or fastest (wasm where there is one, else ts); all give the same runs',
      },
    },
  },
  solve(instance, params, ctx: SolveContext) {
    const annealer = incrementalEnergy(instance);
    const sweep = bindMetropolisSweep(annealer, params.backend);
    const result = runRestarts(annealer, sweep.op, params, ctx);
    return {
      assignment: result.weights,
      work: result.sweeps,
      energy: result.energy,
      info: { restart: result.restart, backend: sweep.backend },
    };
  },
  kernels: saKernels,
});
