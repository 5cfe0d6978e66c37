// The three gradient learners side by side: they share models, minibatches and budget, so with their extra
// machinery switched off rsgd and entropy-sgd must reproduce sgd exactly.
import { describe, expect, it } from 'vitest';
import { constraintsIn, energy, networkErrors, resolveParams, standaloneContext, type SolveResult } from '@densebench/core';
import { generate, mnistTrainingSet } from '@densebench/problems';
import sgd, { type SgdParams } from '../src/index.js';
import rsgd, { RsgdLearner, type RsgdParams } from '../../rsgd/src/index.js';
import entropySgd, { EntropySgdLearner, type EntropySgdParams } from '../../entropy-sgd/src/index.js';
import { learningTask } from '@densebench/learn';
import { Rng, type PerceptronInstance } from '@densebench/core';

const sgdParams = (extra: Record<string, unknown> = {}) => resolveParams<SgdParams>(sgd, extra);
const rsgdParams = (extra: Record<string, unknown> = {}) => resolveParams<RsgdParams>(rsgd, extra);
const esgdParams = (extra: Record<string, unknown> = {}) => resolveParams<EntropySgdParams>(entropySgd, extra);

const learners = [
  ['sgd', () => sgd.solve.bind(sgd), sgdParams],
  ['rsgd', () => rsgd.solve.bind(rsgd), rsgdParams],
  ['entropy-sgd', () => entropySgd.solve.bind(entropySgd), esgdParams],
] as const;

describe.each(learners)('%s', (name, solver, params) => {
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
    // Beyond capacity (α = 1.2 > 0.83), so that different seeds end in different configurations.
    const { instance } = generate({ problem: 'perceptron', n: 51, alpha: 1.2, k: null, seed: 1 });
    const run = (seed: string) => solve(instance, params({ epochs: 30 }), standaloneContext(seed));
    const a = run('x');
    expect(run('x')).toEqual(a);
    expect(run('y').assignment).not.toEqual(a.assignment);
  });

  it('stops at its budget: epochs·P example gradients (one step past it at most)', () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.9, k: null, seed: 1 });
    const result = solve(instance, params({ epochs: 3 }), standaloneContext('budget'));
    // One step: a minibatch of 5 (sgd), one per replica (rsgd, y = 7), L = 20 minibatches (entropy-sgd).
    const stepWork = { sgd: 5, rsgd: 7 * 5, 'entropy-sgd': 20 * 5 }[name];
    expect(result.energy).toBeGreaterThan(0);
    expect(result.work).toBeGreaterThanOrEqual(3 * constraintsIn(instance));
    expect(result.work).toBeLessThan(3 * constraintsIn(instance) + stepWork);
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
  it('keeps Σ_b W^b equal to the sum of the replicas\' signs through majority-coupled steps, and the centre is their majority', () => {
    const { instance } = generate({ problem: 'perceptron', n: 51, alpha: 0.6, k: null, seed: 3 });
    const task = learningTask(instance, { hidden: 1, binary: false });
    const learner = new RsgdLearner(task, 5, rsgdParams({ y: 4, lambda: 0.5, gamma0: 0.3 }), new Rng('r'));
    let flips = 0;
    const before = learner.replicas.map((h) => Array.from(h, (v) => (v > 0 ? 1 : -1)));
    for (let step = 0; step < 50; step++) {
      learner.step(10);
      for (let i = 0; i < 51; i++) expect(learner.signSums[i]).toBe(learner.replicas.reduce((sum, h) => sum + (h[i]! > 0 ? 1 : -1), 0));
    }
    learner.replicas.forEach((h, a) => h.forEach((v, i) => (flips += (v > 0 ? 1 : -1) !== before[a]![i] ? 1 : 0)));
    expect(flips).toBeGreaterThan(0);
    // With y = 4 ties occur; they go to −1, like sign(H) at H = 0.
    learner.current();
    const centre = (learner as unknown as { centre: Float64Array }).centre;
    for (let i = 0; i < 51; i++) expect(centre[i]).toBe(learner.signSums[i]! > 0 ? 1 : -1);
  });

  it('kicks a replica with its sign after its gradient step (the authors\' order)', () => {
    // One weight, one pattern ξ = 1, σ = +1. From H = −1 (misclassified), a step of lr = 1.5 on the gradient −σξ gives
    // H = 0.5, W = +1; with y = 1 and γ = ∞ the kick is λ(sign(Σ_b W^b before) − W) = 0.1·(−1 − 1): H = 0.3.
    const tiny: PerceptronInstance = { kind: 'perceptron', problem: 'perceptron', n: 1, p: 1, patterns: Int8Array.of(1), labels: Int8Array.of(1) };
    const task = learningTask(tiny, { hidden: 1, binary: false });
    let seed = 0;
    let learner: RsgdLearner;
    do learner = new RsgdLearner(task, 1, rsgdParams({ y: 1, lambda: 0.1, gamma0: 1e9 }), new Rng(`kick ${seed++}`));
    while (learner.replicas[0]![0] !== -1);
    learner.step(1.5);
    expect(learner.replicas[0]![0]).toBeCloseTo(0.3, 12);
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

describe('entropy-sgd on a deadline', () => {
  it('cuts its Langevin loop short when the deadline passes mid-step', () => {
    const { instance } = generate({ problem: 'perceptron', n: 51, alpha: 0.5, k: null, seed: 1 });
    const learner = new EntropySgdLearner(learningTask(instance, { hidden: 1, binary: false }), 5, esgdParams({ L: 20 }), new Rng('e'));
    let polls = 0;
    expect(learner.step(1, () => ++polls >= 3)).toBe(3 * 5);
  });
});
