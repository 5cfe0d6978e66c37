import { describe, expect, it } from 'vitest';
import { networkErrors, networkParameterCount, Rng, type DatasetInstance } from '@densebench/core';
import { Mlp } from '../src/mlp.js';

const N = 7;
const CLASSES = 3;
const HIDDEN = 5;

/** P Gaussian inputs of dimension n with uniform random labels. */
function randomData(seed: string, p: number, n = N, classes = CLASSES): DatasetInstance {
  const rng = new Rng(seed);
  const inputs = new Float32Array(p * n);
  for (let k = 0; k < inputs.length; k++) inputs[k] = rng.nextGaussian();
  const labels = new Uint8Array(p);
  for (let mu = 0; mu < p; mu++) labels[mu] = rng.nextInt(classes);
  return { kind: 'dataset', problem: 'mnist', n, p, classes, inputs, labels };
}

/** Labels from a linear teacher: class = argmax_c (T x)_c, so the classes are linearly separable. */
function separableData(seed: string, p: number): DatasetInstance {
  const rng = new Rng(seed);
  const teacher = Array.from({ length: CLASSES * N }, () => rng.nextGaussian());
  const inputs = new Float32Array(p * N);
  for (let k = 0; k < inputs.length; k++) inputs[k] = rng.nextGaussian();
  const labels = new Uint8Array(p);
  for (let mu = 0; mu < p; mu++) {
    let best = 0;
    let bestField = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < CLASSES; c++) {
      let field = 0;
      for (let i = 0; i < N; i++) field += teacher[c * N + i]! * inputs[mu * N + i]!;
      if (field > bestField) { bestField = field; best = c; }
    }
    labels[mu] = best;
  }
  return { kind: 'dataset', problem: 'mnist', n: N, p, classes: CLASSES, inputs, labels };
}

function gaussianParams(count: number, seed: string, scale: number): Float64Array {
  const rng = new Rng(seed);
  const params = new Float64Array(count);
  for (let k = 0; k < count; k++) params[k] = scale * rng.nextGaussian();
  return params;
}

/** Straightforward forward pass of one example, written independently of Mlp: returns the outputs o_c. */
function referenceOutputs(data: DatasetInstance, weights: Float64Array, hidden: number, binary: boolean, mu: number): number[] {
  const { n, classes } = data;
  const w1 = (j: number, i: number) => weights[j * n + i]!;
  const b1 = (j: number) => (binary ? 0 : weights[hidden * n + j]!);
  const w2Start = hidden * n + (binary ? 0 : hidden);
  const w2 = (c: number, j: number) => weights[w2Start + c * hidden + j]!;
  const b2 = (c: number) => (binary ? 0 : weights[w2Start + classes * hidden + c]!);
  const s1 = binary ? 1 / Math.sqrt(n) : 1;
  const s2 = binary ? 1 / Math.sqrt(hidden) : 1;
  const h: number[] = [];
  for (let j = 0; j < hidden; j++) {
    let a = b1(j);
    for (let i = 0; i < n; i++) a += s1 * w1(j, i) * data.inputs[mu * n + i]!;
    h.push(Math.max(0, a));
  }
  const o: number[] = [];
  for (let c = 0; c < classes; c++) {
    let sum = b2(c);
    for (let j = 0; j < hidden; j++) sum += s2 * w2(c, j) * h[j]!;
    o.push(sum);
  }
  return o;
}

function referenceLoss(data: DatasetInstance, weights: Float64Array, hidden: number, binary: boolean, batch: Int32Array): number {
  let total = 0;
  for (const mu of batch) {
    const o = referenceOutputs(data, weights, hidden, binary, mu);
    total += Math.log(o.reduce((sum, v) => sum + Math.exp(v), 0)) - o[data.labels[mu]!]!;
  }
  return total;
}

