// Replicated Monte Carlo on the robust ensemble (Baldassi, Borgs, Chayes, Ingrosso, Lucibello, Saglietti &
// Zecchina, PNAS 113, E7655, 2016, Eqs. 3–4; update rule as in carlobaldassi/RRRMC.jl, src/graphs/RE.jl and LE.jl).
//
// Traced centre:   E_RE = Σ_a E(W^a) − (1/β) Σ_j log 2cosh(γ S_j),   S_j = Σ_a W_j^a.
// Explicit centre: E_LE = Σ_a E(W^a) − (γ/β) Σ_j W̃_j S_j, with W̃ moved by the same Metropolis rule.
//
// A flip of W_j^a = w is accepted with probability min(1, exp(−β ΔE_a) · c), where ΔE_a comes from the replica's
// incremental energy and the coupling factor c takes few values, tabulated once per (β, γ):
//   traced:   c = cosh(γ(x − 2)) / cosh(γ x),  x = w S_j ∈ {2 − y, …, y}   (y + 1 values, RRRMC's fk table)
//   explicit: c = exp(−2γ w W̃_j)                                        (2 values)
// A flip of W̃_j (explicit only) has factor exp(−2γ W̃_j S_j), S_j ∈ {−y, …, y}.
import { log2cosh, type Rng } from '@densebench/core';
import { randomConfiguration, type IncrementalEnergy } from '@densebench/local-search';

export type CentreMode = 'traced' | 'explicit';

/** ΔE values whose Boltzmann factor is tabulated; rarer ones are computed. */
const TABULATED_DELTA = 8;

export class ReplicatedChain {
  readonly y: number;
  readonly mode: CentreMode;
  readonly variables: number;
  /** Attempted flips per sweep: y·N, or (y + 1)·N when the explicit centre moves too. */
  readonly attemptsPerSweep: number;
  readonly replicas: readonly IncrementalEnergy[];
  /** Traced: sign(S), the replicas' majority (a tie, possible for even y, counts as +1); explicit: the reference W̃. Kept with its energy. */
  readonly centre: IncrementalEnergy;
  /** S_j = Σ_a W_j^a. */
  readonly replicaSum: Int32Array;
  /** Index of the first configuration found at zero energy: 0 … y−1 a replica, y the centre; −1 none yet. */
  solvedBy = -1;
  private readonly boltzmann = new Float64Array(2 * TABULATED_DELTA + 1);
  /** Traced: indexed by (x + y) / 2 for x = w S_j. Explicit: indexed by (w W̃_j + 1) / 2. */
  private readonly replicaCoupling: Float64Array;
  /** Explicit only: indexed by (W̃_j S_j + y) / 2. */
  private readonly centreCoupling: Float64Array;
  private beta = Number.NaN;

  constructor(prototype: IncrementalEnergy, y: number, mode: CentreMode, rng: Rng) {
    if (!Number.isInteger(y) || y < 1) throw new Error(`rmc: y must be a positive integer, got ${y}`);
    this.y = y;
    this.mode = mode;
    this.variables = prototype.variables;
    this.attemptsPerSweep = (mode === 'traced' ? y : y + 1) * this.variables;
    const start = new Int8Array(this.variables);
    this.replicas = Array.from({ length: y }, (_, a) => {
      const replica = a === 0 ? prototype : prototype.clone();
      replica.reset(randomConfiguration(start, rng));
      return replica;
    });
    this.replicaSum = new Int32Array(this.variables);
    for (const replica of this.replicas) for (let j = 0; j < this.variables; j++) this.replicaSum[j] += replica.weights[j]!;
    this.centre = prototype.clone();
    if (mode === 'traced') {
      for (let j = 0; j < this.variables; j++) start[j] = this.replicaSum[j]! >= 0 ? 1 : -1;
    } else randomConfiguration(start, rng);
    this.centre.reset(start);
    this.replicaCoupling = new Float64Array(mode === 'traced' ? y + 1 : 2);
    this.centreCoupling = new Float64Array(mode === 'explicit' ? y + 1 : 0);
    this.checkSolved();
  }

