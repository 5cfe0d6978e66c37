import type { CentreMode } from './chain.js';

/** Geometric, capped schedules of β and γ: β_t = min(betaMax, beta0 · betaFactor^t), the same for γ. */
export interface Schedule {
  beta0: number;
  betaFactor: number;
  betaMax: number;
  gamma0: number;
  gammaFactor: number;
  gammaMax: number;
}

/** Schedule fields left out take the per-problem default of SCHEDULE_BY_KIND. */
export interface RmcParams extends Partial<Schedule> {
  y: number;
  centre: CentreMode;
  sweeps: number;
}
