// A finite-size fit recovers a known α∞ from synthetic α₅₀(N) = α∞ + a·N^(−1/ν) with Gaussian noise of a stated size.
import { describe, expect, it } from 'vitest';
import { finiteSizeCurve, fitFiniteSize, type SizePoint } from '../src/finite-size.js';
import { Rng } from '../src/rng.js';

const TRUTH = { alphaInfinity: 4.267, a: -3, nu: 2 };
const SIZES = [50, 100, 200, 400, 800, 1600];
const SIGMA = 0.01; // noise of each α₅₀, and its interval α₅₀ ± 1.96σ

function synthetic(rng: Rng): SizePoint[] {
  return SIZES.map((n) => {
    const alpha50 = finiteSizeCurve(TRUTH, n) + SIGMA * rng.nextGaussian();
    return { n, alpha50, lo: alpha50 - 1.96 * SIGMA, hi: alpha50 + 1.96 * SIGMA };
  });
}

describe('finite-size fit on synthetic data (α∞ = 4.267, a = −3, ν = 2, σ = 0.01, N = 50…1600)', () => {
  it('recovers α∞ inside its interval, without warnings', () => {
    const fit = fitFiniteSize(synthetic(new Rng('finite-size-recovery')));
    if (fit.kind !== 'fit') throw new Error(fit.warnings.join('; '));
    expect(fit.warnings).toEqual([]);
    expect(fit.lo).toBeLessThanOrEqual(TRUTH.alphaInfinity);
    expect(fit.hi).toBeGreaterThanOrEqual(TRUTH.alphaInfinity);
    expect(fit.hi - fit.lo).toBeLessThan(0.2);
    expect(fit.dof).toBe(3);
  });

  it('covers α∞ at 95% ± 3 binomial standard deviations over 200 synthetic data sets', () => {
    // √(0.95·0.05/200) = 0.0154: accept [0.904, 0.996]. (0.96 over 400 sets: the Birge widening errs on the safe side.)
    const rng = new Rng('finite-size-coverage');
    const repetitions = 200;
    let covered = 0;
    for (let rep = 0; rep < repetitions; rep++) {
      const fit = fitFiniteSize(synthetic(rng));
      if (fit.kind === 'fit' && fit.lo <= TRUTH.alphaInfinity && TRUTH.alphaInfinity <= fit.hi) covered++;
    }
    const sd = Math.sqrt((0.95 * 0.05) / repetitions);
    if (process.env.DENSEBENCH_PRINT_COVERAGE) console.log({ coverage: covered / repetitions });
    expect(covered / repetitions).toBeGreaterThanOrEqual(0.95 - 3 * sd);
    expect(covered / repetitions).toBeLessThanOrEqual(0.95 + 3 * sd);
  });

  it('fits noiseless data exactly', () => {
    const fit = fitFiniteSize(SIZES.map((n) => ({ n, alpha50: finiteSizeCurve(TRUTH, n), lo: finiteSizeCurve(TRUTH, n) - 0.02, hi: finiteSizeCurve(TRUTH, n) + 0.02 })));
    if (fit.kind !== 'fit') throw new Error('expected a fit');
    expect(fit.alphaInfinity).toBeCloseTo(TRUTH.alphaInfinity, 6);
    expect(fit.a).toBeCloseTo(TRUTH.a, 4);
    expect(fit.nu).toBeCloseTo(TRUTH.nu, 4);
    expect(fit.chi2).toBeLessThan(1e-12);
  });
});
