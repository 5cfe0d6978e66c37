import { describe, expect, it } from 'vitest';
import { ksatEnergy, Rng, type KsatInstance } from '@densebench/core';
import { generate, parseDimacs } from '@densebench/problems';
import { IncrementalKsat, ksatLayout, randomConfiguration } from '../src/index.js';

/** Whether normalised clause c of `state` has no true literal, read from the layout and the assignment alone. */
function unsatisfied(state: IncrementalKsat, c: number): boolean {
  const { clauseStart, occurrenceStart, occurrence } = state.layout;
  for (let v = 0; v < state.variables; v++) {
    for (let o = occurrenceStart[v]!; o < occurrenceStart[v + 1]!; o++) {
      if (occurrence[o]! >> 1 === c && (occurrence[o]! & 1) === (state.weights[v]! > 0 ? 1 : 0)) return false;
    }
  }
  return clauseStart[c + 1]! > clauseStart[c]!;
}

describe('IncrementalKsat', () => {
  it('normalises a formula: repeated literals kept once, x ∨ ¬x dropped, empty clauses counted apart', () => {
    const formula = parseDimacs('p cnf 3 5\n1 1 2 0\n2 -2 3 0\n0\n-3 0\n1 2 3 0\n');
    const layout = ksatLayout(formula);
    expect(Array.from(layout.clauseStart)).toEqual([0, 2, 3, 6]);
    expect(Array.from(layout.clauseVariable)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(layout.emptyClauses).toBe(1);
    expect(layout.uniformLength).toBe(0);
    expect(layout.longestClause).toBe(3);
    expect(layout.maxDegree).toBe(2);
  });

  it('keeps the list of unsatisfied clauses equal to a recomputation along a random walk', () => {
    const formulas: KsatInstance[] = [
      parseDimacs('p cnf 6 9\n1 1 2 0\n1 -1 0\n-3 -3 -3 0\n2 -4 4 5 0\n-1 -2 0\n3 4 5 6 0\n-5 0\n0\n2 2 -6 -6 1 0\n'),
      generate({ problem: 'ksat', n: 40, alpha: 4.5, k: 3, seed: 2 }).instance as KsatInstance,
    ];
    for (const formula of formulas) {
      const state = new IncrementalKsat(formula);
      const rng = new Rng('walk');
      state.reset(randomConfiguration(new Int8Array(state.variables), rng));
      for (let step = 0; step < 500; step++) {
        const v = rng.nextInt(state.variables);
        state.flip(v, state.deltaEnergy(v));
        const listed = Array.from(state.unsatisfied.subarray(0, state.unsatisfiedCount)).sort((a, b) => a - b);
        const expected: number[] = [];
        for (let c = 0; c < state.layout.clauseStart.length - 1; c++) if (unsatisfied(state, c)) expected.push(c);
        expect(listed).toEqual(expected);
        expect(state.energy).toBe(ksatEnergy(formula, state.weights));
      }
    }
  });
});
