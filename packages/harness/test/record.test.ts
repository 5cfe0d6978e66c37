import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertRunRecord, type RunRecord } from '@densebench/core';
import { readRecords, ResultStore } from '../src/host/store.js';

const record: RunRecord = {
  schema: 1, id: 'sa/perceptron/n101/a0.3/s1', plugin: 'sa', pluginVersion: '1.0.0', params: { sweeps: 10 }, problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed: 1,
  instanceHash: 'a'.repeat(64), status: 'solved', energy: 0, wallTimeMs: 12.5, work: 3, workUnit: 'sweeps', timeLimitS: 60, testError: null, teacherOverlap: null,
  message: null, info: null, trace: [[0, 5], [3, 0]], harnessVersion: '0.1.0', node: 'v20', cpu: 'cpu', commit: null, startedAt: '2026-11-26T00:00:00.000Z',
};

describe('run record schema', () => {
  it('accepts a complete record', () => {
    expect(() => assertRunRecord(structuredClone(record))).not.toThrow();
  });

  it.each([
    [{ status: 'done' }, /field "status" must be equal to one of the allowed values/],
    [{ energy: -1 }, /field "energy" must be >= 0/],
    [{ instanceHash: 'xyz' }, /field "instanceHash" must match pattern/],
    [{ energy: 2 }, /energy" must be 0 for a solved run, got 2/],
    [{ extra: 1 }, /unknown field "extra"/],
  ])('rejects %o naming the field', (change, message) => {
    expect(() => assertRunRecord({ ...structuredClone(record), ...change })).toThrow(message);
  });

  it('takes the peak memory as MiB or null, and still takes records written before it was measured', () => {
    expect(() => assertRunRecord({ ...structuredClone(record), peakMemoryMb: 12.3 })).not.toThrow();
    expect(() => assertRunRecord({ ...structuredClone(record), peakMemoryMb: null })).not.toThrow();
    expect(() => assertRunRecord({ ...structuredClone(record), peakMemoryMb: -1 })).toThrow(/field "peakMemoryMb" must be >= 0/);
    expect(() => assertRunRecord({ ...structuredClone(record), peakMemoryMb: '12 MiB' })).toThrow(/field "peakMemoryMb" must be number,null/);
    const store = new ResultStore(mkdtempSync(join(tmpdir(), 'densebench-old-')));
    appendFileSync(store.runsPath, `${JSON.stringify(record)}\n`);
    store.append({ ...record, id: 'new', peakMemoryMb: 40.5 });
    expect(store.records().map((r) => r.peakMemoryMb)).toEqual([undefined, 40.5]);
  });

  it('rejects a missing field', () => {
    const { seed: _seed, ...rest } = record;
    expect(() => assertRunRecord(rest)).toThrow(/missing field "seed"/);
  });
});

describe('result store', () => {
  it('appends validated records and reads them back', () => {
    const store = new ResultStore(mkdtempSync(join(tmpdir(), 'densebench-store-')));
    store.append(record);
    store.append({ ...record, id: 'other', seed: 2, status: 'unsolved', energy: 3 });
    expect(store.records().map((r) => r.id)).toEqual([record.id, 'other']);
    expect(() => store.append({ ...record, status: 'weird' as never })).toThrow(/status/);
  });

  it('names the file, line and field of a bad record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'densebench-bad-'));
    const path = join(dir, 'runs.jsonl');
    writeFileSync(path, `${JSON.stringify(record)}\n${JSON.stringify({ ...record, n: 'big' })}\n`);
    expect(() => readRecords(path)).toThrow(new RegExp(`runs.jsonl:2: field "n" must be integer`));
    writeFileSync(path, `${JSON.stringify(record)}\n{"torn":\n`);
    expect(() => readRecords(path)).toThrow(/runs.jsonl:2: not valid JSON/);
  });
});

describe('torn lines from a crash', () => {
  it('readers drop an unterminated, unparsable last line with a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'densebench-torn-'));
    const path = join(dir, 'runs.jsonl');
    writeFileSync(path, `${JSON.stringify(record)}\n{"schema":1,"id":"sa/perc`);
    const warnings: string[] = [];
    expect(readRecords(path, (m) => warnings.push(m)).map((r) => r.id)).toEqual([record.id]);
    expect(warnings).toEqual([`${path}:2: dropped a torn last line (a write interrupted by a crash)`]);
  });

  it('a resumed store cuts the torn line so the next record starts on its own line', () => {
    const store = new ResultStore(mkdtempSync(join(tmpdir(), 'densebench-repair-')));
    store.append(record);
    appendFileSync(store.runsPath, '{"schema":1,"id":"x');
    expect(store.repairTornTail()).toMatch(/dropped a torn last line \(19 bytes\)/);
    store.append({ ...record, id: 'next' });
    expect(store.records().map((r) => r.id)).toEqual([record.id, 'next']);
  });

  it('keeps a complete record that only lost its newline', () => {
    const store = new ResultStore(mkdtempSync(join(tmpdir(), 'densebench-newline-')));
    appendFileSync(store.runsPath, JSON.stringify(record));
    expect(store.repairTornTail()).toBeUndefined();
    expect(readFileSync(store.runsPath, 'utf8').endsWith('\n')).toBe(true);
    expect(store.records()).toHaveLength(1);
  });

  it('refuses a result set locked by a live process, and ignores a stale lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'densebench-lock-'));
    writeFileSync(join(dir, '.lock'), `${hostname()} ${process.ppid}`);
    expect(() => new ResultStore(dir).lock()).toThrow(new RegExp(`being written by process ${process.ppid}`));
    writeFileSync(join(dir, '.lock'), 'elsewhere 12');
    expect(() => new ResultStore(dir).lock()).toThrow(/process 12 on host elsewhere; if that process has ended, delete/);
    writeFileSync(join(dir, '.lock'), `${hostname()} 999999999`);
    expect(() => new ResultStore(dir).lock()).not.toThrow();
  });
});
