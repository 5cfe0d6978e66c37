// Incremental energy of a CNF formula, E = number of unsatisfied clauses. Per-clause counts of true literals are
// kept up to date; ΔE of flipping v is break(v) − make(v), read from v's occurrence list (CSR) in O(degree).
import type { KsatInstance } from '@densebench/core';
import type { IncrementalEnergy } from './incremental.js';

/**
 * Read-only layout: the formula's clauses, normalised — a literal repeated within a clause kept once, a clause holding
 * both x and ¬x (always satisfied) kept without literals and marked — plus, for each variable, its occurrences in the
 * normalised clauses (clause and literal sign). Generated random K-SAT has neither, so its layout is the formula's.
 */
export interface KsatLayout {
  readonly instance: KsatInstance;
  readonly clauseStart: Int32Array;
  readonly clauseLiterals: Int32Array;
  /** 1 for a clause that holds both x and ¬x: it counts one true literal forever. */
  readonly tautology: Uint8Array;
  readonly occurrenceStart: Int32Array;
  readonly occurrenceClause: Int32Array;
  /** +1 if the occurrence is the positive literal, −1 if negated: the literal is true when the variable's value equals it. */
  readonly occurrenceSign: Int8Array;
}

export function ksatLayout(instance: KsatInstance): KsatLayout {
  const { n, m } = instance;
  const clauseStart = new Int32Array(m + 1);
  const kept = new Int32Array(instance.clauseLiterals.length);
  const tautology = new Uint8Array(m);
  let size = 0;
  for (let c = 0; c < m; c++) {
    const first = size;
    for (let j = instance.clauseStart[c]!; j < instance.clauseStart[c + 1]!; j++) {
      const lit = instance.clauseLiterals[j]!;
      let repeated = false;
      for (let q = first; q < size; q++) {
        if (kept[q] === lit) repeated = true;
        else if (kept[q] === -lit) tautology[c] = 1;
      }
      if (!repeated) kept[size++] = lit;
    }
    if (tautology[c]) size = first;
    clauseStart[c + 1] = size;
  }
  const clauseLiterals = kept.slice(0, size);
  const degree = new Int32Array(n + 1);
  for (let j = 0; j < clauseLiterals.length; j++) degree[Math.abs(clauseLiterals[j]!)]!++;
  const occurrenceStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) occurrenceStart[v + 1] = occurrenceStart[v]! + degree[v + 1]!;
  const occurrenceClause = new Int32Array(clauseLiterals.length);
  const occurrenceSign = new Int8Array(clauseLiterals.length);
  const fill = occurrenceStart.slice(0, n);
  for (let c = 0; c < m; c++) {
    for (let j = clauseStart[c]!; j < clauseStart[c + 1]!; j++) {
      const lit = clauseLiterals[j]!;
      const slot = fill[Math.abs(lit) - 1]!++;
      occurrenceClause[slot] = c;
      occurrenceSign[slot] = lit > 0 ? 1 : -1;
    }
  }
  return { instance, clauseStart, clauseLiterals, tautology, occurrenceStart, occurrenceClause, occurrenceSign };
}

export class IncrementalKsat implements IncrementalEnergy {
  readonly variables: number;
  readonly occurrenceStart: Int32Array;
  readonly occurrenceClause: Int32Array;
  readonly occurrenceSign: Int8Array;
  readonly clauseTrueCount: Int32Array;
  readonly weights: Int8Array;
  energy = 0;
  private readonly layout: KsatLayout;

  constructor(source: KsatInstance | KsatLayout) {
    this.layout = 'kind' in source ? ksatLayout(source) : source;
    const { instance, occurrenceStart, occurrenceClause, occurrenceSign } = this.layout;
    this.variables = instance.n;
    this.occurrenceStart = occurrenceStart;
    this.occurrenceClause = occurrenceClause;
    this.occurrenceSign = occurrenceSign;
    this.clauseTrueCount = new Int32Array(instance.m);
    this.weights = new Int8Array(instance.n).fill(1);
    this.reset(this.weights);
  }

  clone(): IncrementalKsat {
    return new IncrementalKsat(this.layout);
  }

  reset(assignment: Int8Array): void {
    const { m } = this.layout.instance;
    const { clauseStart, clauseLiterals, tautology } = this.layout;
    this.weights.set(assignment);
    this.energy = 0;
    for (let c = 0; c < m; c++) {
      let count = tautology[c]!;
      for (let j = clauseStart[c]!; j < clauseStart[c + 1]!; j++) {
        const lit = clauseLiterals[j]!;
        if ((lit > 0 ? 1 : -1) === assignment[Math.abs(lit) - 1]) count++;
      }
      this.clauseTrueCount[c] = count;
      if (count === 0) this.energy++;
    }
  }

  deltaEnergy(v: number): number {
    const { occurrenceStart, occurrenceClause, occurrenceSign, clauseTrueCount } = this;
    const value = this.weights[v]!;
    let breaks = 0;
    let makes = 0;
    for (let o = occurrenceStart[v]!, end = occurrenceStart[v + 1]!; o < end; o++) {
      const count = clauseTrueCount[occurrenceClause[o]!]!;
      if (occurrenceSign[o] === value) {
        if (count === 1) breaks++;
      } else if (count === 0) makes++;
    }
    return breaks - makes;
  }

  flip(v: number, delta: number): void {
    const { occurrenceStart, occurrenceClause, occurrenceSign, clauseTrueCount } = this;
    const value = this.weights[v]!;
    for (let o = occurrenceStart[v]!, end = occurrenceStart[v + 1]!; o < end; o++) {
      clauseTrueCount[occurrenceClause[o]!] += occurrenceSign[o] === value ? -1 : 1;
    }
    this.weights[v] = -value;
    this.energy += delta;
  }
}
