// A run id recorded twice in one runs.jsonl (two writers, a bad hand merge) is an error naming the file, the id and
// both lines — not two samples of one run counted in a report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { readRecords, ResultStore } from '../src/host/store.js';

const record: RunRecord = {
  schema: 1, id: 'sa/perceptron/n101/a0.3/s1', plugin: 'sa', pluginVersion: '1.0.0', params: { sweeps: 10 }, problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed: 1,
  instanceHash: 'a'.repeat(64), status: 'solved', energy: 0, wallTimeMs: 12.5, work: 3, workUnit: 'sweeps', timeLimitS: 60, testError: null, teacherOverlap: null,
  message: null, info: null, trace: null, harnessVersion: '0.1.0', node: 'v20', cpu: 'cpu', commit: null, startedAt: '2026-11-26T00:00:00.000Z',
};

it('refuses a runs.jsonl that records a run id twice, naming the file, the id and both lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'densebench-duplicate-'));
  const path = join(dir, 'runs.jsonl');
  const other = { ...record, id: 'sa/perceptron/n101/a0.3/s2', seed: 2 };
  // Lines 1, 2 (blank), 3, 4: the repeat of line 1 is on line 4, and differs in its outcome.
  writeFileSync(path, [record, null, other, { ...record, status: 'unsolved', energy: 2 }].map((r) => (r ? JSON.stringify(r) : '')).join('\n') + '\n');
  const message = `${path}:4: run sa/perceptron/n101/a0.3/s1 is recorded twice, on lines 1 and 4`;
  expect(() => readRecords(path)).toThrow(message);
  expect(() => new ResultStore(dir).records()).toThrow(message);
  // With the same records once each, it reads.
  writeFileSync(path, `${JSON.stringify(record)}\n${JSON.stringify(other)}\n`);
  expect(readRecords(path).map((r) => r.id)).toEqual([record.id, other.id]);
});
