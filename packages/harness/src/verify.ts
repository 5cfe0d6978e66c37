// Independent verification of a solver's answer: the harness recomputes the energy from the instance
// (and, for teacher–student, measures generalization against the hidden teacher).
import { assignmentProblem, energy, flatnessCurve, overlap, Rng, type Instance, type RunStatus } from '@densebench/core';
import { teacherTestSet, type InstanceSpec } from '@densebench/problems';

export interface Verdict {
  status: RunStatus;
  energy: number | null;
  testError: number | null;
  teacherOverlap: number | null;
  message: string | null;
}

export interface VerifyInput {
  instance: Instance;
  /** Present for generated teacher–student instances. */
  teacher: Int8Array | null;
  spec: InstanceSpec | null;
  assignment: unknown;
  claimedEnergy: number | null;
  wallTimeMs: number;
  timeLimitMs: number;
}

export function verifyAnswer(input: VerifyInput): Verdict {
  const { instance, assignment } = input;
  const problem = assignmentProblem(instance, assignment);
  if (problem) return { status: 'invalid', energy: null, testError: null, teacherOverlap: null, message: problem };
  const weights = assignment as Int8Array;
  const verified = energy(instance, weights);
  let testError: number | null = null;
  let teacherOverlap: number | null = null;
  if (input.teacher && input.spec) {
    const testSet = teacherTestSet(input.spec, input.teacher);
    testError = energy(testSet, weights) / testSet.p;
    // A committee's hidden units can be permuted without changing it, so W·W*/N is not its overlap with the teacher.
    teacherOverlap = testSet.kind === 'perceptron' ? overlap(weights, input.teacher) : null;
  }
  const base = { energy: verified, testError, teacherOverlap };
  if (input.claimedEnergy !== null && input.claimedEnergy !== verified) {
    return { status: 'invalid', ...base, message: `the solver claimed energy ${input.claimedEnergy}, the verified energy is ${verified}` };
  }
  if (input.wallTimeMs > input.timeLimitMs) {
    return { status: 'timeout', ...base, message: verified === 0 ? 'a solution was returned after the time limit' : 'time limit reached' };
  }
  return { status: verified === 0 ? 'solved' : 'unsolved', ...base, message: null };
}

/** Flip fractions and draws of the flatness measured on every answer (Baldassi, Pittorino & Zecchina, PNAS 2020). */
export const FLATNESS_FRACTIONS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2];
export const FLATNESS_DRAWS = 10;

/**
 * The flatness curve of an answer: (p, mean error rate) pairs. The random flips depend only on the instance, so every
 * plugin's answer to one instance is perturbed with the same draws (a paired comparison).
 */
export function measureFlatness(instance: Instance, assignment: Int8Array, instanceHashHex: string): [number, number][] {
  const rng = new Rng(`densebench:v1:flatness:${instanceHashHex}`);
  return flatnessCurve(instance, assignment, FLATNESS_FRACTIONS, FLATNESS_DRAWS, rng).map((point) => [point.fraction, point.meanErrorRate]);
}
