// Incremental energy of the fully connected binary committee machine (K hidden units, each seeing all N inputs):
// E(W) = #{μ : σ^μ Σ_k sign(W_k·ξ^μ) ≤ 0}, sign(0) = 0, as in core's committeeEnergy.
// Kept up to date: the signed hidden fields g_kμ = σ^μ W_k·ξ^μ and the signed vote s_μ = Σ_k sign(g_kμ).
// Flipping W_ki moves every g_kμ by ±2, so only patterns with |g_kμ| ≤ 2 can change sign(g_kμ), hence s_μ:
// each hidden unit keeps a band list of those, and ΔE costs O(|band_k|); an accepted flip costs O(P).
import type { CommitteeInstance } from '@densebench/core';
import type { IncrementalEnergy } from './incremental.js';
import { perceptronLayout, type PerceptronLayout } from './perceptron.js';

const BAND = 2;

/** The perceptron layout (η_iμ = σ^μ ξ_i^μ, column-major) serves every hidden unit: the inputs are shared. */
export interface CommitteeLayout extends PerceptronLayout {
  readonly hidden: number;
}

function sign(x: number): number {
  return (x > 0 ? 1 : 0) - (x < 0 ? 1 : 0);
}

export class IncrementalCommittee implements IncrementalEnergy {
  readonly variables: number;
  readonly n: number;
  readonly p: number;
  readonly hidden: number;
  readonly eta: Int8Array;
  readonly weights: Int8Array;
  /** g_kμ at k·P + μ. */
  readonly fields: Int32Array;
  readonly votes: Int32Array;
  /** Hidden unit k's band occupies band[k·P … k·P + bandSize[k]). */
  readonly band: Int32Array;
  readonly bandSize: Int32Array;
  readonly bandPosition: Int32Array;
  energy = 0;
  private readonly layout: CommitteeLayout;

  constructor(source: CommitteeInstance | CommitteeLayout) {
    this.layout = 'kind' in source ? { ...perceptronLayout(source), hidden: source.hidden } : source;
    const { n, p, hidden, eta } = this.layout;
    this.n = n;
    this.p = p;
    this.hidden = hidden;
    this.variables = n * hidden;
    this.eta = eta;
    this.weights = new Int8Array(n * hidden).fill(1);
    this.fields = new Int32Array(hidden * p);
    this.votes = new Int32Array(p);
    this.band = new Int32Array(hidden * p);
    this.bandSize = new Int32Array(hidden);
    this.bandPosition = new Int32Array(hidden * p);
    this.reset(this.weights);
  }

  clone(): IncrementalCommittee {
    return new IncrementalCommittee(this.layout);
  }

  reset(weights: Int8Array): void {
    const { n, p, hidden, eta, fields, votes, band, bandSize, bandPosition } = this;
    this.weights.set(weights);
    fields.fill(0);
    votes.fill(0);
    for (let k = 0; k < hidden; k++) {
      const base = k * p;
      for (let i = 0; i < n; i++) {
        const w = weights[k * n + i]!;
        const col = i * p;
        for (let mu = 0; mu < p; mu++) fields[base + mu] += w * eta[col + mu]!;
      }
      let size = 0;
      for (let mu = 0; mu < p; mu++) {
        const g = fields[base + mu]!;
        votes[mu] += sign(g);
        if (g >= -BAND && g <= BAND) {
          bandPosition[base + mu] = size;
          band[base + size++] = mu;
        } else bandPosition[base + mu] = -1;
      }
      bandSize[k] = size;
    }
    this.energy = 0;
    for (let mu = 0; mu < p; mu++) if (votes[mu]! <= 0) this.energy++;
  }

  deltaEnergy(j: number): number {
    const { n, p, eta, fields, votes, band } = this;
    const k = (j / n) | 0;
    const col = (j - k * n) * p;
    const base = k * p;
    const twiceW = 2 * this.weights[j]!;
    let delta = 0;
    for (let b = base, end = base + this.bandSize[k]!; b < end; b++) {
      const mu = band[b]!;
      const g = fields[base + mu]!;
      const change = sign(g - twiceW * eta[col + mu]!) - sign(g);
      if (change !== 0) {
        const s = votes[mu]!;
        delta += (s + change <= 0 ? 1 : 0) - (s <= 0 ? 1 : 0);
      }
    }
    return delta;
  }

  flip(j: number, delta: number): void {
    const { n, p, eta, fields, votes, band, bandPosition } = this;
    const k = (j / n) | 0;
    const col = (j - k * n) * p;
    const base = k * p;
    const twiceW = 2 * this.weights[j]!;
    this.weights[j] = -this.weights[j]!;
    let size = this.bandSize[k]!;
    for (let mu = 0; mu < p; mu++) {
      const old = fields[base + mu]!;
      const g = old - twiceW * eta[col + mu]!;
      fields[base + mu] = g;
      const inBand = g >= -BAND && g <= BAND;
      const position = bandPosition[base + mu]!;
      if (position >= 0) votes[mu] += sign(g) - sign(old);
      if (inBand && position < 0) {
        bandPosition[base + mu] = size;
        band[base + size++] = mu;
      } else if (!inBand && position >= 0) {
        const last = band[base + --size]!;
        band[base + position] = last;
        bandPosition[base + last] = position;
        bandPosition[base + mu] = -1;
      }
    }
    this.bandSize[k] = size;
    this.energy += delta;
  }
}
