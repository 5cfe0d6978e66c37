// Runs planned runs on the worker pool (pool.ts) and makes each one a record: the instance is generated here, handed
// to a worker process as data, and every answer is verified here against this process's own copy. Whatever a plugin
// does, one run yields one valid record (its status says what went wrong) and the sweep goes on.
import { availableParallelism } from 'node:os';
import { describeError, encodeAnswer, type AnyInstance, type InstanceSpec, type MachineInfo, type RunRecord } from '@densebench/core';
import { generate, instanceHash, isCommittee, isDataset, isKsat, secretId, type GeneratedInstance } from '@densebench/problems';
import { HARNESS_VERSION } from './machine.js';
import { capText, RECORD_LIMITS } from './outcome.js';
import type { RunSpec } from './plan.js';
import { createPool, packInstance, type PoolOptions, type TaskResult, type WorkerPool } from './pool.js';
import { measureAnswerFlatness, verifyAnswer, type Verdict } from './verify.js';

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

/** What a failed run's message carries besides its error: the plugin's ctx.log() lines and its process's output. */
function failureDetails(log: readonly string[], output: string): string {
  const parts: string[] = [];
  if (log.length) parts.push(`log:\n${log.join('\n')}`);
  const printed = output.trim();
  if (printed) parts.push(`output (last lines):\n${printed.slice(-2000)}`);
  return parts.length ? `\n${parts.join('\n')}` : '';
}

