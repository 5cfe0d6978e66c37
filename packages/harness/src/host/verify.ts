// Independent verification of a solver's answer: the harness recomputes the energy from the instance (core's
// verifyAnswerEnergy, as the conformance suite does) and, for teacher–student and data sets, measures generalization
// on test data the plugin never saw, and the flatness of the answer.
import {
  energy, flatnessCurve, networkErrors, networkFlipFlatness, networkNoiseFlatness, overlap, Rng, verifyAnswerEnergy,
  type AnyInstance, type DatasetInstance, type Instance, type InstanceSpec, type Network, type RunStatus,
} from '@densebench/core';
import { mnistTestSet, teacherTestSet } from '@densebench/problems';

export interface Verdict {
  status: RunStatus;
  energy: number | null;
  testError: number | null;
  teacherOverlap: number | null;
  message: string | null;
}

export interface VerifyInput {
  instance: AnyInstance;
  /** Present for generated teacher–student instances. */
  teacher: Int8Array | null;
  spec: InstanceSpec | null;
  /** The secret the instance was keyed with (DENSEBENCH_SECRET), so that its test set is keyed the same way. */
  secret?: string | null;
  /** The raw answer: `assignment` for ±1 problems, `network` for data sets. */
  assignment: unknown;
  network?: unknown;
  /** The solver claims the instance has no solution and gives no answer. */
  unsatisfiable?: boolean;
  /** The solver gave up within its own budget and gives no answer (SolveResult.gaveUp). */
  gaveUp?: boolean;
  claimedEnergy: number | null;
  wallTimeMs: number;
  timeLimitMs: number;
}

/** What only the harness measures of a well-formed answer: its error on held-out data, and its overlap with the teacher. */
function generalization(input: VerifyInput): { testError: number | null; teacherOverlap: number | null } {
  const { instance } = input;
  if (instance.kind === 'dataset') {
    const testSet = input.spec ? datasetTestSet(input.spec, input.secret ?? null) : null;
    return { testError: testSet ? networkErrors(testSet, input.network as Network) / testSet.p : null, teacherOverlap: null };
  }
  if (!input.teacher || !input.spec) return { testError: null, teacherOverlap: null };
  const weights = input.assignment as Int8Array;
  const testSet = teacherTestSet(input.spec, input.teacher, undefined, input.secret);
  // A committee's hidden units can be permuted without changing it, so W·W*/N is not its overlap with the teacher.
  return { testError: energy(testSet, weights) / testSet.p, teacherOverlap: testSet.kind === 'perceptron' ? overlap(weights, input.teacher) : null };
}

export function verifyAnswer(input: VerifyInput): Verdict {
  if ((input.unsatisfiable || input.gaveUp) && input.assignment === undefined && input.network === undefined) {
    const late = input.wallTimeMs > input.timeLimitMs;
    const message = input.unsatisfiable
      ? 'the solver reports the instance unsatisfiable (a claim densebench does not verify)'
      : late
        ? 'time limit reached: the solver gave up with no answer'
        : 'the solver gave up within its own budget with no answer';
    return { status: late ? 'timeout' : 'unsolved', energy: null, testError: null, teacherOverlap: null, message };
  }
  const checked = verifyAnswerEnergy(input.instance, { assignment: input.assignment, network: input.network, energy: input.claimedEnergy ?? undefined });
  if (checked.verdict === 'malformed') return { status: 'invalid', energy: null, testError: null, teacherOverlap: null, message: checked.message };
  const verified = checked.energy;
  const base = { energy: verified, ...generalization(input) };
  if (checked.verdict === 'misclaimed') return { status: 'invalid', ...base, message: checked.message };
  if (input.wallTimeMs > input.timeLimitMs) {
    return { status: 'timeout', ...base, message: verified === 0 ? 'a solution was returned after the time limit' : 'time limit reached' };
  }
  return { status: verified === 0 ? 'solved' : 'unsolved', ...base, message: null };
}

let cachedTestSet: { seed: number; secret: string | null; data: DatasetInstance } | undefined;

/** The held-out split of a data-set spec (the last one is kept: a sweep runs many α at one seed). */
function datasetTestSet(spec: InstanceSpec, secret: string | null): DatasetInstance {
  if (cachedTestSet?.seed !== spec.seed || cachedTestSet.secret !== secret) cachedTestSet = { seed: spec.seed, secret, data: mnistTestSet(spec.seed, secret) };
  return cachedTestSet.data;
}

/** Flip fractions and draws of the flatness measured on every answer (Baldassi, Pittorino & Zecchina, PNAS 2020). */
export const FLATNESS_FRACTIONS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2];
export const FLATNESS_DRAWS = 10;
/** Sizes σ of the multiplicative Gaussian noise w → w(1 + σz) applied to continuous networks. */
export const NOISE_FLATNESS_SIGMAS: readonly number[] = [0.05, 0.1, 0.2, 0.5, 1];
/**
 * Networks are costlier to evaluate: fewer draws, on at most this many training examples (the first ones), so that the
 * measurement (on the harness's main thread) stays at a few seconds per run for the default 784-100-10 network.
 */
export const NETWORK_FLATNESS_DRAWS = 4;
export const NETWORK_FLATNESS_EXAMPLES = 1000;

/** Which perturbation a flatness curve used: flipping a fraction of ±1 weights, or multiplicative Gaussian noise. */
export type FlatnessMeasure = 'flip' | 'noise';

function flatnessRng(instanceHashHex: string): Rng {
  return new Rng(`densebench:v1:flatness:${instanceHashHex}`);
}

/**
 * The flatness curve of an answer: (p, mean error rate) pairs. The random flips depend only on the instance, so every
 * plugin's answer to one instance is perturbed with the same draws (a paired comparison).
 */
export function measureFlatness(instance: Instance, assignment: Int8Array, instanceHashHex: string): [number, number][] {
  return flatnessCurve(instance, assignment, FLATNESS_FRACTIONS, FLATNESS_DRAWS, flatnessRng(instanceHashHex)).map((point) => [point.fraction, point.meanErrorRate]);
}

/**
 * The flatness of a network on (the first NETWORK_FLATNESS_EXAMPLES of) its training set: flips for a binary network,
 * multiplicative noise σ for a continuous one; (p or σ, mean error rate) pairs.
 */
export function measureNetworkFlatness(data: DatasetInstance, network: Network, instanceHashHex: string): { measure: FlatnessMeasure; curve: [number, number][] } {
  const p = Math.min(data.p, NETWORK_FLATNESS_EXAMPLES);
  const head: DatasetInstance = { ...data, p, inputs: data.inputs.subarray(0, p * data.n), labels: data.labels.subarray(0, p) };
  const rng = flatnessRng(instanceHashHex);
  const points = network.binary
    ? networkFlipFlatness(head, network, FLATNESS_FRACTIONS, NETWORK_FLATNESS_DRAWS, rng)
    : networkNoiseFlatness(head, network, NOISE_FLATNESS_SIGMAS, NETWORK_FLATNESS_DRAWS, rng);
  return { measure: network.binary ? 'flip' : 'noise', curve: points.map((point) => [point.sigma, point.meanErrorRate]) };
}

/** The flatness of any verified answer, with the perturbation it used. */
export function measureAnswerFlatness(instance: AnyInstance, answer: { assignment: unknown; network: unknown }, instanceHashHex: string): { measure: FlatnessMeasure; curve: [number, number][] } {
  if (instance.kind === 'dataset') return measureNetworkFlatness(instance, answer.network as Network, instanceHashHex);
  return { measure: 'flip', curve: measureFlatness(instance, answer.assignment as Int8Array, instanceHashHex) };
}
