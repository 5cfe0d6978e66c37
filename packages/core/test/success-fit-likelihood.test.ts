// The fitted α₅₀ maximises the binomial likelihood written from its definition, and the ends of its 95% interval are
// where the profile log-likelihood — maximised over the slope by a golden-section search, independent of the code's
// Fisher scoring — has fallen by χ²₁(0.95)/2 = 1.9207.
import { describe, expect, it } from 'vitest';
import { fitSuccessCurve, fittedSuccessRate, type SuccessCount, type SuccessLink } from '../src/success-fit.js';

// A falling curve with overlapping outcomes (10 runs per α), so the MLE exists.
const CURVE: SuccessCount[] = [
  { alpha: 4.0, solved: 10, runs: 10 },
  { alpha: 4.1, solved: 8, runs: 10 },
  { alpha: 4.2, solved: 6, runs: 10 },
  { alpha: 4.3, solved: 3, runs: 10 },
  { alpha: 4.4, solved: 1, runs: 10 },
  { alpha: 4.5, solved: 0, runs: 10 },
];

function normalCdf(x: number): number {
  const z = Math.abs(x);
  const m = 2000;
  const h = 16 / m;
  let sum = 0;
  for (let i = 0; i <= m; i++) sum += (i === 0 || i === m ? 1 : i % 2 ? 4 : 2) * Math.exp(-0.5 * (z + i * h) ** 2);
  const tail = (sum * h) / 3 / Math.sqrt(2 * Math.PI);
  return x < 0 ? tail : 1 - tail;
}

const CDF: Record<SuccessLink, (eta: number) => number> = { logistic: (eta) => 1 / (1 + Math.exp(-eta)), probit: normalCdf };

/** ℓ(α₅₀, β) = Σ k log F(β(α − α₅₀)) + (n − k) log(1 − F(β(α − α₅₀))). */
function logLikelihood(link: SuccessLink, alpha50: number, beta: number): number {
  let sum = 0;
  for (const { alpha, solved, runs } of CURVE) {
    const p = CDF[link](beta * (alpha - alpha50));
    sum += solved * Math.log(p) + (runs - solved) * Math.log(1 - p);
  }
  return sum;
}

/** max over β ∈ [−200, 0] by golden-section search (ℓ is concave in β). */
function profile(link: SuccessLink, alpha50: number): number {
  let a = -200, b = 0;
  const g = (Math.sqrt(5) - 1) / 2;
  while (b - a > 1e-9) {
    const c = b - g * (b - a), d = a + g * (b - a);
    if (logLikelihood(link, alpha50, c) > logLikelihood(link, alpha50, d)) b = d;
    else a = c;
  }
  return logLikelihood(link, alpha50, (a + b) / 2);
}

describe.each(['logistic', 'probit'] as const)('%s fit', (link) => {
  const fit = fitSuccessCurve(CURVE, { link });
  if (fit.kind !== 'fit') throw new Error('expected a fit');

  it('maximises the likelihood', () => {
    expect(fit.logLikelihood).toBeCloseTo(logLikelihood(link, fit.alpha50, fit.slope), 5);
    for (const [dAlpha, dBeta] of [[1e-3, 0], [-1e-3, 0], [0, 0.05], [0, -0.05], [1e-3, 0.05], [-1e-3, -0.05]] as const) {
      expect(logLikelihood(link, fit.alpha50 + dAlpha, fit.slope + dBeta)).toBeLessThan(logLikelihood(link, fit.alpha50, fit.slope) + 1e-9);
    }
    expect(profile(link, fit.alpha50)).toBeCloseTo(logLikelihood(link, fit.alpha50, fit.slope), 5);
    expect(fit.slope).toBeLessThan(0);
    expect(fittedSuccessRate(fit, fit.alpha50)).toBeCloseTo(0.5, 7); // the probit erfc is good to 1.2e−7
  });

  it('puts the interval ends where the profile has fallen by 1.92', () => {
    expect(fit.lo).toBeLessThan(fit.alpha50);
    expect(fit.hi).toBeGreaterThan(fit.alpha50);
    const top = profile(link, fit.alpha50);
    expect(top - profile(link, fit.lo)).toBeCloseTo(1.9207, 3);
    expect(top - profile(link, fit.hi)).toBeCloseTo(1.9207, 3);
  });
});

it('leaves an end open when the profile does not fall by 1.92 inside the range', () => {
  // Two αs only (6/10, 3/10): the crossing is somewhere near 4.24, but the profile stays within 1.92 of its maximum to
  // both ends of [4.2, 4.3].
  const sparse = fitSuccessCurve(CURVE.slice(2, 4));
  expect(sparse.kind).toBe('fit');
  expect(sparse.lo).toBe(Number.NEGATIVE_INFINITY);
  expect(sparse.hi).toBe(Number.POSITIVE_INFINITY);
  // Searched in [4.0, 4.1] only, below the whole interval (≈ [4.17, 4.28]): the set starts beyond the range's upper end.
  const below = fitSuccessCurve(CURVE, { range: { lo: 4.0, hi: 4.1 } });
  expect(below.lo).toBe(4.1);
  expect(below.hi).toBe(Number.POSITIVE_INFINITY);
});
