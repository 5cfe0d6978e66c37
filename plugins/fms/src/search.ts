// Focused Metropolis Search for K-SAT (Seitz, Alava & Orponen, "Focused local search for random
// 3-satisfiability", J. Stat. Mech. P06006, 2005): pick a uniformly random unsatisfied clause, a uniformly random
// variable in it, and flip it if ΔE ≤ 0, else with probability η^ΔE (E = number of unsatisfied clauses).
import type { KsatInstance, Rng } from '@densebench/core';

/** η near the optimum for 3-SAT (Seitz, Alava & Orponen 2005). */
export const ETA_3SAT = 0.37;
/** η for 4-SAT and longer clauses (RandCSPBench's FMS setting for 4-SAT, `-noise 293 1000`). */
export const ETA_4SAT = 0.293;

/** The default η for clauses of length K: 0.37 up to K = 3, 0.293 from K = 4. */
export function defaultEta(k: number): number {
  return k <= 3 ? ETA_3SAT : ETA_4SAT;
}

/** Length of the longest clause: K for random K-SAT. */
export function longestClause(instance: KsatInstance): number {
  const { m, clauseStart } = instance;
  let k = 0;
  for (let c = 0; c < m; c++) k = Math.max(k, clauseStart[c + 1]! - clauseStart[c]!);
  return k;
}

/**
 * The search state of FMS on one formula: current assignment, per-clause true-literal counts, the dense list of
 * unsatisfied clauses, and the lowest-energy assignment seen since the last reset.
 *
 * The formula is normalised once, so that the counts give ΔE exactly on any DIMACS input: repeated literals in a
 * clause are merged, clauses with both x and ¬x (always satisfied) are dropped, and empty clauses (never
 * satisfied) are counted in a constant part of the energy rather than listed (they have no variable to flip).
 */
export class FocusedSearch {
  readonly n: number;
  readonly eta: number;
  /** Empty clauses of the formula: unsatisfied by every assignment. */
  readonly emptyClauses: number;
  /** Attempted and accepted flips since construction (all resets included). */
  attemptedFlips = 0;
  acceptedFlips = 0;

  private readonly rng: Rng;
  private readonly values: Int8Array;
  // Normalised clauses (CSR): distinct 0-based variables; `occurrence` holds (clause << 1) | (literal is positive).
  private readonly clauseStart: Int32Array;
  private readonly clauseVariable: Int32Array;
  private readonly occurrenceStart: Int32Array;
  private readonly occurrence: Int32Array;
  /** True literals per clause: bytes when no clause is longer than 255 literals (less memory traffic at large N). */
  private readonly trueCount: Uint8Array | Int32Array;
  private readonly unsat: Int32Array;
  private readonly unsatPosition: Int32Array;
  private unsatCount = 0;
  /** K when every normalised clause has K literals (then one draw picks clause and variable), else 0. */
  private readonly uniformLength: number;
  /** acceptance[d] = η^d for d = 0 … max degree (ΔE ≤ degree − 1, since the chosen clause is always made). */
  private readonly acceptance: Float64Array;
  // Best seen: `bestUnsat` listed clauses. While `logValid`, the best assignment is the current one with the
  // `logLength` flips of `log` undone; when the log fills up it is materialised into `best`.
  private bestUnsat = 0;
  private readonly best: Int8Array;
  private readonly log: Int32Array;
  private logLength = 0;
  private logValid = true;

