// manifest.json's schema: a valid manifest passes, and an invalid one fails naming the field (and file) at fault.
import { describe, expect, it } from 'vitest';
import { assertManifest, type Manifest } from '../src/index.js';

const manifest: Manifest = {
  schema: 1, name: 'x', createdAt: 'now', updatedAt: 'now', harnessVersion: '0.1.0',
  machine: { node: 'v20', cpu: 'cpu', cores: 2, memoryGiB: 24, platform: 'linux-x64', commit: null },
  plan: { problem: 'perceptron', ns: [51], alphas: [0.3, 0.4, 0.5], k: null, seeds: [1, 2, 3, 4], timeLimitS: 60, memoryLimitMb: null, plugins: [{ name: 'sa', ref: 'sa', version: '1.0.0', workUnit: 'sweeps', params: { sweeps: 10 } }], runs: 12, hash: 'a'.repeat(64) },
  shard: null, command: [], mergedFrom: null, finished: false,
};

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
