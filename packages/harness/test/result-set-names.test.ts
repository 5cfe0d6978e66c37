// A result-set name is one path segment: results/<name>/ and reports/<name>/ must stay inside their folders. The
// rule (1–200 of A–Z a–z 0–9 . _ + -, not starting with ".") is checked where a name comes in: a manifest read from
// disk, and the output directory of merge.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultSetNameProblem, type Manifest } from '@densebench/core';
import { planHash } from '../src/host/manifest.js';
import { mergeResultSets } from '../src/host/merge.js';
import { buildPlan } from '../src/host/plan.js';
import { ResultStore } from '../src/host/store.js';

describe('resultSetNameProblem', () => {
  it.each(['e2e', 'sa+rmc-perceptron-2026-11-26T10-00-00', 'a', 'x.y_z+1-2', '_', '-', 'n'.repeat(200), 'run..2'])('accepts %j', (name) => {
    expect(resultSetNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'it is empty'],
    ['.', 'it starts with "."'],
    ['..', 'it starts with "."'],
    ['.hidden', 'it starts with "."'],
    ['../../x', 'it starts with "."'],
    ['a/b', 'it contains "/"; use 1–200 letters, digits and . _ + -, not starting with "."'],
    ['a\\b', 'it contains "\\\\"'],
    ['my results', 'it contains " "'],
    ['α', 'it contains "α"'],
    ['n'.repeat(201), 'it has 201 characters, more than 200'],
  ])('refuses %j: %s', (name, problem) => {
    expect(resultSetNameProblem(name)).toMatch(new RegExp(`^${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

const plan = buildPlan({ plugins: [{ name: 'sa', params: {} }], problem: 'perceptron', ns: [51], alphas: [0.3], k: 3, seeds: [1] });
const manifest: Manifest = {
  schema: 1, name: 'x', createdAt: 'now', updatedAt: 'now', harnessVersion: '0.1.0',
  machine: { node: 'v20', cpu: 'cpu', cores: 2, memoryGiB: 24, platform: 'linux-x64', commit: null },
  plan: { problem: 'perceptron', ns: [51], alphas: [0.3], k: null, seeds: [1], timeLimitS: 60, memoryLimitMb: null, plugins: [{ name: 'sa', ref: 'sa', version: '1.0.0', workUnit: 'sweeps', params: {} }], runs: plan.length, hash: planHash(plan, 60) },
  shard: null, command: [], mergedFrom: null, finished: false,
};

describe('names coming from disk and from merge', () => {
  it('rejects a manifest.json whose name would leave its folder, naming the file, field and value', () => {
    const store = new ResultStore(mkdtempSync(join(tmpdir(), 'densebench-bad-name-')));
    store.create();
    writeFileSync(store.manifestPath, JSON.stringify({ ...manifest, name: '../../x' }));
    expect(() => store.readManifest()).toThrow(`${store.manifestPath}: field "name" "../../x" cannot name a result set: it starts with "."`);
    expect(() => store.writeManifest({ ...manifest, name: 'a/b' })).toThrow(`${store.manifestPath}: field "name" "a/b" cannot name a result set: it contains "/"`);
  });

  it('refuses a merge output directory whose name cannot name a result set, before writing anything', () => {
    const root = mkdtempSync(join(tmpdir(), 'densebench-merge-name-'));
    const input = new ResultStore(join(root, 'shard'));
    input.create();
    input.writeManifest({ ...manifest, name: 'shard' });
    const output = join(root, 'merged results');
    expect(() => mergeResultSets({ inputs: [input.dir], output })).toThrow(`merge: output directory ${output}: "merged results" cannot name a result set: it contains " "`);
    expect(() => mergeResultSets({ inputs: [input.dir], output: join(root, '.hidden') })).toThrow(/"\.hidden" cannot name a result set: it starts with "\."/);
    expect(readdirSync(root)).toEqual(['shard']);
    // A valid name is the merged set's name.
    mkdirSync(join(root, 'out'));
    expect(mergeResultSets({ inputs: [input.dir], output: join(root, 'out', 'merged') }).manifest.name).toBe('merged');
    expect(existsSync(join(root, 'out', 'merged', 'manifest.json'))).toBe(true);
  });
});
