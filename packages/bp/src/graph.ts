import type { Instance } from '@densebench/core';
import { CommitteeBP } from './committee.js';
import type { FocusingGraphBase } from './focusing.js';
import { KsatBP } from './ksat.js';
import { PerceptronBP } from './perceptron.js';

/** What the message-passing solvers need: a factor graph with one focusing/reinforcement field per variable. */
export type FocusingGraph = FocusingGraphBase;

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
