// What the gradient learners share: the model an instance calls for, the minibatch stream, and the answer.
import type { AnyInstance, Network, Rng, SolveResult } from '@densebench/core';
import { BinaryCommitteeModel, BinaryPerceptronModel, signsOf } from './binary.js';
import { Mlp } from './mlp.js';
import type { TrainableModel } from './model.js';

/** Network shape for data-set problems (ignored by the ±1 problems, whose model the instance fixes). */
export interface NetworkOptions {
  hidden: number;
  binary: boolean;
}

export interface LearningTask {
  model: TrainableModel;
  /** True when the weights are used through sign(H) (binary perceptron, committee machine, binary network). */
  binaryWeights: boolean;
  /** True for the ±1 problems: zero training errors is a solution, so learners stop there and keep the best seen. */
  stopAtZeroErrors: boolean;
  /** The answer the harness verifies, from the parameters. */
  answer(params: Float64Array): Pick<SolveResult, 'assignment' | 'network'>;
}

export function learningTask(instance: AnyInstance, options: NetworkOptions): LearningTask {
  switch (instance.kind) {
    case 'perceptron':
    case 'committee': {
      const model = instance.kind === 'perceptron' ? new BinaryPerceptronModel(instance) : new BinaryCommitteeModel(instance);
      return {
        model,
        binaryWeights: true,
        stopAtZeroErrors: true,
        answer: (params) => ({ assignment: signsOf(params, new Int8Array(model.parameterCount)) }),
      };
    }
    case 'dataset': {
      const model = new Mlp(instance, options.hidden, options.binary);
      return { model, binaryWeights: options.binary, stopAtZeroErrors: false, answer: (params): { network: Network } => ({ network: model.toNetwork(params) }) };
    }
    case 'ksat':
      throw new Error('the gradient learners train perceptrons, committee machines and networks; K-SAT has no differentiable model here');
  }
}

/**
 * Minibatches drawn without replacement: a fresh Fisher–Yates shuffle of the examples per epoch, consumed in order
 * (a batch that runs past the end of an epoch continues in the next shuffle).
 */
export class MinibatchSampler {
  private readonly order: Int32Array;
  private position: number;

  constructor(count: number, private readonly rng: Rng) {
    this.order = new Int32Array(count);
    for (let i = 0; i < count; i++) this.order[i] = i;
    this.position = count;
  }

  fill(batch: Int32Array, size: number): void {
    const count = this.order.length;
    for (let b = 0; b < size; b++) {
      if (this.position === count) {
        this.rng.shuffle(this.order);
        this.position = 0;
      }
      batch[b] = this.order[this.position++]!;
    }
  }
}

/** Keeps the parameters with the fewest training errors seen (the latest among equals). */
export class BestParameters {
  errors = Number.POSITIVE_INFINITY;
  readonly params: Float64Array;

  constructor(size: number) {
    this.params = new Float64Array(size);
  }

  offer(params: Float64Array, errors: number): void {
    if (errors > this.errors) return;
    this.errors = errors;
    this.params.set(params);
  }
}
