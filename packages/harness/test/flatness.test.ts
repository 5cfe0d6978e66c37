import { describe, expect, it } from 'vitest';
import { assertRunRecord, flatnessCurve, Rng, type RunRecord } from '@densebench/core';
import { generate, instanceHash } from '@densebench/problems';
import { FLATNESS_DRAWS, FLATNESS_FRACTIONS, measureFlatness } from '../src/index.js';

describe('measureFlatness', () => {
  const { instance } = generate({ problem: 'perceptron', n: 51, alpha: 0.3, k: null, seed: 1 });
  const hash = instanceHash(instance);
  const rng = new Rng('answer');
  const answer = Int8Array.from({ length: 51 }, () => rng.nextSign());

  it('is the flatness curve drawn from a stream seeded by the instance hash alone', () => {
    const expected = flatnessCurve(instance, answer, FLATNESS_FRACTIONS, FLATNESS_DRAWS, new Rng(`densebench:v1:flatness:${hash}`));
    expect(measureFlatness(instance, answer, hash)).toEqual(expected.map((p) => [p.fraction, p.meanErrorRate]));
    expect(measureFlatness(instance, answer, hash)).toEqual(measureFlatness(instance, answer, hash));
  });

  it('a random configuration violates about half the patterns at every fraction (15 patterns × 10 draws: sd ≈ 0.04)', () => {
    for (const [, error] of measureFlatness(instance, answer, hash)) expect(Math.abs(error - 0.5)).toBeLessThan(0.2);
  });

  it('fits the record schema, which also accepts records written before flatness existed', () => {
    const base = {
      schema: 1, id: 'sa/perceptron/n51/a0.3/s1', plugin: 'sa', pluginVersion: '1.1.0', params: {}, problem: 'perceptron', n: 51, alpha: 0.3, k: null, seed: 1,
      instanceHash: hash, status: 'unsolved', energy: 3, wallTimeMs: 1, work: 1, workUnit: 'sweeps', timeLimitS: 1, testError: null, teacherOverlap: null,
      message: null, info: null, trace: null, harnessVersion: '0.1.0', node: 'v20', cpu: 'x', commit: null, startedAt: '2026-11-26T00:00:00Z',
    } satisfies Omit<RunRecord, 'flatness'>;
    expect(() => assertRunRecord(base)).not.toThrow();
    expect(() => assertRunRecord({ ...base, flatness: measureFlatness(instance, answer, hash) })).not.toThrow();
    expect(() => assertRunRecord({ ...base, flatness: [[0.1, 1.5]] })).toThrow(/flatness/);
  });
});
