import { describe, expect, it } from 'vitest';
import { erf, logGaussianTail } from '../src/special.js';

describe('special functions', () => {
  it('erf and ln H match reference values', () => {
    expect(erf(1)).toBeCloseTo(0.842700792949715, 6);
    expect(erf(-1)).toBeCloseTo(-0.842700792949715, 6);
    expect(Math.exp(logGaussianTail(0))).toBeCloseTo(0.5, 7);
    expect(Math.exp(logGaussianTail(5)) / 2.866515718791939e-7).toBeCloseTo(1, 6);
    // Far tail without underflow: ln H(40) = −800 − ln(40√(2π)) − 1/40² + O(x⁻⁴).
    expect(logGaussianTail(40)).toBeCloseTo(-800 - Math.log(40 * Math.sqrt(2 * Math.PI)) - 1 / 1600, 4);
    // H(−x) = 1 − H(x): log1p keeps the tiny deficit from 1.
    expect(logGaussianTail(-5)).toBeCloseTo(-2.866515718791939e-7, 12);
    expect(logGaussianTail(-40)).toBeCloseTo(0, 12);
  });
});
