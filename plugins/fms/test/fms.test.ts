// Tests of Focused Metropolis Search (Seitz, Alava & Orponen, J. Stat. Mech. P06006, 2005), through the public
// API of @densebench/core and @densebench/problems only.
import { describe, expect, it } from 'vitest';
import { energy, ksatEnergy, resolveParams, Rng, standaloneContext, type KsatInstance } from '@densebench/core';
import { generate, parseDimacs } from '@densebench/problems';
import fms, { FocusedSearch, type FmsParams } from '../src/index.js';

const params = (overrides: Partial<FmsParams> = {}): FmsParams => ({ ...resolveParams<FmsParams>(fms, {}), ...overrides });

function ksat(n: number, alpha: number, k: number, seed: number): KsatInstance {
  const { instance } = generate({ problem: 'ksat', n, alpha, k, seed });
  if (instance.kind !== 'ksat') throw new Error('expected a K-SAT instance');
  return instance;
}

/** All 8 clauses over 3 variables: every assignment violates exactly one. */
const ALL_EIGHT = parseDimacs(
  ['p cnf 3 8', '1 2 3 0', '1 2 -3 0', '1 -2 3 0', '1 -2 -3 0', '-1 2 3 0', '-1 2 -3 0', '-1 -2 3 0', '-1 -2 -3 0'].join('\n'),
);

/** Repeated literals, a tautology and an empty clause: ΔE from the counts is wrong unless the formula is normalised. Minimum E = 1. */
const IRREGULAR = parseDimacs(['p cnf 4 7', '1 1 -2 0', '2 -2 0', '0', '-1 3 3 -1 0', '-3 4 0', '-4 2 0', '2 2 2 0'].join('\n'));

describe('fms solves random K-SAT below the threshold', () => {
  it('3-SAT N = 200, α = 4.0, on every one of 5 seeds', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const instance = ksat(200, 4.0, 3, seed);
      const result = await fms.solve(instance, params(), standaloneContext(`s${seed}`));
      expect(energy(instance, result.assignment)).toBe(0);
      expect(result.energy).toBe(0);
      expect(result.work).toBeGreaterThan(0);
      expect(result.work).toBeLessThan(1000 * 200 * 200);
    }
  });

  it('4-SAT N = 100, α = 8.0, on every one of 3 seeds', async () => {
    for (let seed = 1; seed <= 3; seed++) {
      const instance = ksat(100, 8.0, 4, seed);
      const result = await fms.solve(instance, params(), standaloneContext(`s${seed}`));
      expect(energy(instance, result.assignment)).toBe(0);
      expect(result.energy).toBe(0);
    }
  });
});

describe('fms on unsatisfiable and unsolved formulas', () => {
  it('all 8 clauses over 3 variables: energy 1, as verified, after exactly maxFlips attempts', async () => {
    const result = await fms.solve(ALL_EIGHT, params({ maxFlips: 1000 }), standaloneContext('unsat'));
    expect(result.energy).toBeGreaterThanOrEqual(1);
    expect(energy(ALL_EIGHT, result.assignment)).toBe(result.energy);
    expect(result.work).toBe(1000);
    expect(result.info?.acceptedFlips).toBeGreaterThan(0);
  });

  it('random 3-SAT N = 100, α = 6 (unsatisfiable): returns its best assignment with the energy it claims', async () => {
    const instance = ksat(100, 6, 3, 1);
    const result = await fms.solve(instance, params({ maxFlips: 20000 }), standaloneContext('short'));
    expect(result.energy).toBeGreaterThan(0);
    expect(ksatEnergy(instance, result.assignment)).toBe(result.energy);
    expect(result.info?.bestEnergy).toBe(result.energy);
    expect(result.work).toBe(20000);
  });

  it('normalises repeated literals, tautologies and empty clauses: reaches the minimum E = 1, as verified', async () => {
    const result = await fms.solve(IRREGULAR, params({ maxFlips: 5000 }), standaloneContext('irregular'));
    expect(energy(IRREGULAR, result.assignment)).toBe(result.energy);
    expect(result.energy).toBe(1);
    expect(result.work).toBeLessThan(5000); // stops once only the empty clause is left
  });

  it('stops at its deadline', async () => {
    const instance = ksat(300, 5, 3, 1);
    const result = await fms.solve(instance, params({ maxFlips: 1e12 }), standaloneContext('deadline', 200));
    expect(result.work).toBeLessThan(1e12);
    expect(result.work).toBeGreaterThan(0);
    expect(energy(instance, result.assignment)).toBe(result.energy);
  });

  it('rejects instances other than K-SAT', () => {
    const { instance } = generate({ problem: 'perceptron', n: 11, alpha: 0.5, k: null, seed: 1 });
    expect(() => fms.solve(instance, params(), standaloneContext('x'))).toThrow(/K-SAT only/);
  });
});

