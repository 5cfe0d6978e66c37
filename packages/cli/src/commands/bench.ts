import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { DEFAULT_LOCAL_ENTROPY_SETTINGS } from '@densebench/analysis';
import { PROBLEM_NAMES, resultSetNameProblem, type Manifest, type ProblemName } from '@densebench/core';
import { buildPlan, HARNESS_VERSION, machineInfo, parseAlphaList, parseIntegerList, parseSeeds, parseShard, resolvePluginUrl, ResultStore, runSweep } from '@densebench/harness';
import { isDataset, MNIST_PIXELS, readSecret, usesK } from '@densebench/problems';
import { summarize, writeHtmlReport } from '@densebench/report';
import { listSetting, loadStudyConfig, type StudyConfig } from '../config.js';
import { formatSeconds, summaryTable, terminalText, timestamp } from '../format.js';
import { printWritten } from './report.js';
import { measureResultSet } from './local-entropy.js';
import { BUILTIN_PLUGINS } from '../builtins.js';
import { isBuiltinUrl, selectPlugins, type PluginEntry } from '../plugins.js';

/**
 * Longest time limit per run, s (11.6 days): far beyond any study, and well inside what the harness's timers can
 * represent (2³¹ − 1 ms ≈ 24.8 days, limit plus grace).
 */
export const MAX_TIMEOUT_S = 1_000_000;
/** Largest plan one result set holds; larger studies are split into several. */
export const MAX_PLAN_RUNS = 1_000_000;

/** Most parallel runs allowed: each is a worker process (tens of MiB), so a typo like --workers 1000 is refused. */
export function maxWorkersHere(): number {
  return Math.max(64, 8 * availableParallelism());
}

/** Defaults of the study settings; a study file overrides them and command-line options override both. */
export const DEFAULTS = { plugin: 'sa', problem: 'perceptron' as ProblemName, alpha: '0.3:0.8', n: '201', k: 3, seeds: '10', timeout: 60 } as const;

