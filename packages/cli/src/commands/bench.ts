import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { PROBLEM_NAMES, type ProblemName, type RunRecord } from '@densebench/core';
import { buildPlan, executePlan, HARNESS_VERSION, machineInfo, parseAlphaList, parseIntegerList, parseSeeds, ResultStore, type Manifest } from '@densebench/harness';
import { summarize, writeHtmlReport } from '@densebench/report';
import { formatSeconds, summaryTable } from '../format.js';
import { selectPlugins } from '../plugins.js';

export const DEFAULTS = { n: '201', seeds: '10', timeout: 60, k: 3 } as const;

export function benchOptions(y: Argv) {
  return y
    .option('plugin', { alias: 'p', type: 'string', array: true, default: ['sa'], describe: 'solver plugin: a built-in name, an installed densebench-plugin-<name> package, or a path (repeatable)' })
    .option('problem', { type: 'string', choices: PROBLEM_NAMES, default: 'perceptron' as ProblemName, describe: 'problem family' })
    .option('alpha', { alias: 'a', type: 'string', default: '0.3:0.8', describe: 'constraint densities α = M/N: "a:b" (step 0.05), "a:b:step", a list "0.3,0.5", or a mix "0.3:0.6,0.7"' })
    .option('n', { type: 'string', default: DEFAULTS.n, describe: 'sizes N: a list "201,401" or a range "101:501:100" (odd for perceptron problems)' })
    .option('k', { type: 'number', default: DEFAULTS.k, describe: 'clause size K for ksat' })
    .option('seeds', { type: 'string', default: DEFAULTS.seeds, describe: 'instances per point: a count "10" (seeds 1..10), a list "3,7" or a range "1:20"' })
    .option('timeout', { type: 'number', default: DEFAULTS.timeout, describe: 'time limit per run, seconds' })
    .option('workers', { alias: 'j', type: 'number', default: availableParallelism(), describe: 'parallel worker threads (default: number of cores)' })
    .option('memory', { type: 'number', describe: 'heap limit per worker in MiB (a run that exceeds it is recorded as crashed)' })
    .option('param', { type: 'string', array: true, default: [] as string[], describe: 'plugin parameter key=value (all plugins that have it) or plugin.key=value (repeatable)' })
    .option('name', { type: 'string', describe: 'result set name (default: <plugins>-<problem>-<date>); re-using a name resumes it' })
    .option('out', { type: 'string', default: 'results', describe: 'directory for result sets: <out>/<name>/runs.jsonl + manifest.json' })
    .option('reports', { type: 'string', default: 'reports', describe: 'directory for reports: <reports>/<name>/index.html' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no per-run progress lines' });
}

type BenchArgs = Awaited<ReturnType<typeof benchOptions>['argv']>;

function timestamp(date: Date): string {
  const pad = (x: number): string => String(x).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

function progressLine(done: number, total: number, elapsedS: number, record: RunRecord): string {
  const left = done > 0 ? (elapsedS / done) * (total - done) : Number.NaN;
  const width = String(total).length;
  const work = record.work !== null ? `, ${Math.round(record.work)} ${record.workUnit}` : '';
  const what = record.status === 'solved' || record.status === 'unsolved' ? `${record.status} (E=${record.energy}${work})` : `${record.status.toUpperCase()}${record.message ? `: ${record.message.split('\n')[0]}` : ''}`;
  return `[${String(done).padStart(width)}/${total} ${formatSeconds(elapsedS)}, ~${formatSeconds(left)} left] ${record.plugin} ${record.problem} N=${record.n} α=${record.alpha} seed ${record.seed}: ${what} in ${formatSeconds(record.wallTimeMs / 1000)}`;
}

/** A list option given several times (--alpha 0.3 --alpha 0.5) arrives as an array: join it into one list. */
const listText = (value: string | string[]): string => [value].flat().join(',');

export async function bench(args: BenchArgs): Promise<void> {
  const problem = args.problem as ProblemName;
  const alphas = parseAlphaList(listText(args.alpha));
  const ns = parseIntegerList(listText(args.n), '--n');
  const seeds = parseSeeds(listText(args.seeds));
  if (!(args.timeout > 0)) throw new Error(`--timeout must be a positive number of seconds, got ${args.timeout}`);
  if (!Number.isInteger(args.workers) || args.workers < 1) throw new Error(`--workers must be a positive integer, got ${args.workers}`);
  if (problem === 'ksat' && (!Number.isInteger(args.k) || args.k < 2)) throw new Error(`--k must be an integer ≥ 2, got ${args.k}`);
  const plugins = await selectPlugins(args.plugin, args.param, problem);
  const plan = buildPlan({ plugins: plugins.map((p) => ({ name: p.plugin.name, params: p.params })), problem, ns, alphas, k: args.k, seeds });

  const name = args.name ?? `${plugins.map((p) => p.plugin.name).join('+')}-${problem}-${timestamp(new Date())}`;
  if (!/^[\w.+-]+$/.test(name)) throw new Error(`--name "${name}": use letters, digits and . _ + - only`);
  const store = new ResultStore(resolve(args.out, name));
  const previous = store.records();
  const recorded = new Set(previous.map((r) => r.id));
  for (const r of previous) {
    const planned = plan.find((run) => run.id === r.id);
    if (planned && JSON.stringify(planned.params) !== JSON.stringify(r.params)) {
      throw new Error(`${store.runsPath} already has run ${r.id} with params ${JSON.stringify(r.params)}, not ${JSON.stringify(planned.params)}: choose another --name`);
    }
  }
  const todo = plan.filter((run) => !recorded.has(run.id));
  const machine = machineInfo();
  const now = new Date().toISOString();
  const manifest: Manifest = {
    name,
    createdAt: store.readManifest()?.createdAt ?? now,
    updatedAt: now,
    harnessVersion: HARNESS_VERSION,
    machine,
    plan: {
      problem,
      ns,
      alphas,
      k: problem === 'ksat' ? args.k : null,
      seeds,
      timeLimitS: args.timeout,
      plugins: plugins.map((p) => ({ name: p.plugin.name, version: p.plugin.version, params: p.params })),
      runs: plan.length,
    },
    command: process.argv.slice(2),
    finished: false,
  };
  store.writeManifest(manifest);

  const log = (line: string): void => void process.stderr.write(line + '\n');
  log(`densebench ${HARNESS_VERSION}: ${plan.length} runs (${plugins.map((p) => p.plugin.name).join(', ')} on ${problem}, N ∈ {${ns.join(', ')}}, ${alphas.length} values of α, ${seeds.length} seeds), ${args.workers} workers, ${args.timeout} s per run`);
  if (recorded.size > 0) log(`resuming ${relative(process.cwd(), store.dir)}: ${plan.length - todo.length} runs already recorded, ${todo.length} to go`);

  const interrupt = new AbortController();
  const onSigint = (): void => {
    if (interrupt.signal.aborted) process.exit(130);
    log(`\ninterrupted: stopping the runs in flight (Ctrl-C again to quit at once). Finished runs are kept in ${store.runsPath}.`);
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  const start = performance.now();
  let done = plan.length - todo.length;
  try {
    await executePlan({
      runs: todo,
      plugins: new Map(plugins.map((p) => [p.plugin.name, { url: p.url, version: p.plugin.version, workUnit: p.plugin.workUnit }])),
      timeLimitS: args.timeout,
      workers: args.workers,
      ...(args.memory ? { memoryLimitMb: args.memory } : {}),
      machine,
      signal: interrupt.signal,
      onRecord(record) {
        store.append(record);
        done++;
        if (!args.quiet) log(progressLine(done, plan.length, (performance.now() - start) / 1000, record));
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  const records = store.records();
  const finished = !interrupt.signal.aborted;
  store.writeManifest({ ...manifest, updatedAt: new Date().toISOString(), finished });

  const ids = new Set(plan.map((r) => r.id));
  const curves = summarize(records.filter((r) => ids.has(r.id)));
  process.stdout.write(`\n${summaryTable(curves)}\n\n`);
  const reportPath = writeHtmlReport(resolve(args.reports, name), { title: `densebench — ${name}`, records, manifest: store.readManifest() });
  process.stdout.write(`results: ${relative(process.cwd(), store.runsPath)}\nreport:  ${relative(process.cwd(), reportPath)}\n`);
  if (!finished) {
    process.stdout.write(`interrupted with ${plan.length - done} runs left: resume with the same command and --name ${name}\n`);
    process.exitCode = 130;
  }
}