  /** Tabulates the acceptance factors for inverse temperature β and coupling γ. */
  setTemperature(beta: number, gamma: number): void {
    if (beta !== this.beta) {
      for (let d = -TABULATED_DELTA; d <= TABULATED_DELTA; d++) this.boltzmann[d + TABULATED_DELTA] = Math.exp(-beta * d);
      this.beta = beta;
    }
    const { y, replicaCoupling, centreCoupling } = this;
    if (this.mode === 'traced') {
      for (let index = 0; index <= y; index++) {
        const x = 2 * index - y;
        replicaCoupling[index] = Math.exp(log2cosh(gamma * (x - 2)) - log2cosh(gamma * x));
      }
    } else {
      replicaCoupling[0] = Math.exp(2 * gamma);
      replicaCoupling[1] = Math.exp(-2 * gamma);
      for (let index = 0; index <= y; index++) centreCoupling[index] = Math.exp(-2 * gamma * (2 * index - y));
    }
  }

  /**
   * One sweep: y·N attempted replica flips (plus N attempted centre flips with the explicit centre), each at a
   * uniformly random (configuration, site). Returns the attempts made; stops early when any configuration reaches
   * E = 0.
   */
  sweep(rng: Rng): number {
    const { y, variables, replicas, centre, attemptsPerSweep: attempts } = this;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const pick = rng.nextInt(attempts);
      const a = (pick / variables) | 0;
      const j = pick - a * variables;
      const mover = a === y ? centre : replicas[a]!;
      // The centre carries no energy of its own: only its coupling decides, and its ΔE is needed only if it moves.
      const delta = a === y ? 0 : mover.deltaEnergy(j);
      const probability = this.acceptanceFactor(a, j, delta);
      if (probability < 1 && rng.nextFloat() >= probability) continue;
      this.applyFlip(a, j, a === y ? centre.deltaEnergy(j) : delta);
      if (mover.energy === 0 || centre.energy === 0) {
        this.solvedBy = mover.energy === 0 ? a : y;
        return attempt + 1;
      }
    }
    return attempts;
  }

  /**
   * Metropolis ratio w(after)/w(before) of flipping site j of configuration a (a = y: the explicit centre), whose
   * own ΔE is `delta`; the move is accepted with probability min(1, ratio).
   */
  acceptanceFactor(a: number, j: number, delta: number): number {
    const { y, replicaSum, centre } = this;
    if (a === y) return this.centreCoupling[(centre.weights[j]! * replicaSum[j]! + y) >> 1]!;
    const w = this.replicas[a]!.weights[j]!;
    const coupling = this.mode === 'traced' ? this.replicaCoupling[(w * replicaSum[j]! + y) >> 1]! : this.replicaCoupling[(w * centre.weights[j]! + 1) >> 1]!;
    const boltzmann = delta >= -TABULATED_DELTA && delta <= TABULATED_DELTA ? this.boltzmann[delta + TABULATED_DELTA]! : Math.exp(-this.beta * delta);
    return boltzmann * coupling;
  }

  /** Flips site j of configuration a (a = y: the explicit centre), whose ΔE is `delta`, keeping S_j and a traced centre up to date. */
  applyFlip(a: number, j: number, delta: number): void {
    const { centre, replicaSum } = this;
    if (a === this.y) {
      centre.flip(j, delta);
      return;
    }
    const replica = this.replicas[a]!;
    const before = replicaSum[j]!;
    const after = before - 2 * replica.weights[j]!;
    replica.flip(j, delta);
    replicaSum[j] = after;
    if (this.mode === 'traced' && before >= 0 !== after >= 0) centre.flip(j, centre.deltaEnergy(j));
  }

  /** Lowest energy among the replicas and the centre, and which one holds it (y for the centre). */
  best(): { energy: number; index: number } {
    let energy = this.centre.energy;
    let index = this.y;
    for (let a = 0; a < this.y; a++) {
      if (this.replicas[a]!.energy < energy) {
        energy = this.replicas[a]!.energy;
        index = a;
      }
    }
    return { energy, index };
  }

  configuration(index: number): Int8Array {
    return index === this.y ? this.centre.weights : this.replicas[index]!.weights;
  }

  /** Mean overlap between pairs of replicas, (1/N) W^a·W^b averaged over a < b (1 when y = 1). */
  meanPairOverlap(): number {
    const { y, variables, replicaSum } = this;
    if (y === 1) return 1;
    // Σ_{a<b} W^a·W^b = (Σ_j S_j² − y N) / 2.
    let squares = 0;
    for (let j = 0; j < variables; j++) squares += replicaSum[j]! * replicaSum[j]!;
    return (squares - y * variables) / (y * (y - 1) * variables);
  }

  private checkSolved(): void {
    const { energy, index } = this.best();
    if (energy === 0) this.solvedBy = index;
  }
}
