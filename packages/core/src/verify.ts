// The check every answer passes, wherever it is made (the harness's verification, the conformance suite): the answer
// is well formed for its instance, its energy is recomputed from the definitions (energy.ts, network.ts), and the
// energy the solver claimed, if any, must equal it.
import { assignmentProblem, energy } from './energy.js';
import type { AnyInstance, Assignment } from './instance.js';
import { networkErrors, networkProblem, type Network } from './network.js';

/** What a solver answered, as received (nothing about it is trusted). */
export interface AnswerToVerify {
  /** The ±1 answer (every problem but the data sets). */
  readonly assignment?: unknown;
  /** The network (data sets). */
  readonly network?: unknown;
  /** The energy the solver claims for its answer; undefined for no claim. */
  readonly energy?: unknown;
}

/** The outcome of verifyAnswerEnergy. */
export type VerifiedAnswerEnergy =
  /** Well formed, with the energy recomputed from the instance (equal to the claim, if there was one). */
  | { readonly verdict: 'verified'; readonly energy: number }
  /** Not an answer to this instance: the message says why. */
  | { readonly verdict: 'malformed'; readonly message: string }
  /** Well formed, but the solver claimed another energy than the verified one. */
  | { readonly verdict: 'misclaimed'; readonly energy: number; readonly message: string };

/**
 * The verified energy of an answer — violated constraints of a ±1 assignment, training errors of a network — or why it
 * cannot be one.
 */
export function verifyAnswerEnergy(instance: AnyInstance, answer: AnswerToVerify): VerifiedAnswerEnergy {
  let verified: number;
  if (instance.kind === 'dataset') {
    const problem = networkProblem(instance, answer.network);
    if (problem) return { verdict: 'malformed', message: problem };
    verified = networkErrors(instance, answer.network as Network);
  } else {
    const problem = assignmentProblem(instance, answer.assignment);
    if (problem) return { verdict: 'malformed', message: problem };
    verified = energy(instance, answer.assignment as Assignment);
  }
  if (answer.energy !== undefined && answer.energy !== verified) {
    return { verdict: 'misclaimed', energy: verified, message: `the solver claimed energy ${String(answer.energy)}, the verified energy is ${verified}` };
  }
  return { verdict: 'verified', energy: verified };
}
