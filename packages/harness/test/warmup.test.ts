// A fresh worker is warmed up (an untimed solve of a small instance of the same problem) before its first timed run, so
// that the plugin's import and the JIT's first compilations are not charged to the first instance of a sweep.
import { describe, expect, it } from 'vitest';
import { assertRunRecord, type RunRecord } from '@densebench/core';
import { buildPlan, executePlan, importPlugin, machineInfo, warmupSpec, WARMUP_SEED } from '../src/index.js';

const builtinSa = import.meta.resolve('@densebench/plugin-sa');

async function sweep(warmup: boolean, seeds: number[], url = builtinSa): Promise<RunRecord[]> {
  const plugin = await importPlugin(url);
  const runs = buildPlan({ plugins: [{ name: plugin.name, params: {} }], problem: 'perceptron', ns: [101], alphas: [0.3], k: 3, seeds });
  const records: RunRecord[] = [];
  await executePlan({ runs, plugins: new Map([[plugin.name, { url, version: plugin.version, workUnit: plugin.workUnit }]]), timeLimitS: 30, workers: 1, machine: machineInfo(), warmup, onRecord: (r) => records.push(r) });
  for (const r of records) assertRunRecord(r);
  return records.sort((a, b) => a.workerRun! - b.workerRun!);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Wall time per sweep: runs differ in the sweeps they need. */
const perSweep = (r: RunRecord): number => r.wallTimeMs / Math.max(1, r.work!);

describe('warm-up', () => {
  it('numbers the runs of a worker, records the warm-up on its first, and leaves the first run no outlier', async () => {
    const records = await sweep(true, Array.from({ length: 15 }, (_, i) => i + 1));
    expect(records.map((r) => r.workerRun)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(records[0]!.warmupMs).toBeGreaterThan(0);
    for (const r of records.slice(1)) expect(r).not.toHaveProperty('warmupMs');
    for (const r of records) expect(r.status).toBe('solved');
    // Measured before warm-up existed: the first run ≈ 100× the others per sweep (41.6 ms for 36 sweeps against 0.45 ms
    // for the median run). Each run also pays about 1–2 ms to reach its worker and come back, so without the warm-up
    // the ratio is about 8 here; with it, about 1.
    expect(perSweep(records[0]!)).toBeLessThan(4 * median(records.slice(1).map(perSweep)));
  }, 60_000);

  it("moves the plugin's import out of the first timed run", async () => {
    // A plugin that is busy for 1 s at import: without a warm-up its first run pays that second, with one it does not.
    const slowImport = new URL('./fixtures/slow-import.mjs', import.meta.url).href;
    const [cold] = await sweep(false, [1], slowImport);
    expect(cold!.wallTimeMs).toBeGreaterThanOrEqual(1000);
    const [warm] = await sweep(true, [1], slowImport);
    expect(warm!.wallTimeMs).toBeLessThan(500);
    expect(warm!.warmupMs).toBeGreaterThanOrEqual(1000);
  }, 60_000);

  it('can be switched off to measure cold starts: the first run then has no warm-up', async () => {
    const records = await sweep(false, [1, 2]);
    expect(records[0]!.workerRun).toBe(1);
    expect(records[0]!.warmupMs).toBeNull();
  }, 60_000);

  it('warms up on a small instance of the same problem, K and α, never a measured one', () => {
    expect(warmupSpec({ problem: 'perceptron', n: 1001, alpha: 0.6, k: null, seed: 3 })).toEqual({ problem: 'perceptron', n: 51, alpha: 0.6, k: null, seed: WARMUP_SEED });
    expect(warmupSpec({ problem: 'committee', n: 321, alpha: 0.3, k: 5, seed: 3 })).toEqual({ problem: 'committee', n: 21, alpha: 0.3, k: 5, seed: WARMUP_SEED });
    expect(warmupSpec({ problem: 'ksat', n: 1024, alpha: 4.2, k: 3, seed: 3 })).toEqual({ problem: 'ksat', n: 50, alpha: 4.2, k: 3, seed: WARMUP_SEED });
    expect(warmupSpec({ problem: 'mnist', n: 784, alpha: 5, k: null, seed: 3 })).toEqual({ problem: 'mnist', n: 784, alpha: 0.1, k: null, seed: WARMUP_SEED });
    // A run at the warm-up's own size and seed is warmed up on another seed.
    expect(warmupSpec({ problem: 'perceptron', n: 21, alpha: 0.5, k: null, seed: WARMUP_SEED }).seed).toBe(WARMUP_SEED - 1);
  });
});
