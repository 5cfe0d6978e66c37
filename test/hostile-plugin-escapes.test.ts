// Issue #17 beyond the values a plugin hands back: a worker process that runs as the same OS user as the harness can
// reach what that user can — the harness's /proc entries (environment, standard output, command line), its files (the
// result set) and its signals. densebench closes that door by running the workers as another user
// (DENSEBENCH_WORKER_USER, when the harness runs as root: CI does), and the tests of those attacks run that way; the
// instances travel over a private channel, idle workers are frozen, and a worker's whole tree lives in a cgroup where
// the system allows one, with or without another user. Each test here is an attack from test/hostile/ through the real
// CLI; the expectation is the issue's: no plugin can abort, corrupt or fake a sweep, nor learn the instance secret.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { ProcessCgroup } from '../packages/harness/src/host/cgroup.js';
import { bin, densebench, scratch } from './helpers.js';
import { expectSaIntact, fixture, GRID, hostileRuns, processesWith, reap, referenceSweep, sweep, waitFor } from './hostile/sweep.js';

const linux = existsSync('/proc/self/environ');
/** Workers of another user need a root harness (CI runs as root) and the user "nobody". */
const isolated = linux && process.getuid?.() === 0 && readFileSync('/etc/passwd', 'utf8').includes('\nnobody:');
const ISOLATED = { DENSEBENCH_WORKER_USER: 'nobody' };

/** The CLI with its standard output on a pipe (`| cat`), as a shell gives it. */
function pipedCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;
  const line = `${[process.execPath, bin, ...args].map(quote).join(' ')} | cat`;
  return new Promise((resolve) => execFile('sh', ['-c', line], { cwd, env: { ...process.env, ...env } }, (_error, stdout, stderr) => resolve({ stdout, stderr })));
}

/** Four seeds, so that `sa` has several runs for a hostile plugin to reach. */
const GRID4 = GRID.map((arg, i) => (GRID[i - 1] === '--seeds' ? '1:4' : arg));
let reference4: Map<string, RunRecord>;

beforeAll(async () => {
  reference4 = await referenceSweep(GRID4);
});

describe.skipIf(!isolated)('a plugin run as another user (DENSEBENCH_WORKER_USER) reaching the harness through /proc and the file system', () => {
  it('cannot read DENSEBENCH_SECRET from the harness process (/proc/<ppid>/environ)', async () => {
    const secret = 'hostile-escape-secret-8d2e61b0c4f7a9';
    const grid = ['--problem', 'teacher-student', '--n', '101', '--alpha', '0.5', '--seeds', '4', '--timeout', '20'];
    const result = await sweep(['sa', fixture('reads-parent-secret')], { grid, env: { DENSEBENCH_SECRET: secret, ...ISOLATED } });
    expect(result.code, result.stderr).toBe(0);
    const sa = result.records.filter((r) => r.plugin === 'sa');
    const thief = result.records.filter((r) => r.plugin === 'hostile-reads-parent-secret');
    // sa solves most of them (not always all: the instances depend on the secret).
    expect(sa.filter((r) => r.status === 'solved').length).toBeGreaterThanOrEqual(3);
    expect(thief).toHaveLength(4);
    for (const run of thief) expect(run.info, `${run.id}: the plugin found the secret in /proc`).toEqual({ secretFound: false });
    const mean = (runs: RunRecord[]): number => runs.reduce((s, r) => s + r.testError!, 0) / runs.length;
    expect(mean(thief)).toBeGreaterThanOrEqual(mean(sa));
  }, 90_000);

  it("cannot write to the CLI's standard output through /proc/<ppid>/fd/1 during `densebench solve`", async () => {
    const cwd = scratch();
    const made = await densebench(['generate', '--problem', 'ksat', '--n', '50', '--alpha', '4.2', '--seed', '1', '-o', 'x.cnf'], cwd);
    expect(made.code, made.stderr).toBe(0);
    // Through a pipe, as in a shell (`densebench solve … | tee`, or a terminal): Node's own child stdio is a socket,
    // which /proc/<pid>/fd/1 cannot open.
    const solved = await pipedCli(['solve', '--plugin', fixture('writes-parent-stdout'), '--instance', 'x.cnf', '--timeout', '10'], cwd, ISOLATED);
    expect(solved.stdout).toMatch(/^c densebench solve/m);
    const lines = solved.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('s '))).toEqual(['s UNKNOWN']);
    expect(lines.filter((l) => l.startsWith('v '))).toEqual([]);
  }, 60_000);

  it("cannot rewrite the instance files other plugins' workers read (sa's runs stay those of an sa-only sweep)", async () => {
    const result = await sweep(['sa', fixture('tampers-instances')], { grid: GRID4, env: ISOLATED });
    expect(result.code, result.stderr).toBe(0);
    hostileRuns(result, 'hostile-tampers-instances', [1, 2, 3, 4]);
    expectSaIntact(result, reference4);
  }, 60_000);

  it("cannot rewrite the result set's records of other plugins (runs.jsonl)", async () => {
    const result = await sweep(['sa', fixture('forges-records')], { workers: 1, env: ISOLATED });
    expect(result.code, result.stderr).toBe(0);
    hostileRuns(result, 'hostile-forges-records');
    const reference2 = new Map([...reference4].filter(([, r]) => r.seed <= 2));
    expectSaIntact(result, reference2);
  }, 60_000);

  it('cannot kill the harness: the sweep finishes and records every run', async () => {
    const result = await sweep(['sa', fixture('kills-harness')], { env: ISOLATED });
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
    for (const run of hostileRuns(result, 'hostile-kills-harness')) expect(['crashed', 'error']).toContain(run.status);
    expectSaIntact(result, new Map([...reference4].filter(([, r]) => r.seed <= 2)));
  }, 60_000);
});

