// Incremental energy of a CNF formula, E = number of unsatisfied clauses: per-clause counts of true literals and the
// dense list of unsatisfied clauses are kept up to date under single flips; ΔE of flipping v is break(v) − make(v),
// read from v's occurrence list (CSR) in O(degree). One copy, used by the Metropolis sweep (sa, rmc, lesa) and by
// Focused Metropolis Search (plugins/fms, whose random pick reads the list of unsatisfied clauses); the C twin in
// plugins/native-ref keeps the same layout.
import type { KsatInstance } from '@densebench/core';
import type { IncrementalEnergy } from './incremental.js';

/**
 * Read-only layout: the formula normalised once, so that the counts give ΔE exactly on any DIMACS input — a literal
 * repeated within a clause kept once, a clause holding both x and ¬x (always satisfied) dropped, an empty clause (never
 * satisfied, nothing to flip) counted in a constant part of the energy rather than listed — and, for each variable,
 * its occurrences in the normalised clauses. Generated random K-SAT has none of these: its layout is the formula's.
 */
export interface KsatLayout {
  readonly instance: KsatInstance;
  /** Normalised clauses in CSR form: clause c holds the variables clauseVariable[clauseStart[c] … clauseStart[c + 1]). */
  readonly clauseStart: Int32Array;
  /** Distinct 0-based variables of each normalised clause. */
  readonly clauseVariable: Int32Array;
  /** Clauses of the formula with no literal: unsatisfied by every assignment. */
  readonly emptyClauses: number;
  /** K when every normalised clause has K literals (clause c then at [cK, cK + K)), else 0. */
  readonly uniformLength: number;
  /** Most literals in a normalised clause. */
  readonly longestClause: number;
  /** Most occurrences of one variable: ΔE ≤ maxDegree. */
  readonly maxDegree: number;
  /** Occurrences of variable v: occurrence[occurrenceStart[v] … occurrenceStart[v + 1]). */
  readonly occurrenceStart: Int32Array;
  /** (normalised clause << 1) | 1 if the literal is positive: the literal is true when the variable is +1 exactly then. */
  readonly occurrence: Int32Array;
}

export function ksatLayout(instance: KsatInstance): KsatLayout {
  const { n, m, clauseStart, clauseLiterals } = instance;
  // `mark[v]` = 1 + the clause that last saw v, `markSign[v]` its sign there.
  const mark = new Int32Array(n);
  const markSign = new Int8Array(n);
  const start = new Int32Array(m + 1);
  const variable = new Int32Array(clauseLiterals.length);
  const positive = new Uint8Array(clauseLiterals.length);
  let kept = 0;
  let length = 0;
  let empty = 0;
  for (let c = 0; c < m; c++) {
    const first = length;
    let tautology = false;
    for (let j = clauseStart[c]!; j < clauseStart[c + 1]!; j++) {
      const lit = clauseLiterals[j]!;
      const v = Math.abs(lit) - 1;
      const sign = lit > 0 ? 1 : -1;
      if (mark[v] === c + 1) {
        if (markSign[v] !== sign) tautology = true;
        continue;
      }
      mark[v] = c + 1;
      markSign[v] = sign;
      variable[length] = v;
      positive[length] = lit > 0 ? 1 : 0;
      length++;
    }
    if (tautology) length = first;
    else if (length === first) empty++;
    else start[++kept] = length;
  }
  let uniform = kept > 0 ? start[1]! - start[0]! : 0;
  let longest = 0;
  for (let c = 0; c < kept; c++) {
    const size = start[c + 1]! - start[c]!;
    if (size !== uniform) uniform = 0;
    longest = Math.max(longest, size);
  }
  const normalisedStart = start.slice(0, kept + 1);

  const occurrenceStart = new Int32Array(n + 1);
  for (let j = 0; j < length; j++) occurrenceStart[variable[j]! + 1]!++;
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    maxDegree = Math.max(maxDegree, occurrenceStart[v + 1]!);
    occurrenceStart[v + 1]! += occurrenceStart[v]!;
  }
  const occurrence = new Int32Array(length);
  const fill = occurrenceStart.slice(0, n);
  for (let c = 0; c < kept; c++) {
    for (let j = normalisedStart[c]!; j < normalisedStart[c + 1]!; j++) occurrence[fill[variable[j]!]!++] = (c << 1) | positive[j]!;
  }
  return {
    instance,
    clauseStart: normalisedStart,
    clauseVariable: variable.slice(0, length),
    emptyClauses: empty,
    uniformLength: uniform,
    longestClause: longest,
    maxDegree,
    occurrenceStart,
    occurrence,
  };
}

