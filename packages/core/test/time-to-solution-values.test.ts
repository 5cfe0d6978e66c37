// TTS₉₉ and ERT against hand-computed values, in time and in work.
import { describe, expect, it } from 'vitest';
import { expectedRunningTime, timeToTarget, tts99 } from '../src/time-to-solution.js';

const run = (status: 'solved' | 'unsolved' | 'timeout' | 'crashed', wallTimeMs: number, work: number | null = wallTimeMs * 100) => ({ status, wallTimeMs, work, cpuTimeMs: wallTimeMs / 2 });

describe('TTS₉₉ = t·log(0.01)/log(1 − p), Rønnow et al. (2014)', () => {
  it('matches the formula', () => {
    // p = ½, t = 20: 20·ln 0.01/ln 0.5 = 20·4.605170/0.693147 = 132.877.
    expect(timeToTarget(0.5, 20)).toBeCloseTo(132.8771, 4);
    // p = 0.9: log(0.01)/log(0.1) = 2 runs exactly.
    expect(timeToTarget(0.9, 7)).toBeCloseTo(14, 12);
    expect(timeToTarget(1, 20)).toBe(20);
    expect(timeToTarget(0.995, 20)).toBe(20); // never less than one run
    expect(timeToTarget(0, 20)).toBe(Number.POSITIVE_INFINITY);
    expect(timeToTarget(0.5, 20, 0.5)).toBe(20);
  });

  it('takes p from the runs and t as the median cost of all of them', () => {
    // 4 runs, 2 solved: p = ½; median of 10, 20, 30, 50 ms = 25 → 25·6.643856 = 166.096.
    const runs = [run('solved', 10), run('unsolved', 20), run('solved', 30), run('timeout', 50)];
    expect(tts99(runs)).toBeCloseTo(166.0964, 4);
    expect(tts99(runs, 'work')).toBeCloseTo(16609.64, 2);
    expect(tts99(runs, 'cpu')).toBeCloseTo(83.0482, 4);
    expect(tts99([run('unsolved', 10)])).toBe(Number.POSITIVE_INFINITY);
    expect(tts99([run('solved', 10), run('solved', 30)])).toBe(20);
  });
});

describe('ERT = Σ cost of all runs / successes, Hansen et al. (COCO)', () => {
  it('matches the hand computation', () => {
    // 10, 20, 30 ms with 2 successes: 60/2 = 30 ms; in work 6000/2 = 3000.
    const runs = [run('solved', 10), run('unsolved', 20), run('solved', 30)];
    expect(expectedRunningTime(runs)).toBe(30);
    expect(expectedRunningTime(runs, 'work')).toBe(3000);
    expect(expectedRunningTime(runs, 'cpu')).toBe(15);
    expect(expectedRunningTime([run('timeout', 10), run('unsolved', 20)])).toBe(Number.POSITIVE_INFINITY);
  });

  it('is undefined (NaN) when a run has no cost in the measure, or there are no runs', () => {
    expect(expectedRunningTime([run('solved', 10), run('crashed', 20, null)], 'work')).toBeNaN();
    expect(expectedRunningTime([run('solved', 10), run('crashed', 20, null)], 'time')).toBe(30);
    expect(tts99([run('solved', 10), run('crashed', 20, null)], 'work')).toBeNaN();
    expect(expectedRunningTime([])).toBeNaN();
  });
});
