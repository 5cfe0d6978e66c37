/** Geometric inverse-temperature schedule: β_t = β₀ (β₁/β₀)^(t/(T−1)) for sweep t = 0 … T−1. */
export function geometricBeta(beta0: number, beta1: number, sweeps: number, sweep: number): number {
  if (sweeps <= 1) return beta1;
  return beta0 * Math.pow(beta1 / beta0, sweep / (sweeps - 1));
}
