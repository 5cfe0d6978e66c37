import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { DEFAULT_LOCAL_ENTROPY_SETTINGS, measureLocalEntropy, planLocalEntropy, type LocalEntropySettings } from '@densebench/analysis';
import { binaryEntropy, LOCAL_ENTROPY_FILE, localEntropyKey, type RunRecord } from '@densebench/core';
import { parseAlphaList, ResultStore } from '@densebench/harness';
import { writeHtmlReport } from '@densebench/report';
import { formatSeconds } from '../format.js';
import { loadResultSet, printWritten } from './report.js';

export function localEntropyOptions(y: Argv) {
  return y
    .positional('results', { type: 'string', demandOption: true, describe: 'result set directory' })
    .option('gammas', { type: 'string', default: DEFAULT_LOCAL_ENTROPY_SETTINGS.gammas.join(','), describe: 'couplings γ of the external field: a list "0.5,1,2" or a range "0.25:3:0.25" (step 0.25)' })
    .option('plugin', { alias: 'p', type: 'string', array: true, describe: "only the answers of these plugins (the planted configurations are always measured)" })
    .option('per-point', { type: 'number', describe: 'at most this many answers per plugin and (problem, N, K, α)' })
    .option('accuracy', { type: 'string', choices: ['gaussian', 'exact'], default: DEFAULT_LOCAL_ENTROPY_SETTINGS.accuracy, describe: "perceptron factors: the Gaussian (central-limit) approximation or exact sums" })
    .option('max-sweeps', { type: 'number', default: DEFAULT_LOCAL_ENTROPY_SETTINGS.maxSweeps, describe: 'BP sweeps per γ before giving up on convergence' })
    .option('output', { alias: 'o', type: 'string', describe: 'report directory (default: reports/<name of the result set>)' })
    .option('png', { type: 'boolean', default: true, describe: 'also write every chart as a PNG under <output>/charts/ (--no-png to skip)' });
}

/**
 * Measures what planLocalEntropy plans for a result set and appends each record to its local-entropy.jsonl as soon as
 * it is measured (so an interruption loses at most the configuration in progress), with a progress line for each.
 */
export function measureResultSet(store: ResultStore, records: readonly RunRecord[], settings: LocalEntropySettings, options: { plugins?: readonly string[]; perPoint?: number }, log: (line: string) => void): void {
  const done = new Set(store.localEntropyRecords().map(localEntropyKey));
  const { jobs, skipped } = planLocalEntropy(records, { ...options, done });
  for (const reason of skipped) log(`note: skipped ${reason}`);
  log(`local entropy: ${jobs.length} configuration(s) to measure${done.size ? ` (${done.size} already in ${LOCAL_ENTROPY_FILE})` : ''}, γ = ${settings.gammas.join(', ')}`);
  const start = performance.now();
  jobs.forEach((job, i) => {
    const record = measureLocalEntropy(job, settings);
    store.appendLocalEntropy(record);
    const elapsed = (performance.now() - start) / 1000;
    const left = (elapsed / (i + 1)) * (jobs.length - i - 1);
    const converged = record.points.filter((p) => p.converged);
    // The middle γ shows where the reference stands against the bound better than the extremes do.
    const middle = converged[Math.floor(converged.length / 2)];
    const where = middle ? `S = ${middle.localEntropy!.toFixed(3)} at d = ${middle.distance!.toFixed(3)} (H₂ = ${binaryEntropy(middle.distance!).toFixed(3)})` : 'no γ converged';
    log(`[${i + 1}/${jobs.length} ${formatSeconds(elapsed)}, ~${formatSeconds(left)} left] ${job.key}: ${where}; BP converged at ${converged.length}/${record.points.length} γ (${formatSeconds(record.elapsedMs / 1000)})`);
  });
}

/**
 * Measures the local entropy around every solved run's answer and every planted configuration of a result set,
 * appending to <results>/local-entropy.jsonl (an interrupted computation resumes: what is there is not redone), then
 * renders the result set's report with the local-entropy charts.
 */
export function localEntropyCommand(args: Awaited<ReturnType<typeof localEntropyOptions>['argv']>): void {
  const set = loadResultSet(args.results);
  const store = new ResultStore(set.dir);
  // Sorted increasing: each γ starts from the previous one's messages.
  const gammas = parseAlphaList(args.gammas, 0.25, '--gammas', 'γ');
  const settings: LocalEntropySettings = { ...DEFAULT_LOCAL_ENTROPY_SETTINGS, gammas, accuracy: args.accuracy as LocalEntropySettings['accuracy'], maxSweeps: args['max-sweeps'] };
  if (!Number.isInteger(settings.maxSweeps) || settings.maxSweeps < 1) throw new Error(`--max-sweeps must be a positive integer, got ${args['max-sweeps']}`);
  const perPoint = args['per-point'];
  if (perPoint !== undefined && (!Number.isInteger(perPoint) || perPoint < 1)) throw new Error(`--per-point must be a positive integer, got ${perPoint}`);
  measureResultSet(store, set.records, settings, { plugins: args.plugin as string[] | undefined, perPoint }, (line) => void process.stdout.write(line + '\n'));
  const localEntropy = store.localEntropyRecords();
  const written = writeHtmlReport(resolve(args.output ?? join('reports', set.name)), { title: `densebench — ${set.name}`, records: set.records, manifest: set.manifest, localEntropy }, { png: args.png });
  printWritten(written);
}
