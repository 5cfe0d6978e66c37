import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertRunRecord, type RunRecord } from '@densebench/core';
import { EXTERNAL_PLUGIN_MANIFESTS } from '@densebench/external-plugins';
import { buildPlan, executePlan, externalPluginUrl, importPlugin, loadPlugin, machineInfo, readExternalManifest } from '../src/index.js';

const fixtures = fileURLToPath(new URL('./fixtures/external/', import.meta.url));
const fixture = (name: string): string => join(fixtures, name);

function manifestFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'densebench-manifest-')), 'densebench-plugin.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const valid = { name: 'x', version: '1', description: 'd', problems: ['ksat'], command: ['x', '{instance}'], answer: { format: 'sat-competition', from: 'stdout' } };

describe('external solver manifests', () => {
  it('are validated, errors naming the file and the field', () => {
    expect(readExternalManifest(manifestFile(valid)).name).toBe('x');
    const cases: [unknown, RegExp][] = [
      ['{ not json', /densebench-plugin\.json: .*JSON/],
      [{ ...valid, name: undefined }, /missing field "name"/],
      [{ ...valid, problems: ['sudoku'] }, /field "problems\.0"/],
      [{ ...valid, answer: { format: 'xml', from: 'stdout' } }, /field "answer\.format"/],
      [{ ...valid, extra: 1 }, /unknown field "extra"/],
      [{ ...valid, command: ['x'] }, /no argument of field "command" contains \{instance\}/],
      [{ ...valid, answer: { format: 'minisat', from: 'file' } }, /"answer\.from" is "file" but no argument of "command" contains \{output\}/],
      [{ ...valid, answer: { format: 'weights', from: 'stdout' } }, /"weights" answers perceptron problems, not ksat/],
      [{ ...valid, work: { pattern: '(', unit: 'c' } }, /field "work\.pattern"/],
      [{ ...valid, work: { pattern: '^conflicts: \\d+', unit: 'c' } }, /field "work\.pattern" "\^conflicts: \\\\d\+" has no capturing group \(its first group is the work\)/],
      [{ ...valid, unknown: {} }, /field "unknown" must NOT have fewer than 1 properties/],
      [{ ...valid, unknown: { exitCodes: [300] } }, /field "unknown\.exitCodes\.0" must be <= 255/],
      [{ ...valid, unknown: { exitCodes: [] } }, /field "unknown\.exitCodes" must NOT have fewer than 1 items/],
      [{ ...valid, unknown: { pattern: '(' } }, /field "unknown\.pattern": Invalid regular expression/],
      [{ ...valid, unknown: { codes: [1] } }, /unknown field "unknown\.codes"/],
    ];
    for (const [content, pattern] of cases) expect(() => readExternalManifest(manifestFile(content))).toThrow(pattern);
    expect(readExternalManifest(manifestFile({ ...valid, unknown: { exitCodes: [0], pattern: '^c UNKNOWN$' } })).unknown).toEqual({ exitCodes: [0], pattern: '^c UNKNOWN$' });
  });

  it('may start with a UTF-8 byte-order mark', () => {
    const path = manifestFile(`\uFEFF${JSON.stringify(valid, null, 2)}`);
    expect(readFileSync(path)[0]).toBe(0xef);
    expect(readExternalManifest(path)).toEqual(valid);
  });
});

async function sweep(manifest: string, problem: 'ksat' | 'perceptron', timeLimitS = 30, alpha = problem === 'ksat' ? 3 : 0.3): Promise<RunRecord> {
  const url = externalPluginUrl(manifest);
  const plugin = await importPlugin(url);
  const runs = buildPlan({ plugins: [{ name: plugin.name, params: {} }], problem, ns: [problem === 'ksat' ? 40 : 31], alphas: [alpha], k: 3, seeds: [1] });
  const records: RunRecord[] = [];
  await executePlan({ runs, plugins: new Map([[plugin.name, { url, version: plugin.version, workUnit: plugin.workUnit }]]), timeLimitS, workers: 1, machine: machineInfo(), onRecord: (r) => records.push(r) });
  for (const r of records) assertRunRecord(r);
  return records[0]!;
}

