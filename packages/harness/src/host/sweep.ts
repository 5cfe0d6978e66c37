// A sweep on disk: runs the missing part of a plan into a result set, resuming whatever is already recorded.
import type { MachineInfo, Manifest, ManifestPlugin, RunRecord } from '@densebench/core';
import { secretId } from '@densebench/problems';
import { HARNESS_VERSION } from './machine.js';
import { planHash } from './manifest.js';
import { shardPlan, type RunSpec } from './plan.js';
import { executePlan } from './runner.js';
import { secretMatching } from './secret-check.js';
import { ResultStore, type Warn } from './store.js';

export interface SweepOptions {
  store: ResultStore;
  name: string;
  /** The whole plan; the sweep runs its shard. */
  plan: readonly RunSpec[];
  grid: Pick<Manifest['plan'], 'problem' | 'ns' | 'alphas' | 'k' | 'seeds'>;
  shard: { index: number; count: number } | null;
  timeLimitS: number;
  plugins: readonly (ManifestPlugin & { url: string })[];
  workers: number;
  memoryLimitMb?: number;
  /** DENSEBENCH_SECRET (readSecret()): the instances are keyed with it. A resumed set must have been made with it. */
  secret?: string | null;
  /** Warm fresh workers up before their first timed run (default true). */
  warmup?: boolean;
  machine: MachineInfo;
  command: string[];
  signal?: AbortSignal;
  warn: Warn;
  onStart?(info: { planned: number; recorded: number; todo: number }): void;
  onRecord?(record: RunRecord, done: number, planned: number): void;
}

export interface SweepResult {
  /** Records of this sweep's part of the plan (earlier ones included). */
  records: RunRecord[];
  planned: number;
  finished: boolean;
}

/**
 * Checks that what a result set already holds belongs to this plan: every recorded run must be planned, with
 * the same params and time limit. A plan may grow (more seeds, more α): the recorded runs are kept.
 */
function checkResumable(store: ResultStore, recorded: readonly RunRecord[], planned: ReadonlyMap<string, RunSpec>, timeLimitS: number): void {
  for (const r of recorded) {
    const run = planned.get(r.id);
    if (!run) throw new Error(`${store.runsPath} holds run ${r.id}, which is not in this plan: use another --name, or the command that made it`);
    if (JSON.stringify(run.params) !== JSON.stringify(r.params)) {
      throw new Error(`${store.runsPath} has run ${r.id} with params ${JSON.stringify(r.params)}, not ${JSON.stringify(run.params)}: use another --name`);
    }
    if (r.timeLimitS !== timeLimitS) throw new Error(`${store.runsPath} has run ${r.id} with a ${r.timeLimitS} s time limit, not ${timeLimitS} s: use another --name`);
  }
}

export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const { store } = options;
  const part = options.shard ? shardPlan(options.plan, options.shard.index, options.shard.count) : [...options.plan];
  const planned = new Map(part.map((run) => [run.id, run]));
  store.lock();
  try {
    const previous = store.readManifest();
    const secret = options.secret ?? null;
    const keyedWith = secret === null ? null : secretId(secret);
    // A set is continued with the secret it was made with (its records' instances depend on it).
    if (previous) secretMatching(previous.secretId ?? null, store.dir, secret === null ? {} : { DENSEBENCH_SECRET: secret });
    const repaired = store.repairTornTail();
    if (repaired) options.warn(repaired);
    const recorded = store.records(options.warn);
    checkResumable(store, recorded, planned, options.timeLimitS);
    for (const r of recorded) {
      if ((r.secretId ?? null) !== keyedWith) throw new Error(`${store.runsPath} has run ${r.id} made ${r.secretId ? `with secret id ${r.secretId}` : 'without a secret'}, not ${keyedWith ? `with secret id ${keyedWith}` : 'without one'}: use another --name`);
    }
    const done = new Set(recorded.map((r) => r.id));
    const todo = part.filter((run) => !done.has(run.id));
    const manifest: Manifest = {
      schema: 1,
      name: options.name,
      createdAt: previous?.createdAt ?? new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      harnessVersion: HARNESS_VERSION,
      machine: options.machine,
      plan: {
        ...options.grid,
        timeLimitS: options.timeLimitS,
        memoryLimitMb: options.memoryLimitMb ?? null,
        plugins: options.plugins.map(({ name, ref, version, workUnit, params, ns, variant }) => ({ name, ref, version, workUnit, params, ...(ns ? { ns } : {}), ...(variant ? { variant } : {}) })),
        runs: options.plan.length,
        hash: planHash(options.plan, options.timeLimitS, options.memoryLimitMb ?? null),
      },
      ...(keyedWith !== null ? { secretId: keyedWith } : {}),
      shard: options.shard,
      command: options.command,
      mergedFrom: null,
      finished: todo.length === 0,
    };
    store.create();
    store.writeManifest(manifest);
    options.onStart?.({ planned: part.length, recorded: part.length - todo.length, todo: todo.length });

    let count = part.length - todo.length;
    const records = [...recorded];
    await executePlan({
      runs: todo,
      plugins: new Map(options.plugins.map((p) => [p.name, { url: p.url, version: p.version, workUnit: p.workUnit }])),
      timeLimitS: options.timeLimitS,
      workers: options.workers,
      ...(options.memoryLimitMb ? { memoryLimitMb: options.memoryLimitMb } : {}),
      machine: options.machine,
      secret,
      warmup: options.warmup !== false,
      ...(options.signal ? { signal: options.signal } : {}),
      onRecord(record) {
        store.append(record);
        records.push(record);
        options.onRecord?.(record, ++count, part.length);
      },
    });
    const finished = records.length === part.length;
    store.writeManifest({ ...manifest, updatedAt: new Date().toISOString(), finished });
    return { records, planned: part.length, finished };
  } finally {
    store.unlock();
  }
}
