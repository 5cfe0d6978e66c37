// What crosses between the harness and the worker processes that run plugin code (over channel.ts). Everything a worker sends is
// untrusted data (the plugin runs in that process and can forge it): the harness validates it (host/outcome.ts), measures
// time itself (host/pool-thread.ts) and verifies every answer against its own copy of the instance (host/verify.ts).

/** A run as the harness hands it to the pool: the plugin, its resolved params, the training instance on disk. */
export interface SolveTask {
  pluginUrl: string;
  params: Record<string, unknown>;
  /**
   * The training instance in the binary form of @densebench/problems (encodeInstanceBinary), on shared memory (packInstance):
   * no spec, seed or teacher. It reaches the worker over its private channel.
   */
  instance: Uint8Array;
  /** Seed text of the solver's own random stream. */
  solverSeed: string;
  timeLimitMs: number;
  /**
   * What a fresh worker solves, untimed, before its first timed run (its answer dropped), so that importing the plugin
   * and compiling its hot code are not in the first run's time: a small instance of the same problem (packed like
   * `instance`) and the warm-up's time limit. Null: no warm-up.
   */
  warmup?: { instance: Uint8Array; timeLimitMs: number } | null;
}

/** Harness → worker process (channel.ts). A 'solve' message is followed by a bytes frame: the instance. */
export type WorkerRequest =
  | { type: 'describe'; pluginUrl: string }
  | {
      type: 'solve';
      id: number;
      pluginUrl: string;
      params: Record<string, unknown>;
      solverSeed: string;
      timeLimitMs: number;
      /** The run's deadline as an epoch timestamp in ms (performance.timeOrigin + performance.now() of the harness). */
      deadlineEpochMs: number;
    };

/**
 * What an honest worker process sends back about a run (the harness checks every field: see host/outcome.ts).
 * `violation` is the first misuse of the context the worker saw (e.g. ctx.progress() with a non-number).
 */
export type RawOutcome =
  | {
      ok: true;
      assignment: unknown;
      network: unknown;
      unsatisfiable: unknown;
      gaveUp: unknown;
      work: unknown;
      claimedEnergy: unknown;
      info: unknown;
      trace: unknown;
      log: unknown;
      peakMemoryMb: unknown;
      violation: unknown;
    }
  | { ok: false; message: unknown; log: unknown; peakMemoryMb: unknown; late: unknown; crashed: unknown };

/** Worker process → harness. */
export type WorkerReply =
  | { type: 'up' }
  | { type: 'described'; info: unknown }
  | { type: 'describe-failed'; message: string }
  | { type: 'result'; id: number; outcome: RawOutcome };

/** A plugin's metadata as data, obtained in a worker process (the harness never imports plugin code). */
export interface PluginInfo {
  name: string;
  version: string;
  description: string;
  problems: string[];
  workUnit: string;
  params: import('@densebench/core').ParamsSchema;
  /** Why the plugin cannot run here (its preflight check failed), or null. */
  unavailable: string | null;
}
