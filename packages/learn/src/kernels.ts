// Kernel benchmarks of the gradient learners (`densebench kernels`): one learner step per `run()`, counted in example
// gradients, on the binary perceptron and on MNIST with the default one-hidden-layer network.
import type { AnyInstance, KernelStep, PluginKernel, Rng } from '@densebench/core';
import type { Learner } from './loop.js';
import { learnerSettings, type CommonLearnerParams, type LearnerSettings } from './settings.js';
import { learningTask, type LearningTask } from './task.js';

/** Steps a learner at its initial step size; the parameters carry over from call to call. */
export class LearnerStep implements KernelStep {
  constructor(private readonly learner: Learner, private readonly lr: number) {}

  run(): number {
    return this.learner.step(this.lr);
  }

  checksum(): number {
    return this.learner.current().errors;
  }
}

export type LearnerFactory<P extends CommonLearnerParams> = (task: LearningTask, settings: LearnerSettings, params: P, rng: Rng) => Learner;

/** A learner's kernels: a step on the binary perceptron (N = 1001, α = 0.5) and on MNIST (P = 1568, α = 2). */
export function learnerKernels<P extends CommonLearnerParams>(make: LearnerFactory<P>): PluginKernel<P, AnyInstance>[] {
  const prepare = (instance: AnyInstance, params: P, rng: Rng): KernelStep => {
    const task = learningTask(instance, { hidden: params.hidden, binary: params.binaryNetwork });
    const settings = learnerSettings(task, params);
    return new LearnerStep(make(task, settings, params, rng), settings.lr);
  };
  return [
    { name: 'perceptron step', unit: 'example gradients', problem: 'perceptron', alpha: 0.5, sizes: [1001], prepare },
    { name: 'mnist network step', unit: 'example gradients', problem: 'mnist', alpha: 2, sizes: [784], prepare },
  ];
}
