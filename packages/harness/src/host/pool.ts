// The harness's handle on its worker processes: starts the pool thread (pool-thread.ts), hands it runs (with their
// training instance, packed) and plugin descriptions, and turns what comes back into checked outcomes.
// Plugin code never runs in this process: the harness knows a plugin by the data its worker sends (PluginInfo).
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { assertPlugin, describeError, type AnyInstance, type ParamsSchema } from '@densebench/core';
import { encodeInstanceBinary } from '@densebench/problems';
import { removeCgroups } from './cgroup.js';
import { readOutcome, type SolveOutcome } from './outcome.js';
import type { PoolReply, PoolRequest, PoolThreadConfig } from './pool-thread.js';
import type { PluginInfo, SolveTask } from '../protocol/task.js';

export { hardKillGraceMs } from './pool-thread.js';

export interface PoolOptions {
  /** Runs at a time (lanes); worker processes are started as runs need them. */
  workers?: number;
  /** Heap limit per worker process (MiB); a run that exceeds it is recorded as crashed. */
  memoryLimitMb?: number;
  /** Idle worker processes kept for reuse (default: enough for every plugin of a sweep on every lane, at most 32). */
  maxIdle?: number;
  /**
   * Runs the worker processes as this user (a name or a uid; the harness must run as root). Plugin code then cannot
   * read the harness's environment (DENSEBENCH_SECRET), write its result sets or signal it. Default: DENSEBENCH_WORKER_USER.
   */
  workerUser?: string | null;
}

/** The outcome of one run, from the harness's point of view. */
export type TaskResult = (
  | { kind: 'finished'; outcome: SolveOutcome; wallTimeMs: number; cpuTimeMs: number | null; output: string }
  | { kind: 'killed'; wallTimeMs: number; cpuTimeMs: number | null; output: string }
  | { kind: 'crashed'; message: string; wallTimeMs: number; cpuTimeMs: number | null; output: string }
) & {
  /** Which timed run of its worker process this was (1: the first). */
  workerRun: number;
  /** On a worker's first run, the wall time of its warm-up (the plugin's import included); null otherwise. */
  warmupMs: number | null;
};

const SCRATCH_PREFIX = 'densebench-run-';

