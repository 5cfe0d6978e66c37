// entropy-sgd — Entropy-SGD (Chaudhari, Choromanska, Soatto, LeCun, Baldassi, Borgs, Chayes, Sagun & Zecchina,
// ICLR 2017, Algorithm 1), as the authors implement it (ucla-vision/entropy-sgd, entropyoptim.lua). Per outer step
// t = 1, 2, …, with γ_t = γ₀ (1 + γ₁)^t:
//   x′ ← x, μ ← x, momentum buffer v ← 0; L times, on a fresh minibatch:
//     g = ∇f(x′);  v ← m v + g;  g ← g + m v  (Nesterov);  g ← g − γ_t (x − x′) + wd·x′ + (ε/√(η′/2)) z;
//     x′ ← x′ − η′ g;  μ ← α μ + (1 − α) x′   (α = 0.75)
//   x ← x − η (x − μ).
// Deviations: the Lua code also evaluates ∇f(x) at the start of every outer step and discards it when L > 0; we skip
// that evaluation, so an outer step costs L minibatch gradients, not L + 1. The public PyTorch port never increments t
// (constant γ); here t counts outer steps as in the Lua code. The pull on x′ uses min(γ_t, 1/η′): at γη′ = 1 one
// Langevin step already brings x′ back to x (the γ → ∞ limit), and beyond 2/η′ the explicit step diverges, which
// scoping would otherwise reach after enough outer steps (deviation; `info.gammaCapped` says whether it applied).
// On the binary perceptron and committee machine x holds
// hidden weights H and the gradient is taken at sign(H) (see @densebench/learn).
import type { Rng } from '@densebench/core';
import { defineLearnerPlugin, MinibatchSampler, type CommonLearnerParams, type Learner, type LearningTask } from '@densebench/learn';

export interface EntropySgdParams extends CommonLearnerParams {
  L: number;
  gamma0: number;
  gamma1: number;
  noise: number;
  average: number;
  momentum: number;
  weightDecay: number;
  outerLr: number;
  outerLrDecay: number;
}

export class EntropySgdLearner implements Learner {
  readonly weights: Float64Array;
  private readonly inner: Float64Array;
  private readonly mean: Float64Array;
  private readonly velocity: Float64Array;
  private readonly grad: Float64Array;
  private readonly noiseBuffer: Float64Array;
  private readonly batch: Int32Array;
  private readonly sampler: MinibatchSampler;
  private readonly noiseRng: Rng;
  /** Outer steps taken (γ_t uses the count after the increment, so the first step has t = 1). */
  outerSteps = 0;
  outerLr: number;
  /** Whether γ_t ever exceeded 1/lr (then the pull used 1/lr). */
  gammaCapped = false;

  constructor(private readonly task: LearningTask, batchSize: number, private readonly params: EntropySgdParams, rng: Rng) {
    const size = task.model.parameterCount;
    this.weights = new Float64Array(size);
    task.model.initialize(this.weights, rng.fork('init'));
    this.inner = new Float64Array(size);
    this.mean = new Float64Array(size);
    this.velocity = new Float64Array(size);
    this.grad = new Float64Array(size);
    this.noiseBuffer = new Float64Array(size);
    this.batch = new Int32Array(Math.min(batchSize, task.model.exampleCount));
    this.sampler = new MinibatchSampler(task.model.exampleCount, rng.fork('minibatches'));
    this.noiseRng = rng.fork('langevin noise');
    this.outerLr = params.outerLr;
  }

  get gamma(): number {
    return this.params.gamma0 * Math.pow(1 + this.params.gamma1, this.outerSteps);
  }

  /**
   * One outer step: L Langevin steps on x′ (step size lr), then x moves towards their average μ. When `shouldStop`
   * turns true mid-loop, the outer step uses the average of the Langevin steps taken so far.
   */
  step(lr: number, shouldStop?: () => boolean): number {
    const { weights: x, inner, mean, velocity, grad, batch, noiseBuffer } = this;
    const { L, momentum, weightDecay, average } = this.params;
    const size = batch.length;
    this.outerSteps++;
    const gamma = Math.min(this.gamma, 1 / lr);
    if (gamma < this.gamma) this.gammaCapped = true;
    const noiseScale = this.params.noise / Math.sqrt(0.5 * lr);
    inner.set(x);
    mean.set(x);
    velocity.fill(0);
    let steps = 0;
    for (; steps < L; steps++) {
      if (steps > 0 && shouldStop?.()) break;
      this.sampler.fill(batch, size);
      grad.fill(0);
      this.task.model.accumulateGradient(inner, batch, size, grad);
      if (noiseScale > 0) this.noiseRng.fillGaussian(noiseBuffer);
      for (let i = 0; i < x.length; i++) {
        const g = grad[i]! / size;
        const v = momentum * velocity[i]! + g;
        velocity[i] = v;
        const step = g + momentum * v - gamma * (x[i]! - inner[i]!) + weightDecay * inner[i]! + noiseScale * noiseBuffer[i]!;
        const moved = inner[i]! - lr * step;
        inner[i] = moved;
        mean[i] = average * mean[i]! + (1 - average) * moved;
      }
    }
    const eta = this.outerLr;
    for (let i = 0; i < x.length; i++) x[i] = x[i]! - eta * (x[i]! - mean[i]!);
    return steps * size;
  }

  current(): { params: Float64Array; errors: number } {
    return { params: this.weights, errors: this.task.model.trainingErrors(this.weights) };
  }

  endEpoch(): void {
    this.outerLr *= this.params.outerLrDecay;
  }

  info(): Record<string, number | boolean> {
    return { outerSteps: this.outerSteps, finalGamma: this.gamma, gammaCapped: this.gammaCapped, batchSize: this.batch.length };
  }
}

export default defineLearnerPlugin<EntropySgdParams>({
  name: 'entropy-sgd',
  version: '0.1.0',
  description: 'Entropy-SGD: an inner Langevin loop (L steps) estimates the local-entropy gradient, the outer step follows it; scoping γ grows per outer step',
  params: {
    L: { type: 'integer', minimum: 1, default: 20, description: 'Langevin steps per outer step (the authors\' L = 20)' },
    gamma0: { type: 'number', minimum: 0, default: 0.03, description: 'initial scoping γ₀ (authors: 0.03 for CIFAR, 1e-4 for MNIST LeNet)' },
    gamma1: { type: 'number', minimum: 0, default: 0.001, description: 'scoping rate γ₁: γ_t = γ₀(1 + γ₁)^t, t = outer steps' },
    noise: { type: 'number', minimum: 0, default: 1e-4, description: 'Langevin noise ε (step noise std ε·√(2·lr))' },
    average: { type: 'number', minimum: 0, exclusiveMaximum: 1, default: 0.75, description: 'coefficient α of the running average μ ← αμ + (1 − α)x′' },
    momentum: { type: 'number', minimum: 0, exclusiveMaximum: 1, default: 0.9, description: 'Nesterov momentum of the Langevin loop' },
    weightDecay: { type: 'number', minimum: 0, default: 0, description: 'L2 weight decay in the Langevin loop' },
    outerLr: { type: 'number', exclusiveMinimum: 0, default: 1, description: 'outer step η: x ← x − η(x − μ) (the authors start at 1)' },
    outerLrDecay: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: 1, description: 'factor applied to outerLr after every epoch of work' },
  },
  make: (task, settings, params, rng) => new EntropySgdLearner(task, settings.batchSize, params, rng),
});
