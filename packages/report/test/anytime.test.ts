// The anytime (fixed-budget) curves: best energy so far against work, median and quartiles over the runs, by hand.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { anytimeCurve, bestAt, bestSoFar } from '../src/anytime.js';

function run(seed: number, trace: [number, number][] | null, work: number | null, energy: number | null): RunRecord {
  return {
    schema: 1, id: `sa/${seed}`, plugin: 'sa', pluginVersion: '1', params: {}, problem: 'ksat', n: 100, alpha: 4, k: 3, seed, instanceHash: null,
    status: energy === 0 ? 'solved' : energy === null ? 'timeout' : 'unsolved', energy, wallTimeMs: 1, work, workUnit: 'sweeps', timeLimitS: 1,
    testError: null, teacherOverlap: null, message: null, info: null, trace, harnessVersion: '0', node: 'v20', cpu: 'c', commit: null, startedAt: 't',
  };
}

// A reports 10, 4, 6 at work 1, 5, 10 and ends unsolved at 10 with 6; B reports 8 at 2 and is solved at work 4; C timed
// out without a report.
const a = run(1, [[1, 10], [5, 4], [10, 6]], 10, 6);
const b = run(2, [[2, 8]], 4, 0);
const c = run(3, null, null, null);

describe('anytime curves', () => {
  it('a run\'s best energy so far: the least it had reported by then, +∞ before its first report, its final best after its end', () => {
    expect(bestSoFar(a)).toEqual([[1, 10], [5, 4], [10, 4], [10, 4]]);
    expect([0.5, 1, 4.9, 5, 100].map((w) => bestAt(bestSoFar(a), w))).toEqual([Number.POSITIVE_INFINITY, 10, 10, 4, 4]);
    expect([1, 2, 4, 100].map((w) => bestAt(bestSoFar(b), w))).toEqual([Number.POSITIVE_INFINITY, 8, 0, 0]);
    expect(bestAt(bestSoFar(c), 100)).toBe(Number.POSITIVE_INFINITY);
  });

  it('median and quartiles over the runs (type 7), +∞ written null, on a log grid from the least to the largest work', () => {
    const curve = anytimeCurve([a, b, c])!;
    expect(curve).toMatchObject({ runs: 3, traced: 2 });
    expect(curve.points).toHaveLength(40);
    // Work 1: A 10, B and C +∞ — the first quartile interpolates between 10 and +∞: +∞.
    expect(curve.points[0]).toEqual([1, null, null, null]);
    // Work 10: A 4, B 0, C +∞ — quartiles of (0, 4, ∞): 0 + ½·4 = 2, the median 4, the third +∞.
    expect(curve.points.at(-1)).toEqual([10, 2, 4, null]);
    // Budgets evenly spaced in log work.
    expect(curve.points[1]![0]).toBeCloseTo(Math.pow(10, 1 / 39), 3);
  });

  it('no curve without a trace', () => {
    expect(anytimeCurve([c, run(4, null, 5, 0)])).toBeNull();
  });
});
