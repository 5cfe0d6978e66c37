// Orchestrates runs on a worker_threads pool (piscina): one task per run, the time limit enforced by the
// harness (cooperative deadline in the worker, then termination of the worker), every answer verified here.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { encodeAnswer, type AnyInstance, type RunRecord } from '@densebench/core';
import { generate, instanceHash, type InstanceSpec } from '@densebench/problems';
import { HARNESS_VERSION, type MachineInfo } from './machine.js';
import type { RunSpec } from './plan.js';
import type { SolveOutcome, SolveTask } from './task.js';
import { measureAnswerFlatness, verifyAnswer, type Verdict } from './verify.js';

/** Extra time after the limit before a worker that ignores its deadline is terminated. */
export function hardKillGraceMs(timeLimitMs: number): number {
  return 1000 + 0.1 * timeLimitMs;
}

export interface PoolOptions {
  workers?: number;
  /** Heap limit per worker (MiB); a worker that exceeds it is recorded as crashed. */
  memoryLimitMb?: number;
}

export function createPool(options: PoolOptions = {}): Piscina {
  const workers = Math.max(1, options.workers ?? availableParallelism());
  return new Piscina({
    // '../dist/' resolves to the compiled worker both from dist/ and from src/ (when tests load the sources).
    filename: fileURLToPath(new URL('../dist/worker.js', import.meta.url)),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    ...(options.memoryLimitMb ? { resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb } } : {}),
  });
}

/** The outcome of one task, from the pool's point of view. */
export type TaskResult = { kind: 'finished'; outcome: SolveOutcome } | { kind: 'killed'; elapsedMs: number } | { kind: 'crashed'; message: string; elapsedMs: number };

/** Runs one task on the pool; terminates its worker when it overruns the limit by more than the grace period. */
export async function runTask(pool: Piscina, task: SolveTask): Promise<TaskResult> {
  const controller = new AbortController();
  const start = performance.now();
  const timer = setTimeout(() => controller.abort(), task.timeLimitMs + hardKillGraceMs(task.timeLimitMs));
  try {
    const outcome = (await pool.run(task, { signal: controller.signal })) as SolveOutcome;
    return { kind: 'finished', outcome };
  } catch (error) {
    const elapsedMs = performance.now() - start;
    if (controller.signal.aborted) return { kind: 'killed', elapsedMs };
    return { kind: 'crashed', message: error instanceof Error ? error.message : String(error), elapsedMs };
  } finally {
    clearTimeout(timer);
  }
}

/** Turns a task result into a verdict, verifying any answer against the instance. */
export function judge(result: TaskResult, instance: AnyInstance, teacher: Int8Array | null, spec: InstanceSpec | null, timeLimitMs: number): Verdict & { wallTimeMs: number } {
  const none = { energy: null, testError: null, teacherOverlap: null };
  if (result.kind === 'killed') return { status: 'timeout', ...none, message: `stopped after ${(result.elapsedMs / 1000).toFixed(1)} s: ignored its deadline`, wallTimeMs: result.elapsedMs };
  if (result.kind === 'crashed') return { status: 'crashed', ...none, message: result.message, wallTimeMs: result.elapsedMs };
  const outcome = result.outcome;
  if (!outcome.ok) {
    const log = outcome.log.length ? `\nlog:\n${outcome.log.join('\n')}` : '';
    // A solver that threw once its time was up ran out of time (an external program killed at the limit, say).
    return { status: outcome.late ? 'timeout' : 'error', ...none, message: outcome.message + log, wallTimeMs: outcome.wallTimeMs };
  }
  const verdict = verifyAnswer({ instance, teacher, spec, assignment: outcome.assignment, network: outcome.network, unsatisfiable: outcome.unsatisfiable, claimedEnergy: outcome.claimedEnergy, wallTimeMs: outcome.wallTimeMs, timeLimitMs });
  return { ...verdict, wallTimeMs: outcome.wallTimeMs };
}

export interface ExecuteOptions extends PoolOptions {
  runs: readonly RunSpec[];
  plugins: ReadonlyMap<string, RunnablePlugin>;
  timeLimitS: number;
  machine: MachineInfo;
  /** Called with each record as soon as its run is judged (in completion order). */
  onRecord(record: RunRecord): void;
  /** Stops the sweep: no new runs start, runs in flight are terminated and left unrecorded. */
  signal?: AbortSignal;
}

