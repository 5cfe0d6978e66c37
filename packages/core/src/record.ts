import { PROBLEM_NAMES, type InstanceSpec } from './instance.js';
import { schemaChecker } from './schema.js';

/**
 * How a run ended. solved: the harness verified zero energy. unsolved: the solver returned an answer with
 * energy > 0 within its budget. timeout: the time limit was reached. error: the solver threw. invalid: the
 * answer is malformed or its claimed energy is not its verified energy. crashed: the worker died.
 */
export const RUN_STATUSES = ['solved', 'unsolved', 'timeout', 'error', 'invalid', 'crashed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One line of runs.jsonl: the run's instance spec (problem, n, alpha, k, seed), then what ran and how it ended. */
export interface RunRecord extends InstanceSpec {
  schema: 1;
  /** Stable identity of the run within a plan: plugin, problem, N, K, α, seed. */
  id: string;
  plugin: string;
  pluginVersion: string;
  params: Record<string, unknown>;
  /** SHA-256 of the instance (files.ts's canonical form); null when the instance could not be generated. */
  instanceHash: string | null;
  status: RunStatus;
  /** Verified energy of the returned answer (null when there is none). */
  energy: number | null;
  /** Solver wall time measured by the harness, ms: from handing the run to its worker to receiving the answer. */
  wallTimeMs: number;
  /**
   * CPU time (user + system) of the run's worker process and every process it started, ms, measured by the harness: from
   * the worker's cgroup where the system allows one, else from /proc (the worker and the children it waited for). Above
   * the wall time for a solver that uses several cores; below it on a loaded machine. Null where it cannot be measured;
   * absent in records written before it was.
   */
  cpuTimeMs?: number | null;
  /**
   * Which timed run of its worker process this was (1: the worker's first). A fresh worker is warmed up first, untimed,
   * on a small instance of the same problem (never the measured one), so the first run does not pay for the plugin's
   * import and the JIT's compilation. Absent in records written before it was recorded.
   */
  workerRun?: number;
  /** On a worker's first run: the wall time of its warm-up (import included), ms; null when it had none or it failed. */
  warmupMs?: number | null;
  work: number | null;
  workUnit: string;
  timeLimitS: number;
  /** Teacher–student only: error on fresh test patterns, and overlap W·W* / N with the teacher. */
  testError: number | null;
  teacherOverlap: number | null;
  message: string | null;
  info: Record<string, number | string | boolean> | null;
  /** (work, energy) pairs reported through ctx.progress, thinned to at most a few hundred. */
  trace: [number, number][] | null;
  /**
   * Flatness of the answer, measured by the harness: (p, mean fraction of violated constraints after flipping a random
   * fraction p of the variables). Absent in records written before it was measured; null when there is no answer.
   */
  flatness?: [number, number][] | null;
  /**
   * What `flatness` perturbed: absent or 'flip' for a fraction p of ±1 variables flipped; 'noise' for multiplicative
   * Gaussian noise of size σ on a continuous network's weights (then the pairs are (σ, error rate)).
   */
  flatnessMeasure?: 'flip' | 'noise';
  /**
   * The verified answer of a ±1 problem, packed one bit per variable (encodeAnswer/decodeAnswer in answer.ts), so that
   * analyses of the configuration itself (the local entropy around it) can run on the result set later. Null when there
   * is no well-formed answer; absent for data sets (networks) and in records written before it was kept.
   */
  answer?: string | null;
  /**
   * Peak memory of the run, MiB (one decimal), measured by the harness. In-process plugins: the peak of the worker's
   * V8 heap (used heap + external memory, which holds typed arrays) sampled during the run, instance included — a lower
   * bound, since memory allocated and freed between samples is missed (and it may hold up to 8 MiB of garbage left by
   * earlier runs in the same worker). External programs: the peak resident memory of
   * the program and its descendants, polled from /proc (null where there is no /proc). Null when the worker was
   * terminated; absent in records written before it was measured.
   */
  peakMemoryMb?: number | null;
  /**
   * Present when the instance was keyed with a secret (DENSEBENCH_SECRET, instances/README.md): a public identifier of
   * the secret (secretId), never the secret itself. Regenerating the instance needs the same secret.
   */
  secretId?: string;
  harnessVersion: string;
  node: string;
  cpu: string;
  commit: string | null;
  startedAt: string;
}

export const runRecordSchema = {
  $id: 'https://densebench.dev/schema/run-record-1.json',
  type: 'object',
  additionalProperties: false,
  required: [
    'schema', 'id', 'plugin', 'pluginVersion', 'params', 'problem', 'n', 'alpha', 'k', 'seed', 'instanceHash', 'status',
    'energy', 'wallTimeMs', 'work', 'workUnit', 'timeLimitS', 'testError', 'teacherOverlap', 'message', 'info', 'trace',
    'harnessVersion', 'node', 'cpu', 'commit', 'startedAt',
  ],
  properties: {
    schema: { const: 1 },
    id: { type: 'string', minLength: 1 },
    plugin: { type: 'string', minLength: 1 },
    pluginVersion: { type: 'string' },
    params: { type: 'object' },
    problem: { enum: PROBLEM_NAMES },
    n: { type: 'integer', minimum: 1 },
    alpha: { type: 'number', exclusiveMinimum: 0 },
    k: { type: ['integer', 'null'], minimum: 1 },
    seed: { type: 'integer', minimum: 0 },
    instanceHash: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' },
    status: { enum: RUN_STATUSES },
    energy: { type: ['integer', 'null'], minimum: 0 },
    wallTimeMs: { type: 'number', minimum: 0 },
    cpuTimeMs: { type: ['number', 'null'], minimum: 0 },
    workerRun: { type: 'integer', minimum: 1 },
    warmupMs: { type: ['number', 'null'], minimum: 0 },
    work: { type: ['number', 'null'], minimum: 0 },
    workUnit: { type: 'string' },
    timeLimitS: { type: 'number', exclusiveMinimum: 0 },
    testError: { type: ['number', 'null'], minimum: 0, maximum: 1 },
    teacherOverlap: { type: ['number', 'null'], minimum: -1, maximum: 1 },
    message: { type: ['string', 'null'] },
    info: { type: ['object', 'null'] },
    trace: { type: ['array', 'null'], items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
    flatness: { type: ['array', 'null'], items: { type: 'array', items: { type: 'number', minimum: 0, maximum: 1 }, minItems: 2, maxItems: 2 } },
    flatnessMeasure: { enum: ['flip', 'noise'] },
    answer: { type: ['string', 'null'], pattern: '^[A-Za-z0-9+/]*={0,2}$' },
    peakMemoryMb: { type: ['number', 'null'], minimum: 0 },
    secretId: { type: 'string', pattern: '^[0-9a-f]{16}$' },
    harnessVersion: { type: 'string' },
    node: { type: 'string' },
    cpu: { type: 'string' },
    commit: { type: ['string', 'null'] },
    startedAt: { type: 'string', minLength: 1 },
  },
} as const;

const checkRecordSchema: (value: unknown, where: string) => asserts value is RunRecord = schemaChecker<RunRecord>(runRecordSchema);

/** Validates a parsed record; throws naming the field(s) at fault. */
export function assertRunRecord(value: unknown, where = 'record'): asserts value is RunRecord {
  checkRecordSchema(value, where);
  const r = value as RunRecord;
  if (r.status === 'solved' && r.energy !== 0) throw new Error(`${where}: field "energy" must be 0 for a solved run, got ${r.energy}`);
}
