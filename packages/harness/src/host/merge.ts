// Joins result sets (typically the shards of one plan) into one, refusing to mix plans or code versions.
import { basename, resolve } from 'node:path';
import { resultSetNameProblem, type Manifest, type RunRecord } from '@densebench/core';
import { planFromManifest } from './manifest.js';
import { ResultStore, type Warn } from './store.js';

export interface MergeOptions {
  inputs: readonly string[];
  output: string;
  /** Merge despite different plans or code versions. */
  force?: boolean;
  warn?: Warn;
}

export interface MergeSummary {
  records: number;
  planRuns: number;
  missing: number;
  manifest: Manifest;
}

/** What must agree between result sets for their runs to be comparable. */
function identity(m: Manifest): Record<string, string> {
  return {
    plan: m.plan.hash,
    'harness version': m.harnessVersion,
    'plugin versions': m.plan.plugins.map((p) => `${p.name}@${p.version}`).join(', '),
    commit: (m.machine.commit ?? 'none').replace(/-dirty$/, ''),
  };
}

export function mergeResultSets(options: MergeOptions): MergeSummary {
  if (options.inputs.length === 0) throw new Error('merge: give at least one result set');
  const output = new ResultStore(resolve(options.output));
  // The merged set is named after its directory, and that name becomes the folder of its report.
  const name = basename(output.dir);
  const nameProblem = resultSetNameProblem(name);
  if (nameProblem) throw new Error(`merge: output directory ${output.dir}: "${name}" cannot name a result set: ${nameProblem}`);
  const sets = options.inputs.map((dir) => {
    const store = new ResultStore(resolve(dir));
    const manifest = store.readManifest();
    if (!manifest) throw new Error(`merge: ${store.manifestPath} not found (is ${dir} a result set?)`);
    return { dir: store.dir, manifest, records: store.records(options.warn) };
  });
  const first = sets[0]!;
  const reference = identity(first.manifest);
  for (const set of sets.slice(1)) {
    const other = identity(set.manifest);
    for (const [what, value] of Object.entries(reference)) {
      if (other[what] !== value && !options.force) {
        throw new Error(`merge: ${set.dir} has a different ${what} than ${first.dir} (${other[what]} vs ${value}); use --force to merge anyway`);
      }
    }
  }
  const planned = new Set(planFromManifest(first.manifest).map((run) => run.id));
  const seen = new Map<string, string>();
  const records: RunRecord[] = [];
  for (const set of sets) {
    for (const record of set.records) {
      const already = seen.get(record.id);
      if (already) throw new Error(`merge: run ${record.id} is in both ${already} and ${set.dir}`);
      if (!planned.has(record.id) && !options.force) throw new Error(`merge: ${set.dir} has run ${record.id}, which is not in the plan of its manifest; use --force to merge anyway`);
      seen.set(record.id, set.dir);
      records.push(record);
    }
  }
  if (output.exists()) throw new Error(`merge: ${output.dir} already holds a result set; choose an empty output directory`);
  output.create();
  for (const record of records) output.append(record);
  const now = new Date().toISOString();
  const planRuns = first.manifest.plan.runs;
  const manifest: Manifest = {
    ...first.manifest,
    name,
    createdAt: now,
    updatedAt: now,
    shard: null,
    command: [],
    mergedFrom: sets.map((s) => s.dir),
    finished: records.length === planRuns,
  };
  output.writeManifest(manifest);
  return { records: records.length, planRuns, missing: Math.max(0, planRuns - records.length), manifest };
}