/** Seed text of a run's solver stream: independent of the instance stream, reproducible from the record. */
export function solverSeedText(plugin: string, instanceHashHex: string, seed: number): string {
  return `densebench:v1:solver:${plugin}:${instanceHashHex}:seed=${seed}`;
}

/** A plugin as the runner needs it. */
export interface RunnablePlugin {
  url: string;
  version: string;
  workUnit: string;
}

/**
 * Runs one planned run on the pool and returns its record: generates the instance here (the worker regenerates
 * the training part), runs the task, verifies the answer. `undefined` when `signal` aborted it mid-run.
 */
export async function runOne(pool: Piscina, run: RunSpec, plugin: RunnablePlugin, timeLimitS: number, machine: MachineInfo, signal?: AbortSignal): Promise<RunRecord | undefined> {
  const timeLimitMs = timeLimitS * 1000;
  const generated = generate(run.instance);
  const hash = instanceHash(generated.instance);
  const startedAt = new Date().toISOString();
  const task: SolveTask = { pluginUrl: plugin.url, params: run.params, source: { type: 'spec', spec: run.instance }, solverSeed: solverSeedText(run.plugin, hash, run.instance.seed), timeLimitMs };
  const result = await runTask(pool, task);
  // An interrupted run is not a result: leave it unrecorded so that a resumed sweep runs it again.
  if (signal?.aborted && result.kind !== 'finished') return undefined;
  const verdict = judge(result, generated.instance, generated.teacher, run.instance, timeLimitMs);
  const outcome = result.kind === 'finished' && result.outcome.ok ? result.outcome : null;
  // Only a well-formed answer (one whose energy was verified) is measured.
  const flatness = outcome && verdict.energy !== null ? measureAnswerFlatness(generated.instance, outcome, hash) : null;
  return {
    schema: 1,
    id: run.id,
    plugin: run.plugin,
    pluginVersion: plugin.version,
    params: run.params,
    problem: run.instance.problem,
    n: run.instance.n,
    alpha: run.instance.alpha,
    k: run.instance.k,
    seed: run.instance.seed,
    instanceHash: hash,
    status: verdict.status,
    energy: verdict.energy,
    wallTimeMs: Math.round(verdict.wallTimeMs * 1000) / 1000,
    // A worker that was terminated (timeout, crash) could not report its memory.
    peakMemoryMb: result.kind === 'finished' ? result.outcome.peakMemoryMb : null,
    work: outcome && Number.isFinite(outcome.work) ? outcome.work : null,
    workUnit: plugin.workUnit,
    timeLimitS,
    testError: verdict.testError,
    teacherOverlap: verdict.teacherOverlap,
    message: verdict.message,
    info: outcome?.info ?? null,
    trace: outcome?.trace.length ? outcome.trace : null,
    flatness: flatness?.curve ?? null,
    // Data-set records say which perturbation they used (binary networks flip, continuous ones take noise); ±1 problems
    // always flip, and their records stay as they were before the field existed.
    ...(flatness && generated.instance.kind === 'dataset' ? { flatnessMeasure: flatness.measure } : {}),
    // The answer itself, for ±1 problems (verified well-formed whenever its energy is known).
    ...(generated.instance.kind === 'dataset' ? {} : { answer: outcome && verdict.energy !== null ? encodeAnswer(outcome.assignment as Int8Array) : null }),
    harnessVersion: HARNESS_VERSION,
    node: machine.node,
    cpu: machine.cpu,
    commit: machine.commit,
    startedAt,
  };
}

export async function executePlan(options: ExecuteOptions): Promise<void> {
  const pool = createPool(options);
  const stop = (): void => void pool.destroy();
  options.signal?.addEventListener('abort', stop, { once: true });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < options.runs.length && !options.signal?.aborted) {
      const run = options.runs[next++]!;
      const plugin = options.plugins.get(run.plugin);
      if (!plugin) throw new Error(`plan names plugin "${run.plugin}", which is not loaded`);
      const record = await runOne(pool, run, plugin, options.timeLimitS, options.machine, options.signal);
      if (record) options.onRecord(record);
    }
  };
  try {
    const lanes = Math.max(1, Math.min(options.workers ?? availableParallelism(), options.runs.length));
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    options.signal?.removeEventListener('abort', stop);
    if (!options.signal?.aborted) await pool.destroy();
  }
}
