// A one-hidden-layer ReLU network (core's Network) trained with softmax cross-entropy and hand-written gradients,
// continuous (weights and biases) or binary (±1 weights = sign of continuous hidden weights, straight-through gradient).
// The forward pass repeats core's networkErrors operation for operation, so the two agree exactly on the errors.
import type { DatasetInstance, Network, Rng } from '@densebench/core';
import { networkParameterCount } from '@densebench/core';
import type { TrainableModel } from './model.js';

/** Examples processed together: the scratch buffers hold this many, and a W1 row stays in cache across them. */
const CHUNK = 64;

/**
 * Parameters follow Network.weights: continuous → W1 (hidden × N, row-major), b1 (hidden), W2 (classes × hidden),
 * b2 (classes); binary → W1, W2 only, as hidden values H evaluated with W = sign(H) (H > 0 → +1, else −1) and the
 * scales s₁ = 1/√N, s₂ = 1/√hidden. The loss of an example is the softmax cross-entropy of the outputs o against its
 * label; batches sum it.
 */
export class Mlp implements TrainableModel {
  readonly parameterCount: number;
  readonly exampleCount: number;
  private readonly n: number;
  private readonly classes: number;
  private readonly s1: number;
  private readonly s2: number;
  private readonly b1Start: number;
  private readonly w2Start: number;
  private readonly b2Start: number;
  /** sign(H) of a binary network, filled once per call. */
  private readonly signs: Float64Array;
  /** Per chunk, example-major: pre-activations a, activities h = max(0, a), their gradients, outputs / softmax − onehot. */
  private readonly pre: Float64Array;
  private readonly act: Float64Array;
  private readonly gradAct: Float64Array;
  private readonly out: Float64Array;
  /** Backward pass, per W1 row: input offsets and s₁·∂loss/∂a_j of the chunk's examples whose unit is active. */
  private readonly activeRow: Int32Array;
  private readonly activeCoefficient: Float64Array;
  /** 0..P−1, the batch of trainingErrors. */
  private readonly everyExample: Int32Array;

  constructor(
    readonly data: DatasetInstance,
    readonly hidden: number,
    readonly binary: boolean,
  ) {
    if (!Number.isInteger(hidden) || hidden < 1) throw new RangeError(`Mlp: hidden must be a positive integer, got ${hidden}`);
    const { n, p, classes } = data;
    this.n = n;
    this.classes = classes;
    this.exampleCount = p;
    this.parameterCount = networkParameterCount(n, hidden, classes, binary);
    this.s1 = binary ? 1 / Math.sqrt(n) : 1;
    this.s2 = binary ? 1 / Math.sqrt(hidden) : 1;
    this.b1Start = hidden * n;
    this.w2Start = hidden * n + (binary ? 0 : hidden);
    this.b2Start = this.w2Start + classes * hidden;
    this.signs = new Float64Array(binary ? this.parameterCount : 0);
    this.pre = new Float64Array(CHUNK * hidden);
    this.act = new Float64Array(CHUNK * hidden);
    this.gradAct = new Float64Array(CHUNK * hidden);
    this.out = new Float64Array(CHUNK * classes);
    this.activeRow = new Int32Array(CHUNK);
    this.activeCoefficient = new Float64Array(CHUNK);
    this.everyExample = new Int32Array(p);
    for (let mu = 0; mu < p; mu++) this.everyExample[mu] = mu;
  }

  /**
   * Continuous: W1 and W2 entries Gaussian with standard deviation 1/√fan-in (1/√N and 1/√hidden), biases 0.
   * Binary: every hidden value H standard Gaussian (so sign(H) is a uniform ±1 and |H| spreads the flip times).
   */
  initialize(params: Float64Array, rng: Rng): void {
    this.checkLength(params, 'params');
    if (this.binary) {
      for (let k = 0; k < this.parameterCount; k++) params[k] = rng.nextGaussian();
      return;
    }
    const std1 = 1 / Math.sqrt(this.n);
    const std2 = 1 / Math.sqrt(this.hidden);
    for (let k = 0; k < this.b1Start; k++) params[k] = std1 * rng.nextGaussian();
    for (let k = this.b1Start; k < this.w2Start; k++) params[k] = 0;
    for (let k = this.w2Start; k < this.b2Start; k++) params[k] = std2 * rng.nextGaussian();
    for (let k = this.b2Start; k < this.parameterCount; k++) params[k] = 0;
  }

  accumulateGradient(params: Float64Array, batch: Int32Array, size: number, grad: Float64Array): number {
    this.checkLength(params, 'params');
    this.checkLength(grad, 'grad');
    this.checkBatch(batch, size);
    const weights = this.effective(params);
    let errors = 0;
    for (let start = 0; start < size; start += CHUNK) {
      const count = Math.min(CHUNK, size - start);
      this.forward(weights, batch, start, count);
      errors += this.lossAndOutputGradient(batch, start, count, true);
      this.backward(weights, batch, start, count, grad);
    }
    return errors;
  }

