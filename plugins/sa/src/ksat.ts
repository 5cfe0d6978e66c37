// Simulated annealing (Kirkpatrick, Gelatt & Vecchi 1983) on a CNF formula, energy = number of unsatisfied
// clauses, single-variable Metropolis moves at a random site. Incremental scheme: per-clause counts of true
// literals; ΔE of flipping v is break(v) − make(v), read from v's occurrence list (CSR) in O(degree).
import type { KsatInstance, SolveContext } from '@densebench/core';

export class KsatAnnealer {
  readonly n: number;
  readonly occurrenceStart: Int32Array;
  readonly occurrenceClause: Int32Array;
  /** +1 if the occurrence is the positive literal, −1 if negated: the literal is true when the variable's value equals it. */
  readonly occurrenceSign: Int8Array;
  readonly clauseTrueCount: Int32Array;
  readonly weights: Int8Array;
  energy = 0;
  private readonly instance: KsatInstance;

  constructor(instance: KsatInstance) {
    const { n, m, clauseStart, clauseLiterals } = instance;
    this.instance = instance;
    this.n = n;
    const degree = new Int32Array(n + 1);
    for (let j = 0; j < clauseLiterals.length; j++) degree[Math.abs(clauseLiterals[j]!)]!++;
    this.occurrenceStart = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.occurrenceStart[v + 1] = this.occurrenceStart[v]! + degree[v + 1]!;
    this.occurrenceClause = new Int32Array(clauseLiterals.length);
    this.occurrenceSign = new Int8Array(clauseLiterals.length);
    const fill = this.occurrenceStart.slice(0, n);
    for (let c = 0; c < m; c++) {
      for (let j = clauseStart[c]!; j < clauseStart[c + 1]!; j++) {
        const lit = clauseLiterals[j]!;
        const v = Math.abs(lit) - 1;
        const slot = fill[v]!++;
        this.occurrenceClause[slot] = c;
        this.occurrenceSign[slot] = lit > 0 ? 1 : -1;
      }
    }
    this.clauseTrueCount = new Int32Array(m);
    this.weights = new Int8Array(n);
  }

  reset(assignment: Int8Array): void {
    const { m, clauseStart, clauseLiterals } = this.instance;
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
      const c = occurrenceClause[o]!;
      clauseTrueCount[c] += occurrenceSign[o] === value ? -1 : 1;
    }
    this.weights[v] = -value;
    this.energy += delta;
  }

  sweep(beta: number, rng: SolveContext['rng']): number {
    const n = this.n;
    const accept1 = Math.exp(-beta);
    const accept2 = Math.exp(-2 * beta);
    for (let attempt = 0; attempt < n; attempt++) {
      const v = rng.nextInt(n);
      const delta = this.deltaEnergy(v);
      let accept = delta <= 0;
      if (!accept) accept = rng.nextFloat() < (delta === 1 ? accept1 : delta === 2 ? accept2 : Math.exp(-beta * delta));
      if (accept) {
        this.flip(v, delta);
        if (this.energy === 0) return attempt + 1;
      }
    }
    return n;
  }
}
