// rmc — replicated Monte Carlo (replicated simulated annealing) on the robust ensemble:
// Baldassi, Borgs, Chayes, Ingrosso, Lucibello, Saglietti & Zecchina, PNAS 113, E7655 (2016). See src/chain.ts.
import { definePlugin, type SolveContext } from '@densebench/core';
import { runReplicatedAnnealing } from './anneal.js';
import { rmcKernels } from './kernels.js';
import { SCHEDULE_BY_KIND } from './schedule.js';
import type { RmcParams, Schedule } from './types.js';

export { ReplicatedChain, type CentreMode } from './chain.js';
export { rmcKernels, ChainSweepStep } from './kernels.js';
export { runReplicatedAnnealing } from './anneal.js';
export { SCHEDULE_BY_KIND } from './schedule.js';
export type { RmcParams, Schedule } from './types.js';
/** Value of a geometric schedule at sweep t, capped: min(max, start · factor^t). */
export { geometricSchedule as geometricCapped } from '@densebench/core';

/** The per-problem defaults of one schedule field, for the parameter descriptions: "perceptron and committee 1, K-SAT 3". */
function defaultsText(field: keyof Schedule): string {
  const { perceptron, committee, ksat } = SCHEDULE_BY_KIND;
  const machines = perceptron[field] === committee[field] ? `perceptron and committee ${perceptron[field]}` : `perceptron ${perceptron[field]}, committee ${committee[field]}`;
  return `default: ${machines}, K-SAT ${ksat[field]}`;
}

export default definePlugin<RmcParams>({
  name: 'rmc',
  version: '0.1.1',
  description: 'replicated Monte Carlo on the robust ensemble: y coupled replicas, Metropolis single flips, β and γ annealed geometrically',
  problems: ['perceptron', 'teacher-student', 'committee', 'committee-teacher-student', 'ksat', 'planted-ksat'],
  workUnit: 'sweeps (y·N attempted flips)',
  params: {
    type: 'object',
    properties: {
      y: { type: 'integer', minimum: 1, default: 5, description: 'number of replicas (odd keeps the traced centre, their majority, free of ties)' },
      centre: { type: 'string', enum: ['traced', 'explicit'], default: 'traced', description: 'traced: the centre is summed out (log 2cosh coupling); explicit: a reference configuration coupled by γ W̃·W^a' },
      beta0: { type: 'number', exclusiveMinimum: 0, description: `inverse temperature at sweep 0 (${defaultsText('beta0')})` },
      betaFactor: { type: 'number', minimum: 1, description: `β is multiplied by this after every sweep (${defaultsText('betaFactor')})` },
      betaMax: { type: 'number', exclusiveMinimum: 0, description: `β stops growing here (${defaultsText('betaMax')})` },
      gamma0: { type: 'number', minimum: 0, description: `coupling γ at sweep 0 (${defaultsText('gamma0')})` },
      gammaFactor: { type: 'number', minimum: 1, description: `γ is multiplied by this after every sweep (${defaultsText('gammaFactor')})` },
      gammaMax: { type: 'number', minimum: 0, description: `γ stops growing here (${defaultsText('gammaMax')})` },
      sweeps: { type: 'integer', minimum: 1, default: 10000, description: 'sweeps (y·N attempted flips each) before giving up' },
    },
  },
  solve(instance, params, ctx: SolveContext) {
    return runReplicatedAnnealing(instance, params, ctx);
  },
  kernels: rmcKernels,
});
