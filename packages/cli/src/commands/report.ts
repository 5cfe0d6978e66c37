import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { resultSetNameProblem, type LocalEntropyRecord, type Manifest, type RunRecord } from '@densebench/core';
import { readRecords, RUNS_FILE, ResultStore } from '@densebench/harness';
import { compareResultSets, summarize, uniqueSetNames, writeHtmlReport, type WrittenReport } from '@densebench/report';
import { summaryTable } from '../format.js';

export function reportOptions(y: Argv) {
  return y
    .positional('results', { type: 'string', array: true, demandOption: true, describe: 'result set directories (or runs.jsonl files); with several, the first is the reference the others are compared with' })
    .option('output', { alias: 'o', type: 'string', describe: 'report directory (default: reports/<name of the first result set>)' })
    .option('png', { type: 'boolean', default: true, describe: 'also write every chart as a PNG and an SVG under <output>/charts/ (--no-png to skip both)' })
    .option('svg', { type: 'boolean', describe: 'write the SVGs (default: as --png; --no-svg for PNGs only, --no-png --svg for SVGs only)' });
}

/** One result set from the command line: its records, manifest and name (the manifest's, else the directory's). */
export interface LoadedResultSet {
  dir: string;
  name: string;
  records: RunRecord[];
  manifest: Manifest | undefined;
  /** What `densebench local-entropy` measured on it (empty when it was not run). */
  localEntropy: LocalEntropyRecord[];
}

export function loadResultSet(path: string): LoadedResultSet {
  const input = resolve(path);
  if (!existsSync(input)) throw new Error(`no such result set: ${path}`);
  const isDir = statSync(input).isDirectory();
  const dir = isDir ? input : dirname(input);
  const runs = isDir ? join(input, RUNS_FILE) : input;
  if (!existsSync(runs)) throw new Error(`${path}: no ${RUNS_FILE} in this directory`);
  const store = new ResultStore(dir);
  const manifest = store.readManifest();
  return { dir, name: manifest?.name ?? basename(dir), records: readRecords(runs), manifest, localEntropy: store.localEntropyRecords() };
}

/**
 * reports/<name> for a result set. The name is a manifest's (checked when read) or the directory's; a directory whose
 * name could not name a result set (say "my results") is refused rather than written to: give --output.
 */
function defaultReportDir(set: LoadedResultSet): string {
  const problem = resultSetNameProblem(set.name);
  if (problem) throw new Error(`report: the result set in ${set.dir} is named ${JSON.stringify(set.name)}, which cannot name a report folder (${problem}); give --output`);
  return join('reports', set.name);
}

/** Prints where the report went: index.html, summary.md and the chart files. */
export function printWritten(written: WrittenReport): void {
  const rel = (p: string): string => relative(process.cwd(), p);
  process.stdout.write(`report:  ${rel(written.html)}\nsummary: ${rel(written.markdown)}\n`);
  const files = [...written.pngs, ...written.svgs];
  const counts = [written.pngs.length ? `${written.pngs.length} PNG` : '', written.svgs.length ? `${written.svgs.length} SVG` : ''].filter(Boolean).join(', ');
  if (files.length) process.stdout.write(`charts:  ${rel(dirname(files[0]!))}/ (${counts})\n`);
}

/** Renders the HTML report (and prints the summary table) of one or more result sets; several are compared. */
export function reportCommand(args: Awaited<ReturnType<typeof reportOptions>['argv']>): void {
  const sets = (args.results as string[]).map(loadResultSet);
  const names = uniqueSetNames(sets.map((s) => s.name));
  const shown = sets.length > 1 ? compareResultSets(sets.map((s, i) => ({ name: names[i]!, records: s.records }))) : { records: sets[0]!.records, differences: undefined };
  if (shown.records.length === 0) throw new Error(`no records in ${(args.results as string[]).join(', ')}`);
  const title = sets.length > 1 ? `densebench — ${names.join(' vs ')}` : `densebench — ${names[0]}`;
  const written = writeHtmlReport(resolve(args.output ?? defaultReportDir(sets[0]!)), { title, records: shown.records, manifest: sets[0]!.manifest, differences: shown.differences, ...(sets.length === 1 ? { localEntropy: sets[0]!.localEntropy } : {}) }, { png: args.png, ...(args.svg === undefined ? {} : { svg: args.svg }) });
  process.stdout.write(`${summaryTable(summarize(shown.records))}\n\n`);
  if (shown.differences) {
    const worse = shown.differences.filter((d) => d.verdict === 'worse').length;
    process.stdout.write(`compared with ${names[0]}: ${shown.differences.length} flagged difference(s), ${worse} worse (see the report)\n`);
  }
  printWritten(written);
}
