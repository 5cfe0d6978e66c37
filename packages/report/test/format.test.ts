// The report's one way of writing each number: the page, its charts, summary.md and the CLI all call these.
import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '@densebench/core';
import { FAILURE_STATUSES, isFailure } from '../src/failures.js';
import { alpha50Text, costText, crossingText, formatNumber, placeText, rankText, rateText, testErrorText } from '../src/format.js';

/** A curve run at α = 3.8 … 4.3 (only what alpha50Text reads). */
const fit = (alpha50: number | null, lo: number | null, hi: number | null) =>
  ({ alpha50Kind: 'fit' as const, alpha50, alpha50Lo: lo, alpha50Hi: hi, points: [3.8, 3.9, 4, 4.1, 4.2, 4.3].map((alpha) => ({ alpha })) });
const separated = (lo: number | null, hi: number | null) => ({ ...fit(null, lo, hi), alpha50Kind: 'separated' as const });

describe('formatNumber', () => {
  it('writes three significant digits, without trailing zeros', () => {
    expect(formatNumber(0.0441)).toBe('0.0441');
    expect(formatNumber(14.63)).toBe('14.6');
    expect(formatNumber(120)).toBe('120');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999_499)).toBe('999000');
  });

  it('switches to exponent notation outside [1e-3, 1e6)', () => {
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(0.00035)).toBe('3.5e-4');
    expect(formatNumber(1_090_000)).toBe('1.09e+6');
    expect(formatNumber(3e6)).toBe('3e+6');
    expect(formatNumber(-2.5e-5)).toBe('-2.5e-5');
  });

  it('writes "—" for no value', () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatNumber(v)).toBe('—');
  });
});

describe('alpha50Text', () => {
  it('gives the fitted α₅₀ with its interval, an end the data do not bound beyond the range run', () => {
    expect(alpha50Text(fit(4.1712, 4.0312, 4.2888))).toBe('4.17 [4.03, 4.29]');
    expect(alpha50Text(fit(4.17, null, 4.25))).toBe('4.17 [< 3.8, 4.25]');
    expect(alpha50Text(fit(4.17, 4.03, null))).toBe('4.17 [4.03, > 4.3]');
  });

  it('keeps what is known when the fitted rate never crosses ½ inside the range', () => {
    // The old crossing text dropped the end that does cross; the fit keeps it.
    expect(alpha50Text(fit(4.5, 4.12, null))).toBe('> 4.3 (not reached) [4.12, > 4.3]');
    expect(alpha50Text(fit(3.6, null, 3.95))).toBe('< 3.8 (already below ½) [< 3.8, 3.95]');
    // Outside the range and unbounded on both sides: nothing is known.
    expect(alpha50Text(fit(4.5, null, null))).toBe('— [< 3.8, > 4.3]');
    expect(alpha50Text(fit(null, null, null))).toBe('— (no trend in α) [< 3.8, > 4.3]');
  });

  it('gives a separated curve as the bracket it is', () => {
    expect(alpha50Text(separated(4.1, 4.2))).toBe('4.1–4.2 (separated)');
    expect(alpha50Text(separated(4.3, null))).toBe('> 4.3 (not reached)');
    expect(alpha50Text(separated(null, 3.8))).toBe('< 3.8');
    expect(alpha50Text(separated(null, null))).toBe('—');
  });
});

describe('crossingText (the cross-check)', () => {
  const curve = (crossing: { alpha50: number | null; lo: number | null; hi: number | null }, rates: [number, number, number][]) =>
    ({ crossing, points: rates.map(([rate, rateLo, rateHi], i) => ({ alpha: 0.3 + i / 10, rate, rateLo, rateHi })) });

  it('writes an end that does not cross ½ inside the range on the side where it would', () => {
    expect(crossingText(curve({ alpha50: 0.4, lo: 0.3512, hi: 0.4488 }, [[1, 0.7, 1], [0.5, 0.2, 0.8], [0, 0, 0.3]]))).toBe('0.4 [0.351, 0.449]');
    // The upper band stays above ½ to the last α: its crossing lies beyond it.
    expect(crossingText(curve({ alpha50: 0.4, lo: 0.33, hi: null }, [[1, 0.7, 1], [0.5, 0.2, 0.8], [0.2, 0.05, 0.6]]))).toBe('0.4 [0.33, > 0.5]');
    // The lower band is below ½ from the first α.
    expect(crossingText(curve({ alpha50: 0.35, lo: null, hi: 0.45 }, [[0.6, 0.3, 0.9], [0.3, 0.1, 0.6], [0, 0, 0.3]]))).toBe('0.35 [< 0.3, 0.45]');
  });

  it('says "> max" alone when the rate and both bands stay above ½', () => {
    expect(crossingText(curve({ alpha50: null, lo: null, hi: null }, [[1, 0.7, 1], [1, 0.7, 1], [1, 0.7, 1]]))).toBe('> 0.5');
    expect(crossingText(curve({ alpha50: null, lo: null, hi: null }, [[0, 0, 0.3], [0, 0, 0.3], [0, 0, 0.3]]))).toBe('< 0.3');
  });
});

describe('the other texts', () => {
  it('rate, test error, cost, rank and place', () => {
    expect(rateText({ rate: 0.5, rateLo: 0.1502, rateHi: 0.8498 })).toBe('0.50 [0.15, 0.85]');
    expect(testErrorText({ meanTestError: 0.1234, testErrorLo: 0.1134 })).toBe('0.123 ± 0.01');
    expect(testErrorText({ meanTestError: 0.1234, testErrorLo: null })).toBe('0.123');
    expect(testErrorText({ meanTestError: null, testErrorLo: null })).toBe('—');
    expect(costText({ value: 0.1329, lo: 0.0871, hi: Number.POSITIVE_INFINITY })).toBe('0.133 [0.0871, ∞]');
    expect(costText({ value: Number.POSITIVE_INFINITY, lo: Number.POSITIVE_INFINITY, hi: Number.POSITIVE_INFINITY })).toBe('∞ (none solved)');
    expect(costText({ value: Number.NaN, lo: Number.NaN, hi: Number.NaN })).toBe('—');
    expect(rankText({ rank: 1, tied: true })).toBe('=1');
    expect(rankText({ rank: 3, tied: false })).toBe('3');
    expect(placeText({ problem: 'ksat', k: 3, n: 1024, alpha: 4.2 })).toBe('ksat, K = 3, N = 1024, α = 4.2');
    expect(placeText({ problem: 'perceptron', k: null, n: 201, alpha: null })).toBe('perceptron, N = 201');
    expect(placeText({ problem: 'perceptron', k: null })).toBe('perceptron');
  });

  it('failures are every run status but solved and unsolved, in their order', () => {
    expect(FAILURE_STATUSES).toEqual(['timeout', 'error', 'invalid', 'crashed']);
    expect(RUN_STATUSES.filter((s) => !isFailure(s))).toEqual(['solved', 'unsolved']);
  });
});
