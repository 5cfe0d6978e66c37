// Messages between the harness (main thread) and its workers.
import type { InstanceSpec } from '@densebench/problems';

export type InstanceSource = { type: 'spec'; spec: InstanceSpec } | { type: 'file'; path: string };

export interface SolveTask {
  pluginUrl: string;
  params: Record<string, unknown>;
  source: InstanceSource;
  /** Seed text of the solver's own random stream. */
  solverSeed: string;
  timeLimitMs: number;
}

export type SolveOutcome =
  | {
      ok: true;
      /** The raw answer as returned (checked in the main thread): `assignment` for ±1 problems, `network` for data sets. */
      assignment: unknown;
      network: unknown;
      /** The solver claims there is no solution (no answer to verify). */
      unsatisfiable: boolean;
      work: number;
      claimedEnergy: number | null;
      info: Record<string, number | string | boolean> | null;
      trace: [number, number][];
      wallTimeMs: number;
      /** Peak memory of the run, MiB (memory.ts); null for an external program that could not be measured. */
      peakMemoryMb: number | null;
    }
  | {
      ok: false;
      message: string;
      wallTimeMs: number;
      log: string[];
      peakMemoryMb: number | null;
      /** The solver threw after its deadline had passed (e.g. an external program killed at the time limit). */
      late?: boolean;
    };
