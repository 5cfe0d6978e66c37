// Simulated annealing (Kirkpatrick, Gelatt & Vecchi, Science 220, 671, 1983) on the binary perceptron,
// energy E(W) = #{μ : σ^μ W·ξ^μ ≤ 0}, single-weight Metropolis moves at a random site.
// Incremental scheme: stabilities Δ_μ = σ^μ W·ξ^μ are kept up to date; a flip moves each Δ_μ by ±2, so only
// patterns with −1 ≤ Δ_μ ≤ 2 can change their error status. Those are kept in a "band" list, and ΔE of a
// proposed flip costs O(|band|) instead of O(P); an accepted flip updates all P stabilities (O(P)).
import type { PerceptronInstance, SolveContext } from '@densebench/core';

const BAND_LOW = -1;
const BAND_HIGH = 2;

/** Problem data laid out for the kernel: η_iμ = σ^μ ξ_i^μ stored column by column (weight i's P entries are contiguous). */
export class PerceptronAnnealer {
  readonly n: number;
  readonly p: number;
  readonly eta: Int8Array;
  readonly weights: Int8Array;
  readonly stabilities: Int32Array;
  readonly band: Int32Array;
  readonly bandPosition: Int32Array;
  bandSize = 0;
  energy = 0;

  constructor(instance: PerceptronInstance) {
    const { n, p, patterns, labels } = instance;
    this.n = n;
    this.p = p;
    this.eta = new Int8Array(n * p);
    for (let mu = 0; mu < p; mu++) {
      const sigma = labels[mu]!;
      const row = mu * n;
      for (let i = 0; i < n; i++) this.eta[i * p + mu] = sigma * patterns[row + i]!;
    }
    this.weights = new Int8Array(n);
    this.stabilities = new Int32Array(p);
    this.band = new Int32Array(p);
    this.bandPosition = new Int32Array(p);
  }

  /** Sets the weights and rebuilds stabilities, band and energy from scratch. */
  reset(weights: Int8Array): void {
    const { n, p, eta, stabilities, bandPosition } = this;
    this.weights.set(weights);
    stabilities.fill(0);
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      const col = i * p;
      for (let mu = 0; mu < p; mu++) stabilities[mu] += w * eta[col + mu]!;
    }
    this.bandSize = 0;
    this.energy = 0;
    for (let mu = 0; mu < p; mu++) {
      const s = stabilities[mu]!;
      if (s <= 0) this.energy++;
      if (s >= BAND_LOW && s <= BAND_HIGH) {
        bandPosition[mu] = this.bandSize;
        this.band[this.bandSize++] = mu;
      } else bandPosition[mu] = -1;
    }
  }

  /** ΔE of flipping weight i. */
  deltaEnergy(i: number): number {
    const { band, bandSize, stabilities, eta } = this;
    const col = i * this.p;
    const twiceW = 2 * this.weights[i]!;
    let delta = 0;
    for (let b = 0; b < bandSize; b++) {
      const mu = band[b]!;
      const s = stabilities[mu]!;
      const moved = s - twiceW * eta[col + mu]!;
      delta += (moved <= 0 ? 1 : 0) - (s <= 0 ? 1 : 0);
    }
    return delta;
  }

  /** Flips weight i, updating stabilities and band membership; delta is its ΔE. */
  flip(i: number, delta: number): void {
    const { p, eta, stabilities, band, bandPosition } = this;
    const col = i * p;
    const twiceW = 2 * this.weights[i]!;
    this.weights[i] = -this.weights[i]!;
    let bandSize = this.bandSize;
    for (let mu = 0; mu < p; mu++) {
      const s = stabilities[mu]! - twiceW * eta[col + mu]!;
      stabilities[mu] = s;
      const inBand = s >= BAND_LOW && s <= BAND_HIGH;
      const position = bandPosition[mu]!;
      if (inBand && position < 0) {
        bandPosition[mu] = bandSize;
        band[bandSize++] = mu;
      } else if (!inBand && position >= 0) {
        const last = band[--bandSize]!;
        band[position] = last;
        bandPosition[last] = position;
        bandPosition[mu] = -1;
      }
    }
    this.bandSize = bandSize;
    this.energy += delta;
  }

  /** One sweep of N Metropolis attempts at inverse temperature beta; returns attempts made (fewer if E reached 0). */
  sweep(beta: number, rng: SolveContext['rng']): number {
    const n = this.n;
    // exp(−βΔE) for ΔE = 1, 2, 3; larger ΔE are rare and computed on demand.
    const accept1 = Math.exp(-beta);
    const accept2 = Math.exp(-2 * beta);
    const accept3 = Math.exp(-3 * beta);
    for (let attempt = 0; attempt < n; attempt++) {
      const i = rng.nextInt(n);
      const delta = this.deltaEnergy(i);
      let accept = delta <= 0;
      if (!accept) {
        const threshold = delta === 1 ? accept1 : delta === 2 ? accept2 : delta === 3 ? accept3 : Math.exp(-beta * delta);
        accept = rng.nextFloat() < threshold;
      }
      if (accept) {
        this.flip(i, delta);
        if (this.energy === 0) return attempt + 1;
      }
    }
    return n;
  }
}
