// Binary perceptron and binary committee machine as trainable models: continuous hidden weights H, evaluated with
// W = sign(H), trained with the perceptron-rule losses of the replicated-SGD code of Baldassi et al. (PNAS 113, E7655,
// 2016; carlobaldassi/BinaryCommitteeMachineRSGD.jl): only misclassified patterns contribute, ∂ℓ/∂W_k = −σξ for the
// hidden units being corrected, and the gradient at W = sign(H) is applied to H.
import type { CommitteeInstance, PerceptronInstance, Rng } from '@densebench/core';
import type { TrainableModel } from './model.js';

/** W = sign(H) with H > 0 → +1, else −1 (as in the authors' code). */
export function signsOf(params: Float64Array, out: Int8Array): Int8Array {
  for (let i = 0; i < out.length; i++) out[i] = params[i]! > 0 ? 1 : -1;
  return out;
}

/** Hidden weights start at ±1 uniformly (the authors' initialization). */
function randomSigns(params: Float64Array, rng: Rng): void {
  for (let i = 0; i < params.length; i++) params[i] = rng.nextSign();
}

/**
 * Binary perceptron. Loss of pattern μ: ℓ = max(0, −σ^μ W·ξ^μ) (N odd, so W·ξ ≠ 0 at W = sign(H)); its W-gradient is
 * −σ^μ ξ^μ on misclassified patterns, so a step H ← H − η ∇ is the clipped-perceptron update H += η σ ξ.
 */
export class BinaryPerceptronModel implements TrainableModel {
  readonly parameterCount: number;
  readonly exampleCount: number;
  private readonly signs: Int8Array;

  constructor(private readonly data: PerceptronInstance) {
    this.parameterCount = data.n;
    this.exampleCount = data.p;
    this.signs = new Int8Array(data.n);
  }

  initialize(params: Float64Array, rng: Rng): void {
    randomSigns(params, rng);
  }

  /** σ W·ξ of pattern mu for real effective weights W. */
  private stability(weights: ArrayLike<number>, mu: number): number {
    const { n, patterns, labels } = this.data;
    const row = mu * n;
    let field = 0;
    for (let i = 0; i < n; i++) field += patterns[row + i]! * weights[i]!;
    return labels[mu]! * field;
  }

  accumulateGradient(params: Float64Array, batch: Int32Array, size: number, grad: Float64Array): number {
    const { n, patterns, labels } = this.data;
    const w = signsOf(params, this.signs);
    let wrong = 0;
    for (let b = 0; b < size; b++) {
      const mu = batch[b]!;
      if (this.stability(w, mu) > 0) continue;
      wrong++;
      const sigma = labels[mu]!;
      const row = mu * n;
      for (let i = 0; i < n; i++) grad[i] = grad[i]! - sigma * patterns[row + i]!;
    }
    return wrong;
  }

  loss(params: Float64Array, batch: Int32Array, size: number): number {
    return this.lossAtEffectiveWeights(signsOf(params, this.signs), batch, size);
  }

  /** The loss for real effective weights W (no sign): what accumulateGradient differentiates. */
  lossAtEffectiveWeights(weights: ArrayLike<number>, batch: Int32Array, size: number): number {
    let total = 0;
    for (let b = 0; b < size; b++) total += Math.max(0, -this.stability(weights, batch[b]!));
    return total;
  }

  trainingErrors(params: Float64Array): number {
    const w = signsOf(params, this.signs);
    let errors = 0;
    for (let mu = 0; mu < this.data.p; mu++) if (this.stability(w, mu) <= 0) errors++;
    return errors;
  }
}

/**
 * Binary committee machine (K odd hidden units, fully connected, output sign(Σ_k sign(W_k·ξ))). On a misclassified
 * pattern the output changes sign once (|Σ_k τ_k| + 1)/2 of the wrong hidden units flip, and the authors' rule
 * corrects exactly those: the wrong units closest to threshold (smallest |W_k·ξ|). Loss: ℓ = Σ_{k corrected} |W_k·ξ|,
 * whose W_k-gradient is −σξ for the corrected units.
 */
export class BinaryCommitteeModel implements TrainableModel {
  readonly parameterCount: number;
  readonly exampleCount: number;
  private readonly signs: Int8Array;
  private readonly fields: Float64Array;
  /** Wrong hidden units of the current pattern, sorted by |field| (a short insertion sort: K is small). */
  private readonly wrongUnits: Int32Array;

  constructor(private readonly data: CommitteeInstance) {
    this.parameterCount = data.n * data.hidden;
    this.exampleCount = data.p;
    this.signs = new Int8Array(this.parameterCount);
    this.fields = new Float64Array(data.hidden);
    this.wrongUnits = new Int32Array(data.hidden);
  }

  initialize(params: Float64Array, rng: Rng): void {
    randomSigns(params, rng);
  }

  /**
   * Fills `fields` for pattern mu and returns how many hidden units must be corrected (0 when it is classified
   * correctly); the units to correct are wrongUnits[0..count).
   */
  private analyse(weights: ArrayLike<number>, mu: number): number {
    const { n, hidden, patterns, labels } = this.data;
    const row = mu * n;
    const sigma = labels[mu]!;
    let votes = 0;
    let wrong = 0;
    for (let k = 0; k < hidden; k++) {
      let field = 0;
      const base = k * n;
      for (let i = 0; i < n; i++) field += patterns[row + i]! * weights[base + i]!;
      this.fields[k] = field;
      votes += field > 0 ? 1 : field < 0 ? -1 : 0;
      if (sigma * field <= 0) {
        // Insert k among the wrong units, ordered by |field|.
        let j = wrong++;
        const size = Math.abs(field);
        while (j > 0 && Math.abs(this.fields[this.wrongUnits[j - 1]!]!) > size) {
          this.wrongUnits[j] = this.wrongUnits[j - 1]!;
          j--;
        }
        this.wrongUnits[j] = k;
      }
    }
    const margin = sigma * votes;
    return margin > 0 ? 0 : Math.min(wrong, Math.floor((-margin + 1) / 2) + (margin === 0 ? 1 : 0));
  }

  accumulateGradient(params: Float64Array, batch: Int32Array, size: number, grad: Float64Array): number {
    const { n, patterns, labels } = this.data;
    const w = signsOf(params, this.signs);
    let wrong = 0;
    for (let b = 0; b < size; b++) {
      const mu = batch[b]!;
      const corrections = this.analyse(w, mu);
      if (corrections === 0) continue;
      wrong++;
      const sigma = labels[mu]!;
      const row = mu * n;
      for (let c = 0; c < corrections; c++) {
        const base = this.wrongUnits[c]! * n;
        for (let i = 0; i < n; i++) grad[base + i] = grad[base + i]! - sigma * patterns[row + i]!;
      }
    }
    return wrong;
  }

  loss(params: Float64Array, batch: Int32Array, size: number): number {
    return this.lossAtEffectiveWeights(signsOf(params, this.signs), batch, size);
  }

  lossAtEffectiveWeights(weights: ArrayLike<number>, batch: Int32Array, size: number): number {
    let total = 0;
    for (let b = 0; b < size; b++) {
      const corrections = this.analyse(weights, batch[b]!);
      for (let c = 0; c < corrections; c++) total += Math.abs(this.fields[this.wrongUnits[c]!]!);
    }
    return total;
  }

  trainingErrors(params: Float64Array): number {
    const w = signsOf(params, this.signs);
    let errors = 0;
    for (let mu = 0; mu < this.data.p; mu++) if (this.analyse(w, mu) > 0) errors++;
    return errors;
  }
}
