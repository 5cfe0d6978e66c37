import type { Rng } from '@densebench/core';

/**
 * A configuration of ±1 variables whose number of violated constraints is kept up to date under single flips.
 * Implementations precompute a problem layout once; `clone()` gives an independent configuration sharing it,
 * which is how replicated algorithms keep y configurations of one instance.
 */
export interface IncrementalEnergy {
  /** Number of ±1 variables: N, or K·N for a committee machine. */
  readonly variables: number;
  readonly weights: Int8Array;
  readonly energy: number;
  /** Sets the configuration and rebuilds all cached quantities from scratch. */
  reset(configuration: Int8Array): void;
  /** ΔE of flipping variable j (the configuration is unchanged). */
  deltaEnergy(j: number): number;
  /** Flips variable j; `delta` must be its deltaEnergy. */
  flip(j: number, delta: number): void;
  /** A new state on the same instance (shared read-only layout), set to the all +1 configuration. */
  clone(): IncrementalEnergy;
}

/** Random ±1 configuration of the state's length, written into `into`. */
export function randomConfiguration(into: Int8Array, rng: Rng): Int8Array {
  for (let j = 0; j < into.length; j++) into[j] = rng.nextSign();
  return into;
}