/** Asserts every entry of `analytic` is within a relative 1e-5 (absolute floor 1e-7) of central differences of f. */
function expectMatchesFiniteDifferences(analytic: Float64Array, point: Float64Array, f: (x: Float64Array) => number): void {
  const h = 1e-6;
  const x = Float64Array.from(point);
  for (let k = 0; k < x.length; k++) {
    const saved = x[k]!;
    x[k] = saved + h;
    const plus = f(x);
    x[k] = saved - h;
    const minus = f(x);
    x[k] = saved;
    const numeric = (plus - minus) / (2 * h);
    expect(Math.abs(analytic[k]! - numeric), `parameter ${k}: analytic ${analytic[k]}, numeric ${numeric}`).toBeLessThanOrEqual(
      1e-5 * Math.max(Math.abs(numeric), Math.abs(analytic[k]!)) + 1e-7,
    );
  }
}

const repeatedBatch = Int32Array.from([0, 3, 3, 7, 9, 0, 2, 5, 3]);
/** Longer than one internal chunk of examples (64), with every index repeated. */
const longBatch = Int32Array.from({ length: 150 }, (_, k) => (k * 7) % 10);

describe('Mlp layout', () => {
  it('has the parameter count of core networks and the number of examples', () => {
    const data = randomData('layout', 10);
    expect(new Mlp(data, HIDDEN, false).parameterCount).toBe(networkParameterCount(N, HIDDEN, CLASSES, false));
    expect(new Mlp(data, HIDDEN, true).parameterCount).toBe(networkParameterCount(N, HIDDEN, CLASSES, true));
    expect(new Mlp(data, HIDDEN, true).exampleCount).toBe(10);
  });
});

describe('Mlp loss', () => {
  it('is the summed softmax cross-entropy of the network forward pass (continuous)', () => {
    const data = randomData('loss-continuous', 10);
    const mlp = new Mlp(data, HIDDEN, false);
    const params = gaussianParams(mlp.parameterCount, 'loss-continuous-params', 0.7);
    const expected = referenceLoss(data, params, HIDDEN, false, repeatedBatch);
    expect(mlp.loss(params, repeatedBatch, repeatedBatch.length)).toBeCloseTo(expected, 10);
    expect(mlp.loss(params, longBatch, longBatch.length)).toBeCloseTo(referenceLoss(data, params, HIDDEN, false, longBatch), 9);
    expect(mlp.loss(params, repeatedBatch, 0)).toBe(0);
  });

  it('is the summed softmax cross-entropy at W = sign(H) with scales 1/√N, 1/√hidden (binary)', () => {
    const data = randomData('loss-binary', 10);
    const mlp = new Mlp(data, HIDDEN, true);
    const hiddenValues = gaussianParams(mlp.parameterCount, 'loss-binary-params', 1);
    const signs = hiddenValues.map((v) => (v > 0 ? 1 : -1));
    const expected = referenceLoss(data, signs, HIDDEN, true, repeatedBatch);
    expect(mlp.loss(hiddenValues, repeatedBatch, repeatedBatch.length)).toBeCloseTo(expected, 10);
    expect(mlp.lossAtEffectiveWeights(signs, repeatedBatch, repeatedBatch.length)).toBeCloseTo(expected, 10);
    // Away from ±1 the effective-weight loss uses the weights as given (no sign).
    const real = gaussianParams(mlp.parameterCount, 'loss-binary-real', 0.8);
    expect(mlp.lossAtEffectiveWeights(real, repeatedBatch, repeatedBatch.length)).toBeCloseTo(referenceLoss(data, real, HIDDEN, true, repeatedBatch), 10);
  });

  it('stays finite for huge outputs (log-sum-exp)', () => {
    const data = randomData('loss-huge', 10);
    const mlp = new Mlp(data, HIDDEN, false);
    const params = gaussianParams(mlp.parameterCount, 'loss-huge-params', 60);
    const value = mlp.loss(params, repeatedBatch, repeatedBatch.length);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
  });
});

