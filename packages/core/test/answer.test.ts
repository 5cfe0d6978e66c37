import { describe, expect, it } from 'vitest';
import { assertLocalEntropyRecord, decodeAnswer, encodeAnswer, localEntropyKey, Rng, type LocalEntropyRecord } from '../src/index.js';

describe('stored answers', () => {
  it('round-trips ±1 assignments of every length modulo 8, one bit per variable', () => {
    const rng = new Rng('answer-test');
    for (const n of [1, 7, 8, 9, 31, 1001]) {
      const x = new Int8Array(n);
      for (let i = 0; i < n; i++) x[i] = rng.nextSign();
      const text = encodeAnswer(x);
      expect(Buffer.from(text, 'base64').length).toBe(Math.ceil(n / 8));
      expect(decodeAnswer(text, n)).toEqual(x);
    }
    // Bit i of byte i >> 3 is variable i: x = (+1, −1, −1, +1) is 0b1001.
    expect(encodeAnswer(Int8Array.from([1, -1, -1, 1]))).toBe(Buffer.from([0b1001]).toString('base64'));
  });

  it('refuses text that does not hold exactly N variables', () => {
    const text = encodeAnswer(new Int8Array(16).fill(1));
    expect(() => decodeAnswer(text, 24)).toThrow(/does not encode 24 variables \(3 bytes/);
    expect(() => decodeAnswer(text, 12)).toThrow(/does not encode 12 variables|bits set beyond variable 12/);
    expect(() => decodeAnswer(encodeAnswer(new Int8Array(8).fill(1)), 5)).toThrow(/bits set beyond variable 5/);
    expect(() => decodeAnswer('not base64!', 8)).toThrow(/does not encode 8 variables/);
  });
});

describe('local-entropy records', () => {
  const record: LocalEntropyRecord = {
    schema: 1, runId: 'fbp/teacher-student/n401/a0.4/s1', reference: 'fbp', problem: 'teacher-student', n: 401, alpha: 0.4, k: null, seed: 1,
    instanceHash: 'a'.repeat(64), estimator: { accuracy: 'gaussian', epsilon: 1e-6, maxSweeps: 2000, damping: 0.5 },
    points: [{ gamma: 1, distance: 0.08, localEntropy: 0.25, converged: true }, { gamma: 3, distance: null, localEntropy: null, converged: false }], elapsedMs: 3000,
  };

  it('validates, naming the field at fault', () => {
    expect(() => assertLocalEntropyRecord(record, 'x')).not.toThrow();
    expect(() => assertLocalEntropyRecord({ ...record, points: [{ gamma: 1, distance: 0.1, converged: true }] }, 'file:3')).toThrow(/file:3.*localEntropy/);
    expect(() => assertLocalEntropyRecord({ ...record, problem: 'sudoku' }, 'file:4')).toThrow(/file:4.*problem/);
  });

  it('keys a run by its id and a planted configuration by its instance', () => {
    expect(localEntropyKey(record)).toBe(record.runId);
    expect(localEntropyKey({ ...record, runId: null })).toBe('planted/teacher-student/n401/a0.4/s1');
    expect(localEntropyKey({ ...record, runId: null, problem: 'planted-ksat', k: 3, alpha: 4.2 })).toBe('planted/planted-ksat/n401/k3/a4.2/s1');
  });
});
