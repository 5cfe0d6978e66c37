// The Gaussian (central-limit) theta-node update shared by the perceptron and the committee machine: Baldassi et al.,
// PNAS 113, E7655 (2016), SI, and carlobaldassi/BinaryCommitteeMachineFBP.jl (theta node). For one constraint
// Σ_k η_k W_k > 0 over N ±1 weights with cavity magnetizations m_k, μ̄ = Σ_{k≠i} η_k m_k and σ̄² = Σ_{k≠i} (1 − m_k²),
// and a soft output field H = tanh(u_{out→τ}) coming down from the node above,
//   u_{θ→i} = ½ log[(1 + H erf x₊)/(1 + H erf x₋)],  x± = (μ̄ ± η_i)/√(2σ̄²).
// The perceptron's constraint is a theta node whose output is fixed (H = 1, the label folded into η = σξ):
// there u = ½ log[(1 + erf x₊)/(1 + erf x₋)], the same message written with one logarithm of a ratio.
import { logErfc, onePlusErf } from '@densebench/core';
import { clampField } from './fields.js';

/** Below this cavity variance the factor is treated as deterministic (all other weights saturated). */
export const MIN_VARIANCE = 1e-12;

/** The output a theta node sees: 'hard' for a constraint that must hold (H = 1), or the soft field H in [−1, 1]. */
export type ThetaOutput = 'hard' | number;

/** log(1 + H·erf x) = log[((1+H)/2)·erfc(−x) + ((1−H)/2)·erfc(x)], without cancellation. */
function logOnePlusHErf(h: number, x: number): number {
  const value = 0.5 * ((1 + h) * onePlusErf(x) + (1 - h) * onePlusErf(-x));
  // The tail is a function of its own, so that this one stays small enough for V8 to inline with its two erfc.
  return value > 1e-300 ? Math.log(value) : logOnePlusHErfTail(h, x);
}

/** Deep tail with an output at H = ±1: only the term of that sign is left, erfc(−x) for H = 1 and erfc(x) for H = −1. */
function logOnePlusHErfTail(h: number, x: number): number {
  return h >= 0 ? Math.log(0.5 * (1 + h)) + logErfc(-x) : Math.log(0.5 * (1 - h)) + logErfc(x);
}

/**
 * One theta node's update, with the cavity magnetizations as scratch. After `update`, `mean` and `variance` hold
 * Σ_k η_k m_k and Σ_k (1 − m_k²) over all N inputs (the committee's message up to its hidden unit needs them).
 */
export class GaussianFactor {
  readonly n: number;
  mean = 0;
  variance = 0;
  private readonly cavity: Float64Array;

  constructor(n: number) {
    this.n = n;
    this.cavity = new Float64Array(n);
  }

  /**
   * Updates the N weight messages of one theta node in place: couplings η at [couplingStart, +N), its messages at
   * [messageStart, +N), the total fields of its weights at [totalStart, +N) (each moved by its message's change).
   * Returns the largest change in magnetization of its messages.
   */
  update(
    couplings: Int8Array,
    couplingStart: number,
    messages: Float64Array,
    messageStart: number,
    total: Float64Array,
    totalStart: number,
    output: ThetaOutput,
    damping: number,
  ): number {
    const { n, cavity } = this;
    let mean = 0;
    let variance = 0;
    for (let k = 0; k < n; k++) {
      const m = Math.tanh(total[totalStart + k]! - messages[messageStart + k]!);
      cavity[k] = m;
      mean += couplings[couplingStart + k]! * m;
      variance += 1 - m * m;
    }
    this.mean = mean;
    this.variance = variance;
    const hard = output === 'hard';
    const h = hard ? 1 : output;
    let maxChange = 0;
    for (let i = 0; i < n; i++) {
      const m = cavity[i]!;
      const e = couplings[couplingStart + i]!;
      const meanWithout = mean - e * m;
      let varianceWithout = variance - (1 - m * m);
      if (varianceWithout < MIN_VARIANCE) varianceWithout = MIN_VARIANCE;
      const scale = 1 / Math.sqrt(2 * varianceWithout);
      const xPlus = (meanWithout + e) * scale;
      const xMinus = (meanWithout - e) * scale;
      let next: number;
      if (hard) {
        // Deep in the tail both 1 + erf terms underflow: switch to log erfc there.
        next =
          xPlus > -20 && xMinus > -20
            ? clampField(0.5 * Math.log(onePlusErf(xPlus) / onePlusErf(xMinus)))
            : clampField(0.5 * (logErfc(-xPlus) - logErfc(-xMinus)));
      } else {
        next = clampField(0.5 * (logOnePlusHErf(h, xPlus) - logOnePlusHErf(h, xMinus)));
      }
      const old = messages[messageStart + i]!;
      if (damping > 0) next = (1 - damping) * next + damping * old;
      // |Δ tanh| ≤ |Δ field|: the two tanh are needed only when the field moved more than the largest change so far.
      const fieldChange = next > old ? next - old : old - next;
      if (fieldChange > maxChange) {
        const change = Math.abs(Math.tanh(next) - Math.tanh(old));
        if (change > maxChange) maxChange = change;
      }
      messages[messageStart + i] = next;
      total[totalStart + i] += next - old;
    }
    return maxChange;
  }
}
