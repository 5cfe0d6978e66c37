// Separated curves have no maximum-likelihood α₅₀ (the slope runs to infinity): the fit reports the interval between
// the last all-solved and the first all-unsolved α instead of a point, flagged 'separated'.
import { describe, expect, it } from 'vitest';
import { fitSuccessCurve } from '../src/success-fit.js';

const inf = Number.POSITIVE_INFINITY;
const at = (alpha: number, solved: number, runs = 5) => ({ alpha, solved, runs });

describe('separated success curves', () => {
  it('brackets a complete separation by the last all-solved and first all-unsolved α', () => {
    const fit = fitSuccessCurve([at(4.0, 5), at(4.1, 5), at(4.2, 0), at(4.3, 0)]);
    expect(fit).toMatchObject({ kind: 'separated', lo: 4.1, hi: 4.2, falling: true, runs: 20, solved: 10 });
  });

  it('brackets a quasi-complete separation (outcomes overlap at one α only) by its neighbours', () => {
    expect(fitSuccessCurve([at(4.0, 5), at(4.1, 3), at(4.2, 0)])).toMatchObject({ kind: 'separated', lo: 4.0, hi: 4.2 });
    // The mixed α is the first one run: nothing below it was all solved.
    expect(fitSuccessCurve([at(4.1, 3), at(4.2, 0)])).toMatchObject({ kind: 'separated', lo: -inf, hi: 4.2 });
  });

  it('places a one-outcome curve beyond the range run, and a single α anywhere', () => {
    expect(fitSuccessCurve([at(4.0, 5), at(4.1, 5)])).toMatchObject({ kind: 'separated', lo: 4.1, hi: inf });
    expect(fitSuccessCurve([at(4.0, 0), at(4.1, 0)])).toMatchObject({ kind: 'separated', lo: -inf, hi: 4.0 });
    expect(fitSuccessCurve([at(4.0, 2)])).toMatchObject({ kind: 'separated', lo: -inf, hi: inf });
  });

  it('recognises a rising separation', () => {
    expect(fitSuccessCurve([at(1, 0), at(2, 0), at(3, 5)], { link: 'probit' })).toMatchObject({ kind: 'separated', lo: 2, hi: 3, falling: false, link: 'probit' });
  });

  it('fits once one run breaks the separation', () => {
    const fit = fitSuccessCurve([at(4.0, 5), at(4.1, 4), at(4.2, 1), at(4.3, 0)]);
    expect(fit.kind).toBe('fit');
    if (fit.kind === 'fit') expect(fit.alpha50).toBeCloseTo(4.15, 10); // symmetric data: ℓ is symmetric about 4.15
  });
});