describe('fms is reproducible', () => {
  it('gives the same answer and work for the same seed, and a different run for another seed', async () => {
    const instance = ksat(200, 4.3, 3, 7);
    const p = params({ maxFlips: 50000 });
    const a = await fms.solve(instance, p, standaloneContext('x'));
    const b = await fms.solve(instance, p, standaloneContext('x'));
    const c = await fms.solve(instance, p, standaloneContext('y'));
    expect(b.assignment).toEqual(a.assignment);
    expect(b.work).toBe(a.work);
    expect(b.energy).toBe(a.energy);
    expect(b.info).toEqual(a.info);
    expect(c.assignment).not.toEqual(a.assignment);
    expect(c.info?.acceptedFlips).not.toBe(a.info?.acceptedFlips);
  });
});

describe('fms default η', () => {
  it('is 0.37 for 3-SAT and 0.293 for 4-SAT and 5-SAT, unless eta is set', async () => {
    const three = await fms.solve(ksat(50, 3, 3, 1), params({ maxFlips: 100 }), standaloneContext('eta'));
    const four = await fms.solve(ksat(50, 6, 4, 1), params({ maxFlips: 100 }), standaloneContext('eta'));
    const five = await fms.solve(ksat(50, 10, 5, 1), params({ maxFlips: 100 }), standaloneContext('eta'));
    const set = await fms.solve(ksat(50, 6, 4, 1), params({ maxFlips: 100, eta: 0.5 }), standaloneContext('eta'));
    expect(three.info?.eta).toBe(0.37);
    expect(four.info?.eta).toBe(0.293);
    expect(five.info?.eta).toBe(0.293);
    expect(set.info?.eta).toBe(0.5);
  });

  it('has a schema without defaults for eta and maxFlips, and rejects η outside (0, 1]', () => {
    expect(resolveParams(fms, {})).toEqual({});
    expect(resolveParams<FmsParams>(fms, { eta: '0.4', maxFlips: '1e6' })).toEqual({ eta: 0.4, maxFlips: 1e6 });
    expect(() => resolveParams(fms, { eta: 0 })).toThrow(/eta/);
    expect(() => resolveParams(fms, { eta: 1.5 })).toThrow(/eta/);
    expect(() => resolveParams(fms, { maxFlips: 0 })).toThrow(/maxFlips/);
  });
});

