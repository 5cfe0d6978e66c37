import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { energy, resolveParams, standaloneContext } from '@densebench/core';
import { generate, parseDimacs } from '@densebench/problems';
import sa, { type SaParams } from '../src/index.js';

const params = (overrides: Partial<SaParams> = {}): SaParams => ({ ...resolveParams<SaParams>(sa, {}), ...overrides });

describe('sa solves easy instances', () => {
  it('random perceptron N = 101, α = 0.3, on every one of 5 seeds', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed });
      const result = await sa.solve(instance, params(), standaloneContext(`s${seed}`));
      expect(energy(instance, result.assignment)).toBe(0);
      expect(result.energy).toBe(0);
      expect(result.work).toBeGreaterThan(0);
    }
  });

  it('random 3-SAT N = 100, α = 3.5, on every one of 5 seeds', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { instance } = generate({ problem: 'ksat', n: 100, alpha: 3.5, k: 3, seed });
      const result = await sa.solve(instance, params(), standaloneContext(`s${seed}`));
      expect(energy(instance, result.assignment)).toBe(0);
    }
  });

  it('committee machine K = 3, N = 41, α = 0.2 per synapse, on every one of 3 seeds', async () => {
    for (let seed = 1; seed <= 3; seed++) {
      const { instance } = generate({ problem: 'committee', n: 41, alpha: 0.2, k: 3, seed });
      const result = await sa.solve(instance, params(), standaloneContext(`c${seed}`));
      expect(result.assignment.length).toBe(123);
      expect(energy(instance, result.assignment)).toBe(0);
    }
  });

  it('is reproducible: the same seed gives the same answer and work', async () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.5, k: null, seed: 1 });
    const a = await sa.solve(instance, params({ sweeps: 300 }), standaloneContext('same'));
    const b = await sa.solve(instance, params({ sweeps: 300 }), standaloneContext('same'));
    expect(b.assignment).toEqual(a.assignment);
    expect(b.work).toBe(a.work);
  });

  it('returns its best configuration when it runs out of sweeps, with the energy it claims', async () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.8, k: null, seed: 1 });
    const result = await sa.solve(instance, params({ sweeps: 20, restarts: 2 }), standaloneContext('short'));
    expect(result.energy).toBeGreaterThan(0);
    expect(energy(instance, result.assignment)).toBe(result.energy);
    expect(result.work).toBeCloseTo(40, 6); // 2 restarts × 20 sweeps, none cut short
  });

  it('stops at its deadline', async () => {
    const { instance } = generate({ problem: 'perceptron', n: 301, alpha: 0.8, k: null, seed: 1 });
    const result = await sa.solve(instance, params({ sweeps: 1e9 }), standaloneContext('deadline', 200));
    expect(result.work).toBeLessThan(1e9);
  });

  it('solves the SATLIB-style uf20 fixture (satisfiable: 3 models)', async () => {
    const f = parseDimacs(readFileSync(new URL('../../../packages/problems/test/fixtures/satlib-style-uf20.cnf', import.meta.url), 'latin1'));
    const result = await sa.solve(f, params(), standaloneContext('tiny'));
    expect(energy(f, result.assignment)).toBe(0);
  });
});

describe('sa backends', () => {
  it('gives the same answer, work and energy with every backend, and records the one that ran', async () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.5, k: null, seed: 2 });
    const runs = await Promise.all(['fastest', 'ts', 'wasm'].map((backend) => sa.solve(instance, params({ sweeps: 400, backend }), standaloneContext('backends'))));
    expect(runs.map((r) => r.info?.backend)).toEqual(['wasm', 'ts', 'wasm']);
    for (const r of runs.slice(1)) {
      expect(Array.from(r.assignment)).toEqual(Array.from(runs[0]!.assignment));
      expect(r.work).toBe(runs[0]!.work);
      expect(r.energy).toBe(runs[0]!.energy);
    }
  });

  it('runs ts where there is no faster backend, and refuses a backend the problem does not have', async () => {
    const { instance } = generate({ problem: 'ksat', n: 50, alpha: 2, k: 3, seed: 1 });
    expect((await sa.solve(instance, params(), standaloneContext('ksat'))).info?.backend).toBe('ts');
    expect(() => sa.solve(instance, params({ backend: 'wasm' }), standaloneContext('ksat'))).toThrow('kernel "metropolis sweep (K-SAT)" has no backend "wasm" (backends: ts)');
    expect(() => resolveParams(sa, { backend: 'gpu' })).toThrow(/field "backend" must be equal to one of the allowed values \(fastest, ts, wasm\)/);
  });
});
