import { describe, expect, it } from 'vitest';
import { committeeEnergy, perceptronEnergy, Rng, type CommitteeInstance, type PerceptronInstance } from '@densebench/core';
import { generate } from '@densebench/problems';
import { BestParameters, BinaryCommitteeModel, BinaryPerceptronModel, MinibatchSampler, signsOf } from '../src/index.js';

const perceptron = generate({ problem: 'perceptron', n: 51, alpha: 0.8, k: null, seed: 3 }).instance as PerceptronInstance;
const committee = generate({ problem: 'committee', n: 21, alpha: 0.6, k: 5, seed: 4 }).instance as CommitteeInstance;

function hiddenWeights(size: number, seed: string): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: size }, () => rng.nextGaussian());
}

/** Central differences of `loss` at real effective weights w, one coordinate at a time. */
function numericGradient(loss: (w: Float64Array) => number, w: Float64Array, h = 1e-3): Float64Array {
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const keep = w[i]!;
    w[i] = keep + h;
    const up = loss(w);
    w[i] = keep - h;
    const down = loss(w);
    w[i] = keep;
    out[i] = (up - down) / (2 * h);
  }
  return out;
}

const everyPattern = (p: number): Int32Array => Int32Array.from({ length: p }, (_, mu) => mu);

/**
 * Patterns whose wrong hidden units all have distinct |fields| at the given weights: there the committee loss (a sum of
 * the smallest |fields|) is differentiable. Every perceptron pattern qualifies (one unit).
 */
function untied(instance: PerceptronInstance | CommitteeInstance, w: Int8Array): Int32Array {
  const hidden = instance.kind === 'committee' ? instance.hidden : 1;
  const { n, p, patterns, labels } = instance;
  const keep: number[] = [];
  for (let mu = 0; mu < p; mu++) {
    const sizes: number[] = [];
    for (let k = 0; k < hidden; k++) {
      let field = 0;
      for (let i = 0; i < n; i++) field += patterns[mu * n + i]! * w[k * n + i]!;
      if (labels[mu]! * field < 0) sizes.push(Math.abs(field));
    }
    if (new Set(sizes).size === sizes.length) keep.push(mu);
  }
  return Int32Array.from(keep);
}

describe.each([
  ['perceptron', () => new BinaryPerceptronModel(perceptron), perceptron, (w: Int8Array) => perceptronEnergy(perceptron, w)],
  ['committee machine', () => new BinaryCommitteeModel(committee), committee, (w: Int8Array) => committeeEnergy(committee, w)],
] as const)('binary %s model', (_, make, instance, energyOf) => {
  const p = instance.p;
  const model = make();

  it('its gradient at W = sign(H) is the finite-difference gradient of the loss in W (away from its kinks)', () => {
    for (const seed of ['a', 'b', 'c']) {
      const params = hiddenWeights(model.parameterCount, seed);
      const signs = signsOf(params, new Int8Array(model.parameterCount));
      const usable = untied(instance, signs);
      expect(usable.length).toBeGreaterThan(5);
      // Repeated patterns count twice.
      const batch = Int32Array.from([...usable.slice(0, 6), usable[1]!, usable[1]!]);
      const grad = new Float64Array(model.parameterCount);
      model.accumulateGradient(params, batch, batch.length, grad);
      const w = Float64Array.from(signs);
      // N odd: every field at ±1 weights is an odd integer, so a step of 1e-3 crosses no kink of the piecewise-linear loss.
      const numeric = numericGradient((x) => model.lossAtEffectiveWeights(x, batch, batch.length), w);
      for (let i = 0; i < grad.length; i++) expect(grad[i]).toBeCloseTo(numeric[i]!, 6);
      expect(grad.some((g) => g !== 0)).toBe(true);
    }
  });

  it('adds to the gradient buffer, and its loss is the loss at sign(H)', () => {
    const params = hiddenWeights(model.parameterCount, 'd');
    const batch = everyPattern(p);
    const once = new Float64Array(model.parameterCount);
    model.accumulateGradient(params, batch, p, once);
    const twice = Float64Array.from(once);
    model.accumulateGradient(params, batch, p, twice);
    for (let i = 0; i < once.length; i++) expect(twice[i]).toBe(2 * once[i]!);
    const w = Float64Array.from(signsOf(params, new Int8Array(model.parameterCount)));
    expect(model.loss(params, batch, p)).toBe(model.lossAtEffectiveWeights(w, batch, p));
  });

  it('counts training errors as core does, and the gradient is zero exactly on the correctly classified patterns', () => {
    for (const seed of ['e', 'f', 'g']) {
      const params = hiddenWeights(model.parameterCount, seed);
      const signs = signsOf(params, new Int8Array(model.parameterCount));
      const errors = model.trainingErrors(params);
      expect(errors).toBe(energyOf(signs));
      expect(errors).toBeGreaterThan(0);
      let wrongSeen = 0;
      for (let mu = 0; mu < p; mu++) {
        const grad = new Float64Array(model.parameterCount);
        const wrong = model.accumulateGradient(params, Int32Array.of(mu), 1, grad);
        wrongSeen += wrong;
        expect(grad.some((g) => g !== 0)).toBe(wrong === 1);
      }
      expect(wrongSeen).toBe(errors);
    }
  });

  it('minus the gradient, applied to H, removes the errors of a single pattern (the clipped-perceptron step)', () => {
    const params = hiddenWeights(model.parameterCount, 'h');
    const mu = Array.from({ length: p }, (_, m) => m).find((m) => model.accumulateGradient(params, Int32Array.of(m), 1, new Float64Array(model.parameterCount)) === 1)!;
    const grad = new Float64Array(model.parameterCount);
    const batch = Int32Array.of(mu);
    for (let step = 0; step < 200 && model.accumulateGradient(params, batch, 1, grad.fill(0)) === 1; step++) {
      for (let i = 0; i < params.length; i++) params[i] = params[i]! - grad[i]!;
    }
    expect(model.accumulateGradient(params, batch, 1, grad.fill(0))).toBe(0);
  });
});