/** Removes the scratch directories of harness processes on this machine that died without cleaning up. */
function removeStaleScratch(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const match = new RegExp(`^${SCRATCH_PREFIX}(\\d+)-`).exec(name);
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class WorkerPool {
  /** Private directory (mode 0700; 0711 for workers of another user) of this pool: the workers' scratch directories. */
  readonly scratchDir: string;
  readonly workers: number;
  private readonly thread: Worker;
  private readonly pending = new Map<number, (reply: PoolReply) => void>();
  private nextKey = 1;
  private destroyed: Promise<void> | undefined;
  private threadError: Error | undefined;

  constructor(options: PoolOptions = {}) {
    removeStaleScratch();
    removeCgroups();
    this.workers = Math.max(1, options.workers ?? availableParallelism());
    const workerUser = resolveWorkerUser(options.workerUser === undefined ? process.env.DENSEBENCH_WORKER_USER || null : options.workerUser);
    this.scratchDir = mkdtempSync(join(tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
    // A worker of another user must reach its own directory inside (and nothing else: it cannot list this one).
    if (workerUser) chmodSync(this.scratchDir, 0o711);
    const config: PoolThreadConfig = {
      // '../dist/' resolves to the compiled files both from dist/ and from src/ (when tests load the sources).
      entry: fileURLToPath(new URL('../../dist/worker/entry.js', import.meta.url)),
      scratchDir: this.scratchDir,
      memoryLimitMb: options.memoryLimitMb ?? null,
      maxIdle: options.maxIdle ?? Math.min(32, this.workers * 4),
      workerUser,
    };
    this.thread = new Worker(new URL('../../dist/host/pool-thread.js', import.meta.url), { workerData: { densebenchPool: config } });
    this.thread.on('message', (reply: PoolReply) => {
      const key = reply.type === 'destroyed' ? 0 : reply.key;
      const resolve = this.pending.get(key);
      this.pending.delete(key);
      resolve?.(reply);
    });
    this.thread.on('error', (error) => {
      this.threadError = error;
      for (const resolve of this.pending.values()) resolve({ type: 'destroyed' });
      this.pending.clear();
    });
  }

  private request(build: (key: number) => PoolRequest, key = this.nextKey++): Promise<PoolReply> {
    if (this.threadError) return Promise.reject(new Error(`the worker pool failed: ${this.threadError.message}`));
    if (this.destroyed) return Promise.reject(new Error('the worker pool was stopped'));
    return new Promise((resolve) => {
      this.pending.set(key, resolve);
      this.thread.postMessage(build(key));
    });
  }

  /** Runs one task in a worker process serving its plugin; the outcome is checked field by field. */
  async run(task: SolveTask): Promise<TaskResult> {
    let reply: PoolReply;
    try {
      reply = await this.request((key) => ({ type: 'run', key, task }));
    } catch (error) {
      return { kind: 'crashed', message: describeError(error), wallTimeMs: 0, cpuTimeMs: null, output: '', workerRun: 1, warmupMs: null };
    }
    if (reply.type !== 'ran') return { kind: 'crashed', message: `the worker pool stopped during the run${this.threadError ? `: ${this.threadError.message}` : ''}`, wallTimeMs: 0, cpuTimeMs: null, output: '', workerRun: 1, warmupMs: null };
    const result = reply.result;
    if (result.kind !== 'finished') return result;
    return { ...result, outcome: readOutcome(result.outcome) };
  }

  /**
   * A plugin's metadata, obtained in a worker process of its own: the module is imported and checked there, and only
   * data (name, version, problems, work unit, parameter schema, whether its preflight passed) crosses back.
   */
  async describe(pluginUrl: string): Promise<PluginInfo> {
    const reply = await this.request((key) => ({ type: 'describe', key, pluginUrl }));
    if (reply.type !== 'described') throw new Error(`the worker pool stopped while loading ${pluginUrl}`);
    if (reply.error !== null) throw new Error(reply.error);
    return checkPluginInfo(reply.info, pluginUrl);
  }

  /** Stops every worker process (and whatever they started), the pool thread, and removes the scratch directory. */
  destroy(): Promise<void> {
    this.destroyed ??= (async () => {
      if (!this.threadError) {
        await new Promise<void>((resolve) => {
          this.pending.set(0, () => resolve());
          this.thread.postMessage({ type: 'destroy' } satisfies PoolRequest);
        });
      }
      await this.thread.terminate();
      // Runs still waiting (stopped mid-run) end as crashed; their callers know the pool was stopped.
      for (const resolve of this.pending.values()) resolve({ type: 'destroyed' });
      this.pending.clear();
      rmSync(this.scratchDir, { recursive: true, force: true });
    })();
    return this.destroyed;
  }
}

/**
 * The training instance as a worker receives it (its binary form, encodeInstanceBinary) on shared memory, so that the
 * pool thread sends it without a copy. Encode it once per instance: every run on it can send the same bytes.
 */
export function packInstance(instance: AnyInstance): Uint8Array {
  const parts = encodeInstanceBinary(instance);
  const packed = new Uint8Array(new SharedArrayBuffer(parts.reduce((sum, part) => sum + part.byteLength, 0)));
  let offset = 0;
  for (const part of parts) {
    packed.set(part, offset);
    offset += part.byteLength;
  }
  return packed;
}

/** The uid and gid of a user named by name or number (from /etc/passwd); refuses when the harness is not root. */
export function resolveWorkerUser(user: string | null): { uid: number; gid: number } | null {
  if (user === null || user === '') return null;
  if (process.getuid?.() !== 0) throw new Error(`running plugins as user "${user}" needs densebench to run as root (it runs as uid ${process.getuid?.() ?? '?'})`);
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    // Without /etc/passwd only numeric users can be resolved.
  }
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === user || uid === user) return { uid: Number(uid), gid: Number(gid) };
  }
  if (/^\d+$/.test(user)) return { uid: Number(user), gid: Number(user) };
  throw new Error(`DENSEBENCH_WORKER_USER / workerUser: no user "${user}" in /etc/passwd`);
}

