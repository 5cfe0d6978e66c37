// Incremental energy of the binary perceptron, E(W) = #{μ : σ^μ W·ξ^μ ≤ 0}.
// Stabilities Δ_μ = σ^μ W·ξ^μ are kept up to date; a flip moves each Δ_μ by ±2, so only patterns with
// −1 ≤ Δ_μ ≤ 2 can change their error status. Those are kept in a "band" list, and ΔE of a proposed flip costs
// O(|band|) instead of O(P); an accepted flip updates all P stabilities (O(P)).
// ΔE reads η_iμ for the band's μ in a random column i: scattered reads that miss the cache once η outgrows it, so
// the signs are also kept as bits (1 for η = −1), 32 patterns per word, column by column — an eighth of the bytes.
import type { PerceptronInstance } from '@densebench/core';
import type { IncrementalEnergy } from './incremental.js';

const BAND_LOW = -1;
const BAND_HIGH = 2;

/** Read-only problem layout: η_iμ = σ^μ ξ_i^μ stored column by column (weight i's P entries are contiguous). */
export interface PerceptronLayout {
  readonly n: number;
  readonly p: number;
  readonly eta: Int8Array;
  /** Words per column of etaBits: ⌈P/32⌉. */
  readonly wordsPerColumn: number;
  /** Bit μ mod 32 of word i·wordsPerColumn + ⌊μ/32⌋ is 1 when η_iμ = −1. */
  readonly etaBits: Int32Array;
}

/** Accepts any instance with ±1 patterns and labels, so the committee machine (same inputs for every hidden unit) shares it. */
export function perceptronLayout(instance: Pick<PerceptronInstance, 'n' | 'p' | 'patterns' | 'labels'>): PerceptronLayout {
  const { n, p, patterns, labels } = instance;
  const eta = new Int8Array(n * p);
  const wordsPerColumn = (p + 31) >> 5;
  const etaBits = new Int32Array(n * wordsPerColumn);
  for (let mu = 0; mu < p; mu++) {
    const sigma = labels[mu]!;
    const row = mu * n;
    for (let i = 0; i < n; i++) {
      const e = sigma * patterns[row + i]!;
      eta[i * p + mu] = e;
      if (e < 0) etaBits[i * wordsPerColumn + (mu >> 5)]! |= 1 << (mu & 31);
    }
  }
  return { n, p, eta, wordsPerColumn, etaBits };
}

export class IncrementalPerceptron implements IncrementalEnergy {
  readonly variables: number;
  readonly n: number;
  readonly p: number;
  readonly eta: Int8Array;
  readonly etaBits: Int32Array;
  readonly wordsPerColumn: number;
  readonly weights: Int8Array;
  readonly stabilities: Int32Array;
  readonly band: Int32Array;
  readonly bandPosition: Int32Array;
  bandSize = 0;
  energy = 0;
  private readonly layout: PerceptronLayout;

  constructor(source: PerceptronInstance | PerceptronLayout) {
    this.layout = 'kind' in source ? perceptronLayout(source) : source;
    const { n, p, eta, etaBits, wordsPerColumn } = this.layout;
    this.n = n;
    this.p = p;
    this.variables = n;
    this.eta = eta;
    this.etaBits = etaBits;
    this.wordsPerColumn = wordsPerColumn;
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
    const { band, bandSize, stabilities, etaBits } = this;
    const column = i * this.wordsPerColumn;
    const twiceW = 2 * this.weights[i]!;
    let delta = 0;
    for (let b = 0; b < bandSize; b++) {
      const mu = band[b]!;
      const s = stabilities[mu]!;
      // η = 1 − 2·bit, so s − 2w·η = s − 2w + 4w·bit.
      const moved = s - twiceW + 2 * twiceW * ((etaBits[column + (mu >> 5)]! >>> (mu & 31)) & 1);
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
