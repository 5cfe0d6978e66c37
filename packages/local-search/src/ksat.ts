// Incremental energy of a CNF formula, E = number of unsatisfied clauses. Per-clause counts of true literals are
// kept up to date; ΔE of flipping v is break(v) − make(v), read from v's occurrence list (CSR) in O(degree).
import type { KsatInstance } from '@densebench/core';
import type { IncrementalEnergy } from './incremental.js';

/** Read-only layout: the formula's clauses plus, for each variable, its occurrences (clause and literal sign). */
export interface KsatLayout {
  readonly instance: KsatInstance;
  readonly occurrenceStart: Int32Array;
  readonly occurrenceClause: Int32Array;
  /** +1 if the occurrence is the positive literal, −1 if negated: the literal is true when the variable's value equals it. */
  readonly occurrenceSign: Int8Array;
}

export function ksatLayout(instance: KsatInstance): KsatLayout {
  const { n, m, clauseStart, clauseLiterals } = instance;
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
  return { instance, occurrenceStart, occurrenceClause, occurrenceSign };
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
    const { m, clauseStart, clauseLiterals } = this.layout.instance;
    this.weights.set(assignment);
    this.energy = 0;
    for (let c = 0; c < m; c++) {
      let count = 0;
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
