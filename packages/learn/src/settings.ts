// Parameters every gradient learner shares (sgd, rsgd, entropy-sgd), so that their comparisons hold the model, the
// minibatches and the budget fixed. Fields left out take the defaults of the task: ±1 problems or networks.
import type { ParamSchema } from '@densebench/core';
import type { LearningTask } from './task.js';

export interface CommonLearnerParams {
  /** Step size on the minibatch-MEAN gradient. */
  lr?: number;
  batchSize?: number;
  /** Budget in epochs of work: the run stops after epochs·P example gradients, summed over replicas and inner steps. */
  epochs?: number;
  /** Multiplies lr after every epoch of work. */
  lrDecay: number;
  hidden: number;
  binaryNetwork: boolean;
}

export interface LearnerSettings {
  lr: number;
  batchSize: number;
  epochs: number;
}

/**
 * ±1 problems: the authors' replicated-SGD defaults, η = 2 summed over minibatches of 5 (lr = 10 on the mean), and
 * 1000 epochs. Networks: lr 0.1, minibatches of 100, 20 epochs. Binary networks need a far larger lr, because their
 * hidden weights start at unit scale while the 1/√N-scaled gradients are small: sgd on 1000 MNIST digits, 10 epochs,
 * left 89% training error at lr 0.1, 57% at 3, 20% at 30, 14% at 100, 10% at 300 and 11% at 1000.
 */
export const LEARNER_DEFAULTS: Record<'binary' | 'network' | 'binaryNetwork', LearnerSettings> = {
  binary: { lr: 10, batchSize: 5, epochs: 1000 },
  network: { lr: 0.1, batchSize: 100, epochs: 20 },
  binaryNetwork: { lr: 300, batchSize: 100, epochs: 20 },
};

export const COMMON_LEARNER_SCHEMA: Record<keyof CommonLearnerParams, ParamSchema> = {
  lr: { type: 'number', exclusiveMinimum: 0, description: 'step size on the minibatch-mean gradient (default: 10 for the perceptron and committee machine, 0.1 for networks, 300 for binary networks)' },
  batchSize: { type: 'integer', minimum: 1, description: 'examples per minibatch (default: 5 for the perceptron and committee machine, 100 for networks)' },
  epochs: { type: 'number', exclusiveMinimum: 0, description: 'budget: stop after epochs·P example gradients, all replicas and inner steps counted (default: 1000 for the perceptron and committee machine, 20 for networks)' },
  lrDecay: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: 1, description: 'factor applied to lr after every epoch (P example gradients; for rsgd, every replica seeing P examples)' },
  hidden: { type: 'integer', minimum: 1, default: 100, description: 'data sets: hidden units of the one-hidden-layer ReLU network' },
  binaryNetwork: { type: 'boolean', default: false, description: 'data sets: ±1 weights through sign(H) (straight-through gradient) instead of continuous ones' },
};

export function learnerSettings(task: LearningTask, params: CommonLearnerParams): LearnerSettings {
  const defaults = task.stopAtZeroErrors ? LEARNER_DEFAULTS.binary : task.binaryWeights ? LEARNER_DEFAULTS.binaryNetwork : LEARNER_DEFAULTS.network;
  return { lr: params.lr ?? defaults.lr, batchSize: params.batchSize ?? defaults.batchSize, epochs: params.epochs ?? defaults.epochs };
}