  constructor(instance: KsatInstance, eta: number, rng: Rng) {
    if (!(eta > 0 && eta <= 1)) throw new RangeError(`fms: eta must be in (0, 1], got ${eta}`);
    const { n, m, clauseStart, clauseLiterals } = instance;
    this.n = n;
    this.eta = eta;
    this.rng = rng;
    this.values = new Int8Array(n).fill(1);
    this.best = new Int8Array(n);
    this.log = new Int32Array(Math.max(n, 64));

    // Normalise the clauses: `mark[v]` = 1 + the clause that last saw v, `markSign[v]` its sign there.
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
    this.emptyClauses = empty;
    let uniform = kept > 0 ? start[1]! - start[0]! : 0;
    let longest = 0;
    for (let c = 0; c < kept; c++) {
      const size = start[c + 1]! - start[c]!;
      if (size !== uniform) uniform = 0;
      longest = Math.max(longest, size);
    }
    this.uniformLength = uniform;
    this.clauseStart = start.slice(0, kept + 1);
    this.clauseVariable = variable.slice(0, length);

    // Occurrence lists (CSR) of the normalised clauses.
    const degree = new Int32Array(n + 1);
    for (let j = 0; j < length; j++) degree[variable[j]! + 1]!++;
    let maxDegree = 0;
    for (let v = 0; v < n; v++) {
      maxDegree = Math.max(maxDegree, degree[v + 1]!);
      degree[v + 1]! += degree[v]!;
    }
    this.occurrenceStart = degree;
    this.occurrence = new Int32Array(length);
    const fill = degree.slice(0, n);
    for (let c = 0; c < kept; c++) {
      for (let j = this.clauseStart[c]!; j < this.clauseStart[c + 1]!; j++) {
        this.occurrence[fill[variable[j]!]!++] = (c << 1) | positive[j]!;
      }
    }

    this.trueCount = longest <= 255 ? new Uint8Array(kept) : new Int32Array(kept);
    this.unsat = new Int32Array(kept);
    this.unsatPosition = new Int32Array(kept);
    this.acceptance = new Float64Array(maxDegree + 1);
    for (let d = 0; d <= maxDegree; d++) this.acceptance[d] = eta ** d;
    this.reset(this.values);
  }

  /** Number of unsatisfied clauses of the current assignment. */
  get energy(): number {
    return this.unsatCount + this.emptyClauses;
  }

  /** Lowest energy since the last reset. */
  get bestEnergy(): number {
    return this.bestUnsat + this.emptyClauses;
  }

  /** True when no unsatisfied clause has a variable to flip: E = 0, or only empty clauses are left. */
  get done(): boolean {
    return this.unsatCount === 0;
  }

  /** The current assignment, live (±1, +1 = true). Read it, do not write it. */
  get assignment(): Int8Array {
    return this.values;
  }

  /** A copy of the lowest-energy assignment seen since the last reset. */
  bestAssignment(): Int8Array {
    if (!this.logValid) return this.best.slice();
    const out = this.values.slice();
    for (let i = 0; i < this.logLength; i++) {
      const v = this.log[i]!;
      out[v] = -out[v]! as -1 | 1;
    }
    return out;
  }

  /** Starts from a uniformly random assignment drawn from the search's generator. */
  randomize(): void {
    const { values, rng } = this;
    for (let i = 0; i < values.length; i++) values[i] = rng.nextSign();
    this.reset(values);
  }

  /** Starts from `assignment` (±1 entries, length N): recounts the clauses and forgets the best seen. */
  reset(assignment: Int8Array): void {
    const { values, occurrenceStart, occurrence, trueCount, unsat, unsatPosition } = this;
    if (assignment.length !== this.n) throw new RangeError(`fms: assignment has length ${assignment.length}, expected ${this.n}`);
    if (assignment !== values) values.set(assignment);
    trueCount.fill(0);
    for (let v = 0; v < this.n; v++) {
      if (values[v] !== 1 && values[v] !== -1) throw new RangeError(`fms: assignment[${v}] = ${values[v]}, expected ±1`);
      const bit = values[v]! > 0 ? 1 : 0;
      for (let o = occurrenceStart[v]!, end = occurrenceStart[v + 1]!; o < end; o++) {
        const e = occurrence[o]!;
        if ((e & 1) === bit) trueCount[e >> 1]!++;
      }
    }
    let count = 0;
    for (let c = 0; c < trueCount.length; c++) {
      if (trueCount[c] === 0) {
        unsat[count] = c;
        unsatPosition[c] = count++;
      }
    }
    this.unsatCount = count;
    this.bestUnsat = count;
    this.logLength = 0;
    this.logValid = true;
  }

  /** ΔE of flipping variable v (0-based) from the current assignment: break(v) − make(v), in O(degree). */
  deltaEnergy(v: number): number {
    const { values, occurrenceStart, occurrence, trueCount } = this;
    const bit = values[v]! > 0 ? 1 : 0;
    let delta = 0;
    for (let o = occurrenceStart[v]!, end = occurrenceStart[v + 1]!; o < end; o++) {
      const e = occurrence[o]!;
      const count = trueCount[e >> 1]!;
      // As in run(): break when v's literal is the clause's only true one, make when the clause is unsatisfied.
      const same = 1 ^ (e & 1) ^ bit;
      delta += (same & (((count ^ 1) - 1) >>> 31)) - ((same ^ 1) & ((count - 1) >>> 31));
    }
    return delta;
  }