describe('Mlp gradient', () => {
  it('matches central finite differences of loss on every continuous parameter', () => {
    const data = randomData('grad-continuous', 10);
    const mlp = new Mlp(data, HIDDEN, false);
    const params = gaussianParams(mlp.parameterCount, 'grad-continuous-params', 0.7);
    for (const batch of [repeatedBatch, longBatch]) {
      const grad = new Float64Array(mlp.parameterCount);
      mlp.accumulateGradient(params, batch, batch.length, grad);
      expectMatchesFiniteDifferences(grad, params, (x) => mlp.loss(x, batch, batch.length));
    }
  });

  it('matches central finite differences of the effective-weight loss at W = sign(H) (binary, straight-through)', () => {
    const data = randomData('grad-binary', 10);
    const mlp = new Mlp(data, HIDDEN, true);
    const hiddenValues = gaussianParams(mlp.parameterCount, 'grad-binary-params', 1);
    const signs = hiddenValues.map((v) => (v > 0 ? 1 : -1));
    for (const batch of [repeatedBatch, longBatch]) {
      const grad = new Float64Array(mlp.parameterCount);
      mlp.accumulateGradient(hiddenValues, batch, batch.length, grad);
      expectMatchesFiniteDifferences(grad, signs, (x) => mlp.lossAtEffectiveWeights(x, batch, batch.length));
    }
  });

  it('adds to the gradient buffer rather than overwriting it', () => {
    const data = randomData('grad-accumulate', 10);
    for (const binary of [false, true]) {
      const mlp = new Mlp(data, HIDDEN, binary);
      const params = gaussianParams(mlp.parameterCount, 'grad-accumulate-params', 0.7);
      const alone = new Float64Array(mlp.parameterCount);
      mlp.accumulateGradient(params, repeatedBatch, repeatedBatch.length, alone);
      const offset = gaussianParams(mlp.parameterCount, 'grad-accumulate-offset', 1);
      const summed = Float64Array.from(offset);
      mlp.accumulateGradient(params, repeatedBatch, repeatedBatch.length, summed);
      for (let k = 0; k < summed.length; k++) expect(summed[k]).toBeCloseTo(offset[k]! + alone[k]!, 12);
      expect(alone.some((g) => g !== 0)).toBe(true);
    }
  });
});

describe('Mlp errors', () => {
  for (const binary of [false, true]) {
    it(`agree with core networkErrors on toNetwork, and with accumulateGradient's count (${binary ? 'binary' : 'continuous'})`, () => {
      const data = randomData(`errors-${binary}`, 200); // more than one internal chunk
      const mlp = new Mlp(data, HIDDEN, binary);
      const all = Int32Array.from({ length: data.p }, (_, mu) => mu);
      for (const seed of ['a', 'b', 'c']) {
        const params = new Float64Array(mlp.parameterCount);
        mlp.initialize(params, new Rng(`errors-init-${seed}`));
        if (!binary) for (let k = 0; k < params.length; k++) params[k]! += 0.3 * Math.sin(k); // nonzero biases too
        const network = mlp.toNetwork(params);
        expect(network.hidden).toBe(HIDDEN);
        expect(network.binary).toBe(binary);
        expect(network.weights.length).toBe(mlp.parameterCount);
        if (binary) expect(Array.from(network.weights).every((w, k) => w === (params[k]! > 0 ? 1 : -1))).toBe(true);
        else expect(Array.from(network.weights)).toEqual(Array.from(params));
        const errors = mlp.trainingErrors(params);
        expect(errors).toBe(networkErrors(data, network));
        expect(errors).toBeGreaterThan(0);
        expect(errors).toBeLessThan(data.p);
        const grad = new Float64Array(mlp.parameterCount);
        expect(mlp.accumulateGradient(params, all, all.length, grad)).toBe(errors);
        // A subset counts its own misclassified examples.
        const part = all.subarray(0, 37);
        const partErrors = networkErrors({ ...data, p: 37, inputs: data.inputs.subarray(0, 37 * N), labels: data.labels.subarray(0, 37) }, network);
        expect(mlp.accumulateGradient(params, part, part.length, grad)).toBe(partErrors);
      }
    });
  }

  it('reads a binary hidden value of exactly 0 as weight −1', () => {
    const data = randomData('errors-zero', 10);
    const mlp = new Mlp(data, HIDDEN, true);
    const hiddenValues = gaussianParams(mlp.parameterCount, 'errors-zero-params', 1).map((v, k) => (k % 3 === 0 ? 0 : v));
    const signs = hiddenValues.map((v, k) => (k % 3 === 0 ? -1 : Math.sign(v)));
    expect(Array.from(mlp.toNetwork(hiddenValues).weights)).toEqual(Array.from(signs));
    const expected = referenceLoss(data, signs, HIDDEN, true, repeatedBatch);
    expect(mlp.loss(hiddenValues, repeatedBatch, repeatedBatch.length)).toBeCloseTo(expected, 10);
  });

  it('predicts the first of tied largest outputs, as networkErrors does', () => {
    const data = randomData('errors-ties', 10);
    const mlp = new Mlp(data, HIDDEN, false);
    const params = new Float64Array(mlp.parameterCount); // every output 0: all examples predicted as class 0
    const expected = Array.from(data.labels).filter((label) => label !== 0).length;
    expect(mlp.trainingErrors(params)).toBe(expected);
    expect(networkErrors(data, mlp.toNetwork(params))).toBe(expected);
  });
});

