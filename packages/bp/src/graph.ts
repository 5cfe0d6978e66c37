import type { Instance, Rng } from '@densebench/core';
import { CommitteeBP } from './committee.js';
import { KsatBP } from './ksat.js';
import { PerceptronBP } from './perceptron.js';

/** What the message-passing solvers need from a factor graph with one focusing/reinforcement field per variable. */
export interface FocusingGraph {
  readonly n: number;
  /** Total field of each variable (factor messages + focusing field). */
  readonly total: Float64Array;
  initMessages(rng: Rng, randfact: number): void;
  /** Factor and focusing nodes in one random order (r = y − 1; tanh γ). Returns the largest message change. */
  sweep(rng: Rng, r: number, tanhGamma: number, damping: number): number;
  /** Factor nodes only. */
  sweepFactors(rng: Rng, damping: number): number;
  setReinforcement(i: number, field: number): number;
  signs(out: Int8Array): Int8Array;
}

/** The BP graph of an instance: the perceptron's or committee machine's (Gaussian factors), or the CNF formula's. */
export function focusingGraph(instance: Instance): FocusingGraph {
  switch (instance.kind) {
    case 'ksat':
      return new KsatBP(instance);
    case 'committee':
      return new CommitteeBP(instance);
    case 'perceptron':
      return new PerceptronBP(instance);
  }
}
