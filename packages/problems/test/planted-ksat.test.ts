// Planted K-SAT: random K-SAT clauses kept only when the hidden assignment σ* satisfies them (instances/README.md).
import { describe, expect, it } from 'vitest';
import { ksatEnergy, type InstanceSpec, type KsatInstance } from '@densebench/core';
import { constraintCount, generate, instanceHash, plantedAssignment, seedText, specProblem, writeInstance } from '../src/index.js';

function planted(n: number, alpha: number, k: number, seed: number): InstanceSpec & { problem: 'planted-ksat' } {
  return { problem: 'planted-ksat', n, alpha, k, seed };
}

function clauses(spec: InstanceSpec): KsatInstance {
  const { instance } = generate(spec);
  if (instance.kind !== 'ksat') throw new Error(`expected a CNF formula, got ${instance.kind}`);
  return instance;
}

/** Number of literals of each clause that agree with σ* (a literal v with σ*_v = +1, or −v with σ*_v = −1). */
function agreements(instance: KsatInstance, sigma: Int8Array): number[] {
  const out: number[] = [];
  for (let c = 0; c < instance.m; c++) {
    let agree = 0;
    for (let j = instance.clauseStart[c]!; j < instance.clauseStart[c + 1]!; j++) {
      const literal = instance.clauseLiterals[j]!;
      if (Math.sign(literal) === sigma[Math.abs(literal) - 1]) agree++;
    }
    out.push(agree);
  }
  return out;
}

describe('planted K-SAT', () => {
  it.each([
    planted(200, 4.2, 3, 1),
    planted(200, 4.2, 3, 2),
    planted(500, 6, 3, 3), // beyond the random 3-SAT threshold 4.267: satisfiable only because of σ*
    planted(100, 9.9, 4, 4),
    planted(50, 1, 2, 5),
    planted(10, 0.5, 1, 6),
  ])('%o is satisfied by its planted assignment', (spec) => {
    const instance = clauses(spec);
    const sigma = plantedAssignment(spec);
    expect(sigma).toHaveLength(spec.n);
    expect(sigma.every((s) => s === 1 || s === -1)).toBe(true);
    expect(ksatEnergy(instance, sigma)).toBe(0);
    // Not vacuous: −σ* violates every clause whose literals all agree with σ*.
    expect(ksatEnergy(instance, Int8Array.from(sigma, (s) => -s))).toBeGreaterThan(0);
  });

  it('has M = floor(αN + 1/2) clauses of K distinct variables in 1..N, as ksat', () => {
    for (const spec of [planted(200, 4.2, 3, 1), planted(101, 9.93, 4, 2), planted(4, 20, 4, 3)]) {
      const instance = clauses(spec);
      const k = spec.k!;
      expect(instance).toMatchObject({ kind: 'ksat', problem: 'planted-ksat', n: spec.n, m: constraintCount(spec.n, spec.alpha) });
      expect(instance.clauseLiterals).toHaveLength(instance.m * k);
      expect(Array.from(instance.clauseStart)).toEqual(Array.from({ length: instance.m + 1 }, (_, c) => c * k));
      for (let c = 0; c < instance.m; c++) {
        const variables = Array.from(instance.clauseLiterals.subarray(c * k, (c + 1) * k), Math.abs);
        expect(new Set(variables).size).toBe(k);
        for (const v of variables) expect(v >= 1 && v <= spec.n).toBe(true);
      }
    }
    expect(clauses(planted(201, 0.5, 3, 1)).m).toBe(101); // 100.5 rounds up
  });

  it('is a pure function of its spec: same bytes for the same spec, others for another seed or for ksat', () => {
    const spec = planted(300, 4, 3, 11);
    const text = writeInstance(generate(spec).instance);
    expect(writeInstance(generate({ ...spec }).instance)).toBe(text);
    expect(Array.from(plantedAssignment({ ...spec }))).toEqual(Array.from(plantedAssignment(spec)));
    const hash = instanceHash(generate(spec).instance);
    expect(instanceHash(generate({ ...spec, seed: 12 }).instance)).not.toBe(hash);
    expect(Array.from(plantedAssignment({ ...spec, seed: 12 }))).not.toEqual(Array.from(plantedAssignment(spec)));
    expect(instanceHash(generate({ ...spec, problem: 'ksat' }).instance)).not.toBe(hash);
    expect(seedText(spec)).toBe('densebench:v1:planted-ksat:n=300:k=3:alpha=4:seed=11');
  });

  it('gives solvers the clauses only: the instance holds the same fields as a ksat instance, and no teacher', () => {
    const spec = planted(50, 3, 3, 1);
    const generated = generate(spec);
    expect(generated.teacher).toBeNull();
    expect(Object.keys(generated.instance).sort()).toEqual(Object.keys(generate({ ...spec, problem: 'ksat' }).instance).sort());
    expect(() => plantedAssignment({ ...spec, problem: 'ksat' })).toThrow(/only planted-ksat has a planted assignment/);
  });

  it('leans toward σ*: each literal of a kept 3-clause agrees with it with probability 4/7, and 1, 2, 3 literals with 3/7, 3/7, 1/7', () => {
    // A kept clause is a uniform clause given that not all K literals disagree: the number t of agreeing literals is
    // Binomial(3, ½) given t ≥ 1, with mean 12/7 and variance 24/49. Clauses are independent, so the mean of t over
    // M clauses has standard deviation √(24/49/M); the bounds are 5 of them (a false alarm about once in 10⁶ seeds).
    const spec = planted(3000, 4.2, 3, 1);
    const instance = clauses(spec);
    const sigma = plantedAssignment(spec);
    const m = instance.m;
    const t = agreements(instance, sigma);
    expect(Math.min(...t)).toBeGreaterThanOrEqual(1);
    const perLiteral = t.reduce((a, b) => a + b, 0) / (3 * m);
    const sd = Math.sqrt(24 / 49 / m) / 3;
    expect(Math.abs(perLiteral - 4 / 7)).toBeLessThan(5 * sd);
    for (const [count, p] of [[1, 3 / 7], [2, 3 / 7], [3, 1 / 7]] as const) {
      const fraction = t.filter((x) => x === count).length / m;
      expect(Math.abs(fraction - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / m));
    }
    // The same check tells random 3-SAT apart: there a literal agrees with any fixed assignment with probability ½.
    const random = agreements(clauses({ ...spec, problem: 'ksat' }), sigma);
    const randomPerLiteral = random.reduce((a, b) => a + b, 0) / (3 * m);
    expect(Math.abs(randomPerLiteral - 1 / 2)).toBeLessThan(5 * Math.sqrt(3 / 4 / m) / 3);
    expect(perLiteral - randomPerLiteral).toBeGreaterThan(0.05);
    // σ* itself is uniform: about half of the variables are true.
    const trueFraction = sigma.filter((s) => s === 1).length / spec.n;
    expect(Math.abs(trueFraction - 1 / 2)).toBeLessThan(5 * Math.sqrt(1 / 4 / spec.n));
  });

  it('checks its spec as ksat does', () => {
    expect(specProblem(planted(2, 3, 3, 1))).toMatch(/K = 3 exceeds N = 2/);
    expect(specProblem({ problem: 'planted-ksat', n: 20, alpha: 3, k: null, seed: 1 })).toMatch(/K must be a positive integer, got null/);
    expect(specProblem(planted(20, 3, 3, 1))).toBeUndefined(); // even N is fine: no W·ξ to keep away from 0
    expect(() => plantedAssignment(planted(2, 3, 3, 1))).toThrow(/K = 3 exceeds N = 2/);
  });
});