describe('FocusedSearch bookkeeping', () => {
  /** Variables (0-based) of the clauses that `assignment` leaves unsatisfied, recomputed from scratch. */
  const focusVariables = (instance: KsatInstance, assignment: Int8Array): Set<number> => {
    const focus = new Set<number>();
    for (let c = 0; c < instance.m; c++) {
      const literals = Array.from(instance.clauseLiterals.subarray(instance.clauseStart[c], instance.clauseStart[c + 1]));
      if (literals.some((lit) => assignment[Math.abs(lit) - 1] === Math.sign(lit))) continue;
      for (const lit of literals) focus.add(Math.abs(lit) - 1);
    }
    return focus;
  };

  const walk = (instance: KsatInstance, seed: string, steps: number): void => {
    const search = new FocusedSearch(instance, 0.37, new Rng(seed));
    const probe = new Rng(`${seed}/probe`);
    search.randomize();
    expect(search.energy).toBe(ksatEnergy(instance, search.assignment));
    let lowest = search.energy;
    let attempted = 0;
    for (let t = 0; t < steps && !search.done; t++) {
      const before = search.assignment.slice();
      // ΔE from the counts equals the recomputed change, for a few variables.
      for (let q = 0; q < 3; q++) {
        const v = probe.nextInt(instance.n);
        const flipped = before.slice();
        flipped[v] = -flipped[v]!;
        expect(search.deltaEnergy(v)).toBe(ksatEnergy(instance, flipped) - ksatEnergy(instance, before));
      }
      attempted += search.step();
      expect(search.energy).toBe(ksatEnergy(instance, search.assignment));
      // At most one variable changed, and it belongs to a clause that was unsatisfied (the search is focused).
      const changed = [...before.keys()].filter((i) => before[i] !== search.assignment[i]);
      expect(changed.length).toBeLessThanOrEqual(1);
      if (changed.length === 1) expect(focusVariables(instance, before).has(changed[0]!)).toBe(true);
      lowest = Math.min(lowest, search.energy);
      expect(search.bestEnergy).toBe(lowest);
    }
    expect(search.attemptedFlips).toBe(attempted);
    const best = search.bestAssignment();
    expect(ksatEnergy(instance, best)).toBe(search.bestEnergy);
  };

  it('tracks E exactly along 2000 steps of random 3-SAT N = 100, α = 4.3', () => {
    walk(ksat(100, 4.3, 3, 3), 'walk', 2000);
  });

  it('tracks E exactly along 2000 steps of random 4-SAT N = 50, α = 12 (unsatisfiable)', () => {
    walk(ksat(50, 12, 4, 3), 'walk4', 2000);
  });

  it('tracks E exactly on a formula with repeated literals, tautologies and an empty clause', () => {
    for (let s = 0; s < 20; s++) walk(IRREGULAR, `irregular${s}`, 100);
  });

  it('tracks E exactly with a clause longer than 255 literals next to 3-SAT clauses', () => {
    const base = ksat(300, 4.2, 3, 2);
    const lines = [`p cnf 300 ${base.m + 1}`, `${Array.from({ length: 300 }, (_, i) => -(i + 1)).join(' ')} 0`];
    for (let c = 0; c < base.m; c++) lines.push(`${Array.from(base.clauseLiterals.subarray(base.clauseStart[c], base.clauseStart[c + 1])).join(' ')} 0`);
    const formula = parseDimacs(lines.join('\n'));
    walk(formula, 'long', 300);
    // From all-false the long clause has 300 true literals: its count does not fit in a byte.
    const search = new FocusedSearch(formula, 0.37, new Rng('long'));
    search.reset(new Int8Array(300).fill(-1));
    expect(search.energy).toBe(ksatEnergy(formula, search.assignment));
    for (let t = 0; t < 2000 && !search.done; t++) {
      search.step();
      expect(search.energy).toBe(ksatEnergy(formula, search.assignment));
    }
  });

  it('returns the best assignment after many flips past it (its flip log overflows and is materialised)', () => {
    // N = 20 keeps the flip log short (64 entries), so the best is materialised many times along the walk.
    const instance = ksat(20, 8, 3, 5);
    const search = new FocusedSearch(instance, 0.6, new Rng('overflow'));
    search.randomize();
    let lowest = search.energy;
    for (let t = 0; t < 20000; t++) {
      search.step();
      lowest = Math.min(lowest, search.energy);
      if (t % 997 === 0) expect(ksatEnergy(instance, search.bestAssignment())).toBe(lowest);
    }
    expect(search.acceptedFlips).toBeGreaterThan(1000);
    expect(search.bestEnergy).toBe(lowest);
    expect(ksatEnergy(instance, search.bestAssignment())).toBe(lowest);
  });

  it('reset() restarts from a given assignment and forgets the best', () => {
    const instance = ksat(100, 4.3, 3, 3);
    const search = new FocusedSearch(instance, 0.37, new Rng('reset'));
    const ones = new Int8Array(100).fill(1);
    search.reset(ones);
    expect(search.energy).toBe(ksatEnergy(instance, ones));
    expect(search.bestEnergy).toBe(search.energy);
    expect(search.bestAssignment()).toEqual(ones);
  });
});

describe('fms kernel', () => {
  it('prepares and runs N attempted flips per call on a small 3-SAT instance', () => {
    const kernel = fms.kernels![0]!;
    expect(kernel).toMatchObject({ name: '3-SAT flips', unit: 'attempted flips', problem: 'ksat', k: 3, alpha: 4.2 });
    expect(kernel.sizes).toEqual([1000, 10000, 100000]);
    const instance = ksat(200, kernel.alpha, 3, 1);
    const step = kernel.prepare(instance, params(), new Rng('kernel'));
    for (let i = 0; i < 10; i++) expect(step.run()).toBe(200);
    const checksum = step.checksum();
    expect(Number.isInteger(checksum)).toBe(true);
    expect(checksum).toBeGreaterThanOrEqual(0);
    expect(checksum).toBeLessThan(instance.m);
    // Deterministic for the kernel's seed.
    const again = kernel.prepare(instance, params(), new Rng('kernel'));
    for (let i = 0; i < 10; i++) again.run();
    expect(again.checksum()).toBe(checksum);
  });

  it('keeps doing full calls on an easy formula it solves again and again (restarts at E = 0)', () => {
    const instance = ksat(200, 2.0, 3, 1);
    const step = fms.kernels![0]!.prepare(instance, params(), new Rng('easy'));
    for (let i = 0; i < 50; i++) expect(step.run()).toBe(200);
  });
});