/** A pool of worker processes; see WorkerPool. */
export function createPool(options: PoolOptions = {}): WorkerPool {
  return new WorkerPool(options);
}

/**
 * The metadata of several plugins, each described in a worker process of its own (a few at a time), in the order of
 * `urls`. Errors name the plugin's module.
 */
export async function describePlugins(urls: readonly string[]): Promise<PluginInfo[]> {
  const pool = createPool({ workers: 1 });
  try {
    const infos: PluginInfo[] = new Array(urls.length);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < urls.length) {
        const index = next++;
        try {
          infos[index] = await pool.describe(urls[index]!);
        } catch (error) {
          const message = describeError(error);
          throw new Error(message.startsWith('plugin from ') ? message : `plugin from ${urls[index]}: ${message}`, { cause: error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, urls.length) }, lane));
    return infos;
  } finally {
    await pool.destroy();
  }
}

/** Checks the metadata a worker sent about its plugin (it is data from plugin code); throws naming the field. */
export function checkPluginInfo(value: unknown, source: string): PluginInfo {
  // The same shape check as for a plugin object, minus the function.
  assertPlugin({ ...(typeof value === 'object' && value !== null ? value : {}), solve: () => undefined }, source);
  if (typeof value !== 'object' || value === null) throw new Error(`plugin from ${source}: its worker sent no description`);
  const info = value as PluginInfo;
  if (!info.problems.every((p) => typeof p === 'string')) throw new Error(`plugin from ${source}: "problems" must list problem names`);
  if (info.unavailable !== null && typeof info.unavailable !== 'string') throw new Error(`plugin from ${source}: malformed preflight result`);
  // Shown on terminals and in reports: no control characters (escape sequences).
  for (const field of ['version', 'workUnit', 'description'] as const) {
    if (/[\u0000-\u001f\u007f-\u009f]/.test(info[field])) throw new Error(`plugin from ${source}: "${field}" holds control characters`);
  }
  return { name: info.name, version: info.version, description: info.description, problems: [...info.problems], workUnit: info.workUnit, params: plainParamsSchema(info.params, source), unavailable: info.unavailable };
}

const PARAM_KEYWORDS = ['type', 'description', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'enum'] as const;

/**
 * The parameter schema a plugin declared, rebuilt from the keywords densebench documents (docs/plugins.md) and checked
 * for their types, so that what the harness compiles and validates with is plain data of a known shape.
 */
function plainParamsSchema(schema: ParamsSchema, source: string): ParamsSchema {
  const fail = (what: string): never => {
    throw new Error(`plugin from ${source}: "params" ${what}`);
  };
  const properties: ParamsSchema['properties'] = {};
  for (const [key, raw] of Object.entries(schema.properties)) {
    if (typeof raw !== 'object' || raw === null) fail(`property "${key}" must be an object`);
    const param: Record<string, unknown> = {};
    for (const keyword of PARAM_KEYWORDS) if (keyword in raw) param[keyword] = (raw as unknown as Record<string, unknown>)[keyword];
    if (!['number', 'integer', 'string', 'boolean'].includes(param.type as string)) fail(`property "${key}": "type" must be number, integer, string or boolean`);
    if (typeof param.description !== 'string') param.description = '';
    for (const bound of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
      if (bound in param && (typeof param[bound] !== 'number' || !Number.isFinite(param[bound]))) fail(`property "${key}": "${bound}" must be a finite number`);
    }
    if ('enum' in param && (!Array.isArray(param.enum) || !param.enum.every((v) => typeof v === 'string' || typeof v === 'number'))) fail(`property "${key}": "enum" must list strings or numbers`);
    if ('default' in param && !['string', 'number', 'boolean'].includes(typeof param.default)) fail(`property "${key}": "default" must be a string, number or boolean`);
    properties[key] = param as unknown as ParamsSchema['properties'][string];
  }
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : undefined;
  return { type: 'object', properties, ...(required ? { required } : {}), ...(typeof schema.additionalProperties === 'boolean' ? { additionalProperties: schema.additionalProperties } : {}) };
}
