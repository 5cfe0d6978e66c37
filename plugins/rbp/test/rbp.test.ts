import { describe, expect, it } from 'vitest';
import { energy, resolveParams, standaloneContext } from '@densebench/core';
import { generate } from '@densebench/problems';
import rbp, { type RbpParams } from '../src/index.js';

const defaults = resolveParams<RbpParams>(rbp, {});

describe('rbp', () => {
  it('solves random perceptrons N = 201 at α = 0.5 on every one of 4 seeds', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const { instance } = generate({ problem: 'perceptron', n: 201, alpha: 0.5, k: null, seed });
      const result = await rbp.solve(instance, defaults, standaloneContext(`s${seed}`));
      expect(energy(instance, result.assignment)).toBe(0);
    }
  });

  it('solves random 3-SAT N = 300 at α = 3.8 with its K-SAT schedule (SAT.jl\'s defaults)', async () => {
    const { instance } = generate({ problem: 'ksat', n: 300, alpha: 3.8, k: 3, seed: 1 });
    const result = await rbp.solve(instance, defaults, standaloneContext('k'));
    expect(energy(instance, result.assignment)).toBe(0);
    expect(defaults.r0).toBeUndefined(); // the per-problem schedule applies
  });

  it('drives r towards 1 geometrically after the waiting period', async () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.95, k: null, seed: 1 }); // beyond capacity: never solved
    const result = await rbp.solve(instance, { ...defaults, maxSweeps: 30, wait: 10, r0: 0.5, rstep: 0.1 }, standaloneContext('r'));
    expect(result.work).toBe(30);
    expect(result.energy).toBeGreaterThan(0);
    // 20 growth steps: 1 − r = 0.5 · 0.9^20.
    expect(result.info!.finalR).toBeCloseTo(1 - 0.5 * 0.9 ** 20, 12);
  });
});
