// Belief propagation on a CNF formula with a focusing (replica) node per variable: the clause messages of
// CarloLucibello/SAT.jl (bp.jl) in field form, and the same focusing node as the perceptron's (whose γ = ∞ limit is
// the reinforcement of Braunstein & Zecchina, PRL 96, 030201, 2006; SAT.jl's "pseudo-reinforcement" is its finite-γ
// form). Clause a → variable i: with π_j the cavity probability that j takes the value violating a,
//   η = Π_{j∈a∖i} π_j,  ψ(x_i) ∝ 1 − η·1[x_i violates a],  u_{a→i} = (v_i/2)·log(1 − η),
// where v_i = ±1 is the violating value of x_i.
import { log2cosh, softplus, type KsatInstance } from '@densebench/core';
import { FocusingGraphBase } from './focusing.js';
import { clampField, FIELD_MAX } from './fields.js';

export class KsatBP extends FocusingGraphBase {
  readonly m: number;
  /** Per literal slot: the message u_{a→i} as a field on x_i. */
  readonly messages: Float64Array;
  private readonly clauseStart: Int32Array;
  private readonly slotVariable: Int32Array;
  /** Value of the slot's variable that violates its literal: −sign(literal). */
  private readonly slotViolating: Int8Array;
  private readonly violatingProbability: Float64Array;

  constructor(instance: KsatInstance) {
    const { n, m, clauseStart, clauseLiterals } = instance;
    super(n, m);
    this.m = m;
    this.clauseStart = clauseStart;
    const slots = clauseLiterals.length;
    this.slotVariable = new Int32Array(slots);
    this.slotViolating = new Int8Array(slots);
    let longest = 0;
    for (let c = 0; c < m; c++) longest = Math.max(longest, clauseStart[c + 1]! - clauseStart[c]!);
    for (let q = 0; q < slots; q++) {
      const lit = clauseLiterals[q]!;
      this.slotVariable[q] = Math.abs(lit) - 1;
      this.slotViolating[q] = lit > 0 ? -1 : 1;
    }
    this.messages = new Float64Array(slots);
    this.violatingProbability = new Float64Array(longest);
  }


  recomputeTotals(): void {
    for (let i = 0; i < this.n; i++) this.total[i] = this.focusing[i]! + this.external[i]!;
    for (let q = 0; q < this.messages.length; q++) this.total[this.slotVariable[q]!] += this.messages[q]!;
  }

  /** Updates the messages of clause a; returns the largest change in magnetization. */
  updateFactor(a: number, damping: number): number {
    const { messages, total, slotVariable, slotViolating, violatingProbability } = this;
    const start = this.clauseStart[a]!;
    const end = this.clauseStart[a + 1]!;
    for (let q = start; q < end; q++) {
      const cavity = total[slotVariable[q]!]! - messages[q]!;
      violatingProbability[q - start] = (1 + slotViolating[q]! * Math.tanh(cavity)) / 2;
    }
    let maxChange = 0;
    for (let q = start; q < end; q++) {
      let eta = 1;
      for (let other = start; other < end; other++) if (other !== q) eta *= violatingProbability[other - start]!;
      const oneMinus = 1 - eta;
      let next = oneMinus > 0 ? clampField(0.5 * slotViolating[q]! * Math.log(oneMinus)) : -slotViolating[q]! * FIELD_MAX;
      const old = messages[q]!;
      if (damping > 0) next = (1 - damping) * next + damping * old;
      const fieldChange = next > old ? next - old : old - next;
      if (fieldChange > maxChange) {
        const change = Math.abs(Math.tanh(next) - Math.tanh(old));
        if (change > maxChange) maxChange = change;
      }
      messages[q] = next;
      total[slotVariable[q]!] += next - old;
    }
    return maxChange;
  }



  /**
   * Bethe free entropy per variable, φ = (1/N)[Σ_a log Z_a + Σ_i log Z_i − Σ_{(a,i)} log Z_{ai}], of the measure
   * Π_a 1[clause a satisfied] · exp(Σ_i (external_i + focusing_i) x_i); Z_a = 1 − Π_{j∈a} π_{j→a}.
   */
  freeEntropy(): number {
    const { n, m, messages, total, slotVariable, slotViolating, clauseStart } = this;
    let phi = 0;
    for (let i = 0; i < n; i++) phi += log2cosh(total[i]!);
    // In field form so that saturated messages stay finite: log Z_ai = log((1 + tanh c tanh u)/2) with c = h − u
    // equals log 2cosh h − log 2cosh c − log 2cosh u; the violating probability is π = 1/(1 + e^{−2vc}), so
    // log π = −softplus(−2vc), and log Z_a = log(−expm1(Σ log π)), floored at the smallest double so that a clause
    // BP believes violated costs ≈ −744 instead of −∞ (which would make every comparison of F undefined).
    for (let a = 0; a < m; a++) {
      let logAllViolated = 0;
      for (let q = clauseStart[a]!; q < clauseStart[a + 1]!; q++) {
        const h = total[slotVariable[q]!]!;
        const cavity = h - messages[q]!;
        phi -= log2cosh(h) - log2cosh(cavity);
        logAllViolated -= softplus(-2 * slotViolating[q]! * cavity);
      }
      phi += Math.log(Math.max(-Math.expm1(logAllViolated), Number.MIN_VALUE));
    }
    return phi / n;
  }
}
