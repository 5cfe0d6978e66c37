// Shared by the hostile-plugin tests: one sweep through the real CLI beside `sa`, and the checks every such sweep gets.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { energy, type RunRecord } from '@densebench/core';
import { generate } from '@densebench/problems';
import { bin, scratch } from '../helpers.js';

/** Path of a fixture of this directory. */
export const fixture = (name: string): string => fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));

// N = 51, α = 0.5: sa solves both seeds in well under a second (checked by the reference sweep).
export const N = 51;
export const ALPHA = 0.5;
export const SEEDS = [1, 2];
export const GRID = ['--problem', 'perceptron', '--n', String(N), '--alpha', String(ALPHA), '--seeds', SEEDS.join(','), '--timeout', '10'];
export const OUTPUT = ['--out', 'results', '--reports', 'reports', '--no-png', '--quiet'];

export interface Cli {
  /** Exit code; null when killed by a signal. */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** The CLI with extra environment variables (helpers.densebench inherits the test's environment as it is). */
export function densebenchEnv(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Cli> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: unknown; signal?: unknown }) | null;
      const code = e === null ? 0 : typeof e.code === 'number' ? e.code : null;
      resolve({ code, signal: typeof e?.signal === 'string' ? e.signal : null, stdout, stderr, elapsedMs: performance.now() - start });
    });
  });
}

/** The records of result set `name` under <cwd>/results, in file order. */
export function records(cwd: string, name: string): RunRecord[] {
  const path = join(cwd, 'results', name, 'runs.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as RunRecord);
}

export interface Sweep extends Cli {
  cwd: string;
  name: string;
  records: RunRecord[];
}

/** One sweep of `plugins` on GRID (or `grid`), -j 2 (or `workers`), in a scratch directory of its own. */
export async function sweep(plugins: string[], options: { grid?: string[]; env?: NodeJS.ProcessEnv; workers?: number; quiet?: boolean } = {}): Promise<Sweep> {
  const cwd = scratch();
  const name = 'hostile';
  const output = options.quiet === false ? OUTPUT.filter((a) => a !== '--quiet') : OUTPUT;
  const args = ['bench', ...plugins.flatMap((p) => ['--plugin', p]), ...(options.grid ?? GRID), '-j', String(options.workers ?? 2), ...output, '--name', name];
  const cli = await densebenchEnv(args, cwd, options.env);
  return { ...cli, cwd, name, records: records(cwd, name) };
}

/** The verified energy of all-(+1) on the public perceptron instance of (N, α, seed), from core's energy(). */
export function allOnesEnergy(seed: number, n = N, alpha = ALPHA): number {
  const { instance } = generate({ problem: 'perceptron', n, alpha, k: null, seed });
  return energy(instance, new Int8Array(n).fill(1));
}

/** What must not change when another plugin shares the sweep: everything of a run that its seed determines. */
const deterministic = (x: RunRecord) => ({ id: x.id, status: x.status, energy: x.energy, work: x.work, instanceHash: x.instanceHash, answer: (x as { answer?: unknown }).answer, message: x.message });

/** (b): the sa runs of a mixed sweep are those of the sa-only `reference` sweep. */
export function expectSaIntact(result: Sweep, reference: ReadonlyMap<string, RunRecord>): void {
  const mixed = result.records.filter((r) => r.plugin === 'sa');
  expect(mixed.map((r) => r.id).sort(), `the sa runs of the mixed sweep (stderr: ${result.stderr.slice(-1000)})`).toEqual([...reference.keys()].sort());
  for (const r of mixed) expect(deterministic(r)).toEqual(deterministic(reference.get(r.id)!));
}

/** The sa-only reference sweep of `grid`: its records by id (every run solved). */
export async function referenceSweep(grid = GRID): Promise<Map<string, RunRecord>> {
  const alone = await sweep(['sa'], { grid });
  expect(alone.code, alone.stderr).toBe(0);
  expect(alone.records.length).toBeGreaterThan(0);
  for (const r of alone.records) expect(r.status, r.id).toBe('solved');
  return new Map(alone.records.map((r) => [r.id, r]));
}

/** The hostile plugin's records, one per seed, in seed order. */
export function hostileRuns(result: Sweep, plugin: string, seeds = SEEDS): RunRecord[] {
  const runs = result.records.filter((r) => r.plugin === plugin).sort((a, b) => a.seed - b.seed);
  expect(runs.map((r) => r.seed), `${plugin}'s runs (exit ${result.code}, stderr: ${result.stderr.slice(-2000)})`).toEqual(seeds);
  return runs;
}

/** Processes on this machine whose command line contains `marker`. */
export function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'latin1').replace(/\0/g, ' ').includes(marker)) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Stops what a failed test left behind: processes our fixtures started, found by their marker, killed by pid. */
export function reap(marker: string): void {
  for (const pid of processesWith(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

export async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}
