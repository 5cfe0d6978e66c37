// Focused Metropolis Search for K-SAT (Seitz, Alava & Orponen, "Focused local search for random
// 3-satisfiability", J. Stat. Mech. P06006, 2005): pick a uniformly random unsatisfied clause, a uniformly random
// variable in it, and flip it if ΔE ≤ 0, else with probability η^ΔE (E = number of unsatisfied clauses).
import type { KsatInstance, Rng } from '@densebench/core';
import { IncrementalKsat, randomConfiguration } from '@densebench/local-search';

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
 * The search state of FMS on one formula: the incremental energy of @densebench/local-search (current assignment,
 * per-clause true-literal counts, the dense list of unsatisfied clauses, over the formula normalised once so that ΔE is
 * exact on any DIMACS input), and the lowest-energy assignment seen since the last reset.
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
  private readonly state: IncrementalKsat;
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
    const { n } = instance;
    this.n = n;
    this.eta = eta;
    this.rng = rng;
    this.state = new IncrementalKsat(instance);
    const { emptyClauses, maxDegree } = this.state.layout;
    this.emptyClauses = emptyClauses;
    this.best = new Int8Array(n);
    this.log = new Int32Array(Math.max(n, 64));
    this.acceptance = new Float64Array(maxDegree + 1);
    for (let d = 0; d <= maxDegree; d++) this.acceptance[d] = eta ** d;
    this.bestUnsat = this.state.unsatisfiedCount;
  }

  /** Number of unsatisfied clauses of the current assignment. */
  get energy(): number {
    return this.state.energy;
  }

  /** Lowest energy since the last reset. */
  get bestEnergy(): number {
    return this.bestUnsat + this.emptyClauses;
  }

  /** True when no unsatisfied clause has a variable to flip: E = 0, or only empty clauses are left. */
  get done(): boolean {
    return this.state.unsatisfiedCount === 0;
  }

  /** The current assignment, live (±1, +1 = true). Read it, do not write it. */
  get assignment(): Int8Array {
    return this.state.weights;
  }

  /** A copy of the lowest-energy assignment seen since the last reset. */
  bestAssignment(): Int8Array {
    if (!this.logValid) return this.best.slice();
    const out = this.state.weights.slice();
    for (let i = 0; i < this.logLength; i++) {
      const v = this.log[i]!;
      out[v] = -out[v]! as -1 | 1;
    }
    return out;
  }

  /** Starts from a uniformly random assignment drawn from the search's generator. */
  randomize(): void {
    this.reset(randomConfiguration(this.state.weights, this.rng));
  }

  /** Starts from `assignment` (±1 entries, length N): recounts the clauses and forgets the best seen. */
  reset(assignment: Int8Array): void {
    if (assignment.length !== this.n) throw new RangeError(`fms: assignment has length ${assignment.length}, expected ${this.n}`);
    for (let v = 0; v < this.n; v++) {
      if (assignment[v] !== 1 && assignment[v] !== -1) throw new RangeError(`fms: assignment[${v}] = ${assignment[v]}, expected ±1`);
    }
    this.state.reset(assignment);
    this.bestUnsat = this.state.unsatisfiedCount;
    this.logLength = 0;
    this.logValid = true;
  }

  /** ΔE of flipping variable v (0-based) from the current assignment: break(v) − make(v), in O(degree). */
  deltaEnergy(v: number): number {
    return this.state.deltaEnergy(v);
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
    const { rng, state, acceptance, log } = this;
    const { clauseStart, clauseVariable, uniformLength } = state.layout;
    const unsat = state.unsatisfied;
    const logCapacity = log.length;
    let unsatCount = state.unsatisfiedCount;
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
      const delta = state.deltaEnergy(v);
      if (delta > 0 && rng.nextFloat() >= acceptance[delta]!) continue;

      accepted++;
      state.flip(v, delta);
      unsatCount = state.unsatisfiedCount;

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
          best.set(state.weights);
          for (let i = 0; i < logLength; i++) {
            const u = log[i]!;
            best[u] = -best[u]! as -1 | 1;
          }
          best[v] = -best[v]! as -1 | 1;
          logValid = false;
        }
      }
    }
    this.bestUnsat = bestUnsat;
    this.logLength = logLength;
    this.logValid = logValid;
    this.attemptedFlips += attempts;
    this.acceptedFlips += accepted;
    return attempts;
  }
}
