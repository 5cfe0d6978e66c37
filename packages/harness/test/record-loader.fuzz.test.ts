// Property-based test of the run-record loader (readRecords) through its public behaviour: a runs.jsonl of arbitrary
// lines gives either exactly its validated records, or an Error naming `<path>:<line>` of the first line at fault.
// The expectation is computed here line by line, from the documented rules: blank lines are skipped; an unparsable
// last line without its newline is a torn write, dropped with a warning; any other unparsable line, a line that fails
// the record schema, or a run id recorded twice is an error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assertRunRecord, type RunRecord } from '@densebench/core';
import { readRecords } from '../src/host/store.js';

const dir = mkdtempSync(join(tmpdir(), 'densebench-records-fuzz-'));
const path = join(dir, 'runs.jsonl');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: RunRecord = {
  schema: 1, id: 'sa/perceptron/n101/a0.3/s1', plugin: 'sa', pluginVersion: '1.0.0', params: { sweeps: 10 }, problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed: 1,
  instanceHash: 'a'.repeat(64), status: 'solved', energy: 0, wallTimeMs: 12.5, work: 3, workUnit: 'sweeps', timeLimitS: 60, testError: null, teacherOverlap: null,
  message: null, info: null, trace: [[0, 5], [3, 0]], harnessVersion: '0.1.0', node: 'v20', cpu: 'cpu', commit: null, startedAt: '2026-11-26T00:00:00.000Z',
};

/** Text that a record may carry in its strings: unicode, JSON-escaped control characters, U+2028, quotes. */
const awkward = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('\u2028', '\r', '"}\n{', '\\', '💥', '\uFEFF'));

const validRecord = fc
  .record({
    id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string({ minLength: 1, maxLength: 12 })), // a small pool makes duplicates
    seed: fc.nat(),
    alpha: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
    message: fc.option(awkward),
    params: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    status: fc.constantFrom('unsolved', 'timeout', 'error') as fc.Arbitrary<RunRecord['status']>,
  })
  .map((fields) => ({ ...base, ...fields, energy: fields.status === 'unsolved' ? 3 : null }) as RunRecord);

/** A record made wrong in one field, in a way the schema forbids. */
const brokenRecord = fc.tuple(validRecord, fc.constantFrom<[string, unknown]>(['n', 'big'], ['n', 0], ['alpha', -1], ['status', 'done'], ['seed', 1.5], ['extra', 1], ['schema', 2], ['instanceHash', 'xyz'])).map(
  ([record, [field, value]]) => ({ ...record, [field]: value }),
);

const line = fc.oneof(
  { weight: 6, arbitrary: validRecord.map((r) => JSON.stringify(r)) },
  { weight: 1, arbitrary: brokenRecord.map((r) => JSON.stringify(r)) },
  { weight: 1, arbitrary: validRecord.chain((r) => fc.nat().map((cut) => JSON.stringify(r).slice(0, 1 + (cut % JSON.stringify(r).length)))) }, // torn
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => s.replaceAll('\n', ' ')) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\r', '\t', 'null', '[]', '42', '"text"', '{}', '{"schema":1}') },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null') },
);

type Expected = { records: unknown[]; warnedLine: number | null } | { errorLine: number };

/** What readRecords must do with `content`, worked out line by line. */
function expected(content: string): Expected {
  const pieces = content.split('\n');
  const terminatedAll = content.endsWith('\n');
  if (terminatedAll) pieces.pop();
  const records: unknown[] = [];
  const seen = new Set<string>();
  let warnedLine: number | null = null;
  for (let i = 0; i < pieces.length; i++) {
    const text = pieces[i]!;
    const number = i + 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const isTornTail = i === pieces.length - 1 && !terminatedAll;
      if (isTornTail) {
        warnedLine = number;
        continue;
      }
      return { errorLine: number };
    }
    try {
      assertRunRecord(value);
    } catch {
      return { errorLine: number };
    }
    const id = (value as RunRecord).id;
    if (seen.has(id)) return { errorLine: number };
    seen.add(id);
    records.push(value);
  }
  return { records, warnedLine };
}

describe('readRecords on arbitrary runs.jsonl content', () => {
  it('returns exactly the validated records, or throws a plain Error naming the path and the first line at fault', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, finalNewline) => {
        const bytes = Buffer.from(lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : ''), 'utf8');
        writeFileSync(path, bytes);
        const want = expected(bytes.toString('utf8')); // what the file holds after UTF-8 encoding (lone surrogates become U+FFFD)
        const warnings: string[] = [];
        let got: RunRecord[];
        try {
          got = readRecords(path, (message) => warnings.push(message));
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).constructor).toBe(Error);
          expect('errorLine' in want, `unexpected error: ${(error as Error).message}`).toBe(true);
          expect((error as Error).message.startsWith(`${path}:${(want as { errorLine: number }).errorLine}: `), (error as Error).message).toBe(true);
          return;
        }
        expect('records' in want, `expected an error on line ${(want as { errorLine?: number }).errorLine}`).toBe(true);
        const { records, warnedLine } = want as { records: unknown[]; warnedLine: number | null };
        expect(got).toEqual(records);
        if (warnedLine === null) expect(warnings).toEqual([]);
        else {
          expect(warnings).toHaveLength(1);
          expect(warnings[0]!.startsWith(`${path}:${warnedLine}: `)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads back long records with multi-byte characters intact, whatever chunk boundary they straddle', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300_000 }), fc.constantFrom('é', '💥', '€', 'a')), { minLength: 1, maxLength: 4 }), (shapes) => {
        const records = shapes.map(([length, char], i) => ({ ...base, id: `long-${i}`, message: `${'x'.repeat(length % 7)}${char.repeat(length)}` }));
        writeFileSync(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
        expect(readRecords(path, () => {})).toEqual(records);
      }),
      { numRuns: 25 },
    );
  });
});
