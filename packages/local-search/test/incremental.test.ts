import { describe, expect, it } from 'vitest';
import { energy, Rng, type Instance } from '@densebench/core';
import { generate, parseDimacs, type BinaryInstanceSpec } from '@densebench/problems';
import { IncrementalPerceptron, incrementalEnergy, metropolisSweep, randomConfiguration, type IncrementalEnergy } from '../src/index.js';

/** Random walk of `steps` flips: every ΔE and the running energy must equal a full recomputation. */
function checkWalk(instance: Instance, state: IncrementalEnergy, steps: number, seed: string): void {
  const rng = new Rng(seed);
  state.reset(randomConfiguration(new Int8Array(state.variables), rng));
  expect(state.energy).toBe(energy(instance, state.weights));
  for (let step = 0; step < steps; step++) {
    const j = rng.nextInt(state.variables);
    const before = energy(instance, state.weights);
    const delta = state.deltaEnergy(j);
    state.flip(j, delta);
    const after = energy(instance, state.weights);
    if (after !== before + delta || state.energy !== after) {
      throw new Error(`step ${step}, flip ${j}: ΔE ${delta}, energy ${state.energy}, recomputed ${before} → ${after}`);
    }
  }
}

const spec = (problem: BinaryInstanceSpec['problem'], n: number, alpha: number, k: number | null, seed: number): BinaryInstanceSpec => ({ problem, n, alpha, k, seed });

describe('incremental energies agree with a full recomputation along random walks', () => {
  const cases: [string, BinaryInstanceSpec][] = [
    ['perceptron, odd N', spec('perceptron', 51, 0.7, null, 3)],
    ['teacher–student perceptron', spec('teacher-student', 41, 1.2, null, 1)],
    ['committee K = 3, odd N', spec('committee', 21, 0.6, 3, 2)],
    ['teacher–student committee K = 3', spec('committee-teacher-student', 15, 1, 3, 5)],
    ['3-SAT', spec('ksat', 40, 4.5, 3, 2)],
    ['5-SAT', spec('ksat', 30, 20, 5, 1)],
  ];
  for (const [name, s] of cases) {
    it(name, () => {
      const { instance } = generate(s);
      checkWalk(instance, incrementalEnergy(instance), 3000, name);
    });
  }

  it('a DIMACS formula with repeated literals, x ∨ ¬x clauses and clauses of mixed length', () => {
    const formula = parseDimacs('p cnf 6 9\n1 1 2 0\n1 -1 0\n-3 -3 -3 0\n2 -4 4 5 0\n-1 -2 0\n3 4 5 6 0\n-5 0\n6 -6 6 0\n2 2 -6 -6 1 0\n');
    checkWalk(formula, incrementalEnergy(formula), 3000, 'irregular');
  });

  it('perceptron with even N, where a zero field is an error', () => {
    const { instance } = generate(spec('perceptron', 21, 0.7, null, 3));
    if (instance.kind !== 'perceptron') throw new Error('expected perceptron');
    const n = 20;
    const patterns = new Int8Array(n * instance.p);
    for (let mu = 0; mu < instance.p; mu++) patterns.set(instance.patterns.subarray(mu * 21, mu * 21 + n), mu * n);
    const even = { ...instance, n, patterns };
    checkWalk(even, new IncrementalPerceptron(even), 3000, 'even');
  });

  it('committee with even N, where zero hidden fields and tied votes occur', () => {
    const { instance } = generate(spec('committee', 13, 0.8, 5, 4));
    if (instance.kind !== 'committee') throw new Error('expected committee');
    const n = 12;
    const patterns = new Int8Array(n * instance.p);
    for (let mu = 0; mu < instance.p; mu++) patterns.set(instance.patterns.subarray(mu * 13, mu * 13 + n), mu * n);
    const even = { ...instance, n, patterns };
    checkWalk(even, incrementalEnergy(even), 3000, 'even committee');
  });

  it('clones share the layout but not the configuration', () => {
    const { instance } = generate(spec('committee', 21, 0.6, 3, 2));
    const a = incrementalEnergy(instance);
    const b = a.clone();
    a.reset(randomConfiguration(new Int8Array(a.variables), new Rng('a')));
    expect(b.weights.every((w) => w === 1)).toBe(true);
    expect(b.energy).toBe(energy(instance, b.weights));
    checkWalk(instance, b, 500, 'clone');
    expect(a.energy).toBe(energy(instance, a.weights));
  });
});

describe('metropolisSweep', () => {
  it('at large β never increases the energy, and stops at E = 0', () => {
    const { instance } = generate(spec('ksat', 50, 3, 3, 1));
    const state = incrementalEnergy(instance);
    const rng = new Rng('greedy');
    state.reset(randomConfiguration(new Int8Array(state.variables), rng));
    let previous = state.energy;
    for (let sweep = 0; sweep < 200 && state.energy > 0; sweep++) {
      const attempts = metropolisSweep(state, 50, rng);
      expect(state.energy).toBeLessThanOrEqual(previous);
      expect(attempts).toBeLessThanOrEqual(state.variables);
      if (attempts < state.variables) expect(state.energy).toBe(0);
      previous = state.energy;
    }
    expect(state.energy).toBe(energy(instance, state.weights));
  });
});