describe('external solvers through the harness', () => {
  it('a wrong model claimed SATISFIABLE is invalid; garbage output is an error quoting the line', async () => {
    const liar = await sweep(fixture('liar.json'), 'ksat');
    expect(liar.status).toBe('invalid');
    expect(liar.message).toMatch(/claimed energy 0, the verified energy is [1-9]/);
    const garbage = await sweep(fixture('garbage.json'), 'ksat');
    expect(garbage.status).toBe('error');
    expect(garbage.message).toMatch(/garbage output, line 3: not a "c", "s" or "v" line: "hello world" \(exit code 10\)/);
  });

  it('a program past its time limit is killed with its whole process group, and the run is a timeout', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'densebench-pids-')), 'pids');
    process.env.DENSEBENCH_TEST_PIDFILE = pidFile;
    const record = await sweep(fixture('sleeper.json'), 'ksat', 1);
    expect(record.status).toBe('timeout');
    expect(record.message).toMatch(/process group of \.\/sleeper\.sh was killed/);
    const pids = readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number);
    expect(pids).toHaveLength(2);
    // Running, as opposed to gone or a zombie waiting for a parent (in a container, pid 1 may never reap it).
    const alive = (pid: number): boolean => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    // The shell and its grandchild `sleep 300` are both killed.
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });

  it('UNKNOWN at the program\'s own {timeLimitS} is a timeout; an UNKNOWN with time left is a give-up, unsolved', async () => {
    const outOfTime = join(fixtures, '../processes/out-of-time.sh');
    const nearLimit = await sweep(manifestFile({ ...valid, name: 'out-of-time', command: [outOfTime, '{instance}', '{timeLimitS}'] }), 'ksat', 2);
    expect(nearLimit.status).toBe('timeout');
    expect(nearLimit.message).toMatch(/TimeLimitError: time limit reached: out-of-time gave no answer within it/);
    // At once, even with a short limit: the UNKNOWN_NEAR_DEADLINE_MS rule once made this a timeout.
    const early = await sweep(fixture('giveup.json'), 'ksat', 3);
    expect(early, early.message ?? '').toMatchObject({ status: 'unsolved', message: 'the solver gave up within its own budget with no answer' });
  });

  it('answers a perceptron with a weight line, verified by the harness', async () => {
    const record = await sweep(fixture('weights.json'), 'perceptron');
    expect(['solved', 'unsolved']).toContain(record.status);
    expect(record.energy).not.toBeNull();
    expect(record.flatness).not.toBeNull();
  });

  it('a missing program is refused before any run, saying how to install it', async () => {
    const { plugin } = await loadPlugin(fixture('missing.json'), {});
    expect(() => plugin.preflight?.()).toThrow(/missing: program "densebench-no-such-solver" not found on PATH \(install it: apt-get install densebench-no-such-solver\)/);
  });

  it('loads a manifest by path, or a directory holding densebench-plugin.json', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'densebench-ext-')), 'solver');
    const path = manifestFile(valid);
    const { plugin } = await loadPlugin(path, {});
    expect(plugin.name).toBe('x');
    expect(existsSync(dir)).toBe(false);
    const viaDir = await loadPlugin(join(path, '..'), {});
    expect(viaDir.url).toBe(externalPluginUrl(path));
  });
});

/** Installed? Without it the real-solver tests are skipped on a developer's machine, never in CI (CI=true). */
function installed(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

describe.each(['minisat', 'picosat', 'cadical'] as const)('the real %s (Debian package, installed by .ci/run)', (name) => {
  const manifest = EXTERNAL_PLUGIN_MANIFESTS[name];
  it.skipIf(!installed(name) && process.env.CI !== 'true')('solves a satisfiable 3-SAT instance and reports an unsatisfiable one', async () => {
    const sat = await sweep(manifest, 'ksat', 60, 3);
    expect(sat, sat.message ?? '').toMatchObject({ status: 'solved', energy: 0 });
    // N = 40, α = 8 (320 clauses): far above the threshold, certainly unsatisfiable.
    const unsat = await sweep(manifest, 'ksat', 60, 8);
    expect(unsat.status).toBe('unsolved');
    expect(unsat.message).toMatch(/reports the instance unsatisfiable/);
  });
});
