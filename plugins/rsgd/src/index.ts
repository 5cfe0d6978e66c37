// rsgd — replicated SGD on the robust ensemble (Baldassi, Borgs, Chayes, Ingrosso, Lucibello, Saglietti & Zecchina,
// PNAS 113, E7655, 2016, App. C; the authors' BinaryCommitteeMachineRSGD.jl). y replicas with hidden weights H^a take
// minibatch steps on their own loss; after each replica's step a coupling pulls it towards the others:
//   majority (eq. C7, centre traced out):  H_i^a ← H_i^a + λ [tanh(γ Σ_b W_i^b) − W_i^a],  W = sign(H);
//   elastic (EASGD, Zhang, Choromanska & LeCun, NIPS 2015): an explicit centre x̃, δ = λ (x^a − x̃), x^a ← x^a − δ,
//     x̃ ← x̃ + δ. On binary weights this couples the hidden weights H, where the authors' `center=true` couples the
//     signs (δ = λ(W^c − W^a)): a deviation, for the rare run that forces `elastic` on a binary problem.
// Per epoch (every replica has seen P examples, y·P example gradients of the shared budget): lr ← lr·lrDecay,
// λ ← λ·lambdaFactor, γ ← γ + gammaStep. The answer is the centre (majority of the replicas' signs, or x̃) unless a
// replica has fewer training errors; ±1 problems stop when either has none (checked once per epoch).
import type { Rng } from '@densebench/core';
import { defineLearnerPlugin, MinibatchSampler, signsOf, type CommonLearnerParams, type Learner, type LearningTask } from '@densebench/learn';

export type Coupling = 'majority' | 'elastic' | 'auto';

export interface RsgdParams extends CommonLearnerParams {
  y: number;
  coupling: Coupling;
  lambda: number;
  lambdaFactor: number;
  gamma0: number;
  gammaStep: number;
}

export class RsgdLearner implements Learner {
  readonly replicas: Float64Array[];
  /** W^a = sign(H^a) of each replica (majority coupling). */
  private readonly signs: Int8Array[];
  /** Σ_b W_i^b (majority coupling), kept up to date incrementally. */
  readonly signSums: Int32Array;
  /** Explicit centre x̃ (elastic coupling); for the majority coupling, the majority as ±1 values. */
  private readonly centre: Float64Array;
  private readonly grad: Float64Array;
  private readonly batch: Int32Array;
  private readonly samplers: MinibatchSampler[];
  private readonly rng: Rng;
  private readonly order: Int32Array;
  readonly coupling: 'majority' | 'elastic';
  lambda: number;
  gamma: number;
  readonly epochWork: number;
  private solvedBy = 'centre';
  private readonly table: Float64Array;
  private tableGamma = Number.NaN;

  constructor(private readonly task: LearningTask, batchSize: number, private readonly params: RsgdParams, rng: Rng) {
    const { model } = task;
    const size = model.parameterCount;
    this.coupling = params.coupling === 'auto' ? (task.binaryWeights ? 'majority' : 'elastic') : params.coupling;
    if (this.coupling === 'majority' && !task.binaryWeights) throw new Error('coupling "majority" needs binary weights (sign of hidden weights); use coupling "elastic" for a continuous network');
    // All replicas start from one random configuration, as in the authors' code (init_equal = true).
    const start = new Float64Array(size);
    model.initialize(start, rng.fork('init'));
    this.replicas = Array.from({ length: params.y }, () => Float64Array.from(start));
    this.signs = this.replicas.map((h) => signsOf(h, new Int8Array(size)));
    this.signSums = new Int32Array(size);
    for (const w of this.signs) for (let i = 0; i < size; i++) this.signSums[i] = this.signSums[i]! + w[i]!;
    this.centre = Float64Array.from(start);
    this.grad = new Float64Array(size);
    this.batch = new Int32Array(Math.min(batchSize, model.exampleCount));
    // Replica 0 draws the stream sgd draws, so that y = 1 and λ = 0 reproduce sgd exactly.
    this.samplers = this.replicas.map((_, a) => new MinibatchSampler(model.exampleCount, rng.fork(a === 0 ? 'minibatches' : `minibatches:${a}`)));
    this.rng = rng.fork('replica order');
    this.order = Int32Array.from(this.replicas.keys());
    this.lambda = params.lambda;
    this.gamma = params.gamma0;
    this.epochWork = params.y * model.exampleCount;
    this.table = new Float64Array(2 * params.y + 1);
  }

  /** One minibatch step of every replica, in random order, each followed by its coupling kick. */
  step(lr: number): number {
    const y = this.replicas.length;
    this.rng.shuffle(this.order);
    let work = 0;
    for (let j = 0; j < y; j++) work += this.replicaStep(this.order[j]!, lr);
    return work;
  }

