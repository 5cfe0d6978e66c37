import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { summarize } from '../src/aggregate.js';

function run(alpha: number, seed: number, solvedInSeconds: number | null, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    schema: 1, id: `sa/perceptron/n51/a${alpha}/s${seed}`, plugin: 'sa', pluginVersion: '1', params: {}, problem: 'perceptron', n: 51, alpha, k: null, seed,
    instanceHash: 'b'.repeat(64), status: solvedInSeconds === null ? 'unsolved' : 'solved', energy: solvedInSeconds === null ? 3 : 0,
    wallTimeMs: (solvedInSeconds ?? 5) * 1000, work: solvedInSeconds === null ? 1000 : solvedInSeconds * 100, workUnit: 'sweeps', timeLimitS: 10,
    testError: null, teacherOverlap: null, message: null, info: null, trace: null, harnessVersion: '0', node: 'v20', cpu: 'c', commit: null, startedAt: 't', ...extra,
  };
}

// α = 0.3: 4/4 solved in 1, 2, 3, 4 s; α = 0.4: 2/4 solved in 1, 2 s; α = 0.5: 0/4.
const records = [
  ...[1, 2, 3, 4].map((t, i) => run(0.3, i + 1, t)),
  run(0.4, 1, 1), run(0.4, 2, 2), run(0.4, 3, null), run(0.4, 4, null),
  ...[1, 2, 3, 4].map((_, i) => run(0.5, i + 1, null)),
];

