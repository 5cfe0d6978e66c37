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
      work: number;
      claimedEnergy: number | null;
      info: Record<string, number | string | boolean> | null;
      trace: [number, number][];
      wallTimeMs: number;
    }
  | { ok: false; message: string; wallTimeMs: number; log: string[] };
