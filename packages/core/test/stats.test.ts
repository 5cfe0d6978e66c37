import { describe, expect, it } from 'vitest';
import { crossingAlpha, ecdf, meanInterval, median, medianInterval, par, quantile, studentT975, wilsonInterval } from '../src/stats.js';

describe('wilsonInterval', () => {
  it('matches the closed form for 8 of 10 (z = 1.96)', () => {
    // Wilson (1927): centre (p + z²/2n)/(1 + z²/n), half-width z√(p(1−p)/n + z²/4n²)/(1 + z²/n); for 8/10 ≈ [0.490, 0.943].
    const { lo, hi } = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 3);
    expect(hi).toBeCloseTo(0.9433, 3);
  });

  it('stays inside [0, 1] at the extremes and is not degenerate', () => {
    const none = wilsonInterval(0, 10);
    expect(none.lo).toBe(0);
    expect(none.hi).toBeCloseTo(0.2775, 3);
    const all = wilsonInterval(10, 10);
    expect(all.hi).toBe(1);
    expect(all.lo).toBeCloseTo(0.7225, 3);
    expect(wilsonInterval(0, 0)).toEqual({ lo: 0, hi: 1 });
  });
});

describe('quantiles with unsolved runs as +∞', () => {
  it('interpolates like R type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
  });

  it('has a finite median only above 50% success', () => {
    const inf = Number.POSITIVE_INFINITY;
    expect(median([1, 2, inf])).toBe(2);
    expect(median([1, 2, inf, inf])).toBe(inf);
    expect(median([1, inf, inf])).toBe(inf);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe('ecdf and α₅₀', () => {
  it('ecdf counts unsolved runs in the denominator', () => {
    expect(ecdf([3, Number.POSITIVE_INFINITY, 1, 2])).toEqual({ x: [1, 2, 3], y: [0.25, 0.5, 0.75] });
  });

  it('interpolates the 1/2 crossing of a success curve', () => {
    const points = [
      { alpha: 0.3, rate: 1 },
      { alpha: 0.4, rate: 0.8 },
      { alpha: 0.5, rate: 0.2 },
      { alpha: 0.6, rate: 0 },
    ];
    expect(crossingAlpha(points)).toBeCloseTo(0.45, 10);
    expect(crossingAlpha([{ alpha: 0.3, rate: 1 }, { alpha: 0.4, rate: 0.9 }])).toBeUndefined();
  });
});

describe('mean with a Student-t interval, and PAR-2', () => {
  it('matches a hand computation for 1..5', () => {
    // mean 3, sample sd √2.5 = 1.5811, standard error 0.7071, t(4) = 2.776 → half-width 1.963.
    const { mean, lo, hi } = meanInterval([1, 2, 3, 4, 5]);
    expect(mean).toBe(3);
    expect(lo).toBeCloseTo(1.037, 3);
    expect(hi).toBeCloseTo(4.963, 3);
    expect(Number.isNaN(meanInterval([0.2]).lo)).toBe(true);
  });

  it('uses the t table, then tends to z = 1.96', () => {
    expect(studentT975(1)).toBe(12.706);
    expect(studentT975(30)).toBe(2.042);
    expect(studentT975(1000)).toBeCloseTo(1.962, 3);
  });

  it('PAR-2 counts each failure as twice the time limit', () => {
    expect(par([{ solved: true, seconds: 1, limitSeconds: 10 }, { solved: true, seconds: 3, limitSeconds: 10 }, { solved: false, seconds: 4, limitSeconds: 10 }])).toBe(8);
    expect(par([{ solved: false, seconds: 1, limitSeconds: 10 }], 10)).toBe(100);
  });
});

describe('medianInterval', () => {
  it('takes the order statistics whose binomial coverage first stays at 95% or more', () => {
    // n = 10: P(2 ≤ B ≤ 8) = 1 − 2·11/1024 ≈ 0.979, P(3 ≤ B ≤ 7) = 1 − 2·56/1024 ≈ 0.891, so (x₂, x₉).
    expect(medianInterval([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual({ lo: 2, hi: 9 });
    // n = 6: P(1 ≤ B ≤ 5) = 1 − 2/64 ≈ 0.969: the extremes.
    expect(medianInterval([6, 5, 4, 3, 2, 1])).toEqual({ lo: 1, hi: 6 });
    // n = 40: P(14 ≤ B ≤ 26) ≈ 0.962, P(15 ≤ B ≤ 25) ≈ 0.919, so (x₁₄, x₂₇).
    expect(medianInterval(Array.from({ length: 40 }, (_, i) => i + 1))).toEqual({ lo: 14, hi: 27 });
  });

  it('is unbounded below six values, and keeps +∞ (unsolved) ends', () => {
    expect(medianInterval([1, 2, 3, 4, 5])).toEqual({ lo: -Infinity, hi: Infinity });
    expect(medianInterval([1, 2, 3, 4, 5, 6, 7, 8, Infinity, Infinity])).toEqual({ lo: 2, hi: Infinity });
  });

  it('works for large samples without underflow', () => {
    const { lo, hi } = medianInterval(Array.from({ length: 2000 }, (_, i) => i));
    // Normal approximation: ranks 1000 ± 1.96·√2000/2 ≈ 1000 ± 43.8.
    expect(lo).toBeGreaterThanOrEqual(954);
    expect(lo).toBeLessThanOrEqual(958);
    expect(hi).toBe(1999 - lo);
  });
});
