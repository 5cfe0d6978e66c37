// A finite-size fit that does not constrain α∞ says so: too few points for its 3 parameters, ν at an end of its range,
// α∞'s interval wider than the measured α₅₀ span; and fewer than 3 sizes with a finite interval fit nothing.
import { expect, it } from 'vitest';
import { fitFiniteSize } from '../src/finite-size.js';

const point = (n: number, alpha50: number, sigma = 0.01) => ({ n, alpha50, lo: alpha50 - 1.96 * sigma, hi: alpha50 + 1.96 * sigma });

it('warns that 3 sizes fit exactly and leave α∞ unconstrained', () => {
  const fit = fitFiniteSize([point(100, 4.0), point(200, 4.1), point(400, 4.15)]);
  expect(fit.kind).toBe('fit');
  if (fit.kind !== 'fit') return;
  expect(fit.dof).toBe(0);
  expect(fit.chi2).toBeLessThan(1e-9);
  expect(fit.warnings.some((w) => w.includes('3 points for 3 parameters'))).toBe(true);
});

it('warns when ν runs to the end of its range (a threshold that grows like log N, with no limit in sight)', () => {
  const fit = fitFiniteSize([100, 200, 400, 800, 1600].map((n) => point(n, 4 + 0.1 * Math.log2(n / 100))));
  expect(fit.kind).toBe('fit');
  if (fit.kind !== 'fit') return;
  expect(fit.nu).toBeCloseTo(10, 6);
  expect(fit.warnings.some((w) => w.includes('at an end of its range'))).toBe(true);
  expect(fit.warnings.some((w) => w.includes('wider than the span'))).toBe(true);
});

it('leaves out points without a finite interval, and fits nothing below 3 sizes', () => {
  const fit = fitFiniteSize([point(100, 4.2), point(200, 4.21), { n: 400, alpha50: 4.2, lo: 4.1, hi: Number.POSITIVE_INFINITY }]);
  expect(fit).toEqual({
    kind: 'too-few-sizes',
    sizes: 2,
    warnings: ['N = 400 left out: its α₅₀ has no finite interval', '2 size(s) with a finite α₅₀ interval; a finite-size fit needs at least 3'],
  });
});
