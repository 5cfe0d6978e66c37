// The pandas recipe of docs/analysis.md runs as documented: `densebench export` then scripts/load_results.py, whose
// per-plugin summary must equal the one computed here from runs.jsonl. Debian's python3-pandas (.ci/run installs it).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecords } from '@densebench/harness';
import { densebench, scratch } from './helpers.js';

/** A Python that has pandas: Debian's (/usr/bin/python3, which python3-pandas serves) before whatever is on PATH. */
const python = ['/usr/bin/python3', 'python3'].find((candidate) => {
  try {
    execFileSync(candidate, ['-c', 'import pandas'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const pandas = python !== undefined;

const script = fileURLToPath(new URL('../scripts/load_results.py', import.meta.url));
const results = fileURLToPath(new URL('../docs/result-sets/perceptron-storage-full', import.meta.url));

describe.skipIf(!pandas && process.env.CI !== 'true')('the pandas recipe', () => {
  it('loads an exported result set and summarises it as the result set says', async () => {
    const cwd = scratch();
    const exported = await densebench(['export', results, '-o', join(cwd, 'runs.csv')], cwd);
    expect(exported.code, exported.stderr).toBe(0);
    const out = JSON.parse(execFileSync(python ?? 'python3', [script, join(cwd, 'runs.csv'), '--json'], { encoding: 'utf8' })) as { runs: number; summary: { plugin: string; n: number; alpha: number; runs: number; solved: number; success_rate: number }[] };
    const records = readRecords(join(results, 'runs.jsonl'));
    expect(out.runs).toBe(records.length);
    for (const row of out.summary) {
      const point = records.filter((r) => r.plugin === row.plugin && r.n === row.n && r.alpha === row.alpha);
      expect(row.runs).toBe(point.length);
      expect(row.solved).toBe(point.filter((r) => r.status === 'solved').length);
      expect(row.success_rate).toBeCloseTo(row.solved / row.runs, 12);
    }
    expect(out.summary.reduce((sum, row) => sum + row.runs, 0)).toBe(records.length);
  }, 60_000);
});
