import type { DatasetInstance } from './network.js';

/**
 * Problem families densebench knows. `teacher-student` instances are perceptron instances whose labels come from a
 * hidden teacher; `committee` and `committee-teacher-student` are the same two for the binary committee machine;
 * `planted-ksat` instances are K-SAT formulas whose clauses all hold under a hidden planted assignment;
 * `mnist` is a data set (see network.ts), answered by a network rather than by ±1 variables.
 */
export const PROBLEM_NAMES = ['perceptron', 'teacher-student', 'committee', 'committee-teacher-student', 'ksat', 'planted-ksat', 'mnist'] as const;
export type ProblemName = (typeof PROBLEM_NAMES)[number];

/**
 * Everything that determines a generated instance: the same spec gives the same bytes on every machine
 * (@densebench/problems's generate; instances/README.md). Run records and local-entropy records carry these fields.
 */
export interface InstanceSpec {
  problem: ProblemName;
  n: number;
  alpha: number;
  /** K-SAT: clause size; committee machines: hidden units; null otherwise. */
  k: number | null;
  seed: number;
}

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
  readonly problem: 'ksat' | 'planted-ksat';
  readonly n: number;
  readonly m: number;
  readonly clauseStart: Int32Array;
  readonly clauseLiterals: Int32Array;
}

/**
 * Training data of a fully connected binary committee machine with K (odd) hidden units: hidden unit k has
 * weights W_k ∈ {±1}^N and the output is sign(Σ_k sign(W_k·ξ)). An assignment holds the K·N weights, hidden unit k
 * at [kN, (k+1)N). It solves the instance when the output equals σ^μ for every pattern.
 */
export interface CommitteeInstance {
  readonly kind: 'committee';
  readonly problem: 'committee' | 'committee-teacher-student';
  readonly n: number;
  readonly hidden: number;
  readonly p: number;
  readonly patterns: Int8Array;
  readonly labels: Int8Array;
}

/** Instances whose answer is one ±1 value per variable: every problem but the data sets. */
export type Instance = PerceptronInstance | CommitteeInstance | KsatInstance;

/** Any instance a plugin can be given. */
export type AnyInstance = Instance | DatasetInstance;

/** Number of ±1 entries of an assignment: N, or K·N for a committee machine. */
export function variableCount(instance: Instance): number {
  return instance.kind === 'committee' ? instance.n * instance.hidden : instance.n;
}

/** Number of constraints: the patterns of a perceptron or committee machine, the clauses of a formula. */
export function constraintsIn(instance: Instance): number {
  return instance.kind === 'ksat' ? instance.m : instance.p;
}

/**
 * An answer: one ±1 entry per variable or weight (for K-SAT, +1 means variable i+1 is true).
 */
export type Assignment = Int8Array;
