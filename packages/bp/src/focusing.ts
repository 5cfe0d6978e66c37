// What every BP graph here shares: per-variable focusing (or reinforcement) and external fields, total fields, and
// the sweep that updates factor and focusing nodes in one random order (as `iterate!` of
// carlobaldassi/BinaryCommitteeMachineFBP.jl does). Subclasses supply the factor update.
import type { Rng } from '@densebench/core';
import { shuffleIdentity } from './order.js';
import { atanhClamped, clampField } from './fields.js';

export abstract class FocusingGraphBase {
  /** Number of variables. */
  readonly n: number;
  /** Focusing (or reinforcement) field of each variable. */
  readonly focusing: Float64Array;
  /** External field of each variable (γ W̃_i for the local-entropy estimator). */
  readonly external: Float64Array;
  /** Total field: the factor messages + focusing + external. */
  readonly total: Float64Array;
  private readonly order: Int32Array;

  protected constructor(
    n: number,
    private readonly factorCount: number,
  ) {
    this.n = n;
    this.focusing = new Float64Array(n);
    this.external = new Float64Array(n);
    this.total = new Float64Array(n);
    this.order = new Int32Array(factorCount + n);
  }

  /** Updates all messages of factor `index`; returns the largest change in magnetization. */
  abstract updateFactor(index: number, damping: number): number;

  /** Sets every total field from the factor messages and the focusing and external fields. */
  abstract recomputeTotals(): void;

  /** The factor-to-variable messages (fields), in whatever layout the subclass uses. */
  abstract readonly messages: Float64Array;

  /** Messages uniform in magnetization in [−randfact, randfact] (the authors' initialisation); no focusing. */
  initMessages(rng: Rng, randfact: number): void {
    const { messages } = this;
    for (let j = 0; j < messages.length; j++) messages[j] = Math.atanh(randfact * (2 * rng.nextFloat() - 1));
    this.resetOtherMessages();
    this.focusing.fill(0);
    this.recomputeTotals();
  }

  /** Zeroes any messages besides `messages` (the committee machine's hidden-unit messages). */
  protected resetOtherMessages(): void {}

  /**
   * Focusing node of variable i with r = y − 1 and tanh γ; returns the change in magnetization. Skipped (message 0)
   * when r = 0 or tanh γ = 0, as in the reference implementation.
   */
  updateFocusing(i: number, r: number, tanhGamma: number, damping: number): number {
    const old = this.focusing[i]!;
    const fromFactors = this.total[i]! - old - this.external[i]!;
    let next: number;
    if (r === 0 || tanhGamma === 0) next = 0;
    else if (tanhGamma === 1) next = clampField(r * fromFactors);
    else next = atanhClamped(tanhGamma * Math.tanh(r * atanhClamped(tanhGamma * Math.tanh(fromFactors))));
    if (damping > 0) next = (1 - damping) * next + damping * old;
    this.focusing[i] = next;
    this.total[i] += next - old;
    return Math.abs(Math.tanh(next) - Math.tanh(old));
  }

  /**
   * Sets the extra (reinforcement) field of variable i, e.g. r times its previous total field in reinforced BP
   * (Braunstein & Zecchina, PRL 96, 030201, 2006). Returns the change in magnetization.
   */
  setReinforcement(i: number, field: number): number {
    const old = this.focusing[i]!;
    const next = clampField(field);
    this.focusing[i] = next;
    this.total[i] += next - old;
    return Math.abs(Math.tanh(next) - Math.tanh(old));
  }

  /** Factor and focusing nodes in one random order, updated in place. Returns the largest message change. */
  sweep(rng: Rng, r: number, tanhGamma: number, damping: number): number {
    const { factorCount, order } = this;
    const size = order.length;
    shuffleIdentity(order, size, rng);
    let maxChange = 0;
    for (let j = 0; j < size; j++) {
      const node = order[j]!;
      const change = node < factorCount ? this.updateFactor(node, damping) : this.updateFocusing(node - factorCount, r, tanhGamma, damping);
      if (change > maxChange) maxChange = change;
    }
    return maxChange;
  }

  /** Factor nodes only, in random order (reinforced BP updates its extra fields separately). */
  sweepFactors(rng: Rng, damping: number): number {
    const { factorCount, order } = this;
    shuffleIdentity(order, factorCount, rng);
    let maxChange = 0;
    for (let j = 0; j < factorCount; j++) {
      const change = this.updateFactor(order[j]!, damping);
      if (change > maxChange) maxChange = change;
    }
    return maxChange;
  }

  /** sign(total field), with +0 → +1. */
  signs(out: Int8Array): Int8Array {
    for (let i = 0; i < this.n; i++) out[i] = this.total[i]! >= 0 ? 1 : -1;
    return out;
  }

  /** (1/N) Σ_i W̃_i tanh(h_i): the overlap of the BP marginals with a reference configuration. */
  overlap(reference: Int8Array): number {
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += reference[i]! * Math.tanh(this.total[i]!);
    return sum / this.n;
  }
}
