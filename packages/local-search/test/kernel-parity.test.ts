// The parity suite over every backend of every kernel in the registry: each backend leaves exactly the state (and the
// generator) its TypeScript reference leaves, call for call, from the same seeded start. A kernel registered without
// cases here fails the first test, so a new backend cannot skip the suite.
import { describe, expect, it } from 'vitest';
import { registeredKernels, Rng } from '@densebench/core';
import { describeKernelParity, type KernelParityCase } from '@densebench/conformance';
import { generate, type BinaryInstanceSpec } from '@densebench/problems';
import {
  committeeSweepKernel, IncrementalCommittee, IncrementalKsat, IncrementalPerceptron, ksatSweepKernel, perceptronSweepKernel, randomConfiguration,
  type BoundSweep, type IncrementalEnergy,
} from '../src/index.js';

/** A state on a generated instance, started from a seeded random configuration. */
function started<S extends IncrementalEnergy>(spec: BinaryInstanceSpec, make: (instance: ReturnType<typeof generate>['instance']) => S): () => S {
  const { instance } = generate(spec);
  return () => {
    const state = make(instance);
    state.reset(randomConfiguration(new Int8Array(state.variables), new Rng(`start:${spec.seed}`)));
    return state;
  };
}

/** `calls` sweeps at β = beta(call): hot first (many accepted flips, the band changing), then cold. */
function sweeps<S extends IncrementalEnergy>(name: string, state: () => S, calls: number, beta: (call: number) => number, snapshot: (s: S) => unknown): KernelParityCase<S, BoundSweep> {
  return { name, state, calls, call: (sweep, call, rng) => sweep(beta(call), rng), snapshot };
}

const perceptron = (n: number, alpha: number, seed: number) => started({ problem: 'perceptron', n, alpha, k: null, seed }, (i) => new IncrementalPerceptron(i as never));
const perceptronState = (s: IncrementalPerceptron) => ({
  energy: s.energy, weights: s.weights, stabilities: s.stabilities, bandSize: s.bandSize, band: s.band.subarray(0, s.bandSize), bandPosition: s.bandPosition,
});
const annealing = (call: number) => 1 + call * 0.15;

const PARITY_CASES = new Map<string, () => void>([
  [perceptronSweepKernel.name, () => describeKernelParity(perceptronSweepKernel, [
    sweeps('perceptron N = 101, α = 0.3', perceptron(101, 0.3, 1), 40, annealing, perceptronState),
    sweeps('perceptron N = 301, α = 0.6', perceptron(301, 0.6, 2), 40, annealing, perceptronState),
    sweeps('perceptron N = 1001, α = 0.5', perceptron(1001, 0.5, 3), 40, annealing, perceptronState),
    // Solvable at β = 4: the sweeps reach E = 0, where a sweep stops after its first accepted move.
    sweeps('perceptron N = 101, α = 0.2, down to E = 0', perceptron(101, 0.2, 4), 200, () => 4, perceptronState),
  ], { describe, it })],
  [committeeSweepKernel.name, () => describeKernelParity(committeeSweepKernel, [
    sweeps('committee K = 3, N = 21, α = 0.6', started({ problem: 'committee', n: 21, alpha: 0.6, k: 3, seed: 2 }, (i) => new IncrementalCommittee(i as never)), 40, annealing,
      (s) => ({ energy: s.energy, weights: s.weights, fields: s.fields, votes: s.votes })),
  ], { describe, it })],
  [ksatSweepKernel.name, () => describeKernelParity(ksatSweepKernel, [
    sweeps('3-SAT N = 200, α = 4.2', started({ problem: 'ksat', n: 200, alpha: 4.2, k: 3, seed: 1 }, (i) => new IncrementalKsat(i as never)), 40, annealing,
      (s) => ({ energy: s.energy, weights: s.weights, clauseTrueCount: s.clauseTrueCount, unsatisfied: s.unsatisfied.subarray(0, s.unsatisfiedCount) })),
  ], { describe, it })],
]);

it('has parity cases for every registered kernel', () => {
  expect(registeredKernels().map((k) => k.name).filter((name) => !PARITY_CASES.has(name))).toEqual([]);
});

for (const describeCases of PARITY_CASES.values()) describeCases();
