// Kernel benchmarks of the annealers (`densebench kernels`): one Metropolis sweep at the final β, the regime
// where an annealing run spends most of its sweeps. `prepare` first relaxes the random start with a fixed number
// of sweeps, so the timed sweeps see a state that does not depend on how many calls fit in the time budget.
import type { Instance, KernelStep, PluginKernel, Rng } from '@densebench/core';
import { bindMetropolisSweep, incrementalEnergy, randomConfiguration, type BoundSweep, type IncrementalEnergy } from '@densebench/local-search';
import type { SaParams } from './types.js';

const RELAXATION_SWEEPS = 20;

/** One sweep (N Metropolis attempts) at fixed β per `run()`; the configuration carries over from call to call. */
export class SweepStep implements KernelStep {
  readonly annealer: IncrementalEnergy;
  private readonly sweep: BoundSweep;
  private readonly beta: number;
  private readonly rng: Rng;
  private readonly start: Int8Array;

  /** `sweep` is bound to `annealer` (local-search's bindMetropolisSweep). */
  constructor(annealer: IncrementalEnergy, sweep: BoundSweep, beta: number, rng: Rng) {
    this.annealer = annealer;
    this.sweep = sweep;
    this.beta = beta;
    this.rng = rng;
    this.start = new Int8Array(annealer.variables);
    this.randomize();
    for (let sweep = 0; sweep < RELAXATION_SWEEPS; sweep++) this.run();
  }

  run(): number {
    const attempts = this.sweep(this.beta, this.rng);
    // At E = 0 a sweep stops after its first accepted move: restart so that later calls still do a full sweep.
    if (this.annealer.energy === 0) this.randomize();
    return attempts;
  }

  checksum(): number {
    return this.annealer.energy;
  }

  private randomize(): void {
    this.annealer.reset(randomConfiguration(this.start, this.rng));
  }
}

function prepareSweep(instance: Instance, params: SaParams, rng: Rng): SweepStep {
  const annealer = incrementalEnergy(instance);
  return new SweepStep(annealer, bindMetropolisSweep(annealer, params.backend).op, params.beta1, rng);
}

/** The SA plugin's kernels: a sweep on the random binary perceptron, the committee machine and random 3-SAT. */
export const saKernels: readonly PluginKernel<SaParams>[] = [
  { name: 'perceptron sweep', unit: 'attempted flips', problem: 'perceptron', alpha: 0.5, sizes: [201, 1001, 4001], prepare: prepareSweep },
  { name: 'committee sweep', unit: 'attempted flips', problem: 'committee', k: 5, alpha: 0.3, sizes: [101, 321], prepare: prepareSweep },
  { name: '3-SAT sweep', unit: 'attempted flips', problem: 'ksat', k: 3, alpha: 4.2, sizes: [1000, 10000, 100000], prepare: prepareSweep },
];
