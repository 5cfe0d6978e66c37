// Entropy-driven Monte Carlo (EdMC): Baldassi, Ingrosso, Lucibello, Saglietti & Zecchina, "Local entropy as a
// measure for sampling solutions in constraint satisfaction problems", J. Stat. Mech. (2016) 023301, Sec. 4;
// the local free entropy of PRL 115, 128101 (2015), Eq. 2.
// A reference configuration W̃ moves by single flips on the landscape of its local free entropy
//   F(W̃, γ) = (1/N) log Σ_{W solution} exp(γ W̃·W),
// estimated by BP on the instance with an external field γ W̃_i on every variable. After a proposed flip of W̃_j
// only one external field has changed, so BP is re-converged from the current messages in a few sweeps; a rejected
// proposal restores the saved messages, so the chain always sits on the messages of its current W̃.
import type { KsatInstance, PerceptronInstance, Rng } from '@densebench/core';
import { KsatBP, PerceptronBP } from '@densebench/bp';
import { incrementalEnergy, type IncrementalEnergy } from '@densebench/local-search';

export interface BpSettings {
  /** A re-convergence stops when no magnetization moves by more than this in a sweep. */
  epsilon: number;
  /** Sweeps allowed per re-convergence after a proposed flip. */
  sweepsPerMove: number;
  /** Sweeps allowed when γ changes (every external field moves). */
  sweepsPerGamma: number;
  damping: number;
}

export class EntropyDrivenSearch {
  readonly n: number;
  readonly bp: PerceptronBP | KsatBP;
  /** W̃ with its number of violated constraints kept up to date. */
  readonly reference: IncrementalEnergy;
  /** Current F(W̃, γ), per variable. */
  freeEntropy = Number.NaN;
  gamma = 0;
  bpSweeps = 0;
  /** Re-convergences that hit their sweep limit. */
  unconverged = 0;
  /** F of the configuration under proposal, adopted on accept(). */
  private proposedFreeEntropy = Number.NaN;
  private readonly savedMessages: Float64Array;
  private readonly savedTotal: Float64Array;

  constructor(
    instance: PerceptronInstance | KsatInstance,
    start: Int8Array,
    private readonly settings: BpSettings,
    private readonly rng: Rng,
  ) {
    this.n = instance.n;
    this.bp = instance.kind === 'ksat' ? new KsatBP(instance) : new PerceptronBP(instance);
    this.bp.initMessages(rng, 0.01);
    this.reference = incrementalEnergy(instance);
    this.reference.reset(start);
    this.savedMessages = new Float64Array(this.bp.messages.length);
    this.savedTotal = new Float64Array(this.n);
  }

  /** Sets γ (every external field γ W̃_i), re-converges BP and recomputes F. */
  setGamma(gamma: number): void {
    const { bp, n } = this;
    const w = this.reference.weights;
    for (let i = 0; i < n; i++) bp.external[i] = gamma * w[i]!;
    bp.recomputeTotals();
    this.gamma = gamma;
    this.converge(this.settings.sweepsPerGamma);
    this.freeEntropy = bp.freeEntropy();
  }

  /**
   * Proposes flipping W̃_j: returns the change N·ΔF of the total local free entropy, with the chain left in the
   * proposed state; follow with `accept(j)` or `reject(j)`.
   */
  propose(j: number): number {
    const { bp } = this;
    this.savedMessages.set(bp.messages);
    this.savedTotal.set(bp.total);
    this.moveField(j);
    this.converge(this.settings.sweepsPerMove);
    this.proposedFreeEntropy = bp.freeEntropy();
    return this.n * (this.proposedFreeEntropy - this.freeEntropy);
  }

  /**
   * One Metropolis step on site j at the given temperature (1/y): propose, then accept when N·ΔF ≥ 0 or, at a
   * positive temperature, with probability exp(N·ΔF / temperature); otherwise reject. Returns whether it moved.
   */
  step(j: number, temperature: number): boolean {
    const gain = this.propose(j);
    if (gain >= 0 || (temperature > 0 && this.rng.nextFloat() < Math.exp(gain / temperature))) {
      this.accept(j);
      return true;
    }
    this.reject(j);
    return false;
  }

  accept(j: number): void {
    this.reference.flip(j, this.reference.deltaEnergy(j));
    this.freeEntropy = this.proposedFreeEntropy;
  }

  reject(j: number): void {
    const { bp } = this;
    bp.messages.set(this.savedMessages);
    bp.total.set(this.savedTotal);
    bp.external[j] = this.gamma * this.reference.weights[j]!;
  }

  /** The BP magnetizations' overlap with W̃: ρ = (1/N) Σ_i W̃_i m_i (d = (1 − ρ)/2 is the explored distance). */
  overlap(): number {
    return this.bp.overlap(this.reference.weights);
  }

  /** External field of j as if W̃_j were flipped (W̃ itself changes only on acceptance). */
  private moveField(j: number): void {
    const { bp } = this;
    const next = -this.gamma * this.reference.weights[j]!;
    bp.total[j] += next - bp.external[j]!;
    bp.external[j] = next;
  }

  private converge(maxSweeps: number): void {
    const { bp, settings, rng } = this;
    for (let sweep = 0; sweep < maxSweeps; sweep++) {
      this.bpSweeps++;
      if (bp.sweepFactors(rng, settings.damping) < settings.epsilon) return;
    }
    this.unconverged++;
  }
}
