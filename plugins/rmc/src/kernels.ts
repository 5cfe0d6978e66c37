// Kernel benchmarks of the replicated chain (`densebench kernels --plugin rmc`): one sweep (y·N attempted flips)
// at the default schedule's final β and at a moderate γ, after a fixed relaxation so the timed state does not
// depend on how many calls fit in the time budget.
import type { Instance, KernelStep, PluginKernel, Rng } from '@densebench/core';
import { incrementalEnergy } from '@densebench/local-search';
import { ReplicatedChain } from './chain.js';
import { SCHEDULE_BY_KIND } from './schedule.js';
import type { RmcParams } from './types.js';

const RELAXATION_SWEEPS = 20;
const KERNEL_GAMMA = 1;

export class ChainSweepStep implements KernelStep {
  private chain: ReplicatedChain;

  constructor(
    private readonly instance: Instance,
    private readonly params: RmcParams,
    private readonly rng: Rng,
  ) {
    this.chain = this.fresh();
    for (let sweep = 0; sweep < RELAXATION_SWEEPS; sweep++) this.run();
  }

  run(): number {
    const attempts = this.chain.sweep(this.rng);
    // A solved chain would stop every later sweep at once: start again so each call does a full sweep.
    if (this.chain.solvedBy >= 0) this.chain = this.fresh();
    return attempts;
  }

  checksum(): number {
    return this.chain.best().energy;
  }

  private fresh(): ReplicatedChain {
    const chain = new ReplicatedChain(incrementalEnergy(this.instance), this.params.y, this.params.centre, this.rng);
    chain.setTemperature(this.params.betaMax ?? SCHEDULE_BY_KIND[this.instance.kind].betaMax, KERNEL_GAMMA);
    return chain;
  }
}

function prepare(instance: Instance, params: RmcParams, rng: Rng): ChainSweepStep {
  return new ChainSweepStep(instance, params, rng);
}

/** One sweep on the random perceptron, the committee machine and random 3-SAT. */
export const rmcKernels: readonly PluginKernel<RmcParams>[] = [
  { name: 'perceptron sweep', unit: 'attempted flips', problem: 'perceptron', alpha: 0.6, sizes: [201, 1001], prepare },
  { name: 'committee sweep', unit: 'attempted flips', problem: 'committee', k: 5, alpha: 0.3, sizes: [101, 321], prepare },
  { name: '3-SAT sweep', unit: 'attempted flips', problem: 'ksat', k: 3, alpha: 4.2, sizes: [1000, 10000], prepare },
];
