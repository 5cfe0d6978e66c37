import { basename } from 'node:path';
import type { Argv } from 'yargs';
import { createPool, judge, packInstance, solverSeedText, type TaskResult } from '@densebench/harness';
import { describeInstance, formatModelLines, formatWeightLine, instanceHash, readInstanceFile } from '@densebench/problems';
import { formatSeconds } from '../format.js';
import { MAX_TIMEOUT_S } from './bench.js';
import { selectPlugins } from '../plugins.js';

export function solveOptions(y: Argv) {
  return y
    .option('plugin', { alias: 'p', type: 'string', default: 'sa', describe: 'solver plugin (built-in name, package or path)' })
    .option('instance', { alias: 'i', type: 'string', demandOption: true, describe: 'instance file: DIMACS CNF (.cnf, SATLIB files included) or the perceptron format' })
    .option('param', { type: 'string', array: true, default: [] as string[], describe: 'plugin parameter key=value (repeatable)' })
    .option('timeout', { type: 'number', default: 60, describe: 'time limit, seconds' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the solver\'s random stream' });
}

/** Runs one plugin on one instance file and prints the verified result (SAT-competition style for CNF). */
export async function solveCommand(args: Awaited<ReturnType<typeof solveOptions>['argv']>): Promise<void> {
  if (!(args.timeout > 0) || args.timeout > MAX_TIMEOUT_S) throw new Error(`--timeout must be a number of seconds in (0, ${MAX_TIMEOUT_S}], got ${args.timeout}`);
  if (!Number.isSafeInteger(args.seed) || args.seed < 0) throw new Error(`--seed must be a non-negative integer, got ${args.seed}`);
  // Parsed here, before the clock starts: the plugin's worker gets the instance as binary data.
  const instance = await readInstanceFile(args.instance);
  const [selected] = await selectPlugins([{ ref: args.plugin, params: {} }], args.param);
  const plugin = selected!;
  const problem = instance.kind;
  if (!(plugin.plugin.problems as readonly string[]).includes(problem)) throw new Error(`plugin "${plugin.plugin.name}" does not solve ${problem}`);
  const hash = instanceHash(instance);
  const timeLimitMs = args.timeout * 1000;
  const pool = createPool({ workers: 1 });
  let result: TaskResult;
  try {
    result = await pool.run({ pluginUrl: plugin.url, params: plugin.params, instance: packInstance(instance), solverSeed: solverSeedText(plugin.plugin.name, hash, args.seed), timeLimitMs });
  } finally {
    await pool.destroy();
  }
  const verdict = judge(result, instance, null, null, timeLimitMs);
  const size = describeInstance(instance);
  const out: string[] = [
    `c densebench solve: ${plugin.plugin.name} ${plugin.plugin.version} on ${basename(args.instance)} (${size}, sha256 ${hash.slice(0, 16)}…)`,
    `c params ${JSON.stringify(plugin.params)}`,
    `c status ${verdict.status}, verified energy ${verdict.energy ?? '—'}, time ${formatSeconds(verdict.wallTimeMs / 1000)}${result.kind === 'finished' && result.outcome.ok ? `, work ${result.outcome.work} ${plugin.plugin.workUnit}` : ''}`,
  ];
  if (verdict.message) out.push(...verdict.message.split('\n').map((l) => `c ${l}`));
  const answer = result.kind === 'finished' && result.outcome.ok && verdict.energy !== null ? (result.outcome.assignment as Int8Array) : null;
  if (instance.kind === 'ksat') {
    // "s SATISFIABLE" only for a model the harness verified.
    out.push(verdict.status === 'solved' ? 's SATISFIABLE' : 's UNKNOWN');
    if (verdict.status === 'solved' && answer) out.push(formatModelLines(answer));
  } else {
    out.push(verdict.status === 'solved' ? 's SOLVED' : 's UNKNOWN');
    if (answer) out.push(formatWeightLine(answer));
  }
  process.stdout.write(out.join('\n') + '\n');
  if (!['solved', 'unsolved', 'timeout'].includes(verdict.status)) process.exitCode = 1;
}