/** Turns a task result into a verdict, verifying any answer against the instance; the wall time is the harness's. */
export function judge(result: TaskResult, instance: AnyInstance, teacher: Int8Array | null, spec: InstanceSpec | null, timeLimitMs: number, secret: string | null = null): Verdict & { wallTimeMs: number } {
  const none = { energy: null, testError: null, teacherOverlap: null };
  const wallTimeMs = result.wallTimeMs;
  if (result.kind === 'killed') return { status: 'timeout', ...none, message: `stopped after ${(wallTimeMs / 1000).toFixed(1)} s: ignored its deadline`, wallTimeMs };
  if (result.kind === 'crashed') return { status: 'crashed', ...none, message: result.message, wallTimeMs };
  const outcome = result.outcome;
  if (!outcome.ok) {
    // A solver that threw once its time was up ran out of time (an external program killed at the limit, say).
    const status = outcome.crashed ? 'crashed' : outcome.late || wallTimeMs > timeLimitMs ? 'timeout' : 'error';
    return { status, ...none, message: outcome.message + failureDetails(outcome.log, result.output), wallTimeMs };
  }
  const verdict = verifyAnswer({
    instance,
    teacher,
    spec,
    secret,
    assignment: outcome.assignment,
    network: outcome.network,
    unsatisfiable: outcome.unsatisfiable,
    gaveUp: outcome.gaveUp,
    claimedEnergy: outcome.claimedEnergy,
    wallTimeMs,
    timeLimitMs,
  });
  return { ...verdict, wallTimeMs };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The fields every record of a run has, whatever happened to it. */
function recordBase(run: RunSpec, plugin: RunnablePlugin, timeLimitS: number, machine: MachineInfo, secret: string | null, startedAt: string) {
  return {
    schema: 1 as const,
    id: run.id,
    plugin: run.plugin,
    pluginVersion: plugin.version,
    params: run.params,
    problem: run.instance.problem,
    n: run.instance.n,
    alpha: run.instance.alpha,
    k: run.instance.k,
    seed: run.instance.seed,
    workUnit: plugin.workUnit,
    timeLimitS,
    harnessVersion: HARNESS_VERSION,
    node: machine.node,
    cpu: machine.cpu,
    commit: machine.commit,
    startedAt,
    ...(secret !== null ? { secretId: secretId(secret) } : {}),
  };
}

/** The record of a run that never reached its plugin (its instance could not be generated, say). */
function harnessErrorRecord(run: RunSpec, plugin: RunnablePlugin, timeLimitS: number, machine: MachineInfo, secret: string | null, startedAt: string, message: string): RunRecord {
  return {
    ...recordBase(run, plugin, timeLimitS, machine, secret, startedAt),
    instanceHash: null,
    status: 'error',
    energy: null,
    wallTimeMs: 0,
    cpuTimeMs: null,
    peakMemoryMb: null,
    work: null,
    testError: null,
    teacherOverlap: null,
    message: capText(message, RECORD_LIMITS.message),
    info: null,
    trace: null,
    flatness: null,
  };
}

export interface RunOptions {
  /** Stops the run: a run stopped mid-way is not recorded (undefined), so that a resumed sweep runs it again. */
  signal?: AbortSignal;
  /** DENSEBENCH_SECRET: the instance (and its teacher, test set, planted assignment) is keyed with it. */
  secret?: string | null;
  /** Warm a fresh worker up before its first timed run (default true); false measures cold starts. */
  warmup?: boolean;
}

/** The longest a warm-up may run, ms (less when the run's own limit is shorter). */
export const WARMUP_LIMIT_MS = 2000;
/** Seed of the warm-up instances: outside the seeds studies use, so a warm-up is never on a measured instance. */
export const WARMUP_SEED = 4_294_967_295;

/**
 * The warm-up instance of a run: the same problem, K and α at a small N (51 for the perceptron problems, 21 for
 * committees, 50 for K-SAT; MNIST at α ≤ 0.1, 78 digits), with WARMUP_SEED. Public (never keyed): it is not measured.
 */
export function warmupSpec(spec: InstanceSpec): InstanceSpec {
  const small = isDataset(spec.problem) ? spec.n : isKsat(spec.problem) ? Math.max(spec.k ?? 3, Math.min(spec.n, 50)) : Math.min(spec.n, isCommittee(spec.problem) ? 21 : 51);
  const alpha = isDataset(spec.problem) ? Math.min(spec.alpha, 0.1) : spec.alpha;
  return { ...spec, n: small, alpha, seed: spec.seed === WARMUP_SEED ? WARMUP_SEED - 1 : WARMUP_SEED };
}

const warmupCache = new Map<string, Uint8Array | null>();

/** The packed warm-up instance of a run (null if it cannot be generated: the run is then not warmed up), cached. */
function warmupInstance(spec: InstanceSpec): Uint8Array | null {
  const small = warmupSpec(spec);
  const key = JSON.stringify(small);
  if (!warmupCache.has(key)) {
    let packed: Uint8Array | null = null;
    try {
      packed = packInstance(generate(small).instance);
    } catch {
      // A spec the generator refuses at small N (α rounding to no constraint, say): no warm-up.
    }
    if (warmupCache.size >= 16) warmupCache.delete(warmupCache.keys().next().value!);
    warmupCache.set(key, packed);
  }
  return warmupCache.get(key)!;
}

/**
 * Runs one planned run on the pool and returns its record: generates the instance here, hands its training part to a
 * worker process, verifies the answer. `undefined` when `options.signal` stopped it mid-run.
 */
export async function runOne(pool: WorkerPool, run: RunSpec, plugin: RunnablePlugin, timeLimitS: number, machine: MachineInfo, options: RunOptions = {}): Promise<RunRecord | undefined> {
  const secret = options.secret ?? null;
  const timeLimitMs = timeLimitS * 1000;
  const startedAt = new Date().toISOString();
  let generated: GeneratedInstance;
  let hash: string;
  try {
    generated = generate(run.instance, secret);
    hash = instanceHash(generated.instance);
  } catch (error) {
    return harnessErrorRecord(run, plugin, timeLimitS, machine, secret, startedAt, `the instance could not be generated (${run.instance.problem}, N = ${run.instance.n}, α = ${run.instance.alpha}, seed ${run.instance.seed}): ${describeError(error)}`);
  }
  let result: TaskResult;
  try {
    const warmup = options.warmup === false ? null : warmupInstance(run.instance);
    result = await pool.run({
      pluginUrl: plugin.url,
      params: run.params,
      instance: packInstance(generated.instance),
      solverSeed: solverSeedText(run.plugin, hash, run.instance.seed),
      timeLimitMs,
      warmup: warmup ? { instance: warmup, timeLimitMs: Math.min(timeLimitMs, WARMUP_LIMIT_MS) } : null,
    });
  } catch (error) {
    if (options.signal?.aborted) return undefined;
    return harnessErrorRecord(run, plugin, timeLimitS, machine, secret, startedAt, `the run could not be started: ${describeError(error)}`);
  }
  // An interrupted run is not a result: leave it unrecorded so that a resumed sweep runs it again.
  if (options.signal?.aborted && result.kind !== 'finished') return undefined;
  const verdict = judge(result, generated.instance, generated.teacher, run.instance, timeLimitMs, secret);
  const outcome = result.kind === 'finished' && result.outcome.ok ? result.outcome : null;
  // Only a well-formed answer (one whose energy was verified) is measured.
  const flatness = outcome && verdict.energy !== null ? measureAnswerFlatness(generated.instance, outcome, hash) : null;
  return {
    ...recordBase(run, plugin, timeLimitS, machine, secret, startedAt),
    instanceHash: hash,
    status: verdict.status,
    energy: verdict.energy,
    wallTimeMs: round3(verdict.wallTimeMs),
    cpuTimeMs: result.cpuTimeMs === null ? null : round3(result.cpuTimeMs),
    workerRun: result.workerRun,
    ...(result.workerRun === 1 ? { warmupMs: result.warmupMs === null ? null : round3(result.warmupMs) } : {}),
    // A worker that was stopped (timeout, crash) could not report its memory.
    peakMemoryMb: result.kind === 'finished' ? result.outcome.peakMemoryMb : null,
    work: outcome ? outcome.work : null,
    testError: verdict.testError,
    teacherOverlap: verdict.teacherOverlap,
    message: verdict.message === null ? null : capText(verdict.message, RECORD_LIMITS.message),
    info: outcome?.info ?? null,
    trace: outcome?.trace.length ? outcome.trace : null,
    flatness: flatness?.curve ?? null,
    // Data-set records say which perturbation they used (binary networks flip, continuous ones take noise); ±1 problems
    // always flip, and their records stay as they were before the field existed.
    ...(flatness && generated.instance.kind === 'dataset' ? { flatnessMeasure: flatness.measure } : {}),
    // The answer itself, for ±1 problems (verified well-formed whenever its energy is known).
    ...(generated.instance.kind === 'dataset' ? {} : { answer: outcome && verdict.energy !== null ? encodeAnswer(outcome.assignment as Int8Array) : null }),
  };
}

export interface ExecuteOptions extends Omit<PoolOptions, 'maxIdle'>, RunOptions {
  runs: readonly RunSpec[];
  plugins: ReadonlyMap<string, RunnablePlugin>;
  timeLimitS: number;
  machine: MachineInfo;
  /** Called with each record as soon as its run is judged (in completion order). */
  onRecord(record: RunRecord): void;
}

/**
 * Runs a plan on a pool of worker processes, `workers` runs at a time (never more than the plan has runs). A run that
 * fails in any way is recorded with its status; only an interrupt (`signal`) or a store that cannot write stops it.
 */
export async function executePlan(options: ExecuteOptions): Promise<void> {
  const lanes = Math.max(1, Math.min(options.workers ?? availableParallelism(), options.runs.length));
  const pool = createPool({ workers: lanes, ...(options.memoryLimitMb ? { memoryLimitMb: options.memoryLimitMb } : {}), maxIdle: Math.min(32, lanes * Math.max(1, options.plugins.size)) });
  const stop = (): void => void pool.destroy();
  options.signal?.addEventListener('abort', stop, { once: true });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < options.runs.length && !options.signal?.aborted) {
      const run = options.runs[next++]!;
      const plugin = options.plugins.get(run.plugin);
      if (!plugin) throw new Error(`plan names plugin "${run.plugin}", which is not loaded`);
      const record = await runOne(pool, run, plugin, options.timeLimitS, options.machine, { ...(options.signal ? { signal: options.signal } : {}), secret: options.secret ?? null, warmup: options.warmup !== false });
      if (!record) continue;
      try {
        options.onRecord(record);
      } catch (error) {
        // A record the store refuses (a value that would not read back) is a fault of this run, not of the sweep: it is
        // recorded as an error, without the fields a plugin handed back. A store that cannot write at all stops the sweep.
        const message = `the run's record could not be written: ${describeError(error)}`;
        options.onRecord({ ...harnessErrorRecord(run, plugin, options.timeLimitS, options.machine, options.secret ?? null, record.startedAt, message), instanceHash: record.instanceHash });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await pool.destroy();
  }
}