  loss(params: Float64Array, batch: Int32Array, size: number): number {
    this.checkLength(params, 'params');
    this.checkBatch(batch, size);
    return this.lossWith(this.effective(params), batch, size);
  }

  /**
   * The summed loss with `weights` used as they are (no sign), with this network's scales and layout: for a binary
   * network, the function whose gradient at weights = sign(H) accumulateGradient returns; for a continuous one, loss.
   */
  lossAtEffectiveWeights(weights: Float64Array, batch: Int32Array, size: number): number {
    this.checkLength(weights, 'weights');
    this.checkBatch(batch, size);
    return this.lossWith(weights, batch, size);
  }

  trainingErrors(params: Float64Array): number {
    this.checkLength(params, 'params');
    const weights = this.effective(params);
    const batch = this.everyExample;
    let errors = 0;
    for (let start = 0; start < this.exampleCount; start += CHUNK) {
      const count = Math.min(CHUNK, this.exampleCount - start);
      this.forward(weights, batch, start, count);
      errors += this.misclassified(batch, start, count);
    }
    return errors;
  }

  /** The network core's networkErrors evaluates: a copy of the parameters, or the ±1 weights sign(H). */
  toNetwork(params: Float64Array): Network {
    this.checkLength(params, 'params');
    if (!this.binary) return { hidden: this.hidden, binary: false, weights: Float64Array.from(params) };
    const weights = new Float32Array(this.parameterCount);
    for (let k = 0; k < this.parameterCount; k++) weights[k] = params[k]! > 0 ? 1 : -1;
    return { hidden: this.hidden, binary: true, weights };
  }

  private checkLength(array: Float64Array, name: string): void {
    if (array.length !== this.parameterCount) throw new RangeError(`Mlp: ${name} has length ${array.length}, expected ${this.parameterCount}`);
  }

