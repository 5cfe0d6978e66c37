import { describe, expect, it } from 'vitest';
import { generate, instanceHash, loadMnistDigits, mnistOrder, mnistTestSet, mnistTrainingSet, MNIST_MAX_TRAIN, MNIST_TEST_SIZE, specProblem } from '../src/index.js';

describe('the MNIST digits shipped by the mnist package', () => {
  const digits = loadMnistDigits();

  it('are 10,000 images of 784 grey levels in [0, 1], with the package\'s counts per class', () => {
    expect(digits.images.length).toBe(10_000 * 784);
    expect(digits.labels.length).toBe(10_000);
    const counts = new Array<number>(10).fill(0);
    for (const label of digits.labels) counts[label]!++;
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    let min = Infinity;
    let max = -Infinity;
    for (const v of digits.images) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBe(0);
    expect(max).toBeCloseTo(1, 2);
  });

  it('read in the package\'s order: the first 0 starts at pixel 127 with 0.2; the last 9 sums to 75.5', () => {
    const first = digits.images.subarray(0, 784);
    expect(first.findIndex((v) => v !== 0)).toBe(127);
    expect(first[127]).toBeCloseTo(0.2, 6);
    expect(first.reduce((a, b) => a + b, 0)).toBeCloseTo(121.921, 3);
    expect(digits.images.subarray(9999 * 784).reduce((a, b) => a + b, 0)).toBeCloseTo(75.5, 3);
    expect(digits.labels[0]).toBe(0);
    expect(digits.labels[9999]).toBe(9);
  });
});

describe('the split of a seed', () => {
  it('is a permutation, fixed by the seed, different across seeds', () => {
    const order = mnistOrder(1);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(mnistOrder(1)).toEqual(order);
    expect(mnistOrder(2)).not.toEqual(order);
  });

  it('keeps the test digits out of every training set of that seed, and nests the training sets', () => {
    const order = mnistOrder(3);
    const test = new Set(order.subarray(0, MNIST_TEST_SIZE));
    for (let i = MNIST_TEST_SIZE; i < 10_000; i++) expect(test.has(order[i]!)).toBe(false);
    const small = mnistTrainingSet(3, 100);
    const large = mnistTrainingSet(3, 500);
    expect(large.inputs.subarray(0, 100 * 784)).toEqual(small.inputs);
    expect(large.labels.subarray(0, 100)).toEqual(small.labels);
    // Training digit μ is the package's digit order[2000 + μ].
    const { images: all, labels: allLabels } = loadMnistDigits();
    for (const mu of [0, 57, 499]) {
      const index = order[MNIST_TEST_SIZE + mu]!;
      expect(large.inputs.subarray(mu * 784, (mu + 1) * 784)).toEqual(all.subarray(index * 784, (index + 1) * 784));
      expect(large.labels[mu]).toBe(allLabels[index]);
    }
    const testSet = mnistTestSet(3);
    expect(testSet.p).toBe(MNIST_TEST_SIZE);
    // The first test digit is the digit order[0] of the package.
    const { images, labels } = loadMnistDigits();
    expect(testSet.inputs.subarray(0, 784)).toEqual(images.subarray(order[0]! * 784, (order[0]! + 1) * 784));
    expect(testSet.labels[0]).toBe(labels[order[0]!]);
  });

  it('is what generate() gives for an mnist spec: P = round(α·784) training digits, all ten classes', () => {
    const { instance, teacher } = generate({ problem: 'mnist', n: 784, alpha: 1, k: null, seed: 1 });
    expect(teacher).toBeNull();
    expect(instance.kind).toBe('dataset');
    if (instance.kind !== 'dataset') return;
    expect(instance.p).toBe(784);
    expect(instance.classes).toBe(10);
    expect(new Set(instance.labels).size).toBe(10);
    expect(instance).toEqual(mnistTrainingSet(1, 784));
    expect(instanceHash(instance)).toBe(instanceHash(mnistTrainingSet(1, 784)));
    expect(instanceHash(instance)).not.toBe(instanceHash(mnistTrainingSet(2, 784)));
    // Golden hash, documented in instances/README.md: a change to the loader, the split or the hash shows here.
    expect(instanceHash(instance)).toBe('9db5a36a218e91cc886916882a08da52b93e520988dae2b88dca676c2570f7fa');
  });

  it('rejects specs that do not fit the data set, naming the value', () => {
    expect(specProblem({ problem: 'mnist', n: 201, alpha: 1, k: null, seed: 1 })).toMatch(/N must be 784/);
    expect(specProblem({ problem: 'mnist', n: 784, alpha: 11, k: null, seed: 1 })).toMatch(new RegExp(`1 to ${MNIST_MAX_TRAIN}`));
    expect(specProblem({ problem: 'mnist', n: 784, alpha: 1, k: 3, seed: 1 })).toMatch(/K applies/);
    expect(specProblem({ problem: 'mnist', n: 784, alpha: 10, k: null, seed: 1 })).toBeUndefined();
    expect(() => mnistTrainingSet(1, MNIST_MAX_TRAIN + 1)).toThrow(/1 to 8000/);
  });
});