describe('committee corrections', () => {
  it('corrects the fewest wrong hidden units, those closest to threshold', () => {
    // One pattern, K = 3, N = 1: fields are ±1 per unit; a wrong output with votes −3 (label +1) needs 2 corrections.
    const tiny: CommitteeInstance = { kind: 'committee', problem: 'committee', n: 1, hidden: 3, p: 1, patterns: Int8Array.of(1), labels: Int8Array.of(1) };
    const model = new BinaryCommitteeModel(tiny);
    const grad = new Float64Array(3);
    expect(model.accumulateGradient(Float64Array.of(-0.5, -0.5, -0.5), Int32Array.of(0), 1, grad)).toBe(1);
    expect(Array.from(grad).filter((g) => g !== 0)).toHaveLength(2);
    // votes −1 (two wrong, one right): one correction.
    grad.fill(0);
    model.accumulateGradient(Float64Array.of(-0.5, 0.5, -0.5), Int32Array.of(0), 1, grad);
    expect(Array.from(grad)).toEqual([-1, 0, 0]);
  });
});

describe('MinibatchSampler', () => {
  it('visits every example once per epoch, in a fresh order each epoch, the same for a seed', () => {
    const draw = (seed: string) => {
      const sampler = new MinibatchSampler(10, new Rng(seed));
      const batch = new Int32Array(5);
      const seen: number[] = [];
      for (let b = 0; b < 6; b++) {
        sampler.fill(batch, 5);
        seen.push(...batch);
      }
      return seen;
    };
    const seen = draw('s');
    for (let epoch = 0; epoch < 3; epoch++) expect([...seen.slice(10 * epoch, 10 * epoch + 10)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen.slice(0, 10)).not.toEqual(seen.slice(10, 20));
    expect(draw('s')).toEqual(seen);
    expect(draw('t')).not.toEqual(seen);
  });
});

describe('BestParameters', () => {
  it('keeps the parameters with the fewest errors, the latest among equals', () => {
    const best = new BestParameters(2);
    best.offer(Float64Array.of(1, 1), 5);
    best.offer(Float64Array.of(2, 2), 7);
    expect(Array.from(best.params)).toEqual([1, 1]);
    best.offer(Float64Array.of(3, 3), 5);
    expect(Array.from(best.params)).toEqual([3, 3]);
    expect(best.errors).toBe(5);
  });
});
