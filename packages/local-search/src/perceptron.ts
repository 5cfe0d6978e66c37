// Incremental energy of the binary perceptron, E(W) = #{μ : σ^μ W·ξ^μ ≤ 0}.
// Stabilities Δ_μ = σ^μ W·ξ^μ are kept up to date; a flip moves each Δ_μ by ±2, so only patterns with
// −1 ≤ Δ_μ ≤ 2 can change their error status. Those are kept in a "band" list, and ΔE of a proposed flip costs
// O(|band|) instead of O(P); an accepted flip updates all P stabilities (O(P)).
import type { PerceptronInstance } from '@densebench/core';
import type { IncrementalEnergy } from './incremental.js';

const BAND_LOW = -1;
const BAND_HIGH = 2;

/** Read-only problem layout: η_iμ = σ^μ ξ_i^μ stored column by column (weight i's P entries are contiguous). */
export interface PerceptronLayout {
  readonly n: number;
  readonly p: number;
  readonly eta: Int8Array;
}

/** Accepts any instance with ±1 patterns and labels, so the committee machine (same inputs for every hidden unit) shares it. */
export function perceptronLayout(instance: Pick<PerceptronInstance, 'n' | 'p' | 'patterns' | 'labels'>): PerceptronLayout {
  const { n, p, patterns, labels } = instance;
  const eta = new Int8Array(n * p);
  for (let mu = 0; mu < p; mu++) {
    const sigma = labels[mu]!;
    const row = mu * n;
    for (let i = 0; i < n; i++) eta[i * p + mu] = sigma * patterns[row + i]!;
  }
  return { n, p, eta };
}

export class IncrementalPerceptron implements IncrementalEnergy {
  readonly variables: number;
  readonly n: number;
  readonly p: number;
  readonly eta: Int8Array;
  readonly weights: Int8Array;
  readonly stabilities: Int32Array;
  readonly band: Int32Array;
  readonly bandPosition: Int32Array;
  bandSize = 0;
  energy = 0;
  private readonly layout: PerceptronLayout;

  constructor(source: PerceptronInstance | PerceptronLayout) {
    this.layout = 'kind' in source ? perceptronLayout(source) : source;
    const { n, p, eta } = this.layout;
    this.n = n;
    this.p = p;
    this.variables = n;
    this.eta = eta;
    this.weights = new Int8Array(n).fill(1);
    this.stabilities = new Int32Array(p);
    this.band = new Int32Array(p);
    this.bandPosition = new Int32Array(p);
    this.reset(this.weights);
  }

  clone(): IncrementalPerceptron {
    return new IncrementalPerceptron(this.layout);
  }

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

  deltaEnergy(i: number): number {
    const { band, bandSize, stabilities, eta } = this;
    const col = i * this.p;
    const twiceW = 2 * this.weights[i]!;
    let delta = 0;
    for (let b = 0; b < bandSize; b++) {
      const mu = band[b]!;
      const s = stabilities[mu]!;
      const moved = s - twiceW * eta[col + mu]!;
      // (x − 1) >> 31 is −1 exactly when x ≤ 0, else 0: branch-free, since on random data a branch mispredicts often.
      delta += ((s - 1) >> 31) - ((moved - 1) >> 31);
    }
    return delta;
  }

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
}
