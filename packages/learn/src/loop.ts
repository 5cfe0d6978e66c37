// The outer loop every gradient learner runs: steps until the budget is spent (or a ±1 problem is solved), an error
// check and the lr decay once per epoch, the deadline polled, and the answer built from the best parameters.
import type { SolveContext, SolveResult } from '@densebench/core';
import type { CommonLearnerParams, LearnerSettings } from './settings.js';
import { BestParameters, type LearningTask } from './task.js';

/** One learner's state and step, shared by its solve() and its kernel benchmark. */
export interface Learner {
  /** Runs one step with the given step size; returns the example gradients it evaluated. */
  step(lr: number): number;
  /** The parameters to judge and to answer with now (e.g. the centre of rsgd), and their training errors. */
  current(): { params: Float64Array; errors: number };
  /** Solver-specific facts for the record. */
  info(): Record<string, number | string | boolean>;
  /** Called once per epoch, after the check (schedules such as rsgd's γ). */
  endEpoch?(): void;
  /** Example gradients per epoch (default P); rsgd's epoch is every replica seeing P examples, y·P. */
  readonly epochWork?: number;
}

/** Every this many steps the deadline is polled. */
const POLL_STEPS = 16;

export function runLearner(task: LearningTask, learner: Learner, settings: LearnerSettings, params: Pick<CommonLearnerParams, 'lrDecay'>, ctx: SolveContext): SolveResult {
  const examples = task.model.exampleCount;
  const epochWork = learner.epochWork ?? examples;
  const budget = settings.epochs * examples;
  const best = new BestParameters(task.model.parameterCount);
  let lr = settings.lr;
  let work = 0;
  let nextEpoch = epochWork;
  let steps = 0;
  let state = learner.current();
  best.offer(state.params, state.errors);
  ctx.progress(0, state.errors);
  while (work < budget && !(task.stopAtZeroErrors && best.errors === 0)) {
    work += learner.step(lr);
    if (work >= nextEpoch || work >= budget) {
      while (nextEpoch <= work) nextEpoch += epochWork;
      lr *= params.lrDecay;
      state = learner.current();
      best.offer(state.params, state.errors);
      ctx.progress(work, state.errors);
      learner.endEpoch?.();
    }
    if (++steps % POLL_STEPS === 0 && ctx.shouldStop()) break;
  }
  // ±1 problems answer with the best configuration seen; networks with the last one (no selection on training data).
  if (!task.stopAtZeroErrors) state = learner.current();
  const answer = task.stopAtZeroErrors ? { params: best.params, errors: best.errors } : state;
  return { ...task.answer(answer.params), work, energy: answer.errors, info: { epochs: work / examples, ...learner.info() } };
}
