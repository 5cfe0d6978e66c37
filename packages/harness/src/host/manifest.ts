// The plan a result set's manifest (core's Manifest) describes: its runs, rebuilt from the grid and plugins, and the
// hash that identifies it.
import { createHash } from 'node:crypto';
import type { Manifest } from '@densebench/core';
import { buildPlan, type RunSpec } from './plan.js';

/** Identity of a plan: its runs (ids and resolved params, in order), the time limit and the memory limit. */
export function planHash(plan: readonly RunSpec[], timeLimitS: number, memoryLimitMb: number | null = null): string {
  const canonical = JSON.stringify({ timeLimitS, memoryLimitMb, runs: plan.map((r) => [r.id, r.params]) });
  return createHash('sha256').update(canonical).digest('hex');
}

/** The whole plan a manifest describes, rebuilt from its grid and plugins. */
export function planFromManifest(manifest: Manifest): RunSpec[] {
  const { problem, ns, alphas, k, seeds, plugins } = manifest.plan;
  return buildPlan({ plugins: plugins.map((p) => ({ name: p.name, params: p.params, ...(p.ns ? { ns: p.ns } : {}) })), problem, ns, alphas, k: k ?? 0, seeds });
}
