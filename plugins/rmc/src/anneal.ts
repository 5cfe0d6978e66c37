// Replicated annealing: the chain of chain.ts with β and γ on geometric, capped schedules, one sweep per step of core's
// search driver; the answer is the lowest-energy replica or centre seen.
import { BestConfiguration, geometricSchedule, runSearch, type Instance, type Rng, type Search, type SolveContext } from '@densebench/core';
import { incrementalEnergy } from '@densebench/local-search';
import { ReplicatedChain } from './chain.js';
import { SCHEDULE_BY_KIND } from './schedule.js';
import type { RmcParams, Schedule } from './types.js';

/** The chain as steps: step t tabulates β_t and γ_t, then sweeps once. */
class ReplicatedAnnealing implements Search {
  /** Sweeps, a stopped sweep counting the fraction of its attempts it made. */
  work = 0;
  beta: number;
  gamma: number;
  /** Which configuration the kept best came from: 0 … y−1 a replica, y the centre. */
  bestFrom = -1;

  constructor(
    readonly chain: ReplicatedChain,
    private readonly schedule: Schedule,
    private readonly rng: Rng,
  ) {
    this.beta = schedule.beta0;
    this.gamma = schedule.gamma0;
  }

  step(sweep: number): void {
    const { chain, schedule } = this;
    this.beta = geometricSchedule(schedule.beta0, schedule.betaFactor, schedule.betaMax, sweep);
    this.gamma = geometricSchedule(schedule.gamma0, schedule.gammaFactor, schedule.gammaMax, sweep);
    chain.setTemperature(this.beta, this.gamma);
    this.work += chain.sweep(this.rng) / chain.attemptsPerSweep;
  }

  /** Offers the lowest-energy configuration among the replicas and the centre (the centre on a tie). */
  offer(best: BestConfiguration): void {
    const { energy, index } = this.chain.best();
    if (best.offer(this.chain.configuration(index), energy)) this.bestFrom = index;
  }

  get energy(): number {
    return this.chain.best().energy;
  }
}

/** Runs replicated annealing on an instance; returns the lowest-energy configuration seen. */
export function runReplicatedAnnealing(instance: Instance, params: RmcParams, ctx: SolveContext) {
  const schedule: Schedule = { ...SCHEDULE_BY_KIND[instance.kind] };
  for (const key of Object.keys(schedule) as (keyof Schedule)[]) schedule[key] = params[key] ?? schedule[key];
  const chain = new ReplicatedChain(incrementalEnergy(instance), params.y, params.centre, ctx.rng);
  const annealing = new ReplicatedAnnealing(chain, schedule, ctx.rng);
  const best = new BestConfiguration(chain.variables);
  // Progress reports the lowest energy kept, not the chain's current one.
  runSearch(annealing, best, { steps: params.sweeps, progressEvery: Math.max(1, Math.floor(params.sweeps / 200)), progressEnergy: 'best' }, ctx);
  const solvedBy = chain.solvedBy < 0 ? 'none' : chain.solvedBy === params.y ? 'centre' : `replica ${chain.solvedBy}`;
  return {
    assignment: best.configuration,
    work: annealing.work,
    energy: best.energy,
    info: {
      solvedBy,
      bestFrom: annealing.bestFrom === params.y ? 'centre' : `replica ${annealing.bestFrom}`,
      centreEnergy: chain.centre.energy,
      replicaSweeps: annealing.work * params.y,
      schedule: `β ${schedule.beta0} ×${schedule.betaFactor} ≤ ${schedule.betaMax}, γ ${schedule.gamma0} ×${schedule.gammaFactor} ≤ ${schedule.gammaMax}`,
      finalBeta: annealing.beta,
      finalGamma: annealing.gamma,
      meanPairOverlap: chain.meanPairOverlap(),
    },
  };
}
