import { describe, expect, it } from 'vitest';
import {
  TEACHER_STUDENT_THRESHOLDS,
  teacherStudentCriticalPoints,
  teacherStudentEquilibriumError,
  teacherStudentErrorCurve,
  teacherStudentGibbsError,
  teacherStudentTheory,
} from '../src/theory.js';

/** Independent fine-grid ∫Dz f(z) (trapezoid, step 0.02 on [−12, 12]). */
function gaussianAverage(f: (z: number) => number): number {
  let sum = 0;
  for (let i = -600; i <= 600; i++) {
    const z = i * 0.02;
    sum += Math.exp(-0.5 * z * z) * f(z);
  }
  return (sum * 0.02) / Math.sqrt(2 * Math.PI);
}

describe('RS Gibbs learning, binary teacher–student perceptron (poorly generalizing branch)', () => {
  it('reproduces the literature values of ε', () => {
    expect(Math.abs(teacherStudentGibbsError(0.5) - 0.405)).toBeLessThan(0.002);
    expect(Math.abs(teacherStudentGibbsError(1.0) - 0.311)).toBeLessThan(0.002);
    expect(Math.abs(teacherStudentGibbsError(1.245) - 0.256)).toBeLessThan(0.002);
  });

  it('starts from random guessing: ε → 1/2 with slope −2/π² as α → 0, φ(0) = ln 2', () => {
    const zero = teacherStudentTheory(0);
    expect(zero.error).toBe(0.5);
    expect(zero.freeEntropy).toBeCloseTo(Math.LN2, 10);
    const a = 1e-3;
    expect(teacherStudentGibbsError(a)).toBeCloseTo(0.5 - (2 * a) / Math.PI ** 2, 6);
  });

  it('ε and φ decrease monotonically along the branch', () => {
    const alphas = Array.from({ length: 149 }, (_, i) => 0.01 * (i + 1)); // up to 1.49 < α_sp
    const curve = teacherStudentErrorCurve(alphas);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.error).toBeLessThan(curve[i - 1]!.error);
      expect(curve[i]!.freeEntropy).toBeLessThan(curve[i - 1]!.freeEntropy);
      expect(curve[i]!.phase).not.toBe('perfect');
    }
  });

  it('returns a genuine saddle point: R = ∫Dz tanh(√R̂ z + R̂) = ∫Dz tanh²(√R̂ z + R̂)', () => {
    for (const alpha of [0.3, 1.0, 1.4]) {
      const { overlap, conjugate } = teacherStudentTheory(alpha);
      const s = Math.sqrt(conjugate);
      expect(gaussianAverage((z) => Math.tanh(s * z + conjugate))).toBeCloseTo(overlap, 6);
      expect(gaussianAverage((z) => Math.tanh(s * z + conjugate) ** 2)).toBeCloseTo(overlap, 6);
    }
  });

  it('free entropy of the branch vanishes at α_c ≈ 1.245 (first-order transition to perfect learning)', () => {
    const { perfectLearning, perfectLearningError } = teacherStudentCriticalPoints();
    expect(Math.abs(perfectLearning - 1.245)).toBeLessThan(0.01);
    expect(Math.abs(perfectLearning - TEACHER_STUDENT_THRESHOLDS.perfectLearning)).toBeLessThan(0.01);
    expect(Math.abs(perfectLearningError - 0.256)).toBeLessThan(0.002);
    expect(teacherStudentTheory(1.235).freeEntropy).toBeGreaterThan(0);
    expect(teacherStudentTheory(1.235).phase).toBe('poor');
    expect(teacherStudentTheory(1.255).freeEntropy).toBeLessThan(0);
    expect(teacherStudentTheory(1.255).phase).toBe('metastable');
  });

  it('metastable between α_c and the spinodal: branch ε > 0 but equilibrium ε = 0', () => {
    const p = teacherStudentTheory(1.4);
    expect(p.phase).toBe('metastable');
    expect(p.freeEntropy).toBeLessThan(0);
    expect(p.error).toBeGreaterThan(0.2);
    expect(p.equilibriumError).toBe(0);
    expect(teacherStudentEquilibriumError(1.0)).toBeCloseTo(teacherStudentGibbsError(1.0), 12);
  });

  it('the branch ends at the spinodal α_sp ≈ 1.493 (AMP threshold)', () => {
    const { spinodal, spinodalOverlap, spinodalError } = teacherStudentCriticalPoints();
    expect(Math.abs(spinodal - TEACHER_STUDENT_THRESHOLDS.amp)).toBeLessThan(0.005);
    expect(spinodalOverlap).toBeGreaterThan(0.85);
    expect(spinodalOverlap).toBeLessThan(0.93);
    expect(spinodalError).toBeGreaterThan(0.12);
    expect(spinodalError).toBeLessThan(0.18);
    // Just below α_sp the branch still exists, with ε well above 0.
    const below = teacherStudentTheory(spinodal - 1e-3);
    expect(below.phase).toBe('metastable');
    expect(below.error).toBeGreaterThan(0.13);
  });

  it('at α = 2 the poor branch no longer exists: only perfect learning (R = 1, ε = 0, φ = 0)', () => {
    const p = teacherStudentTheory(2);
    expect(p.phase).toBe('perfect');
    expect(p.overlap).toBe(1);
    expect(p.error).toBe(0);
    expect(p.freeEntropy).toBe(0);
    expect(teacherStudentGibbsError(2)).toBe(0);
    expect(teacherStudentEquilibriumError(2)).toBe(0);
  });

  it('rejects invalid α', () => {
    expect(() => teacherStudentTheory(-0.1)).toThrow(RangeError);
    expect(() => teacherStudentTheory(Number.NaN)).toThrow(RangeError);
    expect(() => teacherStudentTheory(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('a curve is the pointwise theory', () => {
    const alphas = [0.25, 0.5, 1, 2];
    expect(teacherStudentErrorCurve(alphas)).toEqual(alphas.map((a) => teacherStudentTheory(a)));
  });
});
