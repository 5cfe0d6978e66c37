// A type alias (not an interface) so that SolverPlugin<SaParams> is assignable to SolverPlugin.
export type SaParams = {
  beta0: number;
  beta1: number;
  sweeps: number;
  restarts: number;
};

export interface AnnealResult {
  weights: Int8Array;
  energy: number;
  /** Attempted flips / N, summed over restarts. */
  sweeps: number;
  restart: number;
  stoppedByDeadline: boolean;
}
