import { describe, expect, it } from 'vitest';
import { standaloneContext, type PerceptronInstance, type SolveContext } from '@densebench/core';
import { learningTask, runLearner, type Learner } from '../src/index.js';

// A perceptron task with P = 20 patterns, for the loop's bookkeeping (the learners below never touch it).
const instance: PerceptronInstance = { kind: 'perceptron', problem: 'perceptron', n: 3, p: 20, patterns: new Int8Array(60).fill(1), labels: new Int8Array(20).fill(-1) };
const task = learningTask(instance, { hidden: 1, binary: false });

/** A learner whose steps cost `stepWork` example gradients and that records the schedule calls it receives. */
function fakeLearner(stepWork: number): Learner & { lrs: number[]; epochs: number } {
  const params = new Float64Array(3);
  return {
    lrs: [],
    epochs: 0,
    step(lr) {
      this.lrs.push(lr);
      return stepWork;
    },
    current: () => ({ params, errors: 20 }),
    info: () => ({}),
    endEpoch() {
      this.epochs++;
    },
  };
}

describe('runLearner', () => {
  it('applies the per-epoch schedules once for every epoch a step crosses', () => {
    // Steps of 50 example gradients, epochs of 20: after k steps, ⌊50k/20⌋ epochs.
    const learner = fakeLearner(50);
    const result = runLearner(task, learner, { lr: 1, batchSize: 5, epochs: 10 }, { lrDecay: 0.5 }, standaloneContext('x'));
    expect(result.work).toBe(200);
    expect(learner.epochs).toBe(10);
    expect(learner.lrs).toEqual([1, 0.5 ** 2, 0.5 ** 5, 0.5 ** 7]);
  });

  it('polls the deadline after every step', () => {
    let polls = 0;
    const ctx: SolveContext = { ...standaloneContext('x'), shouldStop: () => ++polls > 3 };
    const learner = fakeLearner(1);
    const result = runLearner(task, learner, { lr: 1, batchSize: 1, epochs: 1000 }, { lrDecay: 1 }, ctx);
    expect(result.work).toBe(3);
  });
});
