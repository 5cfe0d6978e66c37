import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { standaloneContext, type RunRecord, type SolveResult } from '@densebench/core';
import { generate } from '@densebench/problems';
import { buildPlan, executePlan, externalPluginUrl, importPlugin, loadExternalPlugin, machineInfo, ProgramCrashError, verifyAnswer } from '../src/index.js';

// How the end of an external program becomes a run's outcome: a crash, an immediate failure, a give-up ("unknown"),
// running out of time, and the work it reports.

const fixtures = fileURLToPath(new URL('./fixtures/processes/', import.meta.url));
const instance = generate({ problem: 'ksat', n: 20, alpha: 2, k: 3, seed: 1 }).instance;

/** A manifest for the fixture `script` (extra arguments after {instance}), with optional extra fields. */
function manifest(script: string, args: string[] = [], extra: Record<string, unknown> = {}): string {
  const path = join(mkdtempSync(join(tmpdir(), 'densebench-outcome-')), 'densebench-plugin.json');
  const name = basename(script).replace(/\.sh$/, '');
  writeFileSync(path, JSON.stringify({
    name, version: '1', description: 'a test program', problems: ['ksat'],
    command: [join(fixtures, script), '{instance}', ...args], answer: { format: 'sat-competition', from: 'stdout' }, ...extra,
  }));
  return path;
}

async function solve(path: string, timeLimitMs = 30_000): Promise<SolveResult> {
  return loadExternalPlugin(path).solve(instance, {}, standaloneContext('outcome', timeLimitMs)) as Promise<SolveResult>;
}

async function sweep(path: string, timeLimitS: number): Promise<RunRecord> {
  const url = externalPluginUrl(path);
  const plugin = await importPlugin(url);
  const runs = buildPlan({ plugins: [{ name: plugin.name, params: {} }], problem: 'ksat', ns: [20], alphas: [2], k: 3, seeds: [1] });
  const records: RunRecord[] = [];
  await executePlan({ runs, plugins: new Map([[plugin.name, { url, version: plugin.version, workUnit: plugin.workUnit }]]), timeLimitS, workers: 1, machine: machineInfo(), onRecord: (r) => records.push(r) });
  return records[0]!;
}

describe('a program killed by a signal densebench did not send', () => {
  it('is a crash naming the program and the signal', async () => {
    const error = await solve(manifest('segv.sh')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgramCrashError);
    expect((error as Error).name).toBe('ProgramCrashError');
    expect((error as Error).message).toBe(`${join(fixtures, 'segv.sh')} was killed by SIGSEGV`);
  });

  it('is recorded crashed through a sweep, never a timeout, even with a 2 s limit', async () => {
    const record = await sweep(manifest('segv.sh'), 2);
    expect(record.status, record.message ?? '').toBe('crashed');
    expect(record.message).toMatch(/segv\.sh was killed by SIGSEGV/);
  });
});

describe('a program that stops with no answer', () => {
  it('at once, with a 2 s limit: an error quoting its exit code and stderr, not a timeout', async () => {
    const error = (await solve(manifest('fails-fast.sh'), 2000).catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('Error');
    expect(error.message).toMatch(/^fails-fast gave no answer \(exit code 3\) \(if that is how it says "unknown", declare it in field "unknown" of .*densebench-plugin\.json\)\nstderr \(last lines\):\ncannot read the instance$/);
    const record = await sweep(manifest('fails-fast.sh'), 2);
    expect(record.status).toBe('error');
  });

  it('at its own {timeLimitS}: a timeout', async () => {
    // 2 s from now: told 1 s (whole seconds, rounded down), it sleeps 1 s and says UNKNOWN with about 1 s left.
    await expect(solve(manifest('out-of-time.sh', ['{timeLimitS}']), 2000)).rejects.toMatchObject({
      name: 'TimeLimitError',
      message: 'time limit reached: out-of-time gave no answer within it (exit code 0)',
    });
  });
});

describe('a program that says it does not know, within its budget, gave up: unsolved', () => {
  it('"s UNKNOWN" at once, with a 2 s limit', async () => {
    const result = await solve(manifest('../external/giveup.sh'), 2000);
    expect(result).toMatchObject({ gaveUp: true, work: 1 });
    expect(result.assignment).toBeUndefined();
  });

  it('is unsolved before the deadline and a timeout after it', () => {
    const input = { instance, teacher: null, spec: null, assignment: undefined, gaveUp: true, claimedEnergy: null, timeLimitMs: 2000 };
    expect(verifyAnswer({ ...input, wallTimeMs: 10 })).toEqual({ status: 'unsolved', energy: null, testError: null, teacherOverlap: null, message: 'the solver gave up within its own budget with no answer' });
    expect(verifyAnswer({ ...input, wallTimeMs: 2001 })).toMatchObject({ status: 'timeout', energy: null });
  });

  it('no status line, with an exit code the manifest lists under "unknown"', async () => {
    expect(await solve(manifest('silent.sh', [], { unknown: { exitCodes: [42] } }))).toMatchObject({ gaveUp: true });
    await expect(solve(manifest('silent.sh', [], { unknown: { exitCodes: [41] } }))).rejects.toThrow(/^silent gave no answer \(exit code 42\) \(if that is how it says "unknown", declare it in field "unknown"/);
    await expect(solve(manifest('silent.sh'))).rejects.toThrow(/^silent gave no answer \(exit code 42\)/);
  });

  it('no status line, with output matching the manifest\'s "unknown.pattern" (CaDiCaL\'s "c UNKNOWN")', async () => {
    expect(await solve(manifest('c-unknown.sh', [], { unknown: { pattern: '^c UNKNOWN$' } }))).toMatchObject({ gaveUp: true });
    await expect(solve(manifest('c-unknown.sh', [], { unknown: { pattern: '^s UNKNOWN$' } }))).rejects.toThrow(/^c-unknown gave no answer \(exit code 0\)/);
  });

  it('through a sweep', async () => {
    const giveUp = await sweep(manifest('silent.sh', [], { unknown: { exitCodes: [42] } }), 2);
    expect(giveUp, giveUp.message ?? '').toMatchObject({ status: 'unsolved', energy: null, message: 'the solver gave up within its own budget with no answer' });
  });
});

describe('the work a program reports through the manifest\'s work pattern', () => {
  const work = { work: { pattern: '^c work (\\S+)', unit: 'flips' } };

  it('is read as a number', async () => {
    expect(await solve(manifest('work.sh', ['12'], work))).toMatchObject({ unsatisfiable: true, work: 12 });
    expect(await solve(manifest('work.sh', ['1.5e3'], work))).toMatchObject({ work: 1500 });
  });

  it('must be a finite number ≥ 0: the error names the field and quotes the match', async () => {
    const cases: [string, string][] = [['-5', 'is negative'], ['1e999', 'is not finite'], ['lots', 'is not a number'], ['0x10', 'is not a number']];
    for (const [value, problem] of cases) {
      const path = manifest('work.sh', [value], work);
      await expect(solve(path)).rejects.toThrow(`work: field "work" of ${path}: the pattern matched "c work ${value}", whose first group "${value}" ${problem}`);
    }
  });

  it('negative: an error through a sweep, not a sweep aborted', async () => {
    const record = await sweep(manifest('work.sh', ['-5'], work), 5);
    expect(record.status).toBe('error');
    expect(record.message).toMatch(/field "work" .*"c work -5", whose first group "-5" is negative/);
  });
});
