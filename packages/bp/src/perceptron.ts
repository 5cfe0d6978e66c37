// Belief propagation on the binary perceptron with a focusing (replica) node per weight.
// Factor update: the "accurate" Gaussian (central-limit) approximation of the cavity field, as in
// Baldassi et al., PNAS 113, E7655 (2016), SI, and carlobaldassi/BinaryCommitteeMachineFBP.jl (theta node, K = 1):
// with η_k = σξ_k, cavity magnetizations m_k, μ̄ = Σ_{k≠i} η_k m_k and σ̄² = Σ_{k≠i} (1 − m_k²),
//   P(constraint | W_i = w) ∝ ½ erfc(−(μ̄ + η_i w)/√(2σ̄²)),  u_{μ→i} = ½ log P(·|+1)/P(·|−1)
// (gaussian-factor.ts, shared with the committee machine's theta nodes).
// The "exact" variant sums over the Bernoulli counts (O(N³) per pattern, for small N and for validation).
// Focusing node (same reference): u★_i = atanh( tanh γ · tanh( (y−1) · atanh( tanh γ · tanh h★_i ) ) ), where h★_i
// is the field from all patterns; for γ = ∞ it is (y−1)·h★_i (standard reinforcement).
import { log2cosh, logErfc, type PerceptronInstance } from '@densebench/core';
import { countDistribution } from './counts.js';
import { FocusingGraphBase } from './focusing.js';
import { GaussianFactor, MIN_VARIANCE } from './gaussian-factor.js';
import { clampField } from './fields.js';

export type FactorAccuracy = 'gaussian' | 'exact';

export class PerceptronBP extends FocusingGraphBase {
  readonly p: number;
  /** η = σξ, pattern-major: pattern μ is [μN, (μ+1)N). */
  readonly eta: Int8Array;
  /** Factor-to-weight messages as fields u_{μ→i}, pattern-major. */
  readonly messages: Float64Array;
  private readonly theta: GaussianFactor;
  private readonly accuracy: FactorAccuracy;

  constructor(instance: PerceptronInstance, accuracy: FactorAccuracy = 'gaussian') {
    const { n, p, patterns, labels } = instance;
    super(n, p);
    this.p = p;
    this.accuracy = accuracy;
    this.eta = new Int8Array(n * p);
    for (let mu = 0; mu < p; mu++) {
      const sigma = labels[mu]!;
      for (let i = 0; i < n; i++) this.eta[mu * n + i] = sigma * patterns[mu * n + i]!;
    }
    this.messages = new Float64Array(n * p);
    this.theta = new GaussianFactor(n);
  }


  recomputeTotals(): void {
    const { n, p, messages, total } = this;
    for (let i = 0; i < n; i++) total[i] = this.focusing[i]! + this.external[i]!;
    for (let mu = 0; mu < p; mu++) for (let i = 0; i < n; i++) total[i] += messages[mu * n + i]!;
  }

  /** Updates all messages of pattern μ from the current cavity fields; returns the largest change in magnetization. */
  updateFactor(mu: number, damping: number): number {
    return this.accuracy === 'exact' ? this.updatePatternExact(mu, damping) : this.updatePatternGaussian(mu, damping);
  }

  private updatePatternGaussian(mu: number, damping: number): number {
    const row = mu * this.n;
    return this.theta.update(this.eta, row, this.messages, row, this.total, 0, 'hard', damping);
  }

  /** Exact factor: distribution of the number of +1 terms among the others, by convolution. */
  private updatePatternExact(mu: number, damping: number): number {
    const { n, eta, messages, total } = this;
    const row = mu * n;
    const plus = new Float64Array(n); // P(η_k W_k = +1) under the cavity distributions
    for (let k = 0; k < n; k++) plus[k] = (1 + eta[row + k]! * Math.tanh(total[k]! - messages[row + k]!)) / 2;
    const counts = new Float64Array(n + 1);
    let maxChange = 0;
    for (let i = 0; i < n; i++) {
      countDistribution(plus, n, i, counts);
      // The constraint Σ η_k W_k > 0 with c of N terms at +1 reads 2c − N > 0.
      let satisfiedIfPlus = 0; // term i is +1: c = c₋ᵢ + 1
      let satisfiedIfMinus = 0; // term i is −1: c = c₋ᵢ
      for (let c = 0; c < n; c++) {
        if (2 * (c + 1) - n > 0) satisfiedIfPlus += counts[c]!;
        if (2 * c - n > 0) satisfiedIfMinus += counts[c]!;
      }
      // W_i = +1 makes term i equal to η_i.
      const e = eta[row + i]!;
      const pPlus = e === 1 ? satisfiedIfPlus : satisfiedIfMinus;
      const pMinus = e === 1 ? satisfiedIfMinus : satisfiedIfPlus;
      let next = clampField(0.5 * (Math.log(pPlus) - Math.log(pMinus)));
      const old = messages[row + i]!;
      if (damping > 0) next = (1 - damping) * next + damping * old;
      maxChange = Math.max(maxChange, Math.abs(Math.tanh(next) - Math.tanh(old)));
      messages[row + i] = next;
      total[i] += next - old;
    }
    return maxChange;
  }

  /**
   * Bethe free entropy per weight, φ = (1/N)[Σ_μ log Z_μ + Σ_i log Z_i − Σ_{μ,i} log Z_{μi}], of the measure
   * Π_μ 1[constraint μ] · exp(Σ_i (external_i + focusing_i) W_i), with the factor terms in the same approximation as
   * the messages.
   */
  freeEntropy(): number {
    const { n, p, eta, messages, total } = this;
    let phi = 0;
    for (let i = 0; i < n; i++) {
      // log Z_i = log 2cosh(H_i) − Σ_μ log 2cosh(u_μi)
      phi += log2cosh(total[i]!);
    }
    const plus = this.accuracy === 'exact' ? new Float64Array(n) : undefined;
    for (let mu = 0; mu < p; mu++) {
      const row = mu * n;
      let mean = 0;
      let variance = 0;
      for (let k = 0; k < n; k++) {
        const cavityField = total[k]! - messages[row + k]!;
        const m = Math.tanh(cavityField);
        // log Z_μk + log 2cosh u = log((1 + tanh(h − u) tanh u)/2) + log 2cosh u = log 2cosh h − log 2cosh(h − u),
        // finite even for saturated messages.
        phi -= log2cosh(total[k]!) - log2cosh(cavityField);
        mean += eta[row + k]! * m;
        variance += 1 - m * m;
        if (plus) plus[k] = (1 + eta[row + k]! * m) / 2;
      }
      if (plus) {
        const counts = countDistribution(plus, n, -1, new Float64Array(n + 1));
        let satisfied = 0;
        for (let c = 0; c <= n; c++) if (2 * c - n > 0) satisfied += counts[c]!;
        phi += Math.log(satisfied);
      } else {
        phi += logErfc(-mean / Math.sqrt(2 * Math.max(variance, MIN_VARIANCE))) - Math.LN2;
      }
    }
    return phi / n;
  }
}
