// The committee machine's theta node with one hidden unit is the perceptron's factor: its output node then sends
// σ^μ·∞ (clamped to ±FIELD_MAX), so H = tanh(±FIELD_MAX) = ±1 exactly, and with ξ in place of η = σξ the soft-output
// message ½ log[(1 + H erf x₊)/(1 + H erf x₋)] is the perceptron's ½ log[(1 + erf x₊)/(1 + erf x₋)] (gaussian-factor.ts).
import { describe, expect, it } from 'vitest';
import { Rng, type CommitteeInstance, type PerceptronInstance } from '@densebench/core';
import { generate } from '@densebench/problems';
import { CommitteeBP, FIELD_MAX, PerceptronBP } from '../src/index.js';

/**
 * The two write the same message with different roundings — one log of a ratio for the perceptron, a difference of
 * two logs for the committee, and the perceptron switches to log erfc below x = −20 where the committee does below
 * 1 + H erf x = 1e-300 — so they agree to a few ulps of logarithms of size ≤ 700 (the log erfc of the tail): 1e-12 on
 * fields clamped to ±30.
 */
const FIELD_TOLERANCE = 1e-12;

describe('the Gaussian factor update', () => {
  it("the committee's theta update with one hidden unit equals the perceptron's, from every state of a focusing run", () => {
    const { instance } = generate({ problem: 'perceptron', n: 41, alpha: 0.6, k: null, seed: 3 });
    const perceptron = instance as PerceptronInstance;
    const single: CommitteeInstance = { kind: 'committee', problem: 'committee', n: perceptron.n, hidden: 1, p: perceptron.p, patterns: perceptron.patterns, labels: perceptron.labels };
    const reference = new PerceptronBP(perceptron);
    const committee = new CommitteeBP(single);
    const rng = new Rng('gaussian factor');
    reference.initMessages(rng, 0.3);
    committee.initMessages(new Rng('unused'), 0);
    for (let mu = 0; mu < perceptron.p; mu++) committee.down[mu] = perceptron.labels[mu]! * FIELD_MAX;
    // Both labels, so both H = 1 and H = −1 (whose deep tail is the erfc(x) term) are exercised.
    expect(new Set(perceptron.labels)).toEqual(new Set([1, -1]));
    let largest = 0;
    let saturated = 0;
    // States along a reinforced run (r up to 29), from unpolarised messages to saturated ones, where the tails are taken.
    for (let round = 0; round < 30; round++) {
      for (let mu = 0; mu < perceptron.p; mu++) {
        const messages = reference.messages.slice();
        const total = reference.total.slice();
        committee.messages.set(messages);
        committee.total.set(total);
        const changeReference = reference.updateFactor(mu, 0);
        const changeCommittee = committee.updateFactor(mu, 0);
        // Its output node sent what was assumed: the label, clamped.
        expect(committee.down[mu]).toBe(perceptron.labels[mu]! * FIELD_MAX);
        expect(Math.abs(changeCommittee - changeReference)).toBeLessThanOrEqual(FIELD_TOLERANCE);
        for (let i = 0; i < perceptron.n; i++) {
          const j = mu * perceptron.n + i;
          largest = Math.max(largest, Math.abs(committee.messages[j]! - reference.messages[j]!), Math.abs(committee.total[i]! - reference.total[i]!));
          if (Math.abs(reference.messages[j]!) === FIELD_MAX) saturated++;
        }
        reference.messages.set(messages);
        reference.total.set(total);
      }
      reference.sweep(rng, round, 1, 0);
    }
    expect(largest).toBeLessThanOrEqual(FIELD_TOLERANCE);
    expect(saturated).toBeGreaterThan(0);
  });
});
