import { describe, expect, it } from 'vitest';
import { committeeEnergy, Rng, type CommitteeInstance } from '@densebench/core';
import { generate } from '@densebench/problems';
import { CommitteeBP } from '../src/index.js';

describe('committee machine BP', () => {
  it('output node: exact message to a hidden unit (hand-computed)', () => {
    // K = 3, label +; the other two hidden outputs are +1 with probability ½ each.
    // τ_k = +1: satisfied unless both others are −1 → 3/4; τ_k = −1: needs both others +1 → 1/4. u = ½ log 3.
    const instance: CommitteeInstance = { kind: 'committee', problem: 'committee', n: 3, hidden: 3, p: 1, patterns: Int8Array.of(1, 1, 1), labels: Int8Array.of(1) };
    const bp = new CommitteeBP(instance);
    bp.updateFactor(0, 0); // theta nodes see H = 0 and unpolarised weights: up messages 0 (erf of 0)
    for (let k = 0; k < 3; k++) expect(bp.down[k]).toBeCloseTo(0.5 * Math.log(3), 12);
    // With H = tanh(½ log 3) = ½ the theta node's weight messages are ½ log[(1 + ½ erf x₊)/(1 + ½ erf x₋)], x± = ±1/2.
    bp.updateFactor(0, 0);
    const erfHalf = 0.5204998778;
    expect(bp.messages[0]).toBeCloseTo(0.5 * Math.log((1 + 0.5 * erfHalf) / (1 - 0.5 * erfHalf)), 6);
  });

  it('with focusing, solves the authors\' unit-test size (N = 21, K = 5, α = 0.1) on most seeds', () => {
    let solved = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const { instance } = generate({ problem: 'committee', n: 21, alpha: 0.1, k: 5, seed });
      if (instance.kind !== 'committee') throw new Error('expected a committee');
      const bp = new CommitteeBP(instance);
      const rng = new Rng(`cm${seed}`);
      bp.initMessages(rng, 0.1);
      const w = new Int8Array(bp.n);
      let errors = Number.POSITIVE_INFINITY;
      for (let step = 0; step < 100 && errors > 0; step++) {
        bp.sweep(rng, step / 100 / (1 - step / 100), 1, 0.5); // standard reinforcement, one sweep per step
        errors = committeeEnergy(instance, bp.signs(w));
      }
      if (errors === 0) solved++;
    }
    // One damped sweep per protocol step is a fast schedule; at this tiny size an occasional seed ends one pattern short.
    expect(solved).toBeGreaterThanOrEqual(5);
  });
});
