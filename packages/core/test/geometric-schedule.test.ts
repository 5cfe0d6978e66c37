import { describe, expect, it } from 'vitest';
import { geometricRamp, geometricSchedule } from '../src/index.js';

describe('geometric schedules', () => {
  it('geometricSchedule is start · factor^step, capped at max', () => {
    expect(geometricSchedule(1, 2, Number.POSITIVE_INFINITY, 3)).toBe(8);
    expect(geometricSchedule(0.05, 1.0004, 3, 0)).toBe(0.05);
    expect(geometricSchedule(1, 2, 5, 2)).toBe(4);
    expect(geometricSchedule(1, 2, 5, 3)).toBe(5);
    // rmc's perceptron default, β = 1.00016^t capped at 5, reaches its cap at t = ln 5 / ln 1.00016 = 1.609438 / 1.5998720e-4 ≈ 10059.8.
    expect(geometricSchedule(1, 1.00016, 5, 10059)).toBeLessThan(5);
    expect(geometricSchedule(1, 1.00016, 5, 10059)).toBeGreaterThan(4.999);
    expect(geometricSchedule(1, 1.00016, 5, 10060)).toBe(5);
  });

  it('geometricRamp goes from first at step 0 to last at step steps − 1 through the geometric means', () => {
    expect(geometricRamp(5, 7, 20000, 0)).toBe(5);
    expect(geometricRamp(5, 7, 20000, 19999)).toBeCloseTo(7, 12);
    // The middle of three steps is the geometric mean of the ends, √(5·7) = √35.
    expect(geometricRamp(5, 7, 3, 1)).toBeCloseTo(Math.sqrt(35), 14);
    // Five steps from 1 to 16: 1, 2, 4, 8, 16.
    expect([0, 1, 2, 3, 4].map((t) => geometricRamp(1, 16, 5, t))).toEqual([1, 2, 4, 8, 16]);
    expect(geometricRamp(5, 7, 1, 0)).toBe(7);
  });
});
