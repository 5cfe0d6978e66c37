// Issue #17, "Integrity of an open benchmark: no plugin can abort, corrupt or fake a sweep". Each hostile plugin of
// test/hostile/ runs through the real CLI in a sweep beside the built-in `sa` (-j 2, so that both share the pool), and
// each test checks (a) what the hostile plugin's runs are recorded as, with a message naming what was wrong, against
// expectations computed here (core's energy() on the instance regenerated from its spec), and (b) that `sa`'s runs of
// the same sweep are exactly those of an sa-only sweep: same status, verified energy, work, answer and instance.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { secretId } from '@densebench/problems';
import { densebench, exited, progressLines, scratch, spawnDensebench } from './helpers.js';
import { allOnesEnergy, ALPHA, expectSaIntact as expectIntact, fixture, GRID, hostileRuns, N, processesWith, reap, records, referenceSweep, sweep, waitFor, type Sweep } from './hostile/sweep.js';

let reference: Map<string, RunRecord>;

beforeAll(async () => {
  reference = await referenceSweep();
});

const expectSaIntact = (result: Sweep): void => expectIntact(result, reference);

interface Case {
  fixture: string;
  status: RunRecord['status'] | RunRecord['status'][];
  message: RegExp[];
  /** Must not appear in the message. */
  not?: RegExp[];
  check?: (run: RunRecord, result: Sweep) => void;
}

async function runCase(c: Case): Promise<void> {
  const result = await sweep(['sa', fixture(c.fixture)]);
  expect(result.code, result.stderr).toBe(0);
  for (const run of hostileRuns(result, `hostile-${c.fixture}`)) {
    const statuses = Array.isArray(c.status) ? c.status : [c.status];
    expect(statuses, `status of ${run.id} (message: ${run.message})`).toContain(run.status);
    for (const pattern of c.message) expect(run.message ?? '', run.id).toMatch(pattern);
    for (const pattern of c.not ?? []) expect(run.message ?? '', run.id).not.toMatch(pattern);
    c.check?.(run, result);
  }
  expectSaIntact(result);
}

const ERROR_CASES: Case[] = [
  // 1. work
  { fixture: 'work-negative', status: 'error', message: [/\bwork\b/, /-5/] },
  { fixture: 'work-nan', status: 'error', message: [/\bwork\b/, /NaN/] },
  { fixture: 'work-infinity', status: 'error', message: [/\bwork\b/, /Infinity/] },
  { fixture: 'work-missing', status: 'error', message: [/\bwork\b/] },
  // 2. info
  { fixture: 'info-string', status: 'error', message: [/\binfo\b/] },
  { fixture: 'info-bigint', status: 'error', message: [/\binfo\b/, /12345678901234567890n/] },
  { fixture: 'info-circular', status: 'error', message: [/\binfo\b/] },
  { fixture: 'info-function', status: 'error', message: [/\binfo\b/] },
  { fixture: 'info-many-keys', status: 'error', message: [/\binfo\b/, /1000/] },
  // 3. ctx.progress
  { fixture: 'progress-no-args', status: 'error', message: [/ctx\.progress/] },
  { fixture: 'progress-string', status: 'error', message: [/ctx\.progress/, /lots/] },
  { fixture: 'progress-nan', status: 'error', message: [/ctx\.progress/, /NaN/] },
  { fixture: 'progress-caught', status: 'error', message: [/ctx\.progress/] },
  // 4. what solve() returns or throws
  { fixture: 'returns-null', status: 'error', message: [/solve\(\) returned null/] },
  { fixture: 'returns-number', status: 'error', message: [/solve\(\) returned 42/] },
  { fixture: 'rejects-object', status: 'error', message: [/\{"code":3\}/], not: [/\[object Object\]/] },
  { fixture: 'throws-bigint', status: 'error', message: [/12345678901234567890n/] },
  // What a worker prints is kept in its failed run's message, and only there.
  {
    fixture: 'prints-then-throws',
    status: 'error',
    message: [/failed after printing/, /printed-by-plugin-7f3a on stdout/, /printed-by-plugin-7f3a on stderr/],
    check: (_, result) => expect(result.stdout + result.stderr).not.toContain('printed-by-plugin-7f3a'),
  },
  // 15. malformed assignments
  { fixture: 'assignment-float64', status: 'invalid', message: [/Int8Array/] },
  { fixture: 'assignment-array', status: 'invalid', message: [/Int8Array/] },
  { fixture: 'assignment-short', status: 'invalid', message: [new RegExp(`length ${N - 1}, expected ${N}`)] },
  { fixture: 'assignment-zero-two', status: 'invalid', message: [/expected \+1 or -1/] },
];