/** Whether this system lets densebench make cgroups (what contains a process that shed both its tag and its group). */
function cgroupsAvailable(): boolean {
  const group = ProcessCgroup.create(`densebench-${process.pid}-probe`);
  group?.killAll();
  return group !== null;
}

describe.skipIf(!linux || !cgroupsAvailable())('processes a plugin leaves behind (cgroup v2 available)', () => {
  it('a sleeper that shed the environment tag (env -i) in a session of its own (setsid) does not survive the sweep', async () => {
    try {
      const result = await sweep(['sa', fixture('sheds-tag')]);
      expect(result.code, result.stderr).toBe(0);
      for (const run of hostileRuns(result, 'hostile-sheds-tag')) expect(run.status).toBe('unsolved');
      await waitFor(() => processesWith('987.658').length === 0, 2000);
      expect(processesWith('987.658'), 'env -i setsid sleep 987.658').toEqual([]);
    } finally {
      reap('987.658');
    }
  }, 60_000);
});

describe('a plugin between its runs', () => {
  it('runs no code while another plugin is being timed (-j 1: one run at a time)', async () => {
    const result = await sweep(['sa', fixture('runs-between-runs')], { grid: GRID4, workers: 1 });
    expect(result.code, result.stderr).toBe(0);
    hostileRuns(result, 'hostile-runs-between-runs', [1, 2, 3, 4]);
    const ticksPath = join(result.cwd, 'ticks.txt');
    const ticks = existsSync(ticksPath) ? readFileSync(ticksPath, 'utf8').trim().split('\n').map((line) => Number(line.split(' ')[1])) : [];
    // The plugin's worker is started by its first run (seed 1); sa's runs of seeds 2–4 come after it.
    const during = result.records
      .filter((r) => r.plugin === 'sa' && r.seed >= 2)
      .map((r) => {
        const start = Date.parse(r.startedAt);
        return { id: r.id, ticks: ticks.filter((t) => t >= start && t <= start + r.wallTimeMs).length };
      });
    expect(during, 'ticks of the hostile plugin inside sa runs').toEqual(during.map((d) => ({ ...d, ticks: 0 })));
  }, 60_000);
});

describe('what a plugin says reaches the user as text, not as terminal control or markup', () => {
  it('an error message with terminal escapes does not reach the progress lines raw', async () => {
    const result = await sweep(['sa', fixture('fakes-progress-line')], { quiet: false });
    expect(result.code, result.stderr).toBe(0);
    for (const run of hostileRuns(result, 'hostile-fakes-progress-line')) expect(run.status).toBe('error');
    expect(result.stderr.includes('\u001b'), 'an ESC character in the CLI output').toBe(false);
    expect(result.stderr.includes('\r'), 'a carriage return in the CLI output').toBe(false);
  }, 60_000);

  it('markup in a work unit, an info string and an error message is escaped in the HTML report', async () => {
    const result = await sweep(['sa', fixture('html-in-answer')]);
    expect(result.code, result.stderr).toBe(0);
    for (const run of hostileRuns(result, 'hostile-html-in-answer')) expect(run.status).toBe('error');
    const dir = join(result.cwd, 'reports', result.name);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toContain('<script>document.title');
      expect(text, file).not.toContain('<img src=x onerror');
    }
  }, 60_000);
});
