/** Problem families densebench knows. `teacher-student` instances are perceptron instances whose labels come from a hidden teacher. */
export const PROBLEM_NAMES = ['perceptron', 'teacher-student', 'ksat'] as const;
export type ProblemName = (typeof PROBLEM_NAMES)[number];

/**
 * Training data of a binary perceptron: P patterns ξ^μ ∈ {±1}^N with labels σ^μ ∈ {±1}.
 * A weight vector W ∈ {±1}^N solves it when σ^μ (W·ξ^μ) > 0 for every μ.
 */
export interface PerceptronInstance {
  readonly kind: 'perceptron';
  readonly problem: 'perceptron' | 'teacher-student';
  readonly n: number;
  readonly p: number;
  /** Row-major: pattern μ occupies [μ·N, (μ+1)·N). Entries ±1. */
  readonly patterns: Int8Array;
  /** σ^μ, entries ±1. */
  readonly labels: Int8Array;
}

/**
 * A CNF formula: M clauses over variables 1..N. Literals are signed 1-based integers (DIMACS).
 * Clause c occupies clauseLiterals[clauseStart[c], clauseStart[c+1]). Random K-SAT has every clause of length K.
 */
export interface KsatInstance {
  readonly kind: 'ksat';
  readonly problem: 'ksat';
  readonly n: number;
  readonly m: number;
  readonly clauseStart: Int32Array;
  readonly clauseLiterals: Int32Array;
}

export type Instance = PerceptronInstance | KsatInstance;

/**
 * An answer: one ±1 entry per variable or weight (for K-SAT, +1 means variable i+1 is true).
 */
export type Assignment = Int8Array;