describe('a plugin whose answer or context use is malformed gets an error or invalid run, and sa is untouched', () => {
  it.each(ERROR_CASES.map((c) => [c.fixture, c] as const))('%s', async (_, c) => runCase(c), 60_000);
});

describe('a plugin that kills its own worker is recorded crashed, promptly', () => {
  const cases: Case[] = [
    { fixture: 'exits-zero', status: 'crashed', message: [/exit code 0/] },
    { fixture: 'kills-itself', status: 'crashed', message: [/SIGKILL/] },
    { fixture: 'aborts', status: 'crashed', message: [/SIGABRT/] },
    // Thrown 50 ms in, while solve() awaits a promise that never settles: not a timeout (the limit is 10 s here).
    {
      fixture: 'throws-in-timer',
      status: ['crashed', 'error'],
      message: [/boom from a timer callback/],
      check: (run) => expect(run.wallTimeMs).toBeLessThan(5000),
    },
  ];
  it.each(cases.map((c) => [c.fixture, c] as const))('%s', async (_, c) => runCase(c), 60_000);
});

describe('a worker that sends the harness malformed IPC messages fails its own run only', () => {
  // The plugin may call process.send, or write to its channel's descriptor: what arrives is data to check, and a
  // message that cannot be read ends that worker, not the pool that runs every plugin's runs.
  const cases: Case[] = [
    // Whatever the timing of sa's runs, the pool itself must not be what failed.
    { fixture: 'sends-null', status: ['crashed', 'error', 'unsolved'], message: [], not: [/worker pool/] },
    { fixture: 'garbles-ipc', status: ['crashed', 'error'], message: [], not: [/worker pool/] },
  ];
  it.each(cases.map((c) => [c.fixture, c] as const))('%s', async (_, c) => runCase(c), 60_000);
});

describe('a plugin cannot make a wrong answer pass', () => {
  it('mutating the instance it was given: verified against the harness copy', async () => {
    await runCase({
      fixture: 'mutates-instance',
      status: 'invalid',
      message: [/claimed energy 0/],
      check: (run) => {
        expect(run.energy).toBe(allOnesEnergy(run.seed));
        expect(run.energy).toBeGreaterThan(0);
      },
    });
  }, 60_000);

  it('patching JSON, Array.prototype.push and Object.prototype at import, then claiming energy 0: invalid, and the set reads back', async () => {
    const result = await sweep(['sa', fixture('patches-globals')]);
    expect(result.code, result.stderr).toBe(0);
    for (const run of hostileRuns(result, 'hostile-patches-globals')) {
      expect(run.status, run.message ?? '').toBe('invalid');
      expect(run.energy).toBe(allOnesEnergy(run.seed));
      expect(run.energy).toBeGreaterThan(0);
      expect(run.message).toMatch(/claimed energy 0/);
    }
    expectSaIntact(result);
    const report = await densebench(['report', join('results', result.name), '--no-png', '--output', 'report-again'], result.cwd);
    expect(report.code, report.stderr).toBe(0);
  }, 60_000);
});

describe('what a failed worker printed is in its message, up to its last line', () => {
  it("200 kB printed, then a last line, then a throw: every run's message ends with that line", async () => {
    // Six seeds: the output arrives on a pipe of its own, beside the IPC channel, and one run may be lucky.
    const grid = GRID.map((arg, i) => (GRID[i - 1] === '--seeds' ? '1:6' : arg));
    const seeds = [1, 2, 3, 4, 5, 6];
    const [alone, result] = [await referenceSweep(grid), await sweep(['sa', fixture('prints-a-lot-then-throws')], { grid })];
    expect(result.code, result.stderr).toBe(0);
    const ends = hostileRuns(result, 'hostile-prints-a-lot-then-throws', seeds).map((run) => {
      expect(run.status).toBe('error');
      expect(run.message).toMatch(/failed after printing a lot/);
      return { seed: run.seed, lastLineKept: run.message!.trimEnd().endsWith('last-line-before-the-throw') };
    });
    expect(ends).toEqual(seeds.map((seed) => ({ seed, lastLineKept: true })));
    expectIntact(result, alone);
  }, 60_000);
});

