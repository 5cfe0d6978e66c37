// What the store writes must read back. JSON has no NaN or ±Infinity (JSON.stringify writes null) and drops
// undefined, so a value valid in memory could be written and then refused by every reader of the result set. The
// store refuses it before writing, naming the field.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_ENTROPY_FILE, type LocalEntropyRecord, type Manifest, type RunRecord } from '@densebench/core';
import { nonFiniteNumberPath } from '../src/host/finite.js';
import { planHash } from '../src/host/manifest.js';
import { buildPlan } from '../src/host/plan.js';
import { ResultStore } from '../src/host/store.js';

const record: RunRecord = {
  schema: 1, id: 'sa/perceptron/n101/a0.3/s1', plugin: 'sa', pluginVersion: '1.0.0', params: { sweeps: 10 }, problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed: 1,
  instanceHash: 'a'.repeat(64), status: 'solved', energy: 0, wallTimeMs: 12.5, work: 3, workUnit: 'sweeps', timeLimitS: 60, testError: null, teacherOverlap: null,
  message: null, info: null, trace: [[0, 5], [3, 0]], harnessVersion: '0.1.0', node: 'v20', cpu: 'cpu', commit: null, startedAt: '2026-11-26T00:00:00.000Z',
};

const store = (): ResultStore => new ResultStore(mkdtempSync(join(tmpdir(), 'densebench-readback-')));

describe('nonFiniteNumberPath', () => {
  it.each([
    [{ a: 1, b: [0, 2] }, undefined],
    [{ a: 1, b: [0, Number.NaN] }, 'b.1'],
    [{ trace: [[0, 1], [2, Number.POSITIVE_INFINITY]] }, 'trace.1.1'],
    [{ info: { gap: Number.NEGATIVE_INFINITY }, work: Number.NaN }, 'info.gap'],
    [Number.NaN, ''],
    [{ text: 'NaN', missing: null, nothing: undefined, big: Number.MAX_VALUE }, undefined],
    [new Float64Array([1, Number.NaN]), '1'],
  ])('%o → %s', (value, path) => {
    expect(nonFiniteNumberPath(value)).toBe(path);
  });

  it('walks a value that refers to itself without looping', () => {
    const value: Record<string, unknown> = { a: 1 };
    value.self = value;
    value.z = Number.NaN;
    expect(nonFiniteNumberPath(value)).toBe('z');
  });
});

describe('ResultStore refuses what would not read back, before writing', () => {
  it.each([
    [{ work: Number.NaN }, `record ${record.id}: field "work" is not a finite number (NaN)`],
    [{ wallTimeMs: Number.POSITIVE_INFINITY }, `record ${record.id}: field "wallTimeMs" is not a finite number (Infinity)`],
    [{ trace: [[0, 5], [Number.NEGATIVE_INFINITY, 0]] as [number, number][] }, `record ${record.id}: field "trace.1.0" is not a finite number (-Infinity)`],
    [{ info: { gap: Number.NaN } }, `record ${record.id}: field "info.gap" is not a finite number (NaN)`],
    // undefined is dropped by JSON: the line would lack a required field.
    [{ message: undefined as unknown as null }, `record ${record.id}: missing field "message"`],
  ])('a run record with %o', (change, message) => {
    const s = store();
    s.append(record);
    const before = readFileSync(s.runsPath, 'utf8');
    expect(() => s.append({ ...record, id: record.id, ...change })).toThrow(message);
    expect(readFileSync(s.runsPath, 'utf8')).toBe(before);
    expect(s.records()).toEqual([record]);
  });

  it('a local-entropy record with a non-finite number', () => {
    const s = store();
    s.create();
    const entropy: LocalEntropyRecord = {
      schema: 1, runId: record.id, reference: 'sa', problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed: 1, instanceHash: 'a'.repeat(64),
      estimator: { accuracy: 'exact', epsilon: 1e-6, maxSweeps: 100, damping: 0.5 }, points: [{ gamma: 0.1, distance: 0.2, localEntropy: 0.3, converged: true }], elapsedMs: 5,
    };
    expect(() => s.appendLocalEntropy({ ...entropy, points: [{ gamma: 0.1, distance: Number.NaN, localEntropy: 0.3, converged: true }] })).toThrow(
      `local-entropy record ${record.id}: field "points.0.distance" is not a finite number (NaN)`,
    );
    expect(existsSync(join(s.dir, LOCAL_ENTROPY_FILE))).toBe(false);
    s.appendLocalEntropy(entropy);
    expect(s.localEntropyRecords()).toEqual([entropy]);
  });

  it('a manifest with a non-finite number', () => {
    const plan = buildPlan({ plugins: [{ name: 'sa', params: {} }], problem: 'perceptron', ns: [51], alphas: [0.3], k: 3, seeds: [1] });
    const manifest: Manifest = {
      schema: 1, name: 'x', createdAt: 'now', updatedAt: 'now', harnessVersion: '0.1.0',
      machine: { node: 'v20', cpu: 'cpu', cores: 2, memoryGiB: Number.NaN, platform: 'linux-x64', commit: null },
      plan: { problem: 'perceptron', ns: [51], alphas: [0.3], k: null, seeds: [1], timeLimitS: 60, memoryLimitMb: null, plugins: [{ name: 'sa', ref: 'sa', version: '1.0.0', workUnit: 'sweeps', params: {} }], runs: plan.length, hash: planHash(plan, 60) },
      shard: null, command: [], mergedFrom: null, finished: false,
    };
    const s = store();
    expect(() => s.writeManifest(manifest)).toThrow(`${s.manifestPath}: field "machine.memoryGiB" is not a finite number (NaN)`);
    expect(s.readManifest()).toBeUndefined();
    s.writeManifest({ ...manifest, machine: { ...manifest.machine, memoryGiB: 24 } });
    expect(s.readManifest()?.machine.memoryGiB).toBe(24);
  });
});
