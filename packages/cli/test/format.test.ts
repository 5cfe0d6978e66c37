import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { summarize } from '@densebench/report';
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

const run = (plugin: string, alpha: number, seed: number, solved: boolean, status: RunRecord['status'] = solved ? 'solved' : 'unsolved', seconds = 2): RunRecord => ({
  schema: 1, id: `${plugin}/perceptron/n101/a${alpha}/s${seed}`, plugin, pluginVersion: '1', params: {}, problem: 'perceptron', n: 101, alpha, k: null, seed,
  instanceHash: 'a'.repeat(64), status, energy: solved ? 0 : 2, wallTimeMs: seconds * 1000, work: solved ? 2_500_000 : null, workUnit: 'flips', timeLimitS: 10,
  testError: null, teacherOverlap: null, message: null, info: null, trace: null, harnessVersion: '0', node: 'v20', cpu: 'c', commit: null, startedAt: 't',
});

describe('summaryTable', () => {
  // α = 0.3: 2/2 solved in 2 s; α = 0.5: none, one timeout.
  const curves = summarize([run('sa', 0.3, 1, true), run('sa', 0.3, 2, true), run('sa', 0.5, 1, false), run('sa', 0.5, 2, false, 'timeout')]);

  it('writes the numbers as the report does, TTS₉₉ with its bootstrap interval', () => {
    const table = summaryTable(curves);
    // Every run solved in 2 s: TTS₉₉ is one run, 2 s, and so is every resample's.
    expect(table).toMatch(/^sa\s+perceptron\s+101\s+0\.3\s+2\/2\s+1\.00 \[0\.34, 1\.00\]\s+2\.00 s\s+2\.5e\+6 flips\s+2\.00 s \[2\.00 s, 2\.00 s\]\s*$/m);
    expect(table).toMatch(/^sa\s+perceptron\s+101\s+0\.5\s+0\/2\s+0\.00 \[0\.00, 0\.66\]\s+—\s+—\s+∞\s+1 timeout$/m);
  });

  it('ends with the leaderboard of each group: α₅₀ from the fit, the Wilson crossing beside it', () => {
    const table = summaryTable(curves);
    expect(table).toContain('perceptron, N = 101: ranked where the 95% intervals of α₅₀ separate\n');
    // 2/2 solved at 0.3 and 0/2 at 0.5: separated, the bracket; the crossing's ends lie beyond the range at 2 runs.
    expect(table).toMatch(/^1\s+sa\s+0\.3–0\.5 \(separated\)\s+0\.4 \[< 0\.3, > 0\.5\]$/m);
  });

  it('shows identical records (16/18 each) as a tie, not as first and second', () => {
    const outcomes = (plugin: string, seconds: number) => [
      ...Array.from({ length: 9 }, (_, seed) => run(plugin, 4, seed, true, 'solved', seconds)),
      ...Array.from({ length: 9 }, (_, seed) => run(plugin, 4.2, seed, seed < 7, seed < 7 ? 'solved' : 'unsolved', seconds)),
    ];
    const table = summaryTable(summarize([...outcomes('fms', 2), ...outcomes('walksat', 1), ...Array.from({ length: 18 }, (_, i) => run('lazy', i < 9 ? 4 : 4.2, i % 9, false))]));
    expect(table).toContain('perceptron, N = 101: ranked where the 95% intervals of α₅₀ separate (= : tied)');
    const board = table.slice(table.indexOf('\nrank ') + 1).split('\n').slice(2).map((line) => line.split(/\s{2,}/).slice(0, 2).join(' '));
    expect(board).toEqual(['=1 walksat', '=1 fms', '3 lazy']);
  });
});
