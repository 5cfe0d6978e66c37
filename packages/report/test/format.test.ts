// The report's one way of writing each number: the page, its charts, summary.md and the CLI all call these.
import { describe, expect, it } from 'vitest';
import { RUN_STATUSES } from '@densebench/core';
import { FAILURE_STATUSES, isFailure } from '../src/failures.js';
import { alpha50Text, formatNumber, placeText, rateText, testErrorText } from '../src/format.js';

/** A curve with the given rates at α = 0.3, 0.4, 0.5 (only what alpha50Text reads). */
const curve = (alpha50: number | null, lo: number | null, hi: number | null, rates = [1, 0.5, 0]) =>
  ({ alpha50, alpha50Lo: lo, alpha50Hi: hi, points: rates.map((rate, i) => ({ alpha: 0.3 + i / 10, rate })) });

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
  it('gives the crossing with its interval, an end that does not cross ½ in the range beyond it', () => {
    expect(alpha50Text(curve(0.4, 0.3512, 0.4488))).toBe('0.4 [0.351, 0.449]');
    expect(alpha50Text(curve(0.4, null, 0.45))).toBe('0.4 [< 0.3, 0.45]');
    expect(alpha50Text(curve(0.4, null, null))).toBe('0.4 [< 0.3, > 0.5]');
  });

  it('without a crossing, says on which side of the range it lies', () => {
    expect(alpha50Text(curve(null, 0.45, null, [1, 0.9, 0.8]))).toBe('> 0.5');
    expect(alpha50Text(curve(null, null, null, [0.2, 0.1, 0]))).toBe('< 0.3');
    expect(alpha50Text(curve(null, null, null, [0.5, 0.5, 0.5]))).toBe('—');
  });
});

describe('the other texts', () => {
  it('rate, test error and place', () => {
    expect(rateText({ rate: 0.5, rateLo: 0.1502, rateHi: 0.8498 })).toBe('0.50 [0.15, 0.85]');
    expect(testErrorText({ meanTestError: 0.1234, testErrorLo: 0.1134 })).toBe('0.123 ± 0.01');
    expect(testErrorText({ meanTestError: 0.1234, testErrorLo: null })).toBe('0.123');
    expect(testErrorText({ meanTestError: null, testErrorLo: null })).toBe('—');
    expect(placeText({ problem: 'ksat', k: 3, n: 1024, alpha: 4.2 })).toBe('ksat, K = 3, N = 1024, α = 4.2');
    expect(placeText({ problem: 'perceptron', k: null, n: 201, alpha: null })).toBe('perceptron, N = 201');
    expect(placeText({ problem: 'perceptron', k: null })).toBe('perceptron');
  });

  it('failures are every run status but solved and unsolved, in their order', () => {
    expect(FAILURE_STATUSES).toEqual(['timeout', 'error', 'invalid', 'crashed']);
    expect(RUN_STATUSES.filter((s) => !isFailure(s))).toEqual(['solved', 'unsolved']);
  });
});
