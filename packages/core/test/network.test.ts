import { describe, expect, it } from 'vitest';
import { networkErrors, networkFlipFlatness, networkNoiseFlatness, networkParameterCount, networkProblem, Rng, type DatasetInstance } from '../src/index.js';

// Two inputs, two classes, two hidden units; four examples.
const data: DatasetInstance = {
  kind: 'dataset', problem: 'mnist', n: 2, p: 4, classes: 2,
  inputs: Float32Array.of(1, 0, 0, 1, 1, 1, 0, 0),
  labels: Uint8Array.of(0, 1, 0, 1),
};

describe('networkErrors', () => {
  it('follows the documented forward pass of a continuous network (hand-computed)', () => {
    // W1 = [[1, 0], [0, 1]], b1 = [0, 0]: h = relu(x). W2 = [[1, 0], [0, 1]], b2 = [0, 0.5]: o = (h1, h2 + 0.5).
    // x = (1,0): o = (1, 0.5) → 0 ✓; (0,1): (0, 1.5) → 1 ✓; (1,1): (1, 1.5) → 1 ✗ (label 0); (0,0): (0, 0.5) → 1 ✓.
    const weights = Float64Array.of(1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0.5);
    expect(weights.length).toBe(networkParameterCount(2, 2, 2, false));
    expect(networkErrors(data, { hidden: 2, binary: false, weights })).toBe(1);
    // b1 = (−2, 0) silences hidden unit 0: o = (0, x2 + 0.5) → always class 1: the two 0-labelled examples are wrong.
    weights[4] = -2;
    expect(networkErrors(data, { hidden: 2, binary: false, weights })).toBe(2);
  });

  it('scales a binary network by 1/√N and 1/√hidden with no biases; a tie goes to the first class', () => {
    // W1 = [[1, −1], [−1, 1]], W2 = [[1, 1], [1, 1]]: both outputs equal → class 0 everywhere: 2 errors.
    const tied = Float32Array.of(1, -1, -1, 1, 1, 1, 1, 1);
    expect(tied.length).toBe(networkParameterCount(2, 2, 2, true));
    expect(networkErrors(data, { hidden: 2, binary: true, weights: tied })).toBe(2);
    // W2 = [[1, −1], [−1, 1]]: o0 ∝ relu(x1 − x2) − relu(x2 − x1): (1,0) → 0 ✓, (0,1) → 1 ✓, (1,1) and (0,0) tie → 0.
    const w = Float32Array.of(1, -1, -1, 1, 1, -1, -1, 1);
    expect(networkErrors(data, { hidden: 2, binary: true, weights: w })).toBe(1);
  });
});

describe('networkProblem', () => {
  it('names the field at fault', () => {
    expect(networkProblem(data, null)).toMatch(/needs a `network` answer/);
    expect(networkProblem(data, { hidden: 0, binary: false, weights: new Float64Array(0) })).toMatch(/network.hidden must be a positive integer, got 0/);
    expect(networkProblem(data, { hidden: 2, binary: 'yes', weights: new Float64Array(12) })).toMatch(/network.binary must be true or false/);
    expect(networkProblem(data, { hidden: 2, binary: false, weights: [1, 2] })).toMatch(/Float32Array or Float64Array/);
    expect(networkProblem(data, { hidden: 2, binary: false, weights: new Float64Array(12) })).toBeUndefined();
  });
});

describe('network flatness', () => {
  const weights = Float64Array.of(1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0.5);
  it('with σ = 0 (or p = 0) is the error rate itself, and grows with the noise', () => {
    const curve = networkNoiseFlatness(data, { hidden: 2, binary: false, weights }, [0, 0.3, 3], 50, new Rng('f'));
    expect(curve[0]).toEqual({ sigma: 0, meanErrorRate: 0.25 });
    expect(curve[2]!.meanErrorRate).toBeGreaterThan(curve[0]!.meanErrorRate);
    const binary = Float32Array.of(1, -1, -1, 1, 1, -1, -1, 1);
    expect(networkFlipFlatness(data, { hidden: 2, binary: true, weights: binary }, [0], 3, new Rng('f'))[0]!.meanErrorRate).toBe(0.25);
    expect(() => networkNoiseFlatness(data, { hidden: 2, binary: true, weights: binary }, [0.1], 1, new Rng('f'))).toThrow(/continuous/);
  });
});

describe('Rng.fillGaussian', () => {
  it('draws standard normal deviates, reproducibly (mean and variance within 4 standard errors on 10⁵ draws)', () => {
    const out = new Rng('g').fillGaussian(new Float64Array(100_001));
    let sum = 0;
    let squares = 0;
    for (const v of out) {
      sum += v;
      squares += v * v;
    }
    const mean = sum / out.length;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(out.length));
    expect(Math.abs(squares / out.length - 1)).toBeLessThan(4 * Math.sqrt(2 / out.length));
    expect(new Rng('g').fillGaussian(new Float64Array(100_001))).toEqual(out);
  });
});