describe('Mlp initialize', () => {
  for (const binary of [false, true]) {
    it(`is deterministic for a seed and differs between seeds (${binary ? 'binary' : 'continuous'})`, () => {
      const data = randomData('init', 10, 40);
      const hidden = 30;
      const mlp = new Mlp(data, hidden, binary);
      const draw = (seed: string) => {
        const params = new Float64Array(mlp.parameterCount).fill(Number.NaN);
        mlp.initialize(params, new Rng(seed));
        return params;
      };
      const first = draw('seed-1');
      expect(Array.from(draw('seed-1'))).toEqual(Array.from(first));
      const other = draw('seed-2');
      expect(Array.from(other)).not.toEqual(Array.from(first));
      expect(first.every(Number.isFinite)).toBe(true);
      const w1 = first.subarray(0, hidden * 40);
      const rms = Math.sqrt(w1.reduce((sum, w) => sum + w * w, 0) / w1.length);
      if (binary) {
        expect(rms).toBeGreaterThan(0.9); // standard Gaussian hidden values
        expect(rms).toBeLessThan(1.1);
        const positive = first.filter((v) => v > 0).length;
        expect(positive).toBeGreaterThan(0.4 * first.length);
        expect(positive).toBeLessThan(0.6 * first.length);
      } else {
        expect(rms).toBeGreaterThan(0.9 / Math.sqrt(40)); // std 1/√fan-in
        expect(rms).toBeLessThan(1.1 / Math.sqrt(40));
        const w2 = first.subarray(hidden * 40 + hidden, first.length - CLASSES);
        const rms2 = Math.sqrt(w2.reduce((sum, w) => sum + w * w, 0) / w2.length);
        expect(rms2).toBeGreaterThan(0.7 / Math.sqrt(hidden));
        expect(rms2).toBeLessThan(1.3 / Math.sqrt(hidden));
        const b1 = first.subarray(hidden * 40, hidden * 40 + hidden);
        const b2 = first.subarray(first.length - CLASSES);
        expect([...b1, ...b2].every((b) => b === 0)).toBe(true);
      }
    });
  }
});

describe('Mlp training', () => {
  it('fits a linearly separable set by full-batch gradient descent (continuous)', () => {
    const data = separableData('train', 40);
    const mlp = new Mlp(data, 8, false);
    const params = new Float64Array(mlp.parameterCount);
    mlp.initialize(params, new Rng('train-init'));
    const all = Int32Array.from({ length: data.p }, (_, mu) => mu);
    const grad = new Float64Array(mlp.parameterCount);
    const initialErrors = mlp.trainingErrors(params);
    const initialLoss = mlp.loss(params, all, all.length);
    expect(initialErrors).toBeGreaterThan(0);
    const lr = 0.01;
    let steps = 0;
    for (; steps < 400; steps++) {
      grad.fill(0);
      mlp.accumulateGradient(params, all, all.length, grad);
      for (let k = 0; k < params.length; k++) params[k]! -= lr * grad[k]!;
    }
    expect(mlp.loss(params, all, all.length)).toBeLessThan(Math.min(1, initialLoss));
    expect(mlp.trainingErrors(params)).toBe(0);
    expect(networkErrors(data, mlp.toNetwork(params))).toBe(0);
  });
});
