// rmc — replicated Monte Carlo (replicated simulated annealing) on the robust ensemble:
// Baldassi, Borgs, Chayes, Ingrosso, Lucibello, Saglietti & Zecchina, PNAS 113, E7655 (2016). See src/chain.ts.
import { definePlugin, type SolveContext } from '@densebench/core';
import { incrementalEnergy } from '@densebench/local-search';
import { ReplicatedChain, type CentreMode } from './chain.js';
import { rmcKernels } from './kernels.js';

export { ReplicatedChain, type CentreMode } from './chain.js';
export { rmcKernels, ChainSweepStep } from './kernels.js';

export interface Schedule {
  beta0: number;
  betaFactor: number;
  betaMax: number;
  gamma0: number;
  gammaFactor: number;
  gammaMax: number;
}

// A type alias (not an interface) so that SolverPlugin<RmcParams> is assignable to SolverPlugin.
/** Schedule fields left out take the per-problem default of SCHEDULE_BY_KIND. */
export type RmcParams = Partial<Schedule> & {
  y: number;
  centre: CentreMode;
  sweeps: number;
};

/**
 * Default schedules, measured with densebench (README). Perceptron and committee: β 1 → 5 and γ 0.05 → 3, both
 * reaching their caps after ≈ 10⁴ sweeps. K-SAT: a colder start and a weak coupling (γ ≤ 0.6) — with γ = 3 the five
 * replicas of a 3-SAT run lock into one and freeze.
 */
export const SCHEDULE_BY_KIND: Record<'perceptron' | 'committee' | 'ksat', Schedule> = {
  perceptron: { beta0: 1, betaFactor: 1.00016, betaMax: 5, gamma0: 0.05, gammaFactor: 1.0004, gammaMax: 3 },
  committee: { beta0: 1, betaFactor: 1.00016, betaMax: 5, gamma0: 0.05, gammaFactor: 1.0004, gammaMax: 3 },
  ksat: { beta0: 3, betaFactor: 1.0001, betaMax: 8, gamma0: 0.01, gammaFactor: 1.0004, gammaMax: 0.6 },
};

/** The per-problem defaults of one schedule field, for the parameter descriptions: "perceptron and committee 1, K-SAT 3". */
function defaultsText(field: keyof Schedule): string {
  const { perceptron, committee, ksat } = SCHEDULE_BY_KIND;
  const machines = perceptron[field] === committee[field] ? `perceptron and committee ${perceptron[field]}` : `perceptron ${perceptron[field]}, committee ${committee[field]}`;
  return `default: ${machines}, K-SAT ${ksat[field]}`;
}

/** Value of a geometric schedule at sweep t, capped: min(max, start · factor^t). */
export function geometricCapped(start: number, factor: number, max: number, t: number): number {
  return Math.min(max, start * Math.pow(factor, t));
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
    const schedule: Schedule = { ...SCHEDULE_BY_KIND[instance.kind] };
    for (const key of Object.keys(schedule) as (keyof Schedule)[]) schedule[key] = params[key] ?? schedule[key];
    const chain = new ReplicatedChain(incrementalEnergy(instance), params.y, params.centre, ctx.rng);
    const best = new Int8Array(chain.variables);
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
    let beta = schedule.beta0;
    let gamma = schedule.gamma0;
    const progressEvery = Math.max(1, Math.floor(params.sweeps / 200));
    for (let t = 0; t < params.sweeps && chain.solvedBy < 0; t++) {
      beta = geometricCapped(schedule.beta0, schedule.betaFactor, schedule.betaMax, t);
      gamma = geometricCapped(schedule.gamma0, schedule.gammaFactor, schedule.gammaMax, t);
      chain.setTemperature(beta, gamma);
      work += chain.sweep(ctx.rng) / chain.attemptsPerSweep;
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
        schedule: `β ${schedule.beta0} ×${schedule.betaFactor} ≤ ${schedule.betaMax}, γ ${schedule.gamma0} ×${schedule.gammaFactor} ≤ ${schedule.gammaMax}`,
        finalBeta: beta,
        finalGamma: gamma,
        meanPairOverlap: chain.meanPairOverlap(),
      },
    };
  },
  kernels: rmcKernels,
});
