// Data-set problems (MNIST) and the networks that answer them. The harness evaluates a returned network with the
// forward pass below, independently of the learner that trained it.
import { negateRandomSubset } from './flatness.js';
import type { Rng } from './rng.js';

/**
 * Training data of a classification task: P examples of dimension N with real inputs and class labels.
 * `problem` names the data set; the test split is held by the harness and never reaches a plugin.
 */
export interface DatasetInstance {
  readonly kind: 'dataset';
  readonly problem: 'mnist';
  /** Input dimension (784 for MNIST). */
  readonly n: number;
  readonly p: number;
  readonly classes: number;
  /** Row-major: example μ occupies [μ·N, (μ+1)·N). */
  readonly inputs: Float32Array;
  /** Class of example μ, in 0..classes−1. */
  readonly labels: Uint8Array;
}

/**
 * A fully connected network with one hidden layer of ReLU units, the answer to a data-set problem. For input x:
 *   a_j = s₁ Σ_i W1[j, i] x_i + b1[j],   h_j = max(0, a_j),   o_c = s₂ Σ_j W2[c, j] h_j + b2[c],
 * and the predicted class is the first index of the largest o_c.
 * Continuous networks: `weights` holds W1 (hidden × N, row-major), b1 (hidden), W2 (classes × hidden), b2 (classes),
 * and s₁ = s₂ = 1. Binary networks: `weights` holds W1 and W2 only, every entry ±1, no biases, and s₁ = 1/√N,
 * s₂ = 1/√hidden (so that pre-activations stay of order one).
 */
export interface Network {
  readonly hidden: number;
  readonly binary: boolean;
  readonly weights: Float32Array | Float64Array;
}

/** Entries of `weights` for a network with the given shape. */
export function networkParameterCount(inputs: number, hidden: number, classes: number, binary: boolean): number {
  return binary ? hidden * inputs + classes * hidden : hidden * inputs + hidden + classes * hidden + classes;
}

/** Checks that `value` is a well-formed network for the instance; returns a message naming what is wrong, or undefined. */
export function networkProblem(instance: DatasetInstance, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a data-set problem needs a `network` answer ({ hidden, binary, weights })';
  const net = value as Partial<Network>;
  if (!Number.isInteger(net.hidden) || net.hidden! < 1) return `network.hidden must be a positive integer, got ${String(net.hidden)}`;
  if (typeof net.binary !== 'boolean') return 'network.binary must be true or false';
  if (!(net.weights instanceof Float32Array || net.weights instanceof Float64Array)) return 'network.weights must be a Float32Array or Float64Array';
  const expected = networkParameterCount(instance.n, net.hidden!, instance.classes, net.binary);
  if (net.weights.length !== expected) return `network.weights has length ${net.weights.length}, expected ${expected} for ${net.hidden} hidden units`;
  for (let i = 0; i < net.weights.length; i++) {
    const w = net.weights[i]!;
    if (net.binary ? w !== 1 && w !== -1 : !Number.isFinite(w)) return `network.weights[${i}] = ${w}, expected ${net.binary ? '+1 or -1' : 'a finite number'}`;
  }
  return undefined;
}

/** Misclassified examples of `data` under `network` (see Network for the forward pass). */
export function networkErrors(data: DatasetInstance, network: Network): number {
  const { n, p, classes, inputs, labels } = data;
  const { hidden, binary, weights } = network;
  const s1 = binary ? 1 / Math.sqrt(n) : 1;
  const s2 = binary ? 1 / Math.sqrt(hidden) : 1;
  const w2Start = hidden * n + (binary ? 0 : hidden);
  const b2Start = w2Start + classes * hidden;
  const activity = new Float64Array(hidden);
  let errors = 0;
  for (let mu = 0; mu < p; mu++) {
    const row = mu * n;
    for (let j = 0; j < hidden; j++) {
      let a = 0;
      const base = j * n;
      for (let i = 0; i < n; i++) a += weights[base + i]! * inputs[row + i]!;
      a = s1 * a + (binary ? 0 : weights[hidden * n + j]!);
      activity[j] = a > 0 ? a : 0;
    }
    let best = 0;
    let bestOutput = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) {
      let o = 0;
      const base = w2Start + c * hidden;
      for (let j = 0; j < hidden; j++) o += weights[base + j]! * activity[j]!;
      o = s2 * o + (binary ? 0 : weights[b2Start + c]!);
      if (o > bestOutput) { bestOutput = o; best = c; }
    }
    if (best !== labels[mu]) errors++;
  }
  return errors;
}

/** Noise levels σ of the flatness of a continuous network: each weight w becomes w·(1 + σ z), z standard normal. */
export interface NoiseFlatnessPoint {
  sigma: number;
  meanErrorRate: number;
}

/**
 * Flatness of a continuous network (Pittorino et al., "Entropic gradient descent algorithms and wide flat minima",
 * ICLR 2021): the training error after multiplicative Gaussian noise of size σ on every weight and bias, averaged over
 * `draws`. The network is not modified.
 */
export function networkNoiseFlatness(data: DatasetInstance, network: Network, sigmas: readonly number[], draws: number, rng: Rng): NoiseFlatnessPoint[] {
  if (network.binary) throw new Error('multiplicative noise applies to continuous networks; flip a fraction of a binary network instead');
  const noisy = new Float64Array(network.weights.length);
  return sigmas.map((sigma) => {
    let total = 0;
    for (let draw = 0; draw < draws; draw++) {
      for (let i = 0; i < noisy.length; i++) noisy[i] = network.weights[i]! * (1 + sigma * rng.nextGaussian());
      total += networkErrors(data, { hidden: network.hidden, binary: false, weights: noisy });
    }
    return { sigma, meanErrorRate: total / draws / data.p };
  });
}

/** Flatness of a binary network: the training error after flipping a random fraction of its weights (as flatnessCurve). */
export function networkFlipFlatness(data: DatasetInstance, network: Network, fractions: readonly number[], draws: number, rng: Rng): NoiseFlatnessPoint[] {
  if (!network.binary) throw new Error('flip flatness applies to binary networks');
  const size = network.weights.length;
  const perturbed = new Float64Array(size);
  const order = new Int32Array(size);
  return fractions.map((fraction) => {
    const flips = Math.floor(fraction * size + 0.5);
    let total = 0;
    for (let draw = 0; draw < draws; draw++) {
      perturbed.set(network.weights);
      negateRandomSubset(perturbed, flips, order, rng);
      total += networkErrors(data, { hidden: network.hidden, binary: true, weights: perturbed });
    }
    return { sigma: fraction, meanErrorRate: total / draws / data.p };
  });
}