  private replicaStep(a: number, lr: number): number {
    const { grad, batch, centre, signSums } = this;
    const h = this.replicas[a]!;
    const w = this.signs[a]!;
    const size = batch.length;
    this.samplers[a]!.fill(batch, size);
    grad.fill(0);
    this.task.model.accumulateGradient(h, batch, size, grad);
    const scale = lr / size;
    const lambda = this.lambda;
    if (this.coupling === 'majority') {
      // Σ_b W^b is read before this replica's step, as in the authors' code; tanh(γ Σ_b W^b) comes from a table.
      const table = this.tanhTable();
      const y = this.replicas.length;
      for (let i = 0; i < h.length; i++) {
        const old = w[i]!;
        const field = table[signSums[i]! + y]!;
        // The kick uses the replica's sign after its own gradient step (the authors' update_net!, then the kick).
        const moved = h[i]! - scale * grad[i]!;
        const value = moved + lambda * (field - (moved > 0 ? 1 : -1));
        h[i] = value;
        const now = value > 0 ? 1 : -1;
        if (now !== old) {
          w[i] = now;
          signSums[i] = signSums[i]! + 2 * now;
        }
      }
    } else {
      for (let i = 0; i < h.length; i++) {
        const moved = h[i]! - scale * grad[i]!;
        const delta = lambda * (moved - centre[i]!);
        h[i] = moved - delta;
        centre[i] = centre[i]! + delta;
      }
    }
    return size;
  }

  /** tanh(γ s) for s = −y … y at the current γ (index s + y; γ = ∞ gives sign(s)). */
  private tanhTable(): Float64Array {
    if (this.tableGamma !== this.gamma) {
      const y = this.replicas.length;
      for (let s = -y; s <= y; s++) this.table[s + y] = Number.isFinite(this.gamma) ? Math.tanh(this.gamma * s) : Math.sign(s);
      this.tableGamma = this.gamma;
    }
    return this.table;
  }

  /** The centre, or the replica with the fewest training errors when it beats the centre. */
  current(): { params: Float64Array; errors: number } {
    const { model } = this.task;
    if (this.coupling === 'majority') {
      // The traced-out centre: per-weight majority as ±1 hidden weights (a tie, possible for even y, gives −1, the sign
      // rule of the hidden weights and of the authors' code).
      for (let i = 0; i < this.centre.length; i++) this.centre[i] = this.signSums[i]! > 0 ? 1 : -1;
    }
    let best = { params: this.centre, errors: model.trainingErrors(this.centre) };
    this.solvedBy = 'centre';
    for (let a = 0; a < this.replicas.length && best.errors > 0; a++) {
      const errors = model.trainingErrors(this.replicas[a]!);
      if (errors < best.errors) {
        best = { params: this.replicas[a]!, errors };
        this.solvedBy = `replica ${a}`;
      }
    }
    return best;
  }

  endEpoch(): void {
    this.lambda *= this.params.lambdaFactor;
    this.gamma += this.params.gammaStep;
  }

  info(): Record<string, number | string> {
    return { y: this.replicas.length, coupling: this.coupling, answer: this.solvedBy, finalGamma: this.gamma, finalLambda: this.lambda, batchSize: this.batch.length };
  }
}

export default defineLearnerPlugin<RsgdParams>({
  name: 'rsgd',
  version: '0.1.0',
  description: 'replicated SGD on the robust ensemble: y replicas coupled through their majority (or an elastic centre), γ raised per epoch',
  params: {
    y: { type: 'integer', minimum: 1, default: 7, description: 'number of replicas (odd keeps their majority free of ties)' },
    coupling: { type: 'string', enum: ['auto', 'majority', 'elastic'], default: 'auto', description: 'majority: tanh(γ Σ_b W^b) kick, centre traced out (binary weights); elastic: explicit centre (EASGD); auto: majority for binary weights, elastic for continuous networks' },
    lambda: { type: 'number', minimum: 0, default: 0.1, description: 'coupling strength λ (the authors\' default 0.1)' },
    lambdaFactor: { type: 'number', exclusiveMinimum: 0, default: 1, description: 'factor applied to λ after every epoch' },
    gamma0: { type: 'number', minimum: 0, default: 0.5, description: 'initial γ of the majority coupling (large values force the replicas together at once)' },
    gammaStep: { type: 'number', minimum: 0, default: 0.01, description: 'added to γ after every epoch (every replica has seen P examples)' },
  },
  make: (task, settings, params, rng) => new RsgdLearner(task, settings.batchSize, params, rng),
});
