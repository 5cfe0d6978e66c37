import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { energy, Rng, resolveParams, type SolveContext } from '@densebench/core';
import { generate, parseDimacs } from '@densebench/problems';
import sa, { KsatAnnealer, PerceptronAnnealer, type SaParams } from '../src/index.js';

function context(seed: string, deadline = Number.POSITIVE_INFINITY): SolveContext {
  return {
    rng: new Rng(seed),
    signal: new AbortController().signal,
    deadline,
    shouldStop: () => performance.now() >= deadline,
    progress() {},
    log() {},
  };
}

const params = (overrides: Partial<SaParams> = {}): SaParams => ({ ...resolveParams<SaParams>(sa, {}), ...overrides });

describe('incremental energies', () => {
  it('perceptron: ΔE and flips agree with a full recomputation along a random walk', () => {
    const { instance } = generate({ problem: 'perceptron', n: 51, alpha: 0.7, k: null, seed: 3 });
    if (instance.kind !== 'perceptron') throw new Error('expected perceptron');
    const annealer = new PerceptronAnnealer(instance);
    const rng = new Rng('walk');
    annealer.reset(Int8Array.from({ length: 51 }, () => rng.nextSign()));
    for (let step = 0; step < 500; step++) {
      const i = rng.nextInt(51);
      const before = energy(instance, annealer.weights);
      const delta = annealer.deltaEnergy(i);
      annealer.flip(i, delta);
      expect(energy(instance, annealer.weights)).toBe(before + delta);
      expect(annealer.energy).toBe(before + delta);
    }
  });

  it('perceptron: also exact for even N, where a zero field is an error', () => {
    const { instance } = generate({ problem: 'perceptron', n: 21, alpha: 0.7, k: null, seed: 3 });
    if (instance.kind !== 'perceptron') throw new Error('expected perceptron');
    // Drop the last weight of every pattern to get N = 20.
    const n = 20;
    const patterns = new Int8Array(n * instance.p);
    for (let mu = 0; mu < instance.p; mu++) patterns.set(instance.patterns.subarray(mu * 21, mu * 21 + n), mu * n);
    const even = { ...instance, n, patterns };
    const annealer = new PerceptronAnnealer(even);
    const rng = new Rng('even');
    annealer.reset(Int8Array.from({ length: n }, () => rng.nextSign()));
    for (let step = 0; step < 300; step++) {
      const i = rng.nextInt(n);
      const delta = annealer.deltaEnergy(i);
      annealer.flip(i, delta);
      expect(annealer.energy).toBe(energy(even, annealer.weights));
    }
  });

  it('K-SAT: ΔE = break − make agrees with a full recomputation', () => {
    const { instance } = generate({ problem: 'ksat', n: 40, alpha: 4.5, k: 3, seed: 2 });
    if (instance.kind !== 'ksat') throw new Error('expected ksat');
    const annealer = new KsatAnnealer(instance);
    const rng = new Rng('walk');
    annealer.reset(Int8Array.from({ length: 40 }, () => rng.nextSign()));
    for (let step = 0; step < 500; step++) {
      const v = rng.nextInt(40);
      const before = energy(instance, annealer.weights);
      const delta = annealer.deltaEnergy(v);
      annealer.flip(v, delta);
      expect(energy(instance, annealer.weights)).toBe(before + delta);
    }
  });
});

describe('sa solves easy instances', () => {
  it('random perceptron N = 101, α = 0.3, on every one of 5 seeds', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed });
      const result = await sa.solve(instance, params(), context(`s${seed}`));
      expect(energy(instance, result.assignment)).toBe(0);
      expect(result.energy).toBe(0);
      expect(result.work).toBeGreaterThan(0);
    }
  });

  it('random 3-SAT N = 100, α = 3.5, on every one of 5 seeds', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { instance } = generate({ problem: 'ksat', n: 100, alpha: 3.5, k: 3, seed });
      const result = await sa.solve(instance, params(), context(`s${seed}`));
      expect(energy(instance, result.assignment)).toBe(0);
    }
  });

  it('is reproducible: the same seed gives the same answer and work', async () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.5, k: null, seed: 1 });
    const a = await sa.solve(instance, params({ sweeps: 300 }), context('same'));
    const b = await sa.solve(instance, params({ sweeps: 300 }), context('same'));
    expect(b.assignment).toEqual(a.assignment);
    expect(b.work).toBe(a.work);
  });

  it('returns its best configuration when it runs out of sweeps, with the energy it claims', async () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.8, k: null, seed: 1 });
    const result = await sa.solve(instance, params({ sweeps: 20, restarts: 2 }), context('short'));
    expect(result.energy).toBeGreaterThan(0);
    expect(energy(instance, result.assignment)).toBe(result.energy);
    expect(result.work).toBeCloseTo(40, 6); // 2 restarts × 20 sweeps, none cut short
  });

  it('stops at its deadline', async () => {
    const { instance } = generate({ problem: 'perceptron', n: 301, alpha: 0.8, k: null, seed: 1 });
    const start = performance.now();
    const result = await sa.solve(instance, params({ sweeps: 1e9 }), context('deadline', start + 200));
    expect(result.work).toBeLessThan(1e9);
  });

  it('solves the SATLIB-style uf20 fixture (satisfiable: 3 models)', async () => {
    const f = parseDimacs(readFileSync(new URL('../../../packages/problems/test/fixtures/satlib-style-uf20.cnf', import.meta.url), 'latin1'));
    const result = await sa.solve(f, params(), context('tiny'));
    expect(energy(f, result.assignment)).toBe(0);
  });
});
