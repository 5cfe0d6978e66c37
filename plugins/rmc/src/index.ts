// rmc — replicated Monte Carlo (replicated simulated annealing) on the robust ensemble:
// Baldassi, Borgs, Chayes, Ingrosso, Lucibello, Saglietti & Zecchina, PNAS 113, E7655 (2016). See src/chain.ts.
import { definePlugin, type SolveContext } from '@densebench/core';
import { incrementalEnergy } from '@densebench/local-search';
import { ReplicatedChain, type CentreMode } from './chain.js';
import { rmcKernels } from './kernels.js';

export { ReplicatedChain, type CentreMode } from './chain.js';
export { rmcKernels, ChainSweepStep } from './kernels.js';

// A type alias (not an interface) so that SolverPlugin<RmcParams> is assignable to SolverPlugin.
export type RmcParams = {
  y: number;
  centre: CentreMode;
  beta0: number;
  betaFactor: number;
  betaMax: number;
  gamma0: number;
  gammaFactor: number;
  gammaMax: number;
  sweeps: number;
};

/** Value of a geometric schedule at sweep t, capped: min(max, start · factor^t). */
export function geometricCapped(start: number, factor: number, max: number, t: number): number {
  return Math.min(max, start * Math.pow(factor, t));
}

export default definePlugin<RmcParams>({
  name: 'rmc',
  version: '0.1.0',
  description: 'replicated Monte Carlo on the robust ensemble: y coupled replicas, Metropolis single flips, β and γ annealed geometrically',
  problems: ['perceptron', 'teacher-student', 'committee', 'committee-teacher-student', 'ksat'],
  workUnit: 'sweeps (y·N attempted flips)',
  params: {
    type: 'object',
    properties: {
      y: { type: 'integer', minimum: 1, default: 5, description: 'number of replicas (odd with the traced centre)' },
      centre: { type: 'string', enum: ['traced', 'explicit'], default: 'traced', description: 'traced: the centre is summed out (log 2cosh coupling); explicit: a reference configuration coupled by γ W̃·W^a' },
      beta0: { type: 'number', exclusiveMinimum: 0, default: 1, description: 'inverse temperature at sweep 0' },
      betaFactor: { type: 'number', minimum: 1, default: 1.001, description: 'β is multiplied by this after every sweep' },
      betaMax: { type: 'number', exclusiveMinimum: 0, default: 10, description: 'β stops growing here' },
      gamma0: { type: 'number', minimum: 0, default: 0.05, description: 'coupling γ at sweep 0' },
      gammaFactor: { type: 'number', minimum: 1, default: 1.001, description: 'γ is multiplied by this after every sweep' },
      gammaMax: { type: 'number', minimum: 0, default: 10, description: 'γ stops growing here' },
      sweeps: { type: 'integer', minimum: 1, default: 10000, description: 'sweeps (y·N attempted flips each) before giving up' },
    },
  },
  solve(instance, params, ctx: SolveContext) {
    const chain = new ReplicatedChain(incrementalEnergy(instance), params.y, params.centre, ctx.rng);
    const variables = chain.variables;
    const attemptsPerSweep = (params.centre === 'traced' ? params.y : params.y + 1) * variables;
    const best = new Int8Array(variables);
    let bestEnergy = Number.POSITIVE_INFINITY;
    let bestIndex = -1;
    const keepBest = (): void => {
      const current = chain.best();
      if (current.energy < bestEnergy) {
        bestEnergy = current.energy;
        bestIndex = current.index;
        best.set(chain.configuration(current.index));
      }
    };
    keepBest();
    let work = 0;
    let beta = params.beta0;
    let gamma = params.gamma0;
    const progressEvery = Math.max(1, Math.floor(params.sweeps / 200));
    for (let t = 0; t < params.sweeps && chain.solvedBy < 0; t++) {
      beta = geometricCapped(params.beta0, params.betaFactor, params.betaMax, t);
      gamma = geometricCapped(params.gamma0, params.gammaFactor, params.gammaMax, t);
      chain.setTemperature(beta, gamma);
      work += chain.sweep(ctx.rng) / attemptsPerSweep;
      keepBest();
      if (t % progressEvery === 0) ctx.progress(work, bestEnergy);
      if (ctx.shouldStop()) break;
    }
    const solvedBy = chain.solvedBy < 0 ? 'none' : chain.solvedBy === params.y ? 'centre' : `replica ${chain.solvedBy}`;
    return {
      assignment: best,
      work,
      energy: bestEnergy,
      info: {
        solvedBy,
        bestFrom: bestIndex === params.y ? 'centre' : `replica ${bestIndex}`,
        centreEnergy: chain.centre.energy,
        replicaSweeps: work * params.y,
        finalBeta: beta,
        finalGamma: gamma,
        meanPairOverlap: chain.meanPairOverlap(),
      },
    };
  },
  kernels: rmcKernels,
});
