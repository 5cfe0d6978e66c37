import { describe, expect, it } from 'vitest';
import { planHash } from '../src/host/manifest.js';
import { buildPlan, shardPlan } from '../src/host/plan.js';

const plan = buildPlan({ plugins: [{ name: 'sa', params: { sweeps: 10 } }], problem: 'perceptron', ns: [51], alphas: [0.3, 0.4, 0.5], k: 3, seeds: [1, 2, 3, 4] });

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
