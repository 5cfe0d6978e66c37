import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { readRecords, RUNS_FILE, ResultStore } from '@densebench/harness';
import { summarize, writeHtmlReport } from '@densebench/report';
import { summaryTable } from '../format.js';

export function reportOptions(y: Argv) {
  return y
    .positional('results', { type: 'string', array: true, demandOption: true, describe: 'result set directories (or runs.jsonl files)' })
    .option('output', { alias: 'o', type: 'string', describe: 'report directory (default: reports/<name of the first result set>)' });
}

/** Renders the HTML report (and prints the summary table) of one or more result sets. */
export function reportCommand(args: Awaited<ReturnType<typeof reportOptions>['argv']>): void {
  const inputs = (args.results as string[]).map((p) => resolve(p));
  const records = inputs.flatMap((input) => {
    if (!existsSync(input)) throw new Error(`no such result set: ${input}`);
    return readRecords(statSync(input).isDirectory() ? join(input, RUNS_FILE) : input);
  });
  if (records.length === 0) throw new Error(`no records in ${inputs.join(', ')}`);
  const firstDir = statSync(inputs[0]!).isDirectory() ? inputs[0]! : resolve(inputs[0]!, '..');
  const name = basename(firstDir);
  const manifest = new ResultStore(firstDir).readManifest();
  const path = writeHtmlReport(resolve(args.output ?? join('reports', name)), { title: `densebench — ${name}`, records, manifest });
  process.stdout.write(`${summaryTable(summarize(records))}\n\nreport: ${relative(process.cwd(), path)}\n`);
}
