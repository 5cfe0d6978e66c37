// A result set as one flat table, one row per run, for analysis elsewhere (pandas, Julia's DataFrames, R, a
// spreadsheet): the record's scalar fields, then its params as params.<key>, its info as info.<key> and its flatness
// curve as flatness.<p>. The trace (a list of pairs) and the stored answer (bits) stay in runs.jsonl.
import { writeFileSync } from 'node:fs';
import type { RunRecord } from '@densebench/core';
import { parquetWriteBuffer } from 'hyparquet-writer';

export type ExportFormat = 'csv' | 'parquet';
type Cell = string | number | boolean | null;

/** The scalar fields of a record, in the order of the table's first columns. */
export const RECORD_COLUMNS = [
  'id', 'plugin', 'pluginVersion', 'problem', 'n', 'k', 'alpha', 'seed', 'instanceHash', 'secretId', 'status', 'energy',
  'wallTimeMs', 'cpuTimeMs', 'work', 'workUnit', 'timeLimitS', 'testError', 'teacherOverlap', 'peakMemoryMb', 'workerRun',
  'warmupMs', 'flatnessMeasure', 'message', 'harnessVersion', 'node', 'cpu', 'commit', 'startedAt',
] as const;

export interface FlatTable {
  columns: string[];
  rows: Cell[][];
}

function cell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** One row per record; params, info and flatness spread into columns (the union over the records, sorted). */
export function flattenRecords(records: readonly RunRecord[]): FlatTable {
  const paramKeys = new Set<string>();
  const infoKeys = new Set<string>();
  const fractions = new Set<number>();
  for (const r of records) {
    for (const key of Object.keys(r.params)) paramKeys.add(key);
    for (const key of Object.keys(r.info ?? {})) infoKeys.add(key);
    for (const [p] of r.flatness ?? []) fractions.add(p);
  }
  const params = [...paramKeys].sort();
  const infos = [...infoKeys].sort();
  const ps = [...fractions].sort((a, b) => a - b);
  const columns = [...RECORD_COLUMNS, ...params.map((k) => `params.${k}`), ...infos.map((k) => `info.${k}`), ...ps.map((p) => `flatness.${p}`)];
  const rows = records.map((r) => {
    const fields = r as unknown as Record<string, unknown>;
    const curve = new Map(r.flatness ?? []);
    return [
      ...RECORD_COLUMNS.map((c) => cell(fields[c])),
      ...params.map((k) => cell(r.params[k])),
      ...infos.map((k) => cell(r.info?.[k])),
      ...ps.map((p) => cell(curve.get(p))),
    ];
  });
  return { columns, rows };
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled; null is empty. */
function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: FlatTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A column's parquet type: INT32 / DOUBLE / BOOLEAN when every value (nulls aside) is one, else STRING. */
function columnType(values: readonly Cell[]): 'INT32' | 'DOUBLE' | 'BOOLEAN' | 'STRING' {
  const present = values.filter((v) => v !== null);
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  if (present.length > 0 && present.every((v) => typeof v === 'number')) {
    return present.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31) ? 'INT32' : 'DOUBLE';
  }
  return 'STRING';
}

export function toParquet(table: FlatTable): ArrayBuffer {
  const columnData = table.columns.map((name, c) => {
    const values = table.rows.map((row) => row[c]!);
    const type = columnType(values);
    const data = type === 'STRING' ? values.map((v) => (v === null ? null : String(v))) : values;
    return { name, data, type, nullable: true };
  });
  return parquetWriteBuffer({ columnData, createdBy: 'densebench' });
}

/** Writes the flat table of `records` to `path` in `format`. */
export function writeExport(records: readonly RunRecord[], format: ExportFormat, path: string): FlatTable {
  const table = flattenRecords(records);
  if (format === 'csv') writeFileSync(path, toCsv(table));
  else writeFileSync(path, new Uint8Array(toParquet(table)));
  return table;
}
