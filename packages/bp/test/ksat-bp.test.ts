import { describe, expect, it } from 'vitest';
import { ksatEnergy, Rng, type KsatInstance } from '@densebench/core';
import { generate } from '@densebench/problems';
import { KsatBP } from '../src/index.js';

// (x1 ∨ x2 ∨ ¬x3)
const clause: KsatInstance = { kind: 'ksat', problem: 'ksat', n: 3, m: 1, clauseStart: Int32Array.of(0, 3), clauseLiterals: Int32Array.of(1, 2, -3) };

describe('clause messages', () => {
  it('with unpolarised neighbours: η = 1/4, u = ∓½ log(3/4) (hand-computed)', () => {
    const bp = new KsatBP(clause);
    bp.updateFactor(0, 0);
    // x1 violates the clause at −1: ψ(+1) = 1, ψ(−1) = 1 − η = 3/4, so u = ½ log(1/(3/4)) = 0.143841.
    expect(bp.messages[0]).toBeCloseTo(0.5 * Math.log(4 / 3), 12);
    expect(bp.messages[1]).toBeCloseTo(0.5 * Math.log(4 / 3), 12);
    expect(bp.messages[2]).toBeCloseTo(-0.5 * Math.log(4 / 3), 12); // ¬x3 pushes x3 towards false
  });

  it('a clause whose other literals are surely false forces the last one', () => {
    const bp = new KsatBP(clause);
    bp.setReinforcement(0, -30); // x1 false
    bp.setReinforcement(1, -30); // x2 false
    bp.updateFactor(0, 0);
    expect(Math.tanh(bp.messages[2]!)).toBeCloseTo(-1, 12); // x3 must be false
    // x1 sees x2 surely violating (π = 1) and ¬x3 with x3 unpolarised (π = ½): η = ½, u = ½ log 2.
    expect(bp.messages[0]).toBeCloseTo(0.5 * Math.log(2), 12);
  });

  it('free entropy stays finite when external fields force a clause into violation, and pays ≈ 744 nats for it', () => {
    const { instance } = generate({ problem: 'ksat', n: 30, alpha: 3, k: 3, seed: 1 });
    if (instance.kind !== 'ksat') throw new Error('expected ksat');
    // Fields of ±500 saturate every tanh and exp(−2|c|) on the first clause's variables, pushing its literals all
    // false or all true; no other clause has all its variables forced, so only the first can be forced violated.
    const forcedFreeEntropy = (violate: boolean): number => {
      const bp = new KsatBP(instance);
      bp.initMessages(new Rng('sat'), 0.01);
      for (let q = instance.clauseStart[0]!; q < instance.clauseStart[1]!; q++) {
        const lit = instance.clauseLiterals[q]!;
        bp.external[Math.abs(lit) - 1] = (lit > 0 ? 500 : -500) * (violate ? -1 : 1);
      }
      bp.recomputeTotals();
      return bp.freeEntropy() * instance.n;
    };
    const satisfied = forcedFreeEntropy(false);
    const violated = forcedFreeEntropy(true);
    expect(Number.isFinite(violated)).toBe(true);
    expect(violated).toBeLessThan(satisfied - 600);
  });

  it('BP with reinforcement finds a satisfying assignment of an easy formula', () => {
    const { instance } = generate({ problem: 'ksat', n: 300, alpha: 3.5, k: 3, seed: 4 });
    if (instance.kind !== 'ksat') throw new Error('expected ksat');
    const bp = new KsatBP(instance);
    const rng = new Rng('easy');
    bp.initMessages(rng, 0.01);
    const w = new Int8Array(instance.n);
    let violated = Number.POSITIVE_INFINITY;
    for (let t = 0; t < 300 && violated > 0; t++) {
      bp.sweep(rng, t / 100, 1, 0.5);
      violated = ksatEnergy(instance, bp.signs(w));
    }
    expect(violated).toBe(0);
  });
});
