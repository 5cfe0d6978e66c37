import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { SolverPlugin } from '@densebench/core';
import { DEFAULT_KERNEL_TIME_MS, HARNESS_VERSION, loadPlugin, machineInfo, parseIntegerList, runKernels, type KernelResult } from '@densebench/harness';
import { BUILTIN_PLUGINS } from '../builtins.js';
import { textTable, timestamp } from '../format.js';

export function kernelsOptions(y: Argv) {
  return y
    .option('plugin', { alias: 'p', type: 'string', array: true, default: Object.keys(BUILTIN_PLUGINS).sort(), describe: 'plugin whose kernels to time: a built-in name, an installed package or a path (repeatable; default: all built-ins)' })
    .option('time', { type: 'number', default: DEFAULT_KERNEL_TIME_MS, describe: 'time budget per kernel and size, ms' })
    .option('sizes', { type: 'string', describe: 'sizes N instead of each kernel\'s own: a list "201,1001" or a range "101:501:100"' })
    .option('filter', { type: 'string', describe: 'only kernels whose name contains this text' })
    .option('json', { type: 'string', describe: 'where to write the results (default: results/kernels/kernels-<YYYYMMDD-HHMMSS>.json)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no per-kernel progress lines' });
}

type KernelsArgs = Awaited<ReturnType<typeof kernelsOptions>['argv']>;

/** Milliseconds with three significant digits, in µs, ms or s. */
function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  if (ms < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

/** A rate with an SI prefix: 4.12 M attempted flips/s. */
function formatRate(perS: number, unit: string): string {
  if (!Number.isFinite(perS)) return '—';
  const [scale, prefix] = perS >= 1e9 ? [1e9, 'G'] : perS >= 1e6 ? [1e6, 'M'] : perS >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${(perS / scale).toPrecision(3)} ${prefix ? `${prefix} ` : ''}${unit}/s`;
}

function progressLine(r: KernelResult): string {
  return `${r.plugin} ${r.kernel} N=${r.n}: ${formatMs(r.meanMs)} per call ±${r.rmePercent.toFixed(1)}% (${r.samples} calls), ${formatRate(r.throughputPerS, r.unit)}`;
}

/** Times each selected plugin's kernels on fixed seeded instances, prints a table and writes the results as JSON. */
export async function kernelsCommand(args: KernelsArgs): Promise<void> {
  if (!(args.time > 0)) throw new Error(`--time must be a positive number of ms, got ${args.time}`);
  const sizes = args.sizes === undefined ? undefined : parseIntegerList([args.sizes].flat().join(','), '--sizes');
  const plugins: { name: string; plugin: SolverPlugin }[] = [];
  for (const ref of args.plugin) {
    const { plugin } = await loadPlugin(ref, BUILTIN_PLUGINS);
    if (!plugin.kernels?.length) process.stderr.write(`densebench: plugin ${plugin.name} declares no kernels\n`);
    plugins.push({ name: plugin.name, plugin });
  }
  const createdAt = new Date();
  const results = await runKernels({
    plugins,
    timeMs: args.time,
    ...(sizes ? { sizes } : {}),
    ...(args.filter !== undefined ? { filter: args.filter } : {}),
    onResult(r) {
      if (!args.quiet) process.stderr.write(progressLine(r) + '\n');
    },
  });
  // textTable right-aligns every column but the first: pad kernel names so that they read left-aligned.
  const kernelWidth = Math.max(...results.map((r) => r.kernel.length));
  const rows = results.map((r) => [r.plugin, r.kernel.padEnd(kernelWidth), String(r.n), formatMs(r.meanMs), `±${r.rmePercent.toFixed(1)}%`, String(r.samples), formatRate(r.throughputPerS, r.unit)]);
  process.stdout.write(`\n${textTable(['plugin', 'kernel', 'N', 'time/call', '± rme', 'calls', 'throughput'], rows)}\n\n`);
  const path = resolve(args.json ?? `results/kernels/kernels-${timestamp(createdAt)}.json`);
  mkdirSync(dirname(path), { recursive: true });
  const record = { createdAt: createdAt.toISOString(), harnessVersion: HARNESS_VERSION, timeMs: args.time, machine: machineInfo(), results };
  writeFileSync(path, JSON.stringify(record, null, 2) + '\n');
  process.stdout.write(`results: ${relative(process.cwd(), path)}\n`);
}
