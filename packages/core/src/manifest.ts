// manifest.json: what a result set is — its plan (and the hash that identifies it), the shard it covers, the code and
// machine that made it. Written by the harness, read by the harness and the report; validated against its JSON Schema
// when read. The harness derives the plan's runs and hash from it (planFromManifest, planHash).
import { PROBLEM_NAMES, type ProblemName } from './instance.js';
import { resultSetNameProblem } from './result-set-name.js';
import { schemaChecker } from './schema.js';

/** The machine a result set was made on (recorded in its manifest; the records repeat node, cpu and commit). */
export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  platform: string;
  commit: string | null;
}

export interface ManifestPlugin {
  name: string;
  /** How the plugin was named on the command line or in the config (a built-in name, a package or a path). */
  ref: string;
  version: string;
  workUnit: string;
  params: Record<string, unknown>;
  /** The sizes it runs at, when the study restricted them (absent: every N of the plan). */
  ns?: number[];
  /** For one combination of a parameter grid (`name` is then e.g. `rmc[y=3]`): the plugin's own name and the values. */
  variant?: { plugin: string; values: Record<string, unknown> };
}

export interface Manifest {
  schema: 1;
  name: string;
  createdAt: string;
  updatedAt: string;
  harnessVersion: string;
  machine: MachineInfo;
  plan: {
    problem: ProblemName;
    ns: number[];
    alphas: number[];
    k: number | null;
    seeds: number[];
    timeLimitS: number;
    /** Heap limit per worker (MiB), or null: part of the plan, since it can turn runs into crashes. */
    memoryLimitMb: number | null;
    plugins: ManifestPlugin[];
    /** Runs in the whole (unsharded) plan. */
    runs: number;
    /** SHA-256 of the whole plan's run ids, resolved params and time limit: equal hashes, same plan. */
    hash: string;
  };
  /**
   * Present when the instances were keyed with a secret (DENSEBENCH_SECRET): its public identifier (secretId), never the
   * secret. Resuming, re-running or analysing the set needs the same secret. Absent (or null) for public instances.
   */
  secretId?: string | null;
  /** The part of the plan this result set covers (1-based index), or null for the whole plan. */
  shard: { index: number; count: number } | null;
  /** The densebench arguments that made it (for `bench --resume`). */
  command: string[];
  /** Result sets this one was merged from. */
  mergedFrom: string[] | null;
  /** True when every run of this result set's part of the plan is recorded. */
  finished: boolean;
}

const numberList = { type: 'array', items: { type: 'number' } } as const;

export const manifestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'name', 'createdAt', 'updatedAt', 'harnessVersion', 'machine', 'plan', 'shard', 'command', 'mergedFrom', 'finished'],
  properties: {
    schema: { const: 1 },
    // One path segment; resultSetNameProblem checks it after the schema, naming the value.
    name: { type: 'string' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    harnessVersion: { type: 'string' },
    machine: {
      type: 'object',
      required: ['node', 'cpu', 'cores', 'memoryGiB', 'platform', 'commit'],
      properties: { node: { type: 'string' }, cpu: { type: 'string' }, cores: { type: 'integer' }, memoryGiB: { type: 'number' }, platform: { type: 'string' }, commit: { type: ['string', 'null'] } },
    },
    plan: {
      type: 'object',
      additionalProperties: false,
      required: ['problem', 'ns', 'alphas', 'k', 'seeds', 'timeLimitS', 'memoryLimitMb', 'plugins', 'runs', 'hash'],
      properties: {
        problem: { enum: PROBLEM_NAMES },
        ns: numberList,
        alphas: numberList,
        k: { type: ['integer', 'null'] },
        seeds: numberList,
        timeLimitS: { type: 'number', exclusiveMinimum: 0 },
        memoryLimitMb: { type: ['number', 'null'], minimum: 16 },
        plugins: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'ref', 'version', 'workUnit', 'params'],
            properties: {
              name: { type: 'string' },
              ref: { type: 'string' },
              version: { type: 'string' },
              workUnit: { type: 'string' },
              params: { type: 'object' },
              ns: numberList,
              variant: { type: 'object', additionalProperties: false, required: ['plugin', 'values'], properties: { plugin: { type: 'string' }, values: { type: 'object' } } },
            },
          },
        },
        runs: { type: 'integer', minimum: 0 },
        hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      },
    },
    secretId: { type: ['string', 'null'], pattern: '^[0-9a-f]{16}$' },
    shard: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['index', 'count'],
      properties: { index: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } },
    },
    command: { type: 'array', items: { type: 'string' } },
    mergedFrom: { type: ['array', 'null'], items: { type: 'string' } },
    finished: { type: 'boolean' },
  },
} as const;

const checkManifestSchema: (value: unknown, where: string) => asserts value is Manifest = schemaChecker<Manifest>(manifestSchema);

/** Validates a parsed manifest; throws naming the field(s) at fault. */
export function assertManifest(value: unknown, where = 'manifest'): asserts value is Manifest {
  checkManifestSchema(value, where);
  const m = value as Manifest;
  const nameProblem = resultSetNameProblem(m.name);
  if (nameProblem) throw new Error(`${where}: field "name" ${JSON.stringify(m.name)} cannot name a result set: ${nameProblem}`);
  if (m.shard && m.shard.index > m.shard.count) throw new Error(`${where}: field "shard.index" ${m.shard.index} exceeds shard.count ${m.shard.count}`);
}