export function benchOptions(y: Argv) {
  return y
    .option('config', { alias: 'c', type: 'string', describe: 'study file (JSON, or a .js/.mjs module) with any of: name, problem, n, alpha, k, seeds, timeout, workers, memory, plugins, localEntropy; options given here override it' })
    .option('plugin', { alias: 'p', type: 'string', array: true, defaultDescription: DEFAULTS.plugin, describe: 'solver plugin: a built-in name, an installed densebench-plugin-<name> package, or a path (repeatable)' })
    .option('problem', { type: 'string', choices: PROBLEM_NAMES, defaultDescription: DEFAULTS.problem, describe: 'problem family' })
    .option('alpha', { alias: 'a', type: 'string', defaultDescription: DEFAULTS.alpha, describe: 'constraint densities α = M/N (per synapse, M/(NK), for committees): "a:b" (step 0.05), "a:b:step", a list "0.3,0.5", or a mix "0.3:0.6,0.7"' })
    .option('n', { type: 'string', defaultDescription: `${DEFAULTS.n} (mnist: 784)`, describe: 'sizes N: a list "201,401" or a range "101:501:100" (odd for perceptron problems; the input dimension 784 for mnist, whose α sets the training-set size αN)' })
    .option('k', { type: 'number', defaultDescription: String(DEFAULTS.k), describe: 'clause size K (ksat, planted-ksat) or hidden units K (committee problems, odd)' })
    .option('seeds', { type: 'string', defaultDescription: DEFAULTS.seeds, describe: 'instances per point: a count "10" (seeds 1..10), a list "3,7" or a range "1:20"' })
    .option('timeout', { type: 'number', defaultDescription: String(DEFAULTS.timeout), describe: 'time limit per run, seconds' })
    .option('workers', { alias: 'j', type: 'number', defaultDescription: 'number of cores', describe: 'parallel worker threads' })
    .option('memory', { type: 'number', describe: 'heap limit per worker in MiB (a run that exceeds it is recorded as crashed)' })
    .option('param', { type: 'string', array: true, default: [] as string[], describe: 'plugin parameter key=value (all plugins that have it) or plugin.key=value (repeatable)' })
    .option('grid', { type: 'string', array: true, default: [] as string[], describe: 'parameter grid plugin.key=v1,v2,… (or key=v1,v2,… for every plugin that has it; repeatable): every combination runs as its own variant, labelled e.g. rmc[y=3]' })
    .option('shard', { type: 'string', describe: 'run only shard i of n of the plan ("2/4"); merge the shards with `densebench merge`' })
    .option('name', { type: 'string', describe: 'result set name (default: the study file\'s name, else <plugins>-<problem>-<date>; a shard adds "-shard<i>of<n>"); re-using a name resumes it' })
    .option('resume', { type: 'boolean', default: false, describe: 'continue an interrupted result set (--name, or else the most recent unfinished one in --out) with the command that made it' })
    .option('out', { type: 'string', default: 'results', describe: 'directory for result sets: <out>/<name>/runs.jsonl + manifest.json' })
    .option('warmup', { type: 'boolean', default: true, describe: 'warm each fresh worker up (an untimed solve of a small instance of the same problem) before its first timed run; --no-warmup measures cold starts' })
    .option('png', { type: 'boolean', default: true, describe: 'also write every chart of the report as a PNG and an SVG under <reports>/<name>/charts/ (--no-png to skip both)' })
    .option('reports', { type: 'string', default: 'reports', describe: 'directory for reports: <reports>/<name>/index.html' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no per-run progress lines' });
}

type BenchArgs = Awaited<ReturnType<typeof benchOptions>['argv']>;


function progressLine(done: number, total: number, elapsedS: number, runsThisSession: number, record: import('@densebench/core').RunRecord): string {
  const left = runsThisSession > 0 ? (elapsedS / runsThisSession) * (total - done) : Number.NaN;
  const width = String(total).length;
  const work = record.work !== null ? `, ${Math.round(record.work)} ${record.workUnit}` : '';
  const what = record.status === 'solved' || record.status === 'unsolved' ? `${record.status} (E=${record.energy}${work})` : `${record.status.toUpperCase()}${record.message ? `: ${record.message.split('\n')[0]}` : ''}`;
  return terminalText(`[${String(done).padStart(width)}/${total} ${formatSeconds(elapsedS)}, ~${formatSeconds(left)} left] ${record.plugin} ${record.problem} N=${record.n} α=${record.alpha} seed ${record.seed}: ${what} in ${formatSeconds(record.wallTimeMs / 1000)}`);
}

/** The most recently updated unfinished result set in `out` that a bench command made (merged sets have no command). */
function latestResultSet(out: string): Manifest | undefined {
  if (!existsSync(out)) return undefined;
  return readdirSync(out, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const manifest = new ResultStore(join(out, entry.name)).readManifest();
      return manifest && !manifest.finished && manifest.command.length > 0 ? [manifest] : [];
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** Options that define a plan; with --resume the plan comes from the result set, so these must not be given. */
const PLAN_OPTIONS = ['config', 'plugin', 'problem', 'alpha', 'n', 'k', 'seeds', 'timeout', 'shard', 'memory'] as const;

/** `argv` without the given options and their values (the flags --resume and --quiet take none). */
function withoutOptions(argv: readonly string[], options: readonly string[]): string[] {
  const flags = new Set(['--resume', '--quiet', '-q']);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const option = arg.split('=')[0]!;
    if (!options.includes(option)) out.push(arg);
    else if (!arg.includes('=') && !flags.has(option)) i++; // skip its value
  }
  return out;
}

/** The value of an option in a stored command line (`--config x`, `--config=x`, `-c x`), if given. */
function optionValue(argv: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const [option, inline] = argv[i]!.split(/=(.*)/s) as [string, string | undefined];
    if (names.includes(option)) return inline ?? argv[i + 1];
  }
  return undefined;
}

/**
 * Set by --resume for the bench() it starts: the modules of plugins outside densebench that the user named again. A
 * result set's manifest is data anyone can write; resuming it must not load code the user did not name.
 */
let resumeConfirmed: ReadonlySet<string> | undefined;

/**
 * Checks that every piece of code a stored command would load (plugins that are not built in, a .js/.mjs study
 * module) was named again by the user; returns the confirmed plugin module URLs.
 */
function confirmResumedCode(manifest: Manifest, args: BenchArgs): Set<string> {
  const confirmed = new Set((args.plugin ?? []).map((ref) => resolvePluginUrl(ref, BUILTIN_PLUGINS)));
  for (const p of manifest.plan.plugins) {
    let url: string;
    try {
      url = resolvePluginUrl(p.ref, BUILTIN_PLUGINS);
    } catch (error) {
      throw new Error(`--resume: plugin ${p.name} of ${manifest.name} (${p.ref}) cannot be found: ${(error as Error).message}`);
    }
    if (!isBuiltinUrl(url) && !confirmed.has(url)) {
      throw new Error(`--resume: ${manifest.name} runs plugin ${p.name} from ${p.ref}, which is not part of densebench; to load it, name it again: --plugin ${p.ref}`);
    }
  }
  const storedConfig = optionValue(manifest.command, ['--config', '-c']);
  if (args.config !== undefined && (storedConfig === undefined || resolve(args.config) !== resolve(storedConfig))) {
    throw new Error(`--resume: --config only confirms the study module the result set was made from${storedConfig ? ` (${storedConfig})` : ' (it was made without one)'}`);
  }
  if (storedConfig !== undefined && /\.m?js$/.test(storedConfig) && args.config === undefined) {
    throw new Error(`--resume: ${manifest.name} was made from the study module ${storedConfig}, which is code; to load it, name it again: --config ${storedConfig}`);
  }
  return confirmed;
}

/** --resume: re-run the command that made the result set (--name, or the latest unfinished one), under its name. */
async function resume(args: BenchArgs): Promise<void> {
  // --plugin and --config may be given again, to confirm the code the result set names (confirmResumedCode).
  const given = PLAN_OPTIONS.filter((option) => option !== 'plugin' && option !== 'config' && args[option] !== undefined).concat(args.param.length ? ['param'] as never[] : []).concat(args.grid.length ? ['grid'] as never[] : []);
  if (given.length) throw new Error(`--resume takes the plan from the result set; drop ${given.map((o) => `--${o}`).join(', ')}`);
  let manifest: Manifest | undefined;
  if (args.name) {
    const nameProblem = resultSetNameProblem(args.name);
    if (nameProblem) throw new Error(`--name ${JSON.stringify(args.name)} cannot name a result set: ${nameProblem}`);
    const store = new ResultStore(resolve(args.out, args.name));
    manifest = store.readManifest();
    if (!manifest) throw new Error(`--resume: there is no result set ${relative(process.cwd(), store.dir)} to resume`);
    if (manifest.command.length === 0) throw new Error(`--resume: ${args.name} was made by merge; resume the result sets it was merged from`);
  } else {
    manifest = latestResultSet(resolve(args.out));
    if (!manifest) throw new Error(`--resume: no unfinished result set in ${args.out}/ to resume`);
  }
  // A manifest is data anyone can write: only a bench command is resumed, and nothing may follow a bare "--" (which would
  // hide the options appended below from the parser).
  const stored = manifest.command;
  if ((stored[0] !== undefined && !stored[0].startsWith('-') && stored[0] !== 'bench') || stored.includes('--')) {
    throw new Error(`--resume: ${manifest.name} was not made by a bench command (its manifest says: densebench ${terminalText(stored.join(' '))})`);
  }
  const confirmed = confirmResumedCode(manifest, args);
  const command = withoutOptions(manifest.command, ['--resume', '--name', '--out', '--reports', '--workers', '-j', '--quiet', '-q']);
  const execution = [...(args.workers ? ['--workers', String(args.workers)] : []), ...(args.quiet ? ['--quiet'] : [])];
  process.stderr.write(`resuming ${manifest.name}: densebench ${[...command, '--name', manifest.name].join(' ')}\n`);
  const { main } = await import('../main.js');
  resumeConfirmed = confirmed;
  try {
    await main([...command, '--name', manifest.name, '--out', args.out, '--reports', args.reports, ...execution]);
  } finally {
    resumeConfirmed = undefined;
  }
}

export async function bench(args: BenchArgs): Promise<void> {
  if (args.resume) return resume(args);
  const config: StudyConfig = args.config ? await loadStudyConfig(args.config) : {};
  const problem = (args.problem ?? config.problem ?? DEFAULTS.problem) as ProblemName;
  const alphas = parseAlphaList(listSetting(args.alpha) ?? listSetting(config.alpha) ?? DEFAULTS.alpha);
  // A data set's N is its input dimension (784 for MNIST), so it is the default there.
  const ns = parseIntegerList(listSetting(args.n) ?? listSetting(config.n) ?? (isDataset(problem) ? String(MNIST_PIXELS) : DEFAULTS.n), '--n');
  const seeds = parseSeeds(listSetting(args.seeds) ?? listSetting(config.seeds) ?? DEFAULTS.seeds);
  const k = args.k ?? config.k ?? DEFAULTS.k;
  const timeLimitS = args.timeout ?? config.timeout ?? DEFAULTS.timeout;
  const workers = args.workers ?? config.workers ?? availableParallelism();
  const memory = args.memory ?? config.memory;
  const shard = args.shard ? parseShard(args.shard) : null;
  if (!(timeLimitS > 0) || timeLimitS > MAX_TIMEOUT_S) throw new Error(`--timeout must be a number of seconds in (0, ${MAX_TIMEOUT_S}] (about ${Math.round(MAX_TIMEOUT_S / 86400)} days), got ${timeLimitS}`);
  const maxWorkers = maxWorkersHere();
  if (!Number.isInteger(workers) || workers < 1 || workers > maxWorkers) throw new Error(`--workers must be an integer from 1 to ${maxWorkers} (on ${availableParallelism()} cores), got ${workers}`);
  if (usesK(problem) && (!Number.isInteger(k) || k < 1)) throw new Error(`--k must be a positive integer, got ${k}`);
  if (memory !== undefined && !(memory >= 16 && Number.isFinite(memory))) throw new Error(`--memory must be at least 16 MiB, got ${memory}`);

  const entries: PluginEntry[] = args.plugin
    ? args.plugin.map((ref) => ({ ref, params: {} }))
    : (config.plugins ?? [DEFAULTS.plugin]).map((p) => (typeof p === 'string' ? { ref: p, params: {} } : { ref: p.plugin, params: p.params ?? {}, ...(p.n ? { ns: p.n } : {}), ...(p.grid ? { grid: p.grid } : {}) }));
  const planSize = entries.length * ns.length * alphas.length * seeds.length;
  if (planSize > MAX_PLAN_RUNS) throw new Error(`the plan would have ${planSize} runs (${entries.length} plugin(s) × ${ns.length} N × ${alphas.length} α × ${seeds.length} seeds), more than ${MAX_PLAN_RUNS}: split the study into several`);
  const plugins = await selectPlugins(entries, args.param, { problem, gridItems: args.grid, ...(resumeConfirmed ? { confirmed: resumeConfirmed } : {}) });
  // Keyed instances (instances/README.md) when DENSEBENCH_SECRET is set; runSweep checks it against a resumed set.
  const secret = readSecret();
  // -n replaces the study's sizes: a plugin's own sizes then keep those still run (without -n, buildPlan refuses a
  // plugin size that is not among the study's, a typo).
  if (args.n !== undefined) for (const p of plugins) if (p.ns) p.ns = p.ns.filter((n) => ns.includes(n));
  const plan = buildPlan({ plugins: plugins.map((p) => ({ name: p.name, params: p.params, ...(p.ns ? { ns: p.ns } : {}) })), problem, ns, alphas, k, seeds });

  const baseName = args.name ?? (config.name ? config.name : `${[...new Set(plugins.map((p) => p.plugin.name))].join('+')}-${problem}-${timestamp(new Date())}`);
  const shardSuffix = shard ? `-shard${shard.index}of${shard.count}` : '';
  const name = baseName.endsWith(shardSuffix) ? baseName : baseName + shardSuffix;
  const nameProblem = resultSetNameProblem(name);
  if (nameProblem) throw new Error(`${args.name !== undefined ? '--name' : config.name ? `${args.config}: field "name"` : 'result set name'} ${JSON.stringify(name)} cannot name a result set: ${nameProblem}`);
  const store = new ResultStore(resolve(args.out, name));

  const log = (line: string): void => void process.stderr.write(line + '\n');
  const interrupt = new AbortController();
  const onSigint = (): void => {
    if (interrupt.signal.aborted) process.exit(130);
    log(`\ninterrupted: stopping the runs in flight (Ctrl-C again to quit at once). Finished runs are kept in ${relative(process.cwd(), store.runsPath)}.`);
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const start = performance.now();
  let runsThisSession = 0;
  let result;
  try {
    result = await runSweep({
      store,
      name,
      plan,
      grid: { problem, ns, alphas, k: usesK(problem) ? k : null, seeds },
      shard,
      timeLimitS,
      plugins: plugins.map((p) => ({ name: p.name, ref: p.ref, version: p.plugin.version, workUnit: p.plugin.workUnit, params: p.params, url: p.url, ...(p.ns ? { ns: p.ns } : {}), ...(p.variant ? { variant: { plugin: p.plugin.name, values: p.variant } } : {}) })),
      workers,
      secret,
      warmup: args.warmup,
      ...(memory ? { memoryLimitMb: memory } : {}),
      machine: machineInfo(),
      command: process.argv.slice(2),
      signal: interrupt.signal,
      warn: (message) => log(`warning: ${message}`),
      onStart({ planned, recorded, todo }) {
        const shardText = shard ? ` (shard ${shard.index}/${shard.count} of ${plan.length})` : '';
        log(`densebench ${HARNESS_VERSION}: ${planned} runs${shardText}: ${plugins.map((p) => p.name).join(', ')} on ${problem}, N ∈ {${ns.join(', ')}}, ${alphas.length} value${alphas.length === 1 ? '' : 's'} of α, ${seeds.length} seed${seeds.length === 1 ? '' : 's'}; ${workers} worker${workers === 1 ? '' : 's'}, ${timeLimitS} s per run`);
        if (recorded > 0) log(`resuming ${relative(process.cwd(), store.dir)}: ${recorded} runs already recorded, ${todo} to go`);
      },
      onRecord(record, done, planned) {
        runsThisSession++;
        if (!args.quiet) log(progressLine(done, planned, (performance.now() - start) / 1000, runsThisSession, record));
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }

  process.stdout.write(`\n${summaryTable(summarize(result.records))}\n\n`);
  if (config.localEntropy && result.finished) {
    const chosen = typeof config.localEntropy === 'object' ? config.localEntropy : {};
    const gammas = chosen.gammas ? [...chosen.gammas].sort((a, b) => a - b) : DEFAULT_LOCAL_ENTROPY_SETTINGS.gammas;
    measureResultSet(store, result.records, { ...DEFAULT_LOCAL_ENTROPY_SETTINGS, gammas }, { ...(chosen.perPoint ? { perPoint: chosen.perPoint } : {}) }, args.quiet ? () => {} : log);
  }
  const written = writeHtmlReport(resolve(args.reports, name), { title: `densebench — ${name}`, records: result.records, manifest: store.readManifest(), localEntropy: store.localEntropyRecords() }, { png: args.png });
  process.stdout.write(`results: ${relative(process.cwd(), store.runsPath)}\n`);
  printWritten(written);
  if (!result.finished) {
    process.stdout.write(`interrupted with ${result.planned - result.records.length} runs left: resume with \`densebench bench --resume --name ${name}\`\n`);
    process.exitCode = 130;
  }
}
