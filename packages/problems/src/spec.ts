// What follows from an instance spec (core's InstanceSpec): its number of constraints, its checks and its seed text.
import type { InstanceSpec } from '@densebench/core';
import { MNIST_MAX_TRAIN, MNIST_PIXELS } from './mnist.js';

/** Number of constraints: M = floor(α·N + 1/2), with α·N computed in IEEE double precision. */
export function constraintCount(n: number, alpha: number): number {
  return Math.floor(alpha * n + 0.5);
}

/** Problems whose spec has a K: the clause size of K-SAT, the hidden units of a committee machine. */
export function usesK(problem: string): boolean {
  return isKsat(problem) || isCommittee(problem);
}

/** CNF formulas (instance kind 'ksat'): random K-SAT and planted K-SAT. */
export function isKsat(problem: string): boolean {
  return problem === 'ksat' || problem === 'planted-ksat';
}

/** Data sets (MNIST): N is the input dimension, fixed by the data; α sets the training-set size. */
export function isDataset(problem: string): boolean {
  return problem === 'mnist';
}

export function isCommittee(problem: string): boolean {
  return problem === 'committee' || problem === 'committee-teacher-student';
}

/** Constraints of a spec: α per variable for K-SAT and the perceptron, α per synapse (M = α·N·K) for committees. */
export function specConstraintCount(spec: InstanceSpec): number {
  return constraintCount(isCommittee(spec.problem) ? spec.n * spec.k! : spec.n, spec.alpha);
}

/** Checks a spec; returns a message naming the value at fault, or undefined. */
export function specProblem(spec: InstanceSpec): string | undefined {
  const { problem, n, alpha, k, seed } = spec;
  if (!Number.isInteger(n) || n < 1) return `N must be a positive integer, got ${n}`;
  if (!(alpha > 0) || !Number.isFinite(alpha)) return `alpha must be a positive number, got ${alpha}`;
  if (!Number.isInteger(seed) || seed < 0) return `seed must be a non-negative integer, got ${seed}`;
  if (usesK(problem)) {
    if (k === null || !Number.isInteger(k) || k < 1) return `K must be a positive integer, got ${k}`;
  } else if (k !== null) return `K applies to ksat, planted-ksat and the committee machines only`;
  if (isDataset(problem)) {
    if (n !== MNIST_PIXELS) return `N must be ${MNIST_PIXELS} (28×28 pixels) for mnist, got ${n}; alpha sets the training-set size P = alpha·N`;
    const p = specConstraintCount(spec);
    if (p < 1 || p > MNIST_MAX_TRAIN) return `alpha = ${alpha} gives ${p} training digits; mnist has 1 to ${MNIST_MAX_TRAIN} (alpha up to ${(MNIST_MAX_TRAIN / MNIST_PIXELS).toFixed(2)})`;
    return undefined;
  }
  if (isKsat(problem)) {
    if (k! > n) return `K = ${k} exceeds N = ${n}: a clause needs K distinct variables`;
  } else if (n % 2 === 0) return `N must be odd for the ${problem} problem (so that W·ξ is never 0), got ${n}`;
  if (isCommittee(problem) && k! % 2 === 0) return `K (hidden units) must be odd for the ${problem} problem (so that the vote is never tied), got ${k}`;
  if (specConstraintCount(spec) < 1) return `alpha rounds to 0 constraints (N = ${n}, alpha = ${alpha})`;
  return undefined;
}

/**
 * The text from which the instance's random stream is seeded (see instances/README.md). With a secret, the stream is
 * seeded by instanceStreamText(seedText(spec), secret) instead (secret.ts).
 */
export function seedText(spec: InstanceSpec): string {
  const kPart = usesK(spec.problem) ? `:k=${spec.k}` : '';
  return `densebench:v1:${spec.problem}:n=${spec.n}${kPart}:alpha=${String(spec.alpha)}:seed=${spec.seed}`;
}
