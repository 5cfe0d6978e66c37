// The Metropolis sweep as registry kernels (core's defineKernel), one per incremental energy. Every kernel's reference
// backend, 'ts', is the TypeScript sweep of metropolis.ts; the perceptron's also has 'wasm', the WebAssembly sweep of
// perceptron-wasm.ts (about twice as fast, the same trajectory), which is the fastest and so the default.
// The parity suite (test/kernel-parity.test.ts, through @densebench/conformance) runs every backend against 'ts'.
import { defineKernel, FASTEST_BACKEND, type BoundKernel, type KernelBackend, type Rng } from '@densebench/core';
import { IncrementalCommittee } from './committee.js';
import type { IncrementalEnergy } from './incremental.js';
import { IncrementalKsat } from './ksat.js';
import { metropolisSweep } from './metropolis.js';
import { IncrementalPerceptron } from './perceptron.js';
import { PerceptronSweepKernel } from './perceptron-wasm.js';

/** One Metropolis sweep at β of the state the backend was bound to; returns the attempts made (as metropolisSweep). */
export type BoundSweep = (beta: number, rng: Rng) => number;

function typescriptSweep<S extends IncrementalEnergy>(): KernelBackend<S, BoundSweep> {
  return { name: 'ts', priority: 0, bind: (state) => (beta, rng) => metropolisSweep(state, beta, rng) };
}

/** The sweep on the binary perceptron: backends 'ts' (reference) and 'wasm' (the fastest). */
export const perceptronSweepKernel = defineKernel<IncrementalPerceptron, BoundSweep>('metropolis sweep (perceptron)', typescriptSweep()).register({
  name: 'wasm',
  priority: 1,
  bind(state) {
    const kernel = new PerceptronSweepKernel(state);
    return (beta, rng) => kernel.sweep(state, beta, rng);
  },
});

/** The sweep on the committee machine: backend 'ts'. */
export const committeeSweepKernel = defineKernel<IncrementalCommittee, BoundSweep>('metropolis sweep (committee)', typescriptSweep());

/** The sweep on K-SAT: backend 'ts'. */
export const ksatSweepKernel = defineKernel<IncrementalKsat, BoundSweep>('metropolis sweep (K-SAT)', typescriptSweep());

/** Every backend name some sweep kernel has, after FASTEST_BACKEND: the values a solver's `backend` parameter takes. */
export const SWEEP_BACKEND_CHOICES: readonly string[] = [
  FASTEST_BACKEND,
  ...new Set([perceptronSweepKernel, committeeSweepKernel, ksatSweepKernel].flatMap((kernel) => kernel.backends).sort()),
];

/**
 * The Metropolis sweep of `state`'s energy in the named backend (FASTEST_BACKEND: the kernel's fastest), bound to it.
 * Throws when the kernel has no such backend, naming those it has.
 */
export function bindMetropolisSweep(state: IncrementalEnergy, backend: string = FASTEST_BACKEND): BoundKernel<BoundSweep> {
  if (state instanceof IncrementalPerceptron) return perceptronSweepKernel.bind(state, backend);
  if (state instanceof IncrementalCommittee) return committeeSweepKernel.bind(state, backend);
  if (state instanceof IncrementalKsat) return ksatSweepKernel.bind(state, backend);
  throw new TypeError('bindMetropolisSweep: no sweep kernel for this incremental energy (metropolisSweep, the TypeScript sweep, takes any)');
}
