// Focusing BP on the fully connected binary committee machine (K odd hidden units), following
// carlobaldassi/BinaryCommitteeMachineFBP.jl (Baldassi et al., PNAS 113, E7655, 2016):
// - theta node (μ, k): hidden unit k on pattern μ, with a soft output field H = tanh(u_{out→τ}) coming down from
//   the output node. Gaussian cavity mean μ̄ and variance σ̄² as for the perceptron; weight message
//   u_{μk→i} = ½ log[(1 + H erf x₊)/(1 + H erf x₋)], x± = (μ̄ ± ξ_i)/√(2σ̄²) (gaussian-factor.ts, shared with the
//   perceptron); message up to τ_{μk}: U = atanh erf(μ/√(2σ²)).
// - output node μ: exact sum over the K hidden outputs, P(sign Σ_k τ_k = σ^μ), message down to each τ_{μk}.
// - focusing node per weight: as for the perceptron.
import { onePlusErf, type CommitteeInstance } from '@densebench/core';
import { countDistribution } from './counts.js';
import { FocusingGraphBase } from './focusing.js';
import { GaussianFactor, MIN_VARIANCE } from './gaussian-factor.js';
import { clampField } from './fields.js';

export class CommitteeBP extends FocusingGraphBase {
  readonly inputs: number;
  readonly hidden: number;
  readonly p: number;
  private readonly patterns: Int8Array;
  private readonly labels: Int8Array;
  /** u_{(μ,k)→(k,i)}, indexed (μK + k)N + i. */
  readonly messages: Float64Array;
  /** Up messages theta (μ,k) → τ_{μk}, and down messages output μ → τ_{μk}, indexed μK + k. */
  readonly up: Float64Array;
  readonly down: Float64Array;
  private readonly theta: GaussianFactor;
  private readonly hiddenPlus: Float64Array;
  private readonly counts: Float64Array;

  constructor(instance: CommitteeInstance) {
    const { n, hidden, p } = instance;
    super(n * hidden, p);
    this.inputs = n;
    this.hidden = hidden;
    this.p = p;
    this.patterns = instance.patterns;
    this.labels = instance.labels;
    this.messages = new Float64Array(p * hidden * n);
    this.up = new Float64Array(p * hidden);
    this.down = new Float64Array(p * hidden);
    this.theta = new GaussianFactor(n);
    this.hiddenPlus = new Float64Array(hidden);
    this.counts = new Float64Array(hidden + 1);
  }

  protected override resetOtherMessages(): void {
    this.up.fill(0);
    this.down.fill(0);
  }

  recomputeTotals(): void {
    for (let i = 0; i < this.n; i++) this.total[i] = this.focusing[i]! + this.external[i]!;
    const { p, hidden, inputs } = this;
    for (let mu = 0; mu < p; mu++) for (let k = 0; k < hidden; k++) for (let i = 0; i < inputs; i++) this.total[k * inputs + i] += this.messages[(mu * hidden + k) * inputs + i]!;
  }

  /** Theta node (μ, k), then its message up to τ_{μk}; returns the largest change of its weight messages (magnetization). */
  private updateTheta(mu: number, k: number, damping: number): number {
    const { inputs: n, hidden, theta } = this;
    const h = Math.tanh(this.down[mu * hidden + k]!);
    const maxChange = theta.update(this.patterns, mu * n, this.messages, (mu * hidden + k) * n, this.total, k * n, h, damping);
    const z = theta.mean / Math.sqrt(2 * Math.max(theta.variance, MIN_VARIANCE));
    this.up[mu * hidden + k] = clampField(0.5 * (Math.log(onePlusErf(z)) - Math.log(onePlusErf(-z))));
    return maxChange;
  }

  /** Output node μ: exact over the K hidden outputs; returns the largest change of its down messages. */
  private updateOutput(mu: number, damping: number): number {
    const { hidden, up, down, hiddenPlus, counts } = this;
    const label = this.labels[mu]!;
    const base = mu * hidden;
    for (let k = 0; k < hidden; k++) hiddenPlus[k] = (1 + Math.tanh(up[base + k]!)) / 2;
    let maxChange = 0;
    for (let k = 0; k < hidden; k++) {
      // Distribution of the number c of +1 among the other K − 1 hidden outputs.
      countDistribution(hiddenPlus, hidden, k, counts);
      // Σ_j τ_j = 2c − (K − 1) + τ_k must have the sign of the label.
      let satisfiedIfPlus = 0;
      let satisfiedIfMinus = 0;
      for (let c = 0; c < hidden; c++) {
        const others = 2 * c - (hidden - 1);
        if (label * (others + 1) > 0) satisfiedIfPlus += counts[c]!;
        if (label * (others - 1) > 0) satisfiedIfMinus += counts[c]!;
      }
      let next = clampField(0.5 * (Math.log(satisfiedIfPlus) - Math.log(satisfiedIfMinus)));
      const old = down[base + k]!;
      if (damping > 0) next = (1 - damping) * next + damping * old;
      maxChange = Math.max(maxChange, Math.abs(Math.tanh(next) - Math.tanh(old)));
      down[base + k] = next;
    }
    return maxChange;
  }

  /** Pattern μ: its K theta nodes, then its output node (the reference implementation's order). */
  updateFactor(mu: number, damping: number): number {
    let maxChange = 0;
    for (let k = 0; k < this.hidden; k++) maxChange = Math.max(maxChange, this.updateTheta(mu, k, damping));
    return Math.max(maxChange, this.updateOutput(mu, damping));
  }


}
