// Flatness of a configuration as the local-energy curve of Baldassi, Pittorino & Zecchina (PNAS 117, 161, 2020):
// the fraction of violated constraints after flipping a random fraction p of the variables, averaged over draws.
// Solutions inside wide dense regions stay nearly error-free for small p; isolated ones do not. Any plugin's answer
// can be measured this way, independently of how it was found.
import { energy } from './energy.js';
import { constraintsIn, variableCount, type Assignment, type Instance } from './instance.js';
import type { Rng } from './rng.js';

export interface FlatnessPoint {
  /** Fraction of variables flipped (rounded to a whole number of flips, `flips`). */
  fraction: number;
  flips: number;
  /** Mean number of violated constraints over the draws. */
  meanEnergy: number;
  /** meanEnergy / number of constraints. */
  meanErrorRate: number;
}

/**
 * For each fraction p, flips ⌊p·V + ½⌋ distinct uniformly chosen variables of `assignment` (V variables), `draws`
 * times, and averages the energy of the perturbed configuration. The assignment is not modified.
 */
export function flatnessCurve(instance: Instance, assignment: Assignment, fractions: readonly number[], draws: number, rng: Rng): FlatnessPoint[] {
  const size = variableCount(instance);
  if (assignment.length !== size) throw new Error(`assignment has length ${assignment.length}, the instance has ${size} variables`);
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`draws must be a positive integer, got ${draws}`);
  const perturbed = new Int8Array(size);
  const order = new Int32Array(size);
  const constraints = constraintsIn(instance);
  return fractions.map((fraction) => {
    if (!(fraction >= 0 && fraction <= 1)) throw new Error(`flip fraction ${fraction} is outside [0, 1]`);
    const flips = Math.floor(fraction * size + 0.5);
    let total = 0;
    for (let draw = 0; draw < draws; draw++) {
      perturbed.set(assignment);
      negateRandomSubset(perturbed, flips, order, rng);
      total += energy(instance, perturbed);
    }
    const meanEnergy = total / draws;
    return { fraction, flips, meanEnergy, meanErrorRate: meanEnergy / constraints };
  });
}

/**
 * Negates `flips` distinct, uniformly chosen entries of `values`: a partial Fisher–Yates shuffle whose first `flips`
 * entries are a uniform sample without replacement. `order` (same length) is scratch space.
 */
export function negateRandomSubset(values: Int8Array | Float32Array | Float64Array, flips: number, order: Int32Array, rng: Rng): void {
  const size = values.length;
  for (let j = 0; j < size; j++) order[j] = j;
  for (let j = 0; j < flips; j++) {
    const pick = j + rng.nextInt(size - j);
    const chosen = order[pick]!;
    order[pick] = order[j]!;
    order[j] = chosen;
    values[chosen] = -values[chosen]!;
  }
}