  /** One FMS step (an attempted flip); returns 1, or 0 when `done` and there is nothing to attempt. */
  step(): number {
    return this.run(1);
  }

  /**
   * Up to `limit` FMS steps; stops early when `done`. Returns the number of attempted flips (rejected proposals
   * included).
   */
  run(limit: number): number {
    const { rng, values, clauseStart, clauseVariable, occurrenceStart, occurrence, trueCount, unsat, unsatPosition, acceptance, log, uniformLength } = this;
    const logCapacity = log.length;
    let unsatCount = this.unsatCount;
    let bestUnsat = this.bestUnsat;
    let logLength = this.logLength;
    let logValid = this.logValid;
    let attempts = 0;
    let accepted = 0;
    while (attempts < limit && unsatCount > 0) {
      attempts++;
      // A uniformly random unsatisfied clause, then a uniformly random variable in it. With clauses of one length
      // K (clause c then at [cK, cK + K)), a single draw r in [0, K·#unsat) picks both — clause r / K, position r mod K —
      // with the same distribution.
      let v: number;
      if (uniformLength > 0) {
        const r = rng.nextInt(unsatCount * uniformLength);
        const q = (r / uniformLength) | 0;
        v = clauseVariable[unsat[q]! * uniformLength + r - q * uniformLength]!;
      } else {
        const c = unsat[rng.nextInt(unsatCount)]!;
        const first = clauseStart[c]!;
        v = clauseVariable[first + rng.nextInt(clauseStart[c + 1]! - first)]!;
      }
      const bit = values[v]! > 0 ? 1 : 0;
      const o0 = occurrenceStart[v]!;
      const o1 = occurrenceStart[v + 1]!;
      // ΔE = break − make: clauses where v's literal is the only true one, minus unsatisfied clauses it would make.
      // Branch-free (the branches on random clauses mispredict): `same` is 1 when the literal is true now;
      // ((c ^ 1) − 1) >>> 31 is 1 exactly when c = 1, (c − 1) >>> 31 exactly when c = 0.
      let delta = 0;
      for (let o = o0; o < o1; o++) {
        const e = occurrence[o]!;
        const count = trueCount[e >> 1]!;
        const same = 1 ^ (e & 1) ^ bit;
        delta += (same & (((count ^ 1) - 1) >>> 31)) - ((same ^ 1) & ((count - 1) >>> 31));
      }
      if (delta > 0 && rng.nextFloat() >= acceptance[delta]!) continue;

      accepted++;
      values[v] = bit === 1 ? -1 : 1;
      for (let o = o0; o < o1; o++) {
        const e = occurrence[o]!;
        const d = e >> 1;
        if ((e & 1) === bit) {
          if (--trueCount[d]! === 0) {
            unsat[unsatCount] = d;
            unsatPosition[d] = unsatCount++;
          }
        } else if (trueCount[d]!++ === 0) {
          const p = unsatPosition[d]!;
          const last = unsat[--unsatCount]!;
          unsat[p] = last;
          unsatPosition[last] = p;
        }
      }

      if (unsatCount < bestUnsat) {
        bestUnsat = unsatCount;
        logLength = 0;
        logValid = true;
      } else if (logValid) {
        if (logLength < logCapacity) {
          log[logLength++] = v;
        } else {
          // Materialise the best assignment: undo the logged flips and this one.
          const best = this.best;
          best.set(values);
          for (let i = 0; i < logLength; i++) {
            const u = log[i]!;
            best[u] = -best[u]! as -1 | 1;
          }
          best[v] = -best[v]! as -1 | 1;
          logValid = false;
        }
      }
    }
    this.unsatCount = unsatCount;
    this.bestUnsat = bestUnsat;
    this.logLength = logLength;
    this.logValid = logValid;
    this.attemptedFlips += attempts;
    this.acceptedFlips += accepted;
    return attempts;
  }
}