  private checkBatch(batch: Int32Array, size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > batch.length) throw new RangeError(`Mlp: batch size ${size} out of 0..${batch.length}`);
  }

  /** The weights the forward pass multiplies: params itself, or sign(params) in the scratch buffer. */
  private effective(params: Float64Array): Float64Array {
    if (!this.binary) return params;
    const signs = this.signs;
    for (let k = 0; k < signs.length; k++) signs[k] = params[k]! > 0 ? 1 : -1;
    return signs;
  }

  private lossWith(weights: Float64Array, batch: Int32Array, size: number): number {
    let total = 0;
    for (let start = 0; start < size; start += CHUNK) {
      const count = Math.min(CHUNK, size - start);
      this.forward(weights, batch, start, count);
      total += this.lossAndOutputGradient(batch, start, count, false);
    }
    return total;
  }

  /** Fills pre, act and out for the examples batch[start..start+count), in networkErrors' order of operations. */
  private forward(weights: Float64Array, batch: Int32Array, start: number, count: number): void {
    const { n, hidden, classes, s1, s2, binary, b1Start, w2Start, b2Start, pre, act, out } = this;
    const x = this.data.inputs;
    // Four examples per pass over a W1 row: each keeps its own sum, in the same order as networkErrors (bit-identical).
    for (let j = 0; j < hidden; j++) {
      const base = j * n;
      const bias = binary ? 0 : weights[b1Start + j]!;
      let b = 0;
      for (; b + 3 < count; b += 4) {
        const r0 = batch[start + b]! * n;
        const r1 = batch[start + b + 1]! * n;
        const r2 = batch[start + b + 2]! * n;
        const r3 = batch[start + b + 3]! * n;
        let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (let i = 0; i < n; i++) {
          const w = weights[base + i]!;
          a0 += w * x[r0 + i]!;
          a1 += w * x[r1 + i]!;
          a2 += w * x[r2 + i]!;
          a3 += w * x[r3 + i]!;
        }
        a0 = s1 * a0 + bias;
        a1 = s1 * a1 + bias;
        a2 = s1 * a2 + bias;
        a3 = s1 * a3 + bias;
        const k = b * hidden + j;
        pre[k] = a0; act[k] = a0 > 0 ? a0 : 0;
        pre[k + hidden] = a1; act[k + hidden] = a1 > 0 ? a1 : 0;
        pre[k + 2 * hidden] = a2; act[k + 2 * hidden] = a2 > 0 ? a2 : 0;
        pre[k + 3 * hidden] = a3; act[k + 3 * hidden] = a3 > 0 ? a3 : 0;
      }
      for (; b < count; b++) {
        const row = batch[start + b]! * n;
        let a = 0;
        for (let i = 0; i < n; i++) a += weights[base + i]! * x[row + i]!;
        a = s1 * a + bias;
        pre[b * hidden + j] = a;
        act[b * hidden + j] = a > 0 ? a : 0;
      }
    }
    for (let b = 0; b < count; b++) {
      const h = b * hidden;
      for (let c = 0; c < classes; c++) {
        const base = w2Start + c * hidden;
        let o = 0;
        for (let j = 0; j < hidden; j++) o += weights[base + j]! * act[h + j]!;
        out[b * classes + c] = s2 * o + (binary ? 0 : weights[b2Start + c]!);
      }
    }
  }

  /** Misclassified among the forwarded examples: the first index of the largest output is the prediction. */
  private misclassified(batch: Int32Array, start: number, count: number): number {
    const { classes, out } = this;
    const labels = this.data.labels;
    let errors = 0;
    for (let b = 0; b < count; b++) {
      const o = b * classes;
      let best = 0;
      let bestOutput = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < classes; c++) {
        if (out[o + c]! > bestOutput) { bestOutput = out[o + c]!; best = c; }
      }
      if (best !== labels[batch[start + b]!]) errors++;
    }
    return errors;
  }

  /**
   * Summed cross-entropy of the forwarded examples, or (gradient = true) their misclassified count, overwriting out
   * with ∂loss/∂o = softmax(o) − onehot(label).
   */
  private lossAndOutputGradient(batch: Int32Array, start: number, count: number, gradient: boolean): number {
    const { classes, out } = this;
    const labels = this.data.labels;
    let total = 0;
    let errors = 0;
    for (let b = 0; b < count; b++) {
      const o = b * classes;
      const label = labels[batch[start + b]!]!;
      let best = 0;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < classes; c++) {
        if (out[o + c]! > max) { max = out[o + c]!; best = c; }
      }
      if (best !== label) errors++;
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += Math.exp(out[o + c]! - max);
      if (gradient) {
        const inverse = 1 / sum;
        for (let c = 0; c < classes; c++) out[o + c] = Math.exp(out[o + c]! - max) * inverse;
        out[o + label] = out[o + label]! - 1;
      } else {
        total += max + Math.log(sum) - out[o + label]!;
      }
    }
    return gradient ? errors : total;
  }

  /** Adds the gradient of the forwarded examples to grad; out holds ∂loss/∂o. */
  private backward(weights: Float64Array, batch: Int32Array, start: number, count: number, grad: Float64Array): void {
    const { n, hidden, classes, s1, s2, binary, b1Start, w2Start, b2Start, pre, act, gradAct, out } = this;
    const x = this.data.inputs;
    // Output layer: ∂/∂W2[c, j] = s₂ g_c h_j, ∂/∂b2[c] = g_c; ∂/∂a_j = s₂ Σ_c W2[c, j] g_c when a_j > 0.
    for (let b = 0; b < count; b++) {
      const h = b * hidden;
      const o = b * classes;
      for (let j = 0; j < hidden; j++) gradAct[h + j] = 0;
      for (let c = 0; c < classes; c++) {
        const g = out[o + c]!;
        const base = w2Start + c * hidden;
        const gs = s2 * g;
        for (let j = 0; j < hidden; j++) {
          grad[base + j] = grad[base + j]! + gs * act[h + j]!;
          gradAct[h + j] = gradAct[h + j]! + gs * weights[base + j]!;
        }
        if (!binary) grad[b2Start + c] = grad[b2Start + c]! + g;
      }
      for (let j = 0; j < hidden; j++) if (!(pre[h + j]! > 0)) gradAct[h + j] = 0;
    }
    // Hidden layer: ∂/∂W1[j, i] = s₁ (∂/∂a_j) x_i, ∂/∂b1[j] = ∂/∂a_j; one W1 row at a time across the chunk, over the
    // examples whose unit j is active, four at a time.
    const { activeRow, activeCoefficient } = this;
    for (let j = 0; j < hidden; j++) {
      const base = j * n;
      let biasGradient = 0;
      let active = 0;
      for (let b = 0; b < count; b++) {
        const ga = gradAct[b * hidden + j]!;
        if (ga === 0) continue;
        biasGradient += ga;
        activeRow[active] = batch[start + b]! * n;
        activeCoefficient[active] = s1 * ga;
        active++;
      }
      let k = 0;
      for (; k + 3 < active; k += 4) {
        const r0 = activeRow[k]!, r1 = activeRow[k + 1]!, r2 = activeRow[k + 2]!, r3 = activeRow[k + 3]!;
        const c0 = activeCoefficient[k]!, c1 = activeCoefficient[k + 1]!, c2 = activeCoefficient[k + 2]!, c3 = activeCoefficient[k + 3]!;
        for (let i = 0; i < n; i++) grad[base + i] = grad[base + i]! + (c0 * x[r0 + i]! + c1 * x[r1 + i]! + c2 * x[r2 + i]! + c3 * x[r3 + i]!);
      }
      for (; k < active; k++) {
        const row = activeRow[k]!;
        const coefficient = activeCoefficient[k]!;
        for (let i = 0; i < n; i++) grad[base + i] = grad[base + i]! + coefficient * x[row + i]!;
      }
      if (!binary) grad[b1Start + j] = grad[b1Start + j]! + biasGradient;
    }
  }
}
