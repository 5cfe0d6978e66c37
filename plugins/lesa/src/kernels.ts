// Kernel benchmarks of EdMC (`densebench kernels --plugin lesa`): one proposal — a flip of the reference, BP
// re-converged from the current messages (at most `sweepsPerMove` sweeps), the local free entropy recomputed, the
// zero-temperature decision — on a chain first relaxed by one pass, so the timed state is a typical mid-run state.
import type { Instance, KernelStep, PluginKernel, Rng } from '@densebench/core';
import { randomConfiguration } from '@densebench/local-search';
import { EntropyDrivenSearch } from './edmc.js';
import type { LesaParams } from './types.js';

export class ProposalStep implements KernelStep {
  private readonly search: EntropyDrivenSearch;

  constructor(
    instance: Instance,
    params: LesaParams,
    private readonly rng: Rng,
  ) {
    if (instance.kind === 'committee') throw new Error('lesa kernels: no committee-machine estimator');
    this.search = new EntropyDrivenSearch(instance, randomConfiguration(new Int8Array(instance.n), rng), params, rng);
    this.search.setGamma(params.gamma0);
    for (let move = 0; move < instance.n; move++) this.run();
  }

  run(): number {
    this.search.step(this.rng.nextInt(this.search.n), 0);
    return 1;
  }

  checksum(): number {
    return this.search.reference.energy;
  }
}

function prepare(instance: Instance, params: LesaParams, rng: Rng): ProposalStep {
  return new ProposalStep(instance, params, rng);
}

export const lesaKernels: readonly PluginKernel<LesaParams>[] = [
  { name: 'perceptron proposal', unit: 'proposed moves', problem: 'perceptron', alpha: 0.6, sizes: [201, 401], prepare },
  { name: '3-SAT proposal', unit: 'proposed moves', problem: 'ksat', k: 3, alpha: 3.8, sizes: [300, 1000], prepare },
];
