import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { standaloneContext, type RunRecord, type SolveContext, type SolveResult } from '@densebench/core';
import { generate } from '@densebench/problems';
import { buildPlan, executePlan, externalPluginUrl, hasProcFs, importPlugin, killTagged, loadExternalPlugin, machineInfo, newProcessTag, RUN_TAG_ENV, taggedProcesses } from '../src/index.js';

// After a run of an external program, nothing it started may survive, however it started it, and its temp dir is gone.

const escape = fileURLToPath(new URL('./fixtures/processes/escape.sh', import.meta.url));
const instance = generate({ problem: 'ksat', n: 20, alpha: 2, k: 3, seed: 1 }).instance;
// The tests' own tag, inherited by everything the programs start: independent of the run tag under test.
const TREE = 'DENSEBENCH_TEST_TREE';
let treeTag: string;
let report: string;

type Mode = 'orphan' | 'setsid' | 'scrubbed' | 'forker';

function manifest(mode: Mode, then: 'answer' | 'hang'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'densebench-escape-')), 'densebench-plugin.json');
  writeFileSync(path, JSON.stringify({
    name: `escape-${mode}`, version: '1', description: 'leaves processes behind', problems: ['ksat'],
    command: [escape, '{instance}', mode, then], answer: { format: 'sat-competition', from: 'stdout' },
  }));
  return path;
}

async function solve(mode: Mode, then: 'answer' | 'hang', ctx: SolveContext): Promise<SolveResult> {
  return loadExternalPlugin(manifest(mode, then)).solve(instance, {}, ctx) as Promise<SolveResult>;
}

/** The run tag and the instance's directory, as the program saw them. */
function reported(): { runTag: string; dir: string } {
  const [runTag, dir] = readFileSync(report, 'utf8').trim().split(' ');
  return { runTag: runTag!, dir: dir! };
}

function expectNothingLeft(): void {
  const { runTag, dir } = reported();
  expect(runTag).toMatch(/^[0-9a-f]{32}$/);
  expect(taggedProcesses(RUN_TAG_ENV, runTag)).toEqual([]);
  expect(taggedProcesses(TREE, treeTag)).toEqual([]);
  expect(existsSync(dir)).toBe(false);
}

beforeEach(() => {
  treeTag = newProcessTag();
  process.env[TREE] = treeTag;
  report = join(mkdtempSync(join(tmpdir(), 'densebench-report-')), 'report');
  process.env.DENSEBENCH_TEST_REPORT = report;
});

afterEach(() => {
  // Whatever a failed test left behind.
  killTagged(TREE, treeTag);
  delete process.env[TREE];
  delete process.env.DENSEBENCH_SCRATCH_DIR;
});

describe.skipIf(!hasProcFs())('no process of an external program outlives its run', () => {
  it.each(['orphan', 'setsid', 'forker'] as const)('%s: after the program answers', async (mode) => {
    const start = performance.now();
    const result = await solve(mode, 'answer', standaloneContext('escape', 30_000));
    // The orphan holds the program's stdout open for 60 s: the run ends when the program exits, not when its pipe closes.
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(result.unsatisfiable).toBe(true);
    expect(result.info?.straysKilled).toBeGreaterThanOrEqual(1);
    expectNothingLeft();
  });

  it('ends soon after the program, even when an escapee that shed the tag holds its output open', async () => {
    const start = performance.now();
    const result = await solve('scrubbed', 'answer', standaloneContext('escape', 30_000));
    // The escapee (env -i setsid sleep 2) cannot be found, only cut off: its pipe is closed 0.5 s after the exit.
    expect(performance.now() - start).toBeLessThan(1800);
    expect(result.unsatisfiable).toBe(true);
  });

  it('at the deadline, killing a program that keeps forking', async () => {
    await expect(solve('forker', 'hang', standaloneContext('escape', 1500))).rejects.toThrow(/time limit reached: the process group of .*escape\.sh was killed/);
    expectNothingLeft();
  });

  it('when the run is aborted', async () => {
    const controller = new AbortController();
    const ctx = { ...standaloneContext('escape', 30_000), signal: controller.signal };
    const running = solve('setsid', 'hang', ctx);
    setTimeout(() => controller.abort(), 700);
    await expect(running).rejects.toMatchObject({ name: 'TimeLimitError' });
    expectNothingLeft();
  });

  it('keeps its temp dir in the host\'s scratch directory when there is one, and removes it', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'densebench-scratch-'));
    process.env.DENSEBENCH_SCRATCH_DIR = scratch;
    try {
      await solve('orphan', 'answer', standaloneContext('escape', 30_000));
      expect(reported().dir.startsWith(scratch + sep)).toBe(true);
      expectNothingLeft();
      // The scratch directory itself is the host's to remove.
      expect(existsSync(scratch)).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('through a sweep, at the deadline and after an answer', async () => {
    for (const then of ['hang', 'answer'] as const) {
      const path = manifest('forker', then);
      const url = externalPluginUrl(path);
      const plugin = await importPlugin(url);
      const runs = buildPlan({ plugins: [{ name: plugin.name, params: {} }], problem: 'ksat', ns: [20], alphas: [2], k: 3, seeds: [1] });
      const records: RunRecord[] = [];
      await executePlan({ runs, plugins: new Map([[plugin.name, { url, version: plugin.version, workUnit: plugin.workUnit }]]), timeLimitS: 2, workers: 1, machine: machineInfo(), onRecord: (r) => records.push(r) });
      expect(records[0]!.status, records[0]!.message ?? '').toBe(then === 'hang' ? 'timeout' : 'unsolved');
      expectNothingLeft();
    }
  });
});
