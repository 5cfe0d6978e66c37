// sgd — plain minibatch SGD, the control of every gradient-learner comparison: the model, loss, minibatches and budget
// of rsgd and entropy-sgd, without replicas or local-entropy term. On the binary perceptron and committee machine it is
// the authors' replicated-SGD rule with one replica and no coupling (Baldassi et al., PNAS 113, E7655, 2016, App. C).
import type { Rng } from '@densebench/core';
import { defineLearnerPlugin, MinibatchSampler, type CommonLearnerParams, type Learner, type LearningTask } from '@densebench/learn';

export interface SgdParams extends CommonLearnerParams {
  momentum: number;
}

/** Minibatch SGD with optional heavy-ball momentum on the minibatch-mean gradient. */
export class SgdLearner implements Learner {
  readonly weights: Float64Array;
  private readonly grad: Float64Array;
  private readonly velocity: Float64Array;
  private readonly batch: Int32Array;
  private readonly sampler: MinibatchSampler;

  constructor(private readonly task: LearningTask, batchSize: number, private readonly momentum: number, rng: Rng) {
    const size = task.model.parameterCount;
    this.weights = new Float64Array(size);
    task.model.initialize(this.weights, rng.fork('init'));
    this.grad = new Float64Array(size);
    this.velocity = new Float64Array(size);
    this.batch = new Int32Array(Math.min(batchSize, task.model.exampleCount));
    this.sampler = new MinibatchSampler(task.model.exampleCount, rng.fork('minibatches'));
  }

  step(lr: number): number {
    const { weights, grad, velocity, batch, momentum } = this;
    const size = batch.length;
    this.sampler.fill(batch, size);
    grad.fill(0);
    this.task.model.accumulateGradient(weights, batch, size, grad);
    const scale = lr / size;
    for (let i = 0; i < weights.length; i++) {
      const v = momentum * velocity[i]! + grad[i]!;
      velocity[i] = v;
      weights[i] = weights[i]! - scale * v;
    }
    return size;
  }

  current(): { params: Float64Array; errors: number } {
    return { params: this.weights, errors: this.task.model.trainingErrors(this.weights) };
  }

  info(): Record<string, number> {
    return { batchSize: this.batch.length };
  }
}

export default defineLearnerPlugin<SgdParams>({
  name: 'sgd',
  version: '0.1.0',
  description: 'plain minibatch SGD (binary weights through sign of hidden weights; the control for rsgd and entropy-sgd)',
  params: {
    momentum: { type: 'number', minimum: 0, exclusiveMaximum: 1, default: 0, description: "heavy-ball momentum (0: none, as in the authors' binary-weight rule)" },
  },
  make: (task, settings, params, rng) => new SgdLearner(task, settings.batchSize, params.momentum, rng),
});
