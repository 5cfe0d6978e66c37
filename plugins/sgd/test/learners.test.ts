// The three gradient learners side by side: they share models, minibatches and budget, so with their extra
// machinery switched off rsgd and entropy-sgd must reproduce sgd exactly.
import { describe, expect, it } from 'vitest';
import { constraintsIn, energy, networkErrors, resolveParams, standaloneContext, type SolveResult } from '@densebench/core';
import { generate, mnistTrainingSet } from '@densebench/problems';
import sgd, { type SgdParams } from '../src/index.js';
import rsgd, { RsgdLearner, type RsgdParams } from '../../rsgd/src/index.js';
import entropySgd, { EntropySgdLearner, type EntropySgdParams } from '../../entropy-sgd/src/index.js';
import { learningTask } from '@densebench/learn';
import { Rng } from '@densebench/core';

const sgdParams = (extra: Record<string, unknown> = {}) => resolveParams<SgdParams>(sgd, extra);
const rsgdParams = (extra: Record<string, unknown> = {}) => resolveParams<RsgdParams>(rsgd, extra);
const esgdParams = (extra: Record<string, unknown> = {}) => resolveParams<EntropySgdParams>(entropySgd, extra);

const learners = [
  ['sgd', () => sgd.solve.bind(sgd), sgdParams],
  ['rsgd', () => rsgd.solve.bind(rsgd), rsgdParams],
  ['entropy-sgd', () => entropySgd.solve.bind(entropySgd), esgdParams],
] as const;

describe.each(learners)('%s', (_, solver, params) => {
  const solve = solver() as (instance: Parameters<typeof sgd.solve>[0], p: object, ctx: ReturnType<typeof standaloneContext>) => SolveResult;

  it('solves easy perceptrons (N = 101, α = 0.2) and reports its work in example gradients', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.2, k: null, seed });
      const result = solve(instance, params(), standaloneContext(`s${seed}`));
      expect(energy(instance, result.assignment!)).toBe(0);
      expect(result.energy).toBe(0);
      expect(result.work).toBeGreaterThan(0);
      expect(result.work).toBeLessThan(1000 * constraintsIn(instance));
    }
  });

  it('solves an easy committee machine (K = 3, N = 31, α = 0.2 per synapse)', () => {
    const { instance } = generate({ problem: 'committee', n: 31, alpha: 0.2, k: 3, seed: 2 });
    const result = solve(instance, params(), standaloneContext('committee'));
    expect(energy(instance, result.assignment!)).toBe(0);
  });

  it('is deterministic for a seed and depends on it', () => {
    const { instance } = generate({ problem: 'teacher-student', n: 51, alpha: 1.5, k: null, seed: 1 });
    const run = (seed: string) => solve(instance, params({ epochs: 30 }), standaloneContext(seed));
    const a = run('x');
    expect(run('x')).toEqual(a);
    expect(run('y').assignment).not.toEqual(a.assignment);
  });

  it('stops at its budget: epochs·P example gradients (one step past it at most)', () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.9, k: null, seed: 1 });
    const result = solve(instance, params({ epochs: 3 }), standaloneContext('budget'));
    expect(result.energy).toBeGreaterThan(0);
    expect(result.work).toBeGreaterThanOrEqual(3 * constraintsIn(instance));
    expect(result.work).toBeLessThan(3 * constraintsIn(instance) + 20 * 7 * 5 + 1);
    expect(energy(instance, result.assignment!)).toBe(result.energy);
  });

  it('trains a small network on MNIST digits and claims its true training errors', () => {
    const data = mnistTrainingSet(1, 200);
    const result = solve(data, params({ epochs: 5, hidden: 8, batchSize: 10 }), standaloneContext('mnist'));
    expect(result.assignment).toBeUndefined();
    expect(result.network!.hidden).toBe(8);
    expect(networkErrors(data, result.network!)).toBe(result.energy);
    // 10 classes: chance is 90% ± 2% errors on 200 digits; five epochs of work do clearly better.
    expect(result.energy!).toBeLessThan(0.8 * data.p);
  });
});

describe('with their extra machinery off, the learners are sgd', () => {
  const { instance } = generate({ problem: 'teacher-student', n: 101, alpha: 1, k: null, seed: 7 });
  const baseline = sgd.solve(instance, sgdParams({ epochs: 20 }), standaloneContext('same')) as SolveResult;

  it('rsgd with one replica and no coupling', () => {
    const result = rsgd.solve(instance, rsgdParams({ epochs: 20, y: 1, lambda: 0 }), standaloneContext('same')) as SolveResult;
    expect(result.assignment).toEqual(baseline.assignment);
    expect(result.work).toBe(baseline.work);
  });

  it('entropy-sgd with L = 1, no averaging, no scoping, no noise, no momentum and outer step 1', () => {
    const result = entropySgd.solve(instance, esgdParams({ epochs: 20, L: 1, average: 0, gamma0: 0, noise: 0, momentum: 0, outerLr: 1 }), standaloneContext('same')) as SolveResult;
    expect(result.assignment).toEqual(baseline.assignment);
    expect(result.work).toBe(baseline.work);
  });
});

describe('rsgd', () => {
  it('keeps Σ_b W^b equal to the sum of the replicas\' signs through majority-coupled steps', () => {
    const { instance } = generate({ problem: 'perceptron', n: 51, alpha: 0.6, k: null, seed: 3 });
    const task = learningTask(instance, { hidden: 1, binary: false });
    const learner = new RsgdLearner(task, 5, rsgdParams({ y: 5, lambda: 0.5, gamma0: 0.3 }), new Rng('r'));
    for (let step = 0; step < 50; step++) learner.step(10);
    const { params } = learner.current();
    // The centre is the majority of the replicas' signs.
    for (let i = 0; i < 51; i++) {
      const votes = learner.replicas.reduce((sum, h) => sum + (h[i]! > 0 ? 1 : -1), 0);
      expect(params === learner.replicas.find((h) => h === params) || params[i] === (votes >= 0 ? 1 : -1)).toBe(true);
    }
  });

  it('refuses the majority coupling on a continuous network', () => {
    const task = learningTask(mnistTrainingSet(1, 20), { hidden: 4, binary: false });
    expect(() => new RsgdLearner(task, 5, rsgdParams({ coupling: 'majority' }), new Rng('r'))).toThrow(/binary weights/);
  });
});

describe('entropy-sgd', () => {
  it('raises the scoping γ_t = γ₀(1 + γ₁)^t once per outer step (the PyTorch port never does)', () => {
    const { instance } = generate({ problem: 'perceptron', n: 51, alpha: 0.5, k: null, seed: 1 });
    const task = learningTask(instance, { hidden: 1, binary: false });
    const learner = new EntropySgdLearner(task, 5, esgdParams({ gamma0: 0.01, gamma1: 0.5, L: 2 }), new Rng('e'));
    for (let t = 1; t <= 4; t++) {
      expect(learner.step(1)).toBe(2 * 5);
      expect(learner.gamma).toBeCloseTo(0.01 * 1.5 ** t, 12);
    }
  });
});
