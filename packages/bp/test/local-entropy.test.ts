import { describe, expect, it } from 'vitest';
import { binaryEntropy, ksatEnergy, type KsatInstance } from '@densebench/core';
import { generate } from '@densebench/problems';
import { exactLocalEntropy, exactLocalEntropyKsat, localEntropyCurve } from '../src/index.js';

describe('local entropy estimator against exact enumeration', () => {
  // One pattern: the factor graph is a tree, where BP with the exact factor is exact.
  const tree = generate({ problem: 'perceptron', n: 15, alpha: 0.07, k: null, seed: 3 }).instance;
  const reference = Int8Array.from({ length: 15 }, (_, i) => (i % 3 ? 1 : -1));
  if (tree.kind !== 'perceptron') throw new Error('expected a perceptron');

  it('is exact on a tree with the exact factor', () => {
    expect(tree.p).toBe(1);
    const curve = localEntropyCurve(tree, reference, [0, 0.3, 1, 2], { accuracy: 'exact', epsilon: 1e-13 });
    for (const point of curve) {
      const exact = exactLocalEntropy(tree, reference, point.gamma);
      expect(point.converged).toBe(true);
      expect(point.freeEntropy).toBeCloseTo(exact.freeEntropy, 8);
      expect(point.overlap).toBeCloseTo(exact.overlap, 8);
      expect(point.localEntropy).toBeCloseTo(exact.localEntropy, 7);
    }
  });

  it('the Gaussian factor is close on a tree (N = 15: the central-limit error is small)', () => {
    for (const point of localEntropyCurve(tree, reference, [0, 0.3, 1], { accuracy: 'gaussian' })) {
      const exact = exactLocalEntropy(tree, reference, point.gamma);
      expect(Math.abs(point.freeEntropy - exact.freeEntropy)).toBeLessThan(2e-3);
      expect(Math.abs(point.overlap - exact.overlap)).toBeLessThan(2e-3);
    }
  });

  it('tracks S(d) around the teacher on a loopy instance (N = 21, P = 10)', () => {
    const { instance, teacher } = generate({ problem: 'teacher-student', n: 21, alpha: 0.5, k: null, seed: 2 });
    if (instance.kind !== 'perceptron' || !teacher) throw new Error('expected a teacher');
    // Measured: BP (Gaussian factor) is within 0.02 nats of the enumeration at these γ; the bound leaves a margin.
    for (const point of localEntropyCurve(instance, teacher, [0.2, 0.5, 1, 2])) {
      const exact = exactLocalEntropy(instance, teacher, point.gamma);
      expect(Math.abs(point.localEntropy - exact.localEntropy)).toBeLessThan(0.03);
      expect(Math.abs(point.distance - exact.distance)).toBeLessThan(0.015);
      // A local entropy never exceeds that of all configurations at the same distance.
      expect(exact.localEntropy).toBeLessThanOrEqual(binaryEntropy(exact.distance) + 1e-12);
    }
  });

  it('binary entropy', () => {
    expect(binaryEntropy(0.5)).toBeCloseTo(Math.LN2, 14);
    expect(binaryEntropy(0)).toBe(0);
  });
});

describe('local entropy on K-SAT against exact enumeration', () => {
  it('is exact on a single clause (a tree)', () => {
    const clause: KsatInstance = { kind: 'ksat', problem: 'ksat', n: 3, m: 1, clauseStart: Int32Array.of(0, 3), clauseLiterals: Int32Array.of(1, 2, -3) };
    const reference = Int8Array.of(1, -1, 1);
    for (const point of localEntropyCurve(clause, reference, [0, 0.5, 1.5], { epsilon: 1e-13 })) {
      const exact = exactLocalEntropyKsat(clause, reference, point.gamma);
      expect(point.freeEntropy).toBeCloseTo(exact.freeEntropy, 10);
      expect(point.overlap).toBeCloseTo(exact.overlap, 10);
    }
  });

  it('tracks S(d) around a solution of a loopy formula (N = 20, α = 2)', () => {
    const { instance } = generate({ problem: 'ksat', n: 20, alpha: 2, k: 3, seed: 5 });
    if (instance.kind !== 'ksat') throw new Error('expected ksat');
    const x = new Int8Array(20);
    let solution: Int8Array | undefined;
    for (let code = 0; code < 2 ** 20 && !solution; code++) {
      for (let i = 0; i < 20; i++) x[i] = (code >> i) & 1 ? 1 : -1;
      if (ksatEnergy(instance, x) === 0) solution = Int8Array.from(x);
    }
    // Measured: within 0.018 nats and 0.013 in distance at these γ; the bounds leave a margin.
    for (const point of localEntropyCurve(instance, solution!, [0.2, 0.5, 1, 2])) {
      const exact = exactLocalEntropyKsat(instance, solution!, point.gamma);
      expect(point.converged).toBe(true);
      expect(Math.abs(point.localEntropy - exact.localEntropy)).toBeLessThan(0.03);
      expect(Math.abs(point.distance - exact.distance)).toBeLessThan(0.02);
    }
  });
});
