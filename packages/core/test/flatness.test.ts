import { describe, expect, it } from 'vitest';
import { energy, flatnessCurve, Rng, type KsatInstance, type PerceptronInstance } from '../src/index.js';

/** One all-ones pattern with label +1 (N odd): E(W) = 1 exactly when a majority of the weights is −1. */
function majorityPerceptron(n: number): PerceptronInstance {
  return { kind: 'perceptron', problem: 'perceptron', n, p: 1, patterns: new Int8Array(n).fill(1), labels: Int8Array.of(1) };
}

describe('flatnessCurve', () => {
  it('at p = 0 returns the energy of the configuration itself, at p = 1 that of its negation', () => {
    const rng = new Rng('f');
    const instance: PerceptronInstance = {
      kind: 'perceptron', problem: 'perceptron', n: 11, p: 7,
      patterns: Int8Array.from({ length: 77 }, () => rng.nextSign()), labels: Int8Array.from({ length: 7 }, () => rng.nextSign()),
    };
    const w = Int8Array.from({ length: 11 }, () => rng.nextSign());
    const negated = Int8Array.from(w, (x) => -x);
    const [none, all] = flatnessCurve(instance, w, [0, 1], 3, rng);
    expect(none).toMatchObject({ flips: 0, meanEnergy: energy(instance, w) });
    expect(all).toMatchObject({ flips: 11, meanEnergy: energy(instance, negated), meanErrorRate: energy(instance, negated) / 7 });
  });

  it('flips exactly ⌊pV + ½⌋ distinct variables per draw: the single all-ones pattern fails once a majority flips', () => {
    const instance = majorityPerceptron(9);
    const w = new Int8Array(9).fill(1);
    // Flipping 4 of 9 leaves 5 of +1: no error. Flipping 5: always an error. Repeated indices would break this.
    const curve = flatnessCurve(instance, w, [4 / 9, 5 / 9], 50, new Rng('distinct'));
    expect(curve.map((c) => [c.flips, c.meanEnergy])).toEqual([[4, 0], [5, 1]]);
    expect(Array.from(w)).toEqual(new Array(9).fill(1));
  });

  it('matches the exact expectation for a single clause: P(violated) = C(V−3, f−3)/C(V, f) when the clause needs all three flipped', () => {
    // Clause (¬x1 ∨ ¬x2 ∨ ¬x3) on V = 6 variables, satisfied by all −1; after flipping f = 4 variables it is violated
    // only if x1, x2 and x3 are among them: probability C(3, 1)/C(6, 4).
    const instance: KsatInstance = { kind: 'ksat', problem: 'ksat', n: 6, m: 1, clauseStart: Int32Array.of(0, 3), clauseLiterals: Int32Array.of(-1, -2, -3) };
    const w = new Int8Array(6).fill(-1);
    const draws = 40000;
    const [point] = flatnessCurve(instance, w, [4 / 6], draws, new Rng('clause'));
    const exact = 3 / 15; // C(3,1)/C(6,4)
    const sd = Math.sqrt((exact * (1 - exact)) / draws);
    expect(point!.flips).toBe(4);
    expect(Math.abs(point!.meanErrorRate - exact)).toBeLessThan(4 * sd);
  });

  it('rejects fractions outside [0, 1], a bad draw count and a wrong-length assignment', () => {
    const instance = majorityPerceptron(5);
    const w = new Int8Array(5).fill(1);
    expect(() => flatnessCurve(instance, w, [1.5], 1, new Rng('x'))).toThrow(/flip fraction 1.5 is outside \[0, 1\]/);
    expect(() => flatnessCurve(instance, w, [0.1], 0, new Rng('x'))).toThrow(/draws must be a positive integer, got 0/);
    expect(() => flatnessCurve(instance, new Int8Array(4), [0.1], 1, new Rng('x'))).toThrow(/length 4, the instance has 5 variables/);
  });
});