describe('what a plugin hands back is bounded', () => {
  it('info with a 1 MB string is kept, cut with a marker', async () => {
    await runCase({
      fixture: 'info-megabyte',
      status: 'unsolved',
      message: [],
      check: (run) => {
        expect(run.energy).toBe(allOnesEnergy(run.seed));
        const info = run.info as Record<string, unknown>;
        expect(info.small).toBe(7);
        expect(typeof info.huge).toBe('string');
        const huge = info.huge as string;
        expect(huge.length).toBeLessThan(1000);
        expect(huge.startsWith('x'.repeat(100))).toBe(true);
        expect(huge).toMatch(/cut|more characters/);
      },
    });
  }, 60_000);

  it('100 × 1 MB of ctx.log, then a throw: an error whose message is bounded; runs.jsonl stays small', async () => {
    let result: Sweep | undefined;
    await runCase({
      fixture: 'floods-log',
      status: 'error',
      message: [/gave up after flooding the log/],
      check: (run, r) => {
        result = r;
        expect(run.message!.length).toBeLessThan(20_000);
      },
    });
    expect(statSync(join(result!.cwd, 'results', result!.name, 'runs.jsonl')).size).toBeLessThan(100_000);
  }, 60_000);

  it('10⁶ calls of ctx.progress: the trace keeps at most 512 points', async () => {
    await runCase({
      fixture: 'floods-progress',
      status: 'unsolved',
      message: [],
      check: (run) => {
        expect(run.energy).toBe(allOnesEnergy(run.seed));
        expect(run.trace).not.toBeNull();
        expect(run.trace!.length).toBeGreaterThan(0);
        expect(run.trace!.length).toBeLessThanOrEqual(512);
        expect(run.work).toBe(1_000_000);
      },
    });
  }, 60_000);
});

describe('time is the harness', () => {
  it('a plugin that slows its clocks 11× and busy-waits 2 s is recorded at ≥ 2 s', async () => {
    await runCase({
      fixture: 'slow-clock',
      status: 'unsolved',
      message: [],
      check: (run) => expect(run.wallTimeMs).toBeGreaterThanOrEqual(2000),
    });
  }, 60_000);

  it('1.5 s of busy work at import is measured and reported: in the warm-up of a worker, or, without one, in its first run', async () => {
    const result = await sweep(['sa', fixture('slow-import')]);
    expect(result.code, result.stderr).toBe(0);
    const runs = hostileRuns(result, 'hostile-slow-import');
    const first = runs.find((r) => r.workerRun === 1)!;
    expect(first.warmupMs).toBeGreaterThanOrEqual(1500);
    expectSaIntact(result);
    const cold = await sweep(['sa', fixture('slow-import')], { grid: [...GRID, '--no-warmup'] });
    expect(cold.code, cold.stderr).toBe(0);
    const coldFirst = hostileRuns(cold, 'hostile-slow-import').find((r) => r.workerRun === 1)!;
    expect(coldFirst.warmupMs).toBeNull();
    expect(coldFirst.wallTimeMs).toBeGreaterThanOrEqual(1500);
  }, 60_000);

  it('an infinite synchronous loop with --timeout 2 is a timeout, and the sweep finishes soon after', async () => {
    const grid = GRID.map((arg, i) => (GRID[i - 1] === '--timeout' ? '2' : arg));
    const result = await sweep(['sa', fixture('infinite-loop')], { grid });
    expect(result.code, result.stderr).toBe(0);
    for (const run of hostileRuns(result, 'hostile-infinite-loop')) {
      expect(run.status).toBe('timeout');
      expect(run.message).toMatch(/deadline|time/);
      // Stopped at the limit plus the grace (1 s + 10 %): 3.2 s.
      expect(run.wallTimeMs).toBeLessThan(6000);
    }
    // Two 3.2 s runs on two lanes, plus starting and reporting.
    expect(result.elapsedMs).toBeLessThan(25_000);
    expectSaIntact(result);
  }, 60_000);
});

