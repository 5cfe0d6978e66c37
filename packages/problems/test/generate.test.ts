import { describe, expect, it } from 'vitest';
import { committeeEnergy, energy, perceptronEnergy } from '@densebench/core';
import { constraintCount, generate, instanceHash, parseInstance, plantedAssignment, seedText, specProblem, teacherTestSet, writeInstance } from '../src/index.js';

describe('generator determinism', () => {
  // Golden hashes: they pin the documented PRNG, seeding and sampling order (instances/README.md). If one changes,
  // every published instance changes: bump the "v1" in the seed text instead of editing these.
  it.each([
    [{ problem: 'perceptron', n: 201, alpha: 0.3, k: null, seed: 1 }, '32360bb6491c837cda0e3548ea018b17fbde6300714e71b023790d1cc87ecccc'],
    [{ problem: 'teacher-student', n: 101, alpha: 1.2, k: null, seed: 2 }, '35f8e808138fe849b69ac94677945d8ddc699e878c48f36b1962d3b83dbf8c19'],
    [{ problem: 'ksat', n: 200, alpha: 4.2, k: 3, seed: 7 }, 'adb06b268e604f583166e6992ab5e6e1a0333868684b2153b42bbed3698ef561'],
    [{ problem: 'planted-ksat', n: 200, alpha: 4.2, k: 3, seed: 7 }, '911f35f5d014285eedf639f576f48be5411067bf72e5e1785239f8a9e0903d21'],
  ] as const)('%o has its golden hash', (spec, hash) => {
    expect(instanceHash(generate({ ...spec }).instance)).toBe(hash);
  });

  it('writes a small instance exactly as documented', () => {
    expect(writeInstance(generate({ problem: 'ksat', n: 5, alpha: 0.6, k: 3, seed: 1 }).instance)).toBe('p cnf 5 3\n1 3 2 0\n-2 3 -4 0\n-2 -5 -4 0\n');
    expect(writeInstance(generate({ problem: 'perceptron', n: 5, alpha: 0.4, k: null, seed: 1 }).instance)).toBe('p perceptron 5 2\n- --+-+\n+ ---++\n');
    const planted = { problem: 'planted-ksat', n: 5, alpha: 0.6, k: 3, seed: 1 } as const;
    expect(Array.from(plantedAssignment(planted))).toEqual([-1, -1, 1, -1, 1]);
    expect(writeInstance(generate(planted).instance)).toBe('p cnf 5 3\n-1 5 4 0\n4 -1 2 0\n-2 -1 5 0\n');
  });

  it('gives different instances for different seeds, N or α', () => {
    const base = { problem: 'perceptron', n: 51, alpha: 0.5, k: null, seed: 1 } as const;
    const h = instanceHash(generate(base).instance);
    expect(instanceHash(generate({ ...base, seed: 2 }).instance)).not.toBe(h);
    expect(instanceHash(generate({ ...base, alpha: 0.52 }).instance)).not.toBe(h);
    expect(seedText(base)).toBe('densebench:v1:perceptron:n=51:alpha=0.5:seed=1');
  });
});

describe('instance shapes', () => {
  it('uses M = floor(αN + 1/2)', () => {
    expect(constraintCount(201, 0.3)).toBe(60);
    expect(constraintCount(201, 0.5)).toBe(101); // 100.5 rounds up
    expect(generate({ problem: 'perceptron', n: 201, alpha: 0.5, k: null, seed: 1 }).instance).toMatchObject({ n: 201, p: 101 });
  });

  it('draws K distinct variables per clause', () => {
    const { instance } = generate({ problem: 'ksat', n: 4, alpha: 20, k: 4, seed: 3 });
    if (instance.kind !== 'ksat') throw new Error('expected ksat');
    for (let c = 0; c < instance.m; c++) {
      const vars = new Set(Array.from(instance.clauseLiterals.subarray(4 * c, 4 * c + 4), Math.abs));
      expect(vars.size).toBe(4);
    }
  });

  it('labels teacher–student patterns with the teacher, which therefore has zero training and test error', () => {
    const spec = { problem: 'teacher-student', n: 31, alpha: 2, k: null, seed: 5 } as const;
    const { instance, teacher } = generate(spec);
    if (instance.kind !== 'perceptron' || !teacher) throw new Error('expected a teacher');
    expect(perceptronEnergy(instance, teacher)).toBe(0);
    const test = teacherTestSet(spec, teacher, 500);
    expect(energy(test, teacher)).toBe(0);
    const flipped = Int8Array.from(teacher, (w) => -w);
    expect(energy(test, flipped)).toBe(500);
  });

  it('rejects impossible specs with the value at fault', () => {
    expect(specProblem({ problem: 'perceptron', n: 200, alpha: 0.3, k: null, seed: 1 })).toMatch(/N must be odd.*200/);
    expect(specProblem({ problem: 'ksat', n: 2, alpha: 3, k: 3, seed: 1 })).toMatch(/K = 3 exceeds N = 2/);
    expect(specProblem({ problem: 'ksat', n: 10, alpha: -1, k: 3, seed: 1 })).toMatch(/alpha must be a positive number, got -1/);
    expect(() => generate({ problem: 'perceptron', n: 11, alpha: 0.01, k: null, seed: 1 })).toThrow(/rounds to 0 constraints/);
  });
});

describe('committee machines', () => {
  it('count α per synapse (M = α·N·K) and label teacher patterns with the teacher committee', () => {
    const spec = { problem: 'committee-teacher-student', n: 21, alpha: 0.5, k: 3, seed: 1 } as const;
    const { instance, teacher } = generate(spec);
    if (instance.kind !== 'committee' || !teacher) throw new Error('expected a committee with a teacher');
    expect(instance.p).toBe(32); // floor(0.5·21·3 + ½)
    expect(teacher).toHaveLength(63);
    expect(committeeEnergy(instance, teacher)).toBe(0);
    expect(committeeEnergy(teacherTestSet(spec, teacher, 300) as typeof instance, teacher)).toBe(0);
    expect(seedText(spec)).toBe('densebench:v1:committee-teacher-student:n=21:k=3:alpha=0.5:seed=1');
  });

  it('round-trips through the perceptron format with a committee header', () => {
    const { instance } = generate({ problem: 'committee', n: 11, alpha: 0.2, k: 3, seed: 4 });
    const text = writeInstance(instance);
    expect(text.startsWith('p committee 11 3 7\n')).toBe(true);
    const back = parseInstance(text);
    expect(back).toMatchObject({ kind: 'committee', n: 11, hidden: 3, p: 7 });
  });

  it('needs odd N and odd K', () => {
    expect(specProblem({ problem: 'committee', n: 21, alpha: 0.3, k: 4, seed: 1 })).toMatch(/K \(hidden units\) must be odd/);
  });
});
