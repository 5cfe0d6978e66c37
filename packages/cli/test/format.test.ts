import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { alpha50Text, summarize } from '@densebench/report';
import { formatSeconds, summaryTable } from '../src/format.js';

describe('formatSeconds', () => {
  it('picks a unit and never prints 60 seconds', () => {
    expect(formatSeconds(0.0123)).toBe('12.3 ms');
    expect(formatSeconds(3.456)).toBe('3.46 s');
    expect(formatSeconds(42.42)).toBe('42.4 s');
    expect(formatSeconds(599.6)).toBe('10 min 00 s');
    expect(formatSeconds(125)).toBe('2 min 05 s');
    expect(formatSeconds(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('summaryTable', () => {
  const run = (alpha: number, seed: number, solved: boolean, status: RunRecord['status'] = solved ? 'solved' : 'unsolved'): RunRecord => ({
    schema: 1, id: `sa/perceptron/n101/a${alpha}/s${seed}`, plugin: 'sa', pluginVersion: '1', params: {}, problem: 'perceptron', n: 101, alpha, k: null, seed,
    instanceHash: 'a'.repeat(64), status, energy: solved ? 0 : 2, wallTimeMs: 2000, work: solved ? 2_500_000 : null, workUnit: 'flips', timeLimitS: 10,
    testError: null, teacherOverlap: null, message: null, info: null, trace: null, harnessVersion: '0', node: 'v20', cpu: 'c', commit: null, startedAt: 't',
  });
  // α = 0.3: 2/2 solved; α = 0.5: none, one timeout. α₅₀ = 0.4.
  const curves = summarize([run(0.3, 1, true), run(0.3, 2, true), run(0.5, 1, false), run(0.5, 2, false, 'timeout')]);

  it('writes the numbers as the report does', () => {
    const table = summaryTable(curves);
    expect(table).toMatch(/^sa\s+perceptron\s+101\s+0\.3\s+2\/2\s+1\.00 \[0\.34, 1\.00\]\s+2\.00 s\s+2\.5e\+6 flips\s*$/m);
    expect(table).toMatch(/^sa\s+perceptron\s+101\s+0\.5\s+0\/2\s+0\.00 \[0\.00, 0\.66\]\s+—\s+—\s+1 timeout$/m);
    expect(table.endsWith(`α₅₀(sa, perceptron, N=101) = ${alpha50Text(curves[0]!)}`)).toBe(true);
    expect(alpha50Text(curves[0]!)).toBe('0.4 [< 0.3, > 0.5]');
  });
});
