// The percentile bootstrap interval of a mean agrees with the normal-theory interval on a large Gaussian sample, and is
// reproducible from its seed.
import { expect, it } from 'vitest';
import { bootstrapInterval } from '../src/bootstrap.js';
import { Rng } from '../src/rng.js';

it('matches mean ± 1.96·s/√n for the mean of 400 standard normal values', () => {
  const rng = new Rng('bootstrap-normal');
  const values = Array.from({ length: 400 }, () => rng.nextGaussian());
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const m = mean(values);
  const s = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
  const half = (1.96 * s) / Math.sqrt(values.length); // ≈ 0.098
  const { lo, hi } = bootstrapInterval(values, mean, { resamples: 2000, seed: 'x' });
  // Monte Carlo error of a 2.5% quantile from 2000 resamples is ≈ 0.1 × half-width; allow 0.15.
  expect(lo).toBeCloseTo(m - half, 1);
  expect(Math.abs(lo - (m - half))).toBeLessThan(0.15 * half);
  expect(Math.abs(hi - (m + half))).toBeLessThan(0.15 * half);
  expect(bootstrapInterval(values, mean, { resamples: 2000, seed: 'x' })).toEqual({ lo, hi });
  expect(bootstrapInterval([], mean)).toEqual({ lo: Number.NaN, hi: Number.NaN });
});