describe('keyed instances (DENSEBENCH_SECRET)', () => {
  const SECRET = 'hostile-test-secret-5f3a9c0e7b21d4';
  const TS_GRID = ['--problem', 'teacher-student', '--n', '101', '--alpha', '0.5', '--seeds', '4', '--timeout', '20'];
  const meanTestError = (runs: RunRecord[]): number => runs.reduce((s, r) => s + r.testError!, 0) / runs.length;

  it('without a secret, a plugin that knows the public generator finds the teacher (expected: public instances are reproducible)', async () => {
    const result = await sweep(['sa', fixture('generator-search')], { grid: TS_GRID });
    expect(result.code, result.stderr).toBe(0);
    const runs = result.records.filter((r) => r.plugin === 'hostile-generator-search');
    expect(runs).toHaveLength(4);
    for (const run of runs) {
      expect(run.testError).toBe(0);
      expect(run.teacherOverlap).toBe(1);
      expect(run.status).toBe('solved');
    }
  }, 90_000);

  it('with DENSEBENCH_SECRET set, it cannot find the instance: its test error is no better than honest sa, and the secret is written nowhere', async () => {
    const result = await sweep(['sa', fixture('generator-search')], { grid: TS_GRID, env: { DENSEBENCH_SECRET: SECRET } });
    expect(result.code, result.stderr).toBe(0);
    const sa = result.records.filter((r) => r.plugin === 'sa');
    const hostile = result.records.filter((r) => r.plugin === 'hostile-generator-search');
    expect(sa.map((r) => r.status)).toEqual(['solved', 'solved', 'solved', 'solved']);
    expect(hostile).toHaveLength(4);
    for (const run of hostile) expect(run.info).toEqual({ found: false });
    expect(meanTestError(hostile)).toBeGreaterThanOrEqual(meanTestError(sa));
    const id = secretId(SECRET);
    for (const run of result.records) expect(run.secretId).toBe(id);
    const manifest = JSON.parse(readFileSync(join(result.cwd, 'results', result.name, 'manifest.json'), 'utf8')) as { secretId?: string };
    expect(manifest.secretId).toBe(id);
    // Not in any file of the result set or the report, nor in what the CLI printed.
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const written = [...files(join(result.cwd, 'results')), ...files(join(result.cwd, 'reports'))];
    expect(written.length).toBeGreaterThan(2);
    for (const file of written) expect(readFileSync(file, 'latin1').includes(SECRET), file).toBe(false);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  }, 90_000);
});

describe('output', () => {
  it('what a plugin prints while `densebench solve` runs a CNF never reaches the CLI output: one `s` line, the harness’s', async () => {
    const cwd = scratch();
    const made = await densebench(['generate', '--problem', 'ksat', '--n', '50', '--alpha', '4.2', '--seed', '1', '-o', 'x.cnf'], cwd);
    expect(made.code, made.stderr).toBe(0);
    const solved = await densebench(['solve', '--plugin', fixture('prints-sat'), '--instance', 'x.cnf', '--timeout', '10'], cwd);
    expect(solved.code, solved.stderr).toBe(0);
    const lines = solved.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('s '))).toEqual(['s UNKNOWN']);
    expect(lines.filter((l) => l.startsWith('v '))).toEqual([]);
    expect(solved.stdout).not.toContain('s SATISFIABLE');
    expect(solved.stderr).not.toContain('SATISFIABLE');
  }, 60_000);
});