describe('summarize (hand-computed)', () => {
  const [curve] = summarize(records);

  it('success rates with Wilson intervals', () => {
    expect(curve!.points.map((p) => `${p.solved}/${p.runs}`)).toEqual(['4/4', '2/4', '0/4']);
    // Wilson, z = 1.96: 4/4 → [0.510, 1]; 2/4 → [0.150, 0.850]; 0/4 → [0, 0.490].
    expect(curve!.points[0]!.rateLo).toBeCloseTo(0.5101, 3);
    expect(curve!.points[1]!.rateLo).toBeCloseTo(0.15, 3);
    expect(curve!.points[1]!.rateHi).toBeCloseTo(0.85, 3);
    expect(curve!.points[2]!.rateHi).toBeCloseTo(0.4899, 3);
  });

  it('medians count unsolved runs as +∞: defined only above 50% success', () => {
    expect(curve!.points[0]!.medianTimeS).toBe(2.5);
    expect(curve!.points[0]!.medianWork).toBe(250);
    expect(curve!.points[1]!.medianTimeS).toBe(Number.POSITIVE_INFINITY); // 2 of 4: the median touches +∞
    expect(curve!.points[2]!.medianWork).toBe(Number.POSITIVE_INFINITY);
  });

  it('PAR-2 at the 10 s limit', () => {
    expect(curve!.points[0]!.par2S).toBe(2.5);
    expect(curve!.points[1]!.par2S).toBe(10.75); // (1 + 2 + 20 + 20) / 4
    expect(curve!.points[2]!.par2S).toBe(20);
  });

  it('α₅₀ of a separated curve is its bracket; the Wilson crossing stays as the cross-check', () => {
    // Every run solved at 0.3, none at 0.5, both outcomes only at 0.4: no maximum-likelihood fit exists.
    expect(curve).toMatchObject({ alpha50Kind: 'separated', alpha50: null, alpha50Lo: 0.3, alpha50Hi: 0.5, alpha50Slope: null });
    expect(curve!.crossing.alpha50).toBeCloseTo(0.4, 10); // rate 1 → 0.5 → 0: reaches 1/2 exactly at 0.4
    // Lower bounds 0.510 → 0.150: 0.3 + 0.1·(0.0101/0.3601) ≈ 0.3028. Upper bounds 0.850 → 0.490: 0.4 + 0.1·(0.3499/0.36) ≈ 0.4972.
    expect(curve!.crossing.lo).toBeCloseTo(0.3028, 3);
    expect(curve!.crossing.hi).toBeCloseTo(0.4972, 3);
    // Ranked and compared by the bracket, widened to the crossings where they lie outside it; here they lie inside, so
    // the bracket's ends are exclusive (every run at 0.3 solved, none at 0.5): nudged inward by 1e-9.
    expect(curve!.alpha50Compare.lo).toBeCloseTo(0.3, 8);
    expect(curve!.alpha50Compare.lo).toBeGreaterThan(0.3);
    expect(curve!.alpha50Compare.hi).toBeCloseTo(0.5, 8);
    expect(curve!.alpha50Compare.hi).toBeLessThan(0.5);
  });

  it('a bracket from 3 runs per α bounds nothing: its comparison interval is open', () => {
    // 3/3 solved at 0.3 and 0/3 at 0.4: Wilson [0.44, 1] and [0, 0.56] never leave ½ on either side.
    const [few] = summarize([1, 2, 3].flatMap((seed) => [run(0.3, seed, 1), run(0.4, seed, null)]));
    expect(few).toMatchObject({ alpha50Kind: 'separated', alpha50Lo: 0.3, alpha50Hi: 0.4, alpha50Compare: { lo: null, hi: null } });
  });

  it('α₅₀ of a curve that is not separated is the logistic fit: symmetric counts put it at their centre', () => {
    // 9, 7, 5, 3, 1 of 10 solved at α = 0.3 … 0.5: the likelihood is symmetric under α → 0.8 − α with k → n − k, so
    // the maximum (unique: the log-likelihood is concave) lies at α₅₀ = 0.4, and the profile interval is symmetric.
    const counts = [9, 7, 5, 3, 1];
    const records = counts.flatMap((k, i) => Array.from({ length: 10 }, (_, seed) => run(0.3 + 0.05 * i, seed, seed < k ? 1 : null)));
    const [fitted] = summarize(records);
    expect(fitted!.alpha50Kind).toBe('fit');
    expect(fitted!.alpha50).toBeCloseTo(0.4, 6);
    expect(fitted!.alpha50Slope!).toBeLessThan(0);
    expect(fitted!.alpha50Lo! + fitted!.alpha50Hi!).toBeCloseTo(0.8, 4);
    expect(fitted!.alpha50Lo!).toBeGreaterThan(0.3);
    expect(fitted!.alpha50Compare).toEqual({ lo: fitted!.alpha50Lo, hi: fitted!.alpha50Hi });
  });

  it('mean test error with its interval, over the runs that have one', () => {
    const withTeacher = [0.1, 0.2, 0.3].map((e, i) => run(1, i + 1, 1, { problem: 'teacher-student', testError: e, teacherOverlap: 0.5 }));
    const point = summarize(withTeacher)[0]!.points[0]!;
    expect(point.meanTestError).toBeCloseTo(0.2, 12);
    // sd 0.1, standard error 0.0577, t(2) = 4.303 → half-width 0.2484.
    expect(point.testErrorHi! - point.meanTestError!).toBeCloseTo(0.2484, 3);
    expect(summarize(records)[0]!.points[0]!.meanTestError).toBeNull();
  });
});

describe('flatness', () => {
  it('averages the solved runs’ curves fraction by fraction, ignoring unsolved runs and older records without it', () => {
    const [curve] = summarize([
      run(0.3, 1, 1, { flatness: [[0.01, 0], [0.1, 0.2]] }),
      run(0.3, 2, 2, { flatness: [[0.01, 0.1], [0.1, 0.4]] }),
      run(0.3, 3, 3),
      run(0.3, 4, null, { flatness: [[0.01, 0.9], [0.1, 0.9]] }),
      run(0.4, 1, null, { flatness: [[0.01, 0.5], [0.1, 0.5]] }),
    ]);
    const [solvedPoint, unsolvedPoint] = curve!.points;
    expect(solvedPoint!.flatness!.map(([p]) => p)).toEqual([0.01, 0.1]);
    expect(solvedPoint!.flatness![0]![1]).toBeCloseTo(0.05, 12);
    expect(solvedPoint!.flatness![1]![1]).toBeCloseTo(0.3, 12);
    expect(unsolvedPoint!.flatness).toBeNull();
  });
});
