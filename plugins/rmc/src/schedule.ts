import type { Schedule } from './types.js';

/**
 * Default schedules, measured with densebench (README). Perceptron and committee: β 1 → 5 and γ 0.05 → 3, both
 * reaching their caps after ≈ 10⁴ sweeps. K-SAT: a colder start and a weak coupling (γ ≤ 0.6) — with γ = 3 the five
 * replicas of a 3-SAT run lock into one and freeze.
 */
export const SCHEDULE_BY_KIND: Record<'perceptron' | 'committee' | 'ksat', Schedule> = {
  perceptron: { beta0: 1, betaFactor: 1.00016, betaMax: 5, gamma0: 0.05, gammaFactor: 1.0004, gammaMax: 3 },
  committee: { beta0: 1, betaFactor: 1.00016, betaMax: 5, gamma0: 0.05, gammaFactor: 1.0004, gammaMax: 3 },
  ksat: { beta0: 3, betaFactor: 1.0001, betaMax: 8, gamma0: 0.01, gammaFactor: 1.0004, gammaMax: 0.6 },
};