describe.skipIf(!existsSync('/proc/self/environ'))('processes a plugin leaves behind', () => {
  it('a detached setsid grandchild and a detached child do not survive the sweep', async () => {
    try {
      const result = await sweep(['sa', fixture('spawns-sleepers')]);
      expect(result.code, result.stderr).toBe(0);
      for (const run of hostileRuns(result, 'hostile-spawns-sleepers')) {
        expect(run.status).toBe('unsolved');
        expect(run.energy).toBe(allOnesEnergy(run.seed));
      }
      expectSaIntact(result);
      // Killed (SIGKILL) processes leave /proc once reaped by init: give that a moment.
      await waitFor(() => processesWith('987.654').length + processesWith('987.655').length === 0, 2000);
      expect(processesWith('987.654'), 'setsid sleep 987.654').toEqual([]);
      expect(processesWith('987.655'), 'sleep 987.655').toEqual([]);
    } finally {
      reap('987.654');
      reap('987.655');
    }
  }, 60_000);

  it('Ctrl-C: the CLI exits 130, kills the hung runs and their sleepers, removes its scratch directories; --resume finishes the set', async () => {
    const cwd = scratch();
    const hangs = fixture('hangs-with-sleepers');
    try {
      const args = ['bench', '--plugin', 'sa', '--plugin', hangs, '--problem', 'perceptron', '--n', String(N), '--alpha', String(ALPHA), '--seeds', '3', '--timeout', '30', '-j', '2', '--out', 'results', '--reports', 'reports', '--no-png', '--name', 'interrupted'];
      const child = spawnDensebench(args, cwd);
      const exit = exited(child);
      // sa's seeds 1 and 2 finish; then both lanes hang in the fixture (seeds 1 and 2), whose sleepers run.
      await progressLines(child, 2);
      expect(await waitFor(() => processesWith('987.656').length > 0 && processesWith('987.657').length > 0, 10_000), 'the sleepers started').toBe(true);
      const pid = child.pid!;
      child.kill('SIGINT');
      const code = await Promise.race([exit, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000))]);
      if (code === 'hung') child.kill('SIGKILL');
      expect(code).toBe(130);
      await waitFor(() => processesWith('987.656').length + processesWith('987.657').length === 0, 2000);
      expect(processesWith('987.656'), 'setsid sleep 987.656').toEqual([]);
      expect(processesWith('987.657'), 'sleep 987.657').toEqual([]);
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`densebench-run-${pid}-`))).toEqual([]);
      const before = records(cwd, 'interrupted');
      expect(before.map((r) => r.plugin).sort()).toEqual(['sa', 'sa']);

      writeFileSync(join(cwd, 'release'), '');
      const resumed = await densebench(['bench', '--resume', '--name', 'interrupted', '--out', 'results', '--reports', 'reports', '--plugin', hangs, '--quiet'], cwd);
      expect(resumed.code, resumed.stderr).toBe(0);
      const after = records(cwd, 'interrupted');
      expect(after).toHaveLength(6);
      expect(after.filter((r) => r.plugin === 'hostile-hangs-with-sleepers').map((r) => r.status)).toEqual(['unsolved', 'unsolved', 'unsolved']);
      const manifest = JSON.parse(readFileSync(join(cwd, 'results', 'interrupted', 'manifest.json'), 'utf8')) as { finished: boolean };
      expect(manifest.finished).toBe(true);
      await waitFor(() => processesWith('987.656').length + processesWith('987.657').length === 0, 2000);
      expect(processesWith('987.656')).toEqual([]);
      expect(processesWith('987.657')).toEqual([]);
    } finally {
      reap('987.656');
      reap('987.657');
    }
  }, 90_000);
});

