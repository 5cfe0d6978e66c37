export interface SaParams {
  beta0: number;
  beta1: number;
  sweeps: number;
  restarts: number;
  /** The sweep kernel's backend: 'fastest' (the default), or one by name ('ts', 'wasm'). */
  backend: string;
}

export interface AnnealResult {
  weights: Int8Array;
  energy: number;
  /** Attempted flips / N, summed over restarts. */
  sweeps: number;
  restart: number;
  stoppedByDeadline: boolean;
}
