import type { Rng } from '@densebench/core';

/** order[0..size) = a uniformly random permutation of 0..size−1 (Fisher–Yates). */
export function shuffleIdentity(order: Int32Array, size: number, rng: Rng): void {
  for (let j = 0; j < size; j++) order[j] = j;
  for (let j = size - 1; j > 0; j--) {
    const k = rng.nextInt(j + 1);
    const t = order[j]!;
    order[j] = order[k]!;
    order[k] = t;
  }
}