describe('a result set is data: resuming or re-running it loads only code the user names', () => {
  const marker = fixture('writes-marker');

  async function editedSet(edit: (manifest: Record<string, unknown>) => void): Promise<{ cwd: string; dir: string }> {
    const cwd = scratch();
    const made = await densebench(['bench', '--plugin', 'sa', '--problem', 'perceptron', '--n', '31', '--alpha', '0.5', '--seeds', '2', '-j', '1', '--out', 'results', '--reports', 'reports', '--no-png', '--quiet', '--name', 'edited'], cwd);
    expect(made.code, made.stderr).toBe(0);
    const dir = join(cwd, 'results', 'edited');
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    manifest.finished = false;
    edit(manifest);
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    return { cwd, dir };
  }

  const imported = (cwd: string): boolean => existsSync(join(cwd, 'hostile-marker-imported'));

  it('plugin code runs only in worker processes, never in the CLI: list, bench, solve, rerun', async () => {
    const cwd = scratch();
    const commands = [
      ['list', '--plugin', marker],
      ['bench', '--plugin', marker, '--problem', 'perceptron', '--n', '31', '--alpha', '0.5', '--seeds', '1', '-j', '1', '--out', 'results', '--reports', 'reports', '--no-png', '--quiet', '--name', 'm'],
      ['generate', '--problem', 'ksat', '--n', '20', '--alpha', '2', '-o', 'x.cnf'],
      ['solve', '--plugin', marker, '--instance', 'x.cnf', '--timeout', '5'],
      ['rerun', join('results', 'm'), '--id', 'hostile-marker/perceptron/n31/a0.5/s1', '--plugin', marker],
    ];
    for (const args of commands) {
      const result = await densebench(args, cwd);
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
    }
    const importers = readFileSync(join(cwd, 'hostile-marker-imported'), 'utf8').trim().split('\n');
    // list, bench (describe + run), solve (describe + run), rerun (describe + run)
    expect(importers.length).toBeGreaterThanOrEqual(7);
    for (const script of importers) expect(script).toMatch(/harness\/dist\/worker\/entry\.js$/);
  }, 60_000);

  it('a plugin path added to the manifest: --resume refuses until --plugin names it', async () => {
    const { cwd } = await editedSet((manifest) => {
      const plan = manifest.plan as { plugins: Record<string, unknown>[] };
      plan.plugins.push({ name: 'hostile-marker', ref: marker, version: '0.0.1', workUnit: 'calls', params: {} });
      (manifest.command as string[]).push('--plugin', marker);
    });
    const refused = await densebench(['bench', '--resume', '--name', 'edited', '--out', 'results', '--reports', 'reports', '--quiet'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--plugin/);
    expect(imported(cwd), 'the plugin was imported').toBe(false);
    const named = await densebench(['bench', '--resume', '--name', 'edited', '--out', 'results', '--reports', 'reports', '--quiet', '--plugin', marker], cwd);
    expect(named.code, named.stderr).toBe(0);
    expect(imported(cwd)).toBe(true);
  }, 60_000);

  it("sa's ref replaced by a plugin path: --resume and rerun refuse until --plugin names it", async () => {
    const { cwd, dir } = await editedSet((manifest) => {
      const plan = manifest.plan as { plugins: { ref: string }[] };
      plan.plugins[0]!.ref = marker;
    });
    const resumed = await densebench(['bench', '--resume', '--name', 'edited', '--out', 'results', '--reports', 'reports', '--quiet'], cwd);
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toMatch(/--plugin/);
    expect(imported(cwd)).toBe(false);
    const rerun = await densebench(['rerun', dir, '--id', 'sa/perceptron/n31/a0.5/s1'], cwd);
    expect(rerun.code).toBe(1);
    expect(rerun.stderr).toMatch(/--plugin/);
    expect(imported(cwd)).toBe(false);
    // Named: it is loaded (and then refused, being "hostile-marker", not "sa").
    const named = await densebench(['rerun', dir, '--id', 'sa/perceptron/n31/a0.5/s1', '--plugin', marker], cwd);
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/hostile-marker/);
    expect(imported(cwd)).toBe(true);
  }, 60_000);

  it('a stored command turned into another subcommand (kernels --plugin <path>) is not run by --resume', async () => {
    const { cwd } = await editedSet((manifest) => {
      manifest.command = ['kernels', '--plugin', marker, '--time', '1', '--json', 'kernels.json', '--'];
    });
    const resumed = await densebench(['bench', '--resume', '--name', 'edited', '--out', 'results', '--reports', 'reports', '--quiet'], cwd);
    expect(imported(cwd), 'the plugin named only by the manifest was imported').toBe(false);
    expect(resumed.code).toBe(1);
  }, 60_000);

  it('a stored command turned into `generate -o <file>` does not write that file on --resume', async () => {
    const { cwd } = await editedSet((manifest) => {
      manifest.command = ['generate', '--n', '5', '--alpha', '1', '-o', 'clobbered.txt', '--'];
    });
    const resumed = await densebench(['bench', '--resume', '--name', 'edited', '--out', 'results', '--reports', 'reports', '--quiet'], cwd);
    expect(existsSync(join(cwd, 'clobbered.txt')), 'a file named only by the manifest was written').toBe(false);
    expect(resumed.code).toBe(1);
  }, 60_000);
});

describe('limits of the command line', () => {
  const cases: [string, string[], RegExp][] = [
    ['--timeout beyond the cap', ['bench', '--plugin', 'sa', '--n', '31', '--alpha', '0.5', '--seeds', '1', '--timeout', '3000000'], /--timeout/],
    ['--workers 100000', ['bench', '--plugin', 'sa', '--n', '31', '--alpha', '0.5', '--seeds', '1', '--workers', '100000'], /--workers/],
    ['--seeds 1:1e9', ['bench', '--plugin', 'sa', '--n', '31', '--alpha', '0.5', '--seeds', '1:1e9'], /--seeds/],
    ['--alpha 0x10', ['bench', '--plugin', 'sa', '--n', '31', '--alpha', '0x10', '--seeds', '1'], /--alpha/],
    ['solve --seed abc', ['solve', '--plugin', 'sa', '--instance', 'missing.cnf', '--seed', 'abc'], /--seed\b/],
  ];
  it.each(cases)('%s: exits 1 at once naming the option, and writes nothing', async (_, args, option) => {
    const cwd = scratch();
    const start = performance.now();
    const result = await densebench(args, cwd);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(option);
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);
});
