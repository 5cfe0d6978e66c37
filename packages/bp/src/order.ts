import type { Rng } from '@densebench/core';

/** order[0..size) = a uniformly random permutation of 0..size−1 (Fisher–Yates). */
export function shuffleIdentity(order: Int32Array, size: number, rng: Rng): void {
  for (let j = 0; j < size; j++) order[j] = j;
  rng.shuffle(order, size);
}
