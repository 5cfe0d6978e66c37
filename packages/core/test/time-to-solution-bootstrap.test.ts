// Bootstrap 95% intervals of TTS₉₉ and ERT: reproducible from the seed, around the point estimate, +∞ at the top where
// resamples without a success are common.
import { expect, it } from 'vitest';
import { Rng } from '../src/rng.js';
import { ertEstimate, tts99Estimate } from '../src/time-to-solution.js';

function runs(seed: string, count: number, p: number) {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => {
    const solved = rng.nextFloat() < p;
    const wallTimeMs = solved ? 5 + 10 * rng.nextFloat() : 100; // failures run to a 100 ms budget
    return { status: solved ? ('solved' as const) : ('unsolved' as const), wallTimeMs, work: Math.round(wallTimeMs * 1000) };
  });
}

it('contains the point estimate and is reproducible', () => {
  const sample = runs('tts-bootstrap', 40, 0.7);
  for (const measure of ['time', 'work'] as const) {
    for (const estimate of [tts99Estimate, ertEstimate]) {
      const e = estimate(sample, { measure, resamples: 1000, seed: 'test' });
      expect(e.lo).toBeLessThanOrEqual(e.value);
      expect(e.value).toBeLessThanOrEqual(e.hi);
      expect(Number.isFinite(e.hi)).toBe(true);
      expect(e.hi).toBeGreaterThan(e.lo);
      expect(estimate(sample, { measure, resamples: 1000, seed: 'test' })).toEqual(e);
    }
  }
  const e = ertEstimate(sample, { resamples: 1000, seed: 'test' });
  expect(e).toMatchObject({ measure: 'time', runs: 40, solved: sample.filter((r) => r.status === 'solved').length });
});

it('has a +∞ upper end when resamples without a success are likely', () => {
  // 1 success in 10 runs: a resample misses it with probability 0.9¹⁰ = 0.35 > 2.5%.
  const sample = [{ status: 'solved' as const, wallTimeMs: 10, work: 1 }, ...Array.from({ length: 9 }, () => ({ status: 'timeout' as const, wallTimeMs: 100, work: 10 }))];
  const ert = ertEstimate(sample, { resamples: 2000, seed: 'test' });
  expect(ert.value).toBe(910);
  expect(Number.isFinite(ert.lo)).toBe(true);
  expect(ert.hi).toBe(Number.POSITIVE_INFINITY);
  const tts = tts99Estimate(sample, { resamples: 2000, seed: 'test' });
  // p = 0.1, t = 100: 100·ln 0.01/ln 0.9 = 4370.9.
  expect(tts.value).toBeCloseTo(4370.9, 1);
  expect(tts.hi).toBe(Number.POSITIVE_INFINITY);
});
