// The outer loop every gradient learner runs: steps until the budget is spent (or a ±1 problem is solved), an error
// check and the lr decay once per epoch, the deadline polled, and the answer built from the best parameters.
import type { SolveContext, SolveResult } from '@densebench/core';
import type { CommonLearnerParams, LearnerSettings } from './settings.js';
import { BestParameters, type LearningTask } from './task.js';

/** One learner's state and step, shared by its solve() and its kernel benchmark. */
export interface Learner {
  /**
   * Runs one step with the given step size; returns the example gradients it evaluated. A long step (entropy-sgd's L
   * Langevin steps) may poll `shouldStop` and cut itself short.
   */
  step(lr: number, shouldStop?: () => boolean): number;
  /** The parameters to judge and to answer with now (e.g. the centre of rsgd), and their training errors. */
  current(): { params: Float64Array; errors: number };
  /** Solver-specific facts for the record. */
  info(): Record<string, number | string | boolean>;
  /** Called once per epoch, after the check (schedules such as rsgd's γ). */
  endEpoch?(): void;
  /** Example gradients per epoch (default P); rsgd's epoch is every replica seeing P examples, y·P. */
  readonly epochWork?: number;
}

export function runLearner(task: LearningTask, learner: Learner, settings: LearnerSettings, params: Pick<CommonLearnerParams, 'lrDecay'>, ctx: SolveContext): SolveResult {
  const examples = task.model.exampleCount;
  const epochWork = learner.epochWork ?? examples;
  const budget = settings.epochs * examples;
  // ±1 problems answer with the best configuration seen; networks with the last one (no selection on training data),
  // so only the former keep a copy.
  const best = task.stopAtZeroErrors ? new BestParameters(task.model.parameterCount) : null;
  let lr = settings.lr;
  let work = 0;
  let nextEpoch = epochWork;
  let state = learner.current();
  /** Whether `state` describes the parameters as they are now (no step since it was taken). */
  let fresh = true;
  const shouldStop = (): boolean => ctx.shouldStop();
  best?.offer(state.params, state.errors);
  ctx.progress(0, state.errors);
  // The deadline is polled after every step: a step is at least a minibatch gradient, far costlier than the poll.
  while (work < budget && !(best && best.errors === 0) && !ctx.shouldStop()) {
    work += learner.step(lr, shouldStop);
    fresh = false;
    if (work >= nextEpoch || work >= budget) {
      // A step may span several epochs (entropy-sgd's L minibatches on a small training set): every epoch it crossed
      // applies the schedules.
      for (; nextEpoch <= work; nextEpoch += epochWork) {
        lr *= params.lrDecay;
        learner.endEpoch?.();
      }
      state = learner.current();
      fresh = true;
      best?.offer(state.params, state.errors);
      ctx.progress(work, state.errors);
    }
  }
  if (!best && !fresh) state = learner.current();
  const answer = best ? { params: best.params, errors: best.errors } : state;
  return { ...task.answer(answer.params), work, energy: answer.errors, info: { epochs: work / examples, ...learner.info() } };
}
