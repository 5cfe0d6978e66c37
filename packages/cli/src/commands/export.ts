import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { writeExport, type ExportFormat } from '../export.js';
import { loadResultSet } from './report.js';

export function exportOptions(y: Argv) {
  return y
    .positional('results', { type: 'string', demandOption: true, describe: 'result set directory (or its runs.jsonl)' })
    .option('format', { alias: 'f', type: 'string', choices: ['csv', 'parquet'], default: 'csv', describe: 'csv (RFC 4180, a header row) or parquet (typed columns)' })
    .option('output', { alias: 'o', type: 'string', describe: 'file to write (default: runs.csv or runs.parquet in the result set directory)' });
}

/** Writes a result set as one flat table, one row per run (export.ts), for pandas, Julia, R or a spreadsheet. */
export function exportCommand(args: Awaited<ReturnType<typeof exportOptions>['argv']>): void {
  const set = loadResultSet(args.results);
  const format = args.format as ExportFormat;
  const path = resolve(args.output ?? join(set.dir, `runs.${format}`));
  const table = writeExport(set.records, format, path);
  process.stdout.write(`${relative(process.cwd(), path)}: ${table.rows.length} runs × ${table.columns.length} columns (${format})\n`);
}
