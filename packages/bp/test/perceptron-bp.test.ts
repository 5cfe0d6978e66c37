import { describe, expect, it } from 'vitest';
import { erf, logErfc, onePlusErf, Rng, type PerceptronInstance } from '@densebench/core';
import { PerceptronBP } from '../src/index.js';

// One pattern ξ = (+,+,+) with label +: all cavity magnetizations start at 0.
const single: PerceptronInstance = { kind: 'perceptron', problem: 'perceptron', n: 3, p: 1, patterns: Int8Array.of(1, 1, 1), labels: Int8Array.of(1) };

describe('special functions', () => {
  it('erf and log erfc match tabulated values', () => {
    // Abramowitz & Stegun table 7.1: erf(0.5) = 0.5204998778, erf(1) = 0.8427007929.
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 6);
    expect(erf(1)).toBeCloseTo(0.8427007929, 6);
    expect(erf(-1)).toBeCloseTo(-0.8427007929, 6);
    // Far in the tail erfc(z) ≈ exp(−z²)/(z√π)·(1 − 1/(2z²)): at z = 30 the log is −900 − log(30√π) − 1/1800.
    expect(logErfc(30)).toBeCloseTo(-900 - Math.log(30 * Math.sqrt(Math.PI)) - 1 / 1800, 5);
    expect(logErfc(-30)).toBeCloseTo(Math.LN2, 12);
    // 1 + erf(x) = erfc(−x): relatively accurate in the tail, erfc(5) = 1.5374597944e-12 (A&S table 7.1).
    expect(onePlusErf(-5) / 1.5374597944e-12).toBeCloseTo(1, 6);
    expect(onePlusErf(0.5)).toBeCloseTo(1.5204998778, 6);
  });
});

describe('pattern (factor) messages', () => {
  it('Gaussian update on one pattern with unpolarised neighbours (hand-computed)', () => {
    const bp = new PerceptronBP(single, 'gaussian');
    bp.updateFactor(0, 0);
    // μ̄ = 0, σ̄² = 2: u = ½ log[erfc(−1/2)/erfc(1/2)] = ½ log(1.5204998778/0.4795001222) = 0.577025.
    for (let i = 0; i < 3; i++) expect(bp.messages[i]).toBeCloseTo(0.577025, 5);
    expect(bp.total[0]).toBeCloseTo(0.577025, 5);
  });

  it('exact update on the same pattern: P(satisfied | W_i = ±1) = 3/4 and 1/4', () => {
    const bp = new PerceptronBP(single, 'exact');
    bp.updateFactor(0, 0);
    for (let i = 0; i < 3; i++) expect(bp.messages[i]).toBeCloseTo(0.5 * Math.log(3), 12);
  });

  it('the label flips the messages', () => {
    const negative = { ...single, labels: Int8Array.of(-1) };
    const bp = new PerceptronBP(negative, 'gaussian');
    bp.updateFactor(0, 0);
    expect(bp.messages[1]).toBeCloseTo(-0.577025, 5);
  });

  it('damping mixes the new field with the old one', () => {
    const bp = new PerceptronBP(single, 'exact');
    bp.messages[0] = 1;
    bp.recomputeTotals();
    bp.updateFactor(0, 0.5);
    // Weight 0's cavity excludes its own message, so its new undamped field is still ½ log 3.
    expect(bp.messages[0]).toBeCloseTo(0.5 * 0.5 * Math.log(3) + 0.5 * 1, 12);
  });
});

describe('focusing and reinforcement', () => {
  it('focusing field for finite γ (hand-computed) and γ = ∞', () => {
    const bp = new PerceptronBP(single);
    bp.messages[0] = 0.5;
    bp.recomputeTotals();
    // tanh γ = 0.5, y − 1 = 2, field from patterns 0.5: atanh(0.5·tanh(2·atanh(0.5·tanh 0.5))) = 0.2229711.
    bp.updateFocusing(0, 2, 0.5, 0);
    expect(bp.focusing[0]).toBeCloseTo(0.2229711, 6);
    expect(bp.total[0]).toBeCloseTo(0.7229711, 6);
    bp.updateFocusing(0, 2, 1, 0);
    expect(bp.focusing[0]).toBeCloseTo(1, 12); // (y − 1)·h★ = 2·0.5
    bp.updateFocusing(0, 0, 1, 0);
    expect(bp.focusing[0]).toBe(0); // r = 0: plain BP
  });

  it('a reinforcement field adds to the total field and replaces the previous one', () => {
    const bp = new PerceptronBP(single);
    bp.messages[1] = 0.4;
    bp.recomputeTotals();
    bp.setReinforcement(1, 0.5 * bp.total[1]!);
    expect(bp.total[1]).toBeCloseTo(0.6, 12);
    bp.setReinforcement(1, 0.5 * bp.total[1]!);
    expect(bp.focusing[1]).toBeCloseTo(0.3, 12);
    expect(bp.total[1]).toBeCloseTo(0.7, 12);
    bp.setReinforcement(1, 100);
    expect(bp.focusing[1]).toBe(30); // clamped like every field
  });

  it('a sweep reaches a fixed point on a small instance and its signs solve it', () => {
    const instance: PerceptronInstance = { kind: 'perceptron', problem: 'perceptron', n: 5, p: 2, patterns: Int8Array.of(1, 1, 1, -1, 1, 1, -1, 1, 1, 1), labels: Int8Array.of(1, 1) };
    const bp = new PerceptronBP(instance);
    const rng = new Rng('sweep');
    bp.initMessages(rng, 0.01);
    let change = 1;
    for (let s = 0; s < 200 && change > 1e-9; s++) change = bp.sweep(rng, 0, 0, 0);
    expect(change).toBeLessThan(1e-9);
    const w = bp.signs(new Int8Array(5));
    for (let mu = 0; mu < 2; mu++) {
      let field = 0;
      for (let i = 0; i < 5; i++) field += instance.patterns[mu * 5 + i]! * w[i]!;
      expect(field).toBeGreaterThan(0);
    }
  });
});
