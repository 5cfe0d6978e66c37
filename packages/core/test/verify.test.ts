import { describe, expect, it } from 'vitest';
import { verifyAnswerEnergy, type DatasetInstance, type KsatInstance } from '../src/index.js';

// (x1 ∨ x2) ∧ (¬x1 ∨ x2): x = (+1, −1) violates the second clause only.
const formula: KsatInstance = { kind: 'ksat', problem: 'ksat', n: 2, m: 2, clauseStart: Int32Array.of(0, 2, 4), clauseLiterals: Int32Array.of(1, 2, -1, 2) };

// Two inputs, two classes; the continuous network of network.test.ts that misclassifies one of the four examples.
const data: DatasetInstance = { kind: 'dataset', problem: 'mnist', n: 2, p: 4, classes: 2, inputs: Float32Array.of(1, 0, 0, 1, 1, 1, 0, 0), labels: Uint8Array.of(0, 1, 0, 1) };
const network = { hidden: 2, binary: false, weights: Float64Array.of(1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0.5) };

describe('verifyAnswerEnergy', () => {
  it('recomputes the energy of a ±1 answer, with or without a claim equal to it', () => {
    expect(verifyAnswerEnergy(formula, { assignment: Int8Array.of(1, -1) })).toEqual({ verdict: 'verified', energy: 1 });
    expect(verifyAnswerEnergy(formula, { assignment: Int8Array.of(1, 1), energy: 0 })).toEqual({ verdict: 'verified', energy: 0 });
  });

  it('says why an answer is malformed, before looking at any claim', () => {
    expect(verifyAnswerEnergy(formula, { assignment: [1, -1], energy: 1 })).toEqual({ verdict: 'malformed', message: 'assignment must be an Int8Array of ±1 entries' });
    expect(verifyAnswerEnergy(formula, { assignment: Int8Array.of(1) })).toEqual({ verdict: 'malformed', message: 'assignment has length 1, expected 2' });
    expect(verifyAnswerEnergy(formula, { assignment: Int8Array.of(1, 0) })).toEqual({ verdict: 'malformed', message: 'assignment[1] = 0, expected +1 or -1' });
    expect(verifyAnswerEnergy(data, { assignment: Int8Array.of(1, -1) })).toMatchObject({ verdict: 'malformed', message: expect.stringMatching(/needs a `network` answer/) });
  });

  it('keeps the verified energy of a well-formed answer whose claimed energy is another', () => {
    expect(verifyAnswerEnergy(formula, { assignment: Int8Array.of(1, -1), energy: 0 })).toEqual({ verdict: 'misclaimed', energy: 1, message: 'the solver claimed energy 0, the verified energy is 1' });
    expect(verifyAnswerEnergy(formula, { assignment: Int8Array.of(1, -1), energy: Number.NaN })).toMatchObject({ verdict: 'misclaimed', energy: 1 });
    expect(verifyAnswerEnergy(formula, { assignment: Int8Array.of(1, -1), energy: '1' })).toMatchObject({ verdict: 'misclaimed', energy: 1 });
  });

  it('counts the training errors of a network answer', () => {
    expect(verifyAnswerEnergy(data, { network })).toEqual({ verdict: 'verified', energy: 1 });
    expect(verifyAnswerEnergy(data, { network, energy: 0 })).toMatchObject({ verdict: 'misclaimed', energy: 1 });
  });
});
