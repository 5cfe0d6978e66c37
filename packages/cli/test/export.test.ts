// `densebench export`: a result set as one flat table, one row per run. Both formats round-trip: every row and value of
// runs.jsonl comes back (CSV through an RFC 4180 parser written here, Parquet through hyparquet, an independent reader).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { readRecords } from '@densebench/harness';
import { flattenRecords, RECORD_COLUMNS, writeExport } from '../src/export.js';

const set = (name: string): RunRecord[] => readRecords(fileURLToPath(new URL(`../../../docs/result-sets/${name}/runs.jsonl`, import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'densebench-export-'));

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

/** What a cell must read back as, from the record itself. */
function expected(r: RunRecord, column: string): unknown {
  if (column.startsWith('params.')) return r.params[column.slice(7)] ?? null;
  if (column.startsWith('info.')) return r.info?.[column.slice(5)] ?? null;
  if (column.startsWith('flatness.')) return new Map(r.flatness ?? []).get(Number(column.slice(9))) ?? null;
  return (r as unknown as Record<string, unknown>)[column] ?? null;
}

describe('export', () => {
  // One set with several plugins and info fields, one with messages (timeouts, errors) and K-SAT.
  for (const name of ['perceptron-storage-full', 'ksat-3sat-full']) {
    it(`writes ${name} as CSV: every row and value reads back`, () => {
      const records = set(name);
      const path = join(dir, `${name}.csv`);
      const table = writeExport(records, 'csv', path);
      const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
      expect(header).toEqual(table.columns);
      expect(header!.slice(0, RECORD_COLUMNS.length)).toEqual([...RECORD_COLUMNS]);
      expect(rows).toHaveLength(records.length);
      rows.forEach((row, i) => {
        header!.forEach((column, c) => {
          const value = expected(records[i]!, column);
          expect(row[c], `${records[i]!.id} ${column}`).toBe(value === null ? '' : String(value));
        });
      });
    });

    it(`writes ${name} as Parquet: every row and value reads back with its type`, async () => {
      const records = set(name);
      const path = join(dir, `${name}.parquet`);
      const table = writeExport(records, 'parquet', path);
      const bytes = readFileSync(path);
      const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as Record<string, unknown>[];
      expect(rows).toHaveLength(records.length);
      rows.forEach((row, i) => {
        expect(Object.keys(row)).toEqual(table.columns);
        for (const column of table.columns) {
          const value = expected(records[i]!, column);
          const got = row[column] ?? null;
          // Integers come back as numbers (INT32) or, for columns holding a non-integer, as doubles: equal values.
          expect(typeof value === 'number' ? Number(got) : got, `${records[i]!.id} ${column}`).toEqual(typeof value === 'boolean' || typeof value === 'number' || value === null ? value : String(value));
        }
      });
    });
  }

  it('spreads params, info and flatness into columns named for them', () => {
    const table = flattenRecords(set('perceptron-storage-full'));
    expect(table.columns).toContain('params.sweeps');
    expect(table.columns).toContain('flatness.0.01');
    expect(table.columns.filter((c) => c.startsWith('flatness.'))).toEqual(['flatness.0.01', 'flatness.0.02', 'flatness.0.05', 'flatness.0.1', 'flatness.0.2']);
  });
});
