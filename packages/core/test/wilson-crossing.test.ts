// The Wilson-crossing α₅₀ (densebench's earlier estimate, kept as a cross-check of the fit): where the success rate and
// the ends of its 95% Wilson bands cross ½, by linear interpolation between the αs run.
import { expect, it } from 'vitest';
import { fitSuccessCurve, wilsonCrossingAlpha50 } from '../src/success-fit.js';

it('interpolates the crossings of the rate and of its Wilson bands', () => {
  const points = [
    { alpha: 4.0, solved: 10, runs: 10 },
    { alpha: 4.2, solved: 8, runs: 10 },
    { alpha: 4.4, solved: 2, runs: 10 },
    { alpha: 4.6, solved: 0, runs: 10 },
  ];
  const crossing = wilsonCrossingAlpha50(points);
  // Rate: 0.8 → 0.2 between 4.2 and 4.4, ½ at the midpoint.
  expect(crossing.alpha50).toBeCloseTo(4.3, 12);
  // Wilson 95% for 8/10 is [0.4902, 0.9433] and for 2/10 [0.0567, 0.5098] (stats.test.ts): the lower band crosses ½
  // between 4.0 (0.7225) and 4.2 (0.4902), the upper one between 4.4 (0.5098) and 4.6 (0.2775).
  expect(crossing.lo).toBeCloseTo(4.0 + (0.2 * (0.7225 - 0.5)) / (0.7225 - 0.4902), 3);
  expect(crossing.hi).toBeCloseTo(4.4 + (0.2 * (0.5098 - 0.5)) / (0.5098 - 0.2775), 3);
  // The fit agrees with it here (symmetric data: the MLE is the midpoint).
  const fit = fitSuccessCurve(points);
  expect(fit.kind === 'fit' && fit.alpha50).toBeCloseTo(4.3, 10);
});

it('is null where a curve does not cross ½ inside the range run', () => {
  // 3/3 then 2/3: the rate stays above ½; the lower Wilson band starts below it (0.44), the upper one never falls to it.
  expect(wilsonCrossingAlpha50([{ alpha: 4, solved: 3, runs: 3 }, { alpha: 4.2, solved: 2, runs: 3 }])).toEqual({ alpha50: null, lo: null, hi: null });
});
