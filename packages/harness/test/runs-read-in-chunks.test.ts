// runs.jsonl is read a chunk at a time (a file over 512 MiB cannot be one string). Reading with tiny chunks — so that
// lines span chunks and some lines are longer than a chunk — must give exactly what splitting the whole text gives.
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { fileLines } from '../src/host/lines.js';
import { readRecords, ResultStore } from '../src/host/store.js';

const record = (seed: number, info: RunRecord['info'] = null): RunRecord => ({
  schema: 1, id: `sa/perceptron/n101/a0.3/s${seed}`, plugin: 'sa', pluginVersion: '1.0.0', params: { sweeps: 10 }, problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed,
  instanceHash: 'a'.repeat(64), status: 'solved', energy: 0, wallTimeMs: 12.5, work: 3, workUnit: 'sweeps', timeLimitS: 60, testError: null, teacherOverlap: null,
  message: null, info, trace: null, harnessVersion: '0.1.0', node: 'v20', cpu: 'cpu', commit: null, startedAt: '2026-11-26T00:00:00.000Z',
});

const scratchFile = (text: string | Buffer): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'densebench-chunks-')), 'runs.jsonl');
  writeFileSync(path, text);
  return path;
};

describe('reading runs.jsonl in chunks', () => {
  it('splits lines exactly as the whole text splits, whatever the chunk size', () => {
    // Multi-byte characters (2, 3 and 4 bytes in UTF-8) fall across chunk edges at some chunk size.
    const text = ['{"a":1}', '', 'é → 𝛼 ünïcödé', 'x'.repeat(50), '  ', 'last, unterminated'].join('\n');
    const path = scratchFile(text);
    const expected = text.split('\n').map((line, i, all) => ({ text: line, number: i + 1, terminated: i < all.length - 1 }));
    for (const chunkBytes of [1, 2, 3, 5, 7, 16, 64, 1 << 20]) {
      expect([...fileLines(path, chunkBytes)], `chunk ${chunkBytes}`).toEqual(expected);
    }
    expect([...fileLines(scratchFile('a\nb\n'), 1)].map((l) => l.terminated)).toEqual([true, true]);
    expect([...fileLines(scratchFile(''), 4)]).toEqual([]);
  });

  it('reads records spanning chunks and longer than a chunk, and drops a torn last line with a warning', () => {
    const records = [record(1), record(2, { note: 'y'.repeat(5000) }), record(3)];
    const path = scratchFile(records.map((r) => JSON.stringify(r) + '\n').join('') + '{"schema":1,"id":"sa/perc');
    expect(statSync(path).size).toBeGreaterThan(5000);
    for (const chunkBytes of [7, 100, 4096]) {
      const warnings: string[] = [];
      expect(readRecords(path, (m) => warnings.push(m), chunkBytes)).toEqual(records);
      expect(warnings).toEqual([`${path}:4: dropped a torn last line (a write interrupted by a crash)`]);
    }
  });

  it('still names the line of a bad record when reading in chunks', () => {
    const path = scratchFile(`${JSON.stringify(record(1))}\n${JSON.stringify({ ...record(2), n: 'big' })}\n${JSON.stringify(record(3))}\n`);
    expect(() => readRecords(path, () => {}, 13)).toThrow(`${path}:2: field "n" must be integer`);
  });

  it('repairs a torn tail longer than the piece read from the end', () => {
    const store = new ResultStore(mkdtempSync(join(tmpdir(), 'densebench-long-tail-')));
    store.append(record(1));
    const intact = statSync(store.runsPath).size;
    const torn = `{"schema":1,"id":"x","info":"${'z'.repeat(200_000)}`; // ≫ the 64 KiB read per step
    appendFileSync(store.runsPath, torn);
    expect(store.repairTornTail()).toBe(`${store.runsPath}: dropped a torn last line (${torn.length} bytes) left by an interrupted write`);
    expect(statSync(store.runsPath).size).toBe(intact);
    // A long complete record that only lost its newline is kept.
    const long = record(2, { note: 'w'.repeat(200_000) });
    appendFileSync(store.runsPath, JSON.stringify(long));
    expect(store.repairTornTail()).toBeUndefined();
    expect(readFileSync(store.runsPath, 'utf8').endsWith('}\n')).toBe(true);
    expect(store.records()).toEqual([record(1), long]);
  });

  it('repairs a file that is one torn line with no newline at all', () => {
    const store = new ResultStore(mkdtempSync(join(tmpdir(), 'densebench-only-tail-')));
    appendFileSync(store.runsPath, '{"schema":1,"id":"sa/p');
    expect(store.repairTornTail()).toMatch(/dropped a torn last line \(22 bytes\)/);
    expect(statSync(store.runsPath).size).toBe(0);
  });
});
