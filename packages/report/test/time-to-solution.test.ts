// TTS₉₉ and ERT per point, in wall time, work and CPU time, against values computed by hand from the definitions
// (Rønnow et al., Science 345, 420 (2014), eq. for TTS; Hansen et al., Optim. Methods Softw. 36, 114 (2021) for ERT).
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { cpuDeparts, summarize } from '../src/aggregate.js';

function run(alpha: number, seed: number, solved: boolean, wallTimeMs: number, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    schema: 1, id: `sa/ksat/n100/a${alpha}/s${seed}`, plugin: 'sa', pluginVersion: '1', params: {}, problem: 'ksat', n: 100, alpha, k: 3, seed,
    instanceHash: 'e'.repeat(64), status: solved ? 'solved' : 'unsolved', energy: solved ? 0 : 3, wallTimeMs, cpuTimeMs: 2 * wallTimeMs,
    work: 10 * wallTimeMs, workUnit: 'sweeps', timeLimitS: 10, testError: null, teacherOverlap: null, message: null, info: null, trace: null,
    harnessVersion: '0', node: 'v20', cpu: 'c', commit: null, startedAt: 't', ...extra,
  };
}

// α = 4: runs of 10, 20, 30 and 40 ms, the first two solved (p = ½); α = 4.1: the same runs, all solved.
const records = [
  run(4, 1, true, 10), run(4, 2, true, 20), run(4, 3, false, 30), run(4, 4, false, 40),
  run(4.1, 1, true, 10), run(4.1, 2, true, 20), run(4.1, 3, true, 30), run(4.1, 4, true, 40),
];
const [half, all] = summarize(records)[0]!.points;

describe('TTS₉₉ and ERT per point (hand-computed)', () => {
  it('TTS₉₉ = median cost of all runs × log 0.01 / log(1 − p)', () => {
    // Median of 10, 20, 30, 40 ms = 25 ms; log 0.01 / log 0.5 = 6.643856: 166.10 ms.
    expect(half!.tts99.timeS.value).toBeCloseTo(0.025 * 6.643856, 6);
    expect(half!.tts99.work.value).toBeCloseTo(250 * 6.643856, 3);
    expect(half!.tts99.cpuS!.value).toBeCloseTo(0.05 * 6.643856, 6);
    // p = 1 ≥ 0.99: one run, the median cost.
    expect(all!.tts99.timeS.value).toBeCloseTo(0.025, 9);
  });

  it('ERT = total cost of all runs / number solved', () => {
    expect(half!.ert.timeS.value).toBeCloseTo(0.1 / 2, 9);
    expect(half!.ert.work.value).toBeCloseTo(1000 / 2, 9);
    expect(half!.ert.cpuS!.value).toBeCloseTo(0.2 / 2, 9);
    expect(all!.ert.timeS.value).toBeCloseTo(0.1 / 4, 9);
  });

  it('bootstrap intervals bracket the estimate; an end is +∞ when ≥ 2.5% of resamples have no success', () => {
    // A resample of the 4 runs misses both solved ones with probability (1/2)⁴ = 6.25% > 2.5%: the upper end is +∞.
    expect(half!.tts99.timeS.hi).toBe(Number.POSITIVE_INFINITY);
    expect(half!.ert.timeS.hi).toBe(Number.POSITIVE_INFINITY);
    expect(half!.tts99.timeS.lo).toBeLessThanOrEqual(half!.tts99.timeS.value);
    // With every run solved, TTS₉₉ is the median of a resample: between the smallest and the largest run.
    expect(all!.tts99.timeS.lo).toBeGreaterThanOrEqual(0.01);
    expect(all!.tts99.timeS.hi).toBeLessThanOrEqual(0.04);
  });

  it('CPU time: TTS₉₉ and ERT only where every run recorded it, and the CPU/wall ratio', () => {
    expect(half!.cpuWallRatio).toBeCloseTo(2, 12);
    expect(half!.cpuWallS).toBeCloseTo(0.1, 12);
    // Twice the wall time, but over 0.1 s of runs only: too short for the 10 ms CPU clock to tell.
    expect(cpuDeparts(half!)).toBe(false);
    expect(cpuDeparts({ cpuWallRatio: 2, cpuWallS: 5 })).toBe(true);
    expect(cpuDeparts({ cpuWallRatio: 1.4, cpuWallS: 5 })).toBe(false);
    expect(cpuDeparts({ cpuWallRatio: 0.5, cpuWallS: 5 })).toBe(true);
    const older = summarize([run(4, 1, true, 10, { cpuTimeMs: undefined }), run(4, 2, true, 20)])[0]!.points[0]!;
    expect(older.tts99.cpuS).toBeNull();
    expect(older.cpuWallRatio).toBeCloseTo(2, 12); // from the run that has it
  });

  it('a point without a solved run has TTS₉₉ and ERT +∞; a run without work makes them undefined in work', () => {
    const none = summarize([run(4.2, 1, false, 10), run(4.2, 2, false, 10, { work: null })])[0]!.points[0]!;
    expect(none.tts99.timeS.value).toBe(Number.POSITIVE_INFINITY);
    expect(none.ert.timeS.value).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(none.tts99.work.value)).toBe(true);
  });
});
