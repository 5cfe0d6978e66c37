import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { SolverPlugin } from '@densebench/core';
import { DEFAULT_KERNEL_TIME_MS, HARNESS_VERSION, loadPlugin, machineInfo, parseIntegerList, runKernels, runPairedKernels, type KernelResult, type KernelTwin, type PairedKernelResult } from '@densebench/harness';
import { NATIVE_TWINS, runNativeBench } from '@densebench/native-ref';
import { BUILTIN_PLUGINS } from '../builtins.js';
import { textTable, timestamp } from '../format.js';

export function kernelsOptions(y: Argv) {
  return y
    .option('plugin', { alias: 'p', type: 'string', array: true, default: Object.keys(BUILTIN_PLUGINS).sort(), describe: 'plugin whose kernels to time: a built-in name, an installed package or a path (repeatable; default: all built-ins)' })
    .option('time', { type: 'number', default: DEFAULT_KERNEL_TIME_MS, describe: 'time budget per kernel and size, ms' })
    .option('sizes', { type: 'string', describe: 'sizes N instead of each kernel\'s own: a list "201,1001" or a range "101:501:100"' })
    .option('filter', { type: 'string', describe: 'only kernels whose name contains this text' })
    .option('json', { type: 'string', describe: 'where to write the results (default: results/kernels/kernels-<YYYYMMDD-HHMMSS>.json)' })
    .option('vs', { type: 'string', choices: ['native'], describe: 'time each kernel that has a C twin (plugins/native-ref) alternately with it, and print the throughput ratio TypeScript/native' })
    .option('pairs', { type: 'number', default: 5, describe: 'with --vs native: (TypeScript, native) block pairs per kernel and size; each block lasts --time ms' })
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
    if (!plugin.kernels?.length && !args.vs) process.stderr.write(`densebench: plugin ${plugin.name} declares no kernels\n`);
    plugins.push({ name: plugin.name, plugin });
  }
  if (args.vs === 'native') return versusNative(args, plugins, sizes);
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

/** The kernels with a C twin, timed alternately with it: throughput of each and their ratio (median of the pairs). */
async function versusNative(args: KernelsArgs, plugins: { name: string; plugin: SolverPlugin }[], sizes: number[] | undefined): Promise<void> {
  const filter = args.filter?.toLowerCase();
  const twins: KernelTwin[] = NATIVE_TWINS.filter((t) => filter === undefined || t.kernel.toLowerCase().includes(filter)).map((t) => ({
    plugin: t.plugin,
    kernel: t.kernel,
    run: (file, state, budget) => runNativeBench(t.native, t.args, file, state, budget),
  }));
  if (!twins.some((t) => plugins.some((p) => p.name === t.plugin))) {
    throw new Error(`--vs native: no selected kernel has a native twin (twins: ${NATIVE_TWINS.map((t) => `${t.plugin}: ${t.kernel}`).join('; ')})`);
  }
  const createdAt = new Date();
  const results = await runPairedKernels({
    plugins,
    twins,
    timeMs: args.time,
    pairs: args.pairs,
    ...(sizes ? { sizes } : {}),
    onResult(r) {
      if (!args.quiet) process.stderr.write(`${r.plugin} ${r.kernel} N=${r.n}: TS/native ${r.ratio.toFixed(2)} [${r.ratioMin.toFixed(2)}, ${r.ratioMax.toFixed(2)}]${r.sameTrajectory ? '' : ' (trajectories differ!)'}\n`);
    },
  });
  const rows = results.map((r: PairedKernelResult) => [r.plugin, r.kernel, String(r.n), formatRate(r.typescriptPerS, r.unit), formatRate(r.twinPerS, r.unit), r.ratio.toFixed(2), `${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)}`, r.sameTrajectory ? 'yes' : 'NO']);
  process.stdout.write(`\n${textTable(['plugin', 'kernel', 'N', 'TypeScript', 'native (C)', 'TS/native', 'range', 'same trajectory'], rows)}\n\n`);
  process.stdout.write(`${args.pairs} pairs of ${args.time} ms blocks per row, alternating TypeScript and native; TS/native is the median of the pairs' ratios.\n`);
  const path = resolve(args.json ?? `results/kernels/native-${timestamp(createdAt)}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ createdAt: createdAt.toISOString(), harnessVersion: HARNESS_VERSION, timeMs: args.time, pairs: args.pairs, machine: machineInfo(), results }, null, 2) + '\n');
  process.stdout.write(`results: ${relative(process.cwd(), path)}\n`);
  if (results.some((r) => !r.sameTrajectory)) throw new Error('a native twin left the TypeScript kernel\'s trajectory: they no longer run the same algorithm');
}
