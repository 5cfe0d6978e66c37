import { describe, expect, it } from 'vitest';
import { assertManifest, planHash, type Manifest } from '../src/manifest.js';
import { buildPlan, shardPlan } from '../src/plan.js';

const plan = buildPlan({ plugins: [{ name: 'sa', params: { sweeps: 10 } }], problem: 'perceptron', ns: [51], alphas: [0.3, 0.4, 0.5], k: 3, seeds: [1, 2, 3, 4] });

const manifest: Manifest = {
  schema: 1, name: 'x', createdAt: 'now', updatedAt: 'now', harnessVersion: '0.1.0',
  machine: { node: 'v20', cpu: 'cpu', cores: 2, memoryGiB: 24, platform: 'linux-x64', commit: null },
  plan: { problem: 'perceptron', ns: [51], alphas: [0.3, 0.4, 0.5], k: null, seeds: [1, 2, 3, 4], timeLimitS: 60, memoryLimitMb: null, plugins: [{ name: 'sa', ref: 'sa', version: '1.0.0', workUnit: 'sweeps', params: { sweeps: 10 } }], runs: plan.length, hash: planHash(plan, 60) },
  shard: null, command: [], mergedFrom: null, finished: false,
};

describe('plan identity and shards', () => {
  it('hashes the runs, their params and the time limit', () => {
    const other = buildPlan({ plugins: [{ name: 'sa', params: { sweeps: 11 } }], problem: 'perceptron', ns: [51], alphas: [0.3, 0.4, 0.5], k: 3, seeds: [1, 2, 3, 4] });
    expect(planHash(plan, 60)).toBe(planHash([...plan], 60));
    expect(planHash(other, 60)).not.toBe(planHash(plan, 60));
    expect(planHash(plan, 30)).not.toBe(planHash(plan, 60));
    expect(planHash(plan, 60, 256)).not.toBe(planHash(plan, 60));
  });

  it('splits a plan into balanced, disjoint shards that cover it and interleave α', () => {
    const shards = [1, 2, 3, 4, 5].map((i) => shardPlan(plan, i, 5));
    expect(shards.map((s) => s.length)).toEqual([3, 3, 2, 2, 2]); // 12 runs: sizes differ by at most one
    expect(shards.flat().map((r) => r.id).sort()).toEqual(plan.map((r) => r.id).sort());
    const thirds = [1, 2, 3].map((i) => shardPlan(plan, i, 3));
    for (const shard of thirds) expect(new Set(shard.map((r) => r.instance.alpha))).toEqual(new Set([0.3, 0.4, 0.5]));
    expect(() => shardPlan(plan, 4, 3)).toThrow(/1 ≤ i ≤ n/);
  });
});

describe('manifest schema', () => {
  it('accepts a manifest and names the field at fault otherwise', () => {
    expect(() => assertManifest(structuredClone(manifest))).not.toThrow();
    expect(() => assertManifest({ ...manifest, plan: { ...manifest.plan, hash: 'short' } }, 'm.json')).toThrow(/m.json: field "plan.hash" must match pattern/);
    expect(() => assertManifest({ ...manifest, shard: { index: 3, count: 2 } }, 'm.json')).toThrow(/shard.index" 3 exceeds shard.count 2/);
    expect(() => assertManifest({ ...manifest, name: '..' }, 'm.json')).toThrow('m.json: field "name" ".." cannot name a result set: it starts with "."');
    const { finished: _finished, ...rest } = manifest;
    expect(() => assertManifest(rest, 'm.json')).toThrow(/missing field "finished"/);
  });
});
