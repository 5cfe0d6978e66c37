import { describe, expect, it } from 'vitest';
import { assignmentProblem, committeeEnergy, ksatEnergy, overlap, perceptronEnergy, type KsatInstance, type PerceptronInstance } from '../src/index.js';

const perceptron: PerceptronInstance = {
  kind: 'perceptron',
  problem: 'perceptron',
  n: 3,
  p: 3,
  // ξ¹ = (+,+,+) σ=+; ξ² = (+,−,−) σ=+; ξ³ = (−,−,+) σ=−
  patterns: Int8Array.of(1, 1, 1, 1, -1, -1, -1, -1, 1),
  labels: Int8Array.of(1, 1, -1),
};

describe('perceptronEnergy', () => {
  it('counts misclassified patterns (hand-computed)', () => {
    // W = (+,+,+): fields 3, −1, −1 → σ·field = 3, −1, 1 → one error (pattern 2).
    expect(perceptronEnergy(perceptron, Int8Array.of(1, 1, 1))).toBe(1);
    // W = (+,−,−): fields −1, 3, −1 → σ·field = −1, 3, 1 → one error (pattern 1).
    expect(perceptronEnergy(perceptron, Int8Array.of(1, -1, -1))).toBe(1);
    // W = (+,+,−): fields 1, 1, −3 → σ·field = 1, 1, 3 → solves it.
    expect(perceptronEnergy(perceptron, Int8Array.of(1, 1, -1))).toBe(0);
    // W = (−,−,+): fields −1, −1, 3 → all wrong.
    expect(perceptronEnergy(perceptron, Int8Array.of(-1, -1, 1))).toBe(3);
  });

  it('counts a zero field as an error (even N)', () => {
    const even: PerceptronInstance = { kind: 'perceptron', problem: 'perceptron', n: 2, p: 1, patterns: Int8Array.of(1, -1), labels: Int8Array.of(1) };
    expect(perceptronEnergy(even, Int8Array.of(1, 1))).toBe(1);
    expect(perceptronEnergy(even, Int8Array.of(1, -1))).toBe(0);
  });
});

describe('ksatEnergy', () => {
  // (x1 ∨ ¬x2) ∧ (x2 ∨ x3) ∧ (¬x1 ∨ ¬x3), plus an empty clause in the second formula.
  const formula: KsatInstance = { kind: 'ksat', problem: 'ksat', n: 3, m: 3, clauseStart: Int32Array.of(0, 2, 4, 6), clauseLiterals: Int32Array.of(1, -2, 2, 3, -1, -3) };

  it('counts unsatisfied clauses (hand-computed)', () => {
    expect(ksatEnergy(formula, Int8Array.of(1, 1, -1))).toBe(0);
    expect(ksatEnergy(formula, Int8Array.of(1, 1, 1))).toBe(1); // third clause
    expect(ksatEnergy(formula, Int8Array.of(-1, 1, -1))).toBe(1); // first clause
    expect(ksatEnergy(formula, Int8Array.of(-1, -1, -1))).toBe(1); // second clause
  });

  it('never satisfies an empty clause', () => {
    const withEmpty: KsatInstance = { ...formula, m: 4, clauseStart: Int32Array.of(0, 2, 4, 6, 6) };
    expect(ksatEnergy(withEmpty, Int8Array.of(1, 1, -1))).toBe(1);
  });
});

describe('assignmentProblem and overlap', () => {
  it('names what is wrong with a malformed answer', () => {
    expect(assignmentProblem(perceptron, [1, 1, 1])).toMatch(/Int8Array/);
    expect(assignmentProblem(perceptron, Int8Array.of(1, 1))).toMatch(/length 2, expected 3/);
    expect(assignmentProblem(perceptron, Int8Array.of(1, 0, 1))).toMatch(/assignment\[1\] = 0/);
    expect(assignmentProblem(perceptron, Int8Array.of(1, -1, 1))).toBeUndefined();
  });

  it('overlap is W·W*/N', () => {
    expect(overlap(Int8Array.of(1, 1, -1, -1), Int8Array.of(1, -1, -1, -1))).toBe(0.5);
  });
});

describe('committeeEnergy', () => {
  it('counts patterns whose majority vote is wrong (hand-computed)', () => {
    // N = 3, K = 3; one pattern ξ = (+,+,+), label +.
    const instance = { kind: 'committee', problem: 'committee', n: 3, hidden: 3, p: 1, patterns: Int8Array.of(1, 1, 1), labels: Int8Array.of(1) } as const;
    // Hidden fields: (+,+,+)·ξ = 3, (−,−,+)·ξ = −1, (+,−,+)·ξ = 1 → votes +1 −1 +1 → output + : correct.
    expect(committeeEnergy(instance, Int8Array.of(1, 1, 1, -1, -1, 1, 1, -1, 1))).toBe(0);
    // Two hidden units negative → output − : wrong.
    expect(committeeEnergy(instance, Int8Array.of(1, 1, 1, -1, -1, 1, -1, -1, -1))).toBe(1);
    expect(assignmentProblem(instance, Int8Array.of(1, 1, 1))).toMatch(/length 3, expected 9/);
  });
});