export class IncrementalKsat implements IncrementalEnergy {
  readonly variables: number;
  readonly layout: KsatLayout;
  readonly occurrenceStart: Int32Array;
  readonly occurrence: Int32Array;
  /** True literals per normalised clause: bytes when no clause has more than 255 literals (less memory traffic at large N). */
  readonly clauseTrueCount: Uint8Array | Int32Array;
  /** The unsatisfied normalised clauses, in [0, unsatisfiedCount); in no particular order. */
  readonly unsatisfied: Int32Array;
  readonly weights: Int8Array;
  private readonly unsatisfiedPosition: Int32Array;
  private unsatisfiedClauses = 0;

  constructor(source: KsatInstance | KsatLayout) {
    this.layout = 'kind' in source ? ksatLayout(source) : source;
    const { instance, occurrenceStart, occurrence, clauseStart, longestClause } = this.layout;
    const clauses = clauseStart.length - 1;
    this.variables = instance.n;
    this.occurrenceStart = occurrenceStart;
    this.occurrence = occurrence;
    this.clauseTrueCount = longestClause <= 255 ? new Uint8Array(clauses) : new Int32Array(clauses);
    this.unsatisfied = new Int32Array(clauses);
    this.unsatisfiedPosition = new Int32Array(clauses);
    this.weights = new Int8Array(instance.n).fill(1);
    this.reset(this.weights);
  }

  /** Unsatisfied clauses that have a variable to flip: the energy without the empty clauses. */
  get unsatisfiedCount(): number {
    return this.unsatisfiedClauses;
  }

  get energy(): number {
    return this.unsatisfiedClauses + this.layout.emptyClauses;
  }

  clone(): IncrementalKsat {
    return new IncrementalKsat(this.layout);
  }

  reset(assignment: Int8Array): void {
    const { weights, occurrenceStart, occurrence, clauseTrueCount, unsatisfied, unsatisfiedPosition } = this;
    if (assignment !== weights) weights.set(assignment);
    clauseTrueCount.fill(0);
    for (let v = 0; v < this.variables; v++) {
      const bit = weights[v]! > 0 ? 1 : 0;
      for (let o = occurrenceStart[v]!, end = occurrenceStart[v + 1]!; o < end; o++) {
        const e = occurrence[o]!;
        if ((e & 1) === bit) clauseTrueCount[e >> 1]!++;
      }
    }
    let count = 0;
    for (let c = 0; c < clauseTrueCount.length; c++) {
      if (clauseTrueCount[c] === 0) {
        unsatisfied[count] = c;
        unsatisfiedPosition[c] = count++;
      }
    }
    this.unsatisfiedClauses = count;
  }

  deltaEnergy(v: number): number {
    const { occurrenceStart, occurrence, clauseTrueCount } = this;
    const bit = this.weights[v]! > 0 ? 1 : 0;
    let delta = 0;
    // Branch-free (the branches on random clauses mispredict): `same` is 1 when v's literal is true now;
    // ((c ^ 1) − 1) >>> 31 is 1 exactly when c = 1 (a break), (c − 1) >>> 31 exactly when c = 0 (a make).
    for (let o = occurrenceStart[v]!, end = occurrenceStart[v + 1]!; o < end; o++) {
      const e = occurrence[o]!;
      const count = clauseTrueCount[e >> 1]!;
      const same = 1 ^ (e & 1) ^ bit;
      delta += (same & (((count ^ 1) - 1) >>> 31)) - ((same ^ 1) & ((count - 1) >>> 31));
    }
    return delta;
  }

  /** Flips v (`delta`, its ΔE, is not needed: the energy is read from the list of unsatisfied clauses). */
  flip(v: number, _delta: number): void {
    const { weights, occurrenceStart, occurrence, clauseTrueCount, unsatisfied, unsatisfiedPosition } = this;
    const bit = weights[v]! > 0 ? 1 : 0;
    let count = this.unsatisfiedClauses;
    weights[v] = bit === 1 ? -1 : 1;
    for (let o = occurrenceStart[v]!, end = occurrenceStart[v + 1]!; o < end; o++) {
      const e = occurrence[o]!;
      const d = e >> 1;
      if ((e & 1) === bit) {
        if (--clauseTrueCount[d]! === 0) {
          unsatisfied[count] = d;
          unsatisfiedPosition[d] = count++;
        }
      } else if (clauseTrueCount[d]!++ === 0) {
        const p = unsatisfiedPosition[d]!;
        const last = unsatisfied[--count]!;
        unsatisfied[p] = last;
        unsatisfiedPosition[last] = p;
      }
    }
    this.unsatisfiedClauses = count;
  }
}
