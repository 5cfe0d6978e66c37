import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertRunRecord, type RunRecord } from '@densebench/core';
import { buildPlan, createPool, externalPluginUrl, importPlugin, machineInfo, runOne } from '../src/index.js';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).href;
const builtinSa = import.meta.resolve('@densebench/plugin-sa');

/** Runs the plugins one after the other in one worker (so a run's leftovers meet the next), on one small perceptron. */
async function runInOneWorker(runs: { url: string; params?: Record<string, unknown> }[]): Promise<RunRecord[]> {
  const pool = createPool({ workers: 1 });
  const records: RunRecord[] = [];
  try {
    for (const { url, params = {} } of runs) {
      const plugin = await importPlugin(url);
      const [run] = buildPlan({ plugins: [{ name: plugin.name, params }], problem: 'perceptron', ns: [31], alphas: [0.3], k: 3, seeds: [1] });
      const record = (await runOne(pool, run!, { url, version: plugin.version, workUnit: plugin.workUnit }, 30, machineInfo()))!;
      assertRunRecord(record);
      records.push(record);
    }
  } finally {
    await pool.destroy();
  }
  return records;
}

describe('peak memory of a run', () => {
  it('sees a 200 MiB array held while the plugin polls shouldStop(), and does not count it in the next run', async () => {
    const [released, kept, trivial] = await runInOneWorker([
      // Freed and collected before solve() returns: only the samples taken from shouldStop() can have seen it.
      { url: fixture('holds-memory.mjs') },
      // Returned while held: 200 MiB of garbage left in the worker for the next run.
      { url: fixture('holds-memory.mjs'), params: { release: false } },
      { url: builtinSa },
    ]);
    expect(released!.status, released!.message ?? '').toBe('unsolved');
    expect(released!.peakMemoryMb).toBeGreaterThanOrEqual(200);
    expect(kept!.peakMemoryMb).toBeGreaterThanOrEqual(200);
    // The worker's own heap (its modules, the instance, sa's state) is a few MiB.
    expect(trivial!.status).toBe('solved');
    expect(trivial!.peakMemoryMb).toBeGreaterThan(0);
    expect(trivial!.peakMemoryMb).toBeLessThan(50);
  });

  it.skipIf(process.platform !== 'linux')('of an external program is the peak resident memory of its process tree, from /proc', async () => {
    const manifest = fileURLToPath(fixture('external/holds-memory.json'));
    const [record] = await runInOneWorker([{ url: externalPluginUrl(manifest) }]);
    expect(['solved', 'unsolved'], record!.message ?? '').toContain(record!.status);
    // A shell whose child node holds 100 MiB of touched memory (node itself takes some 40 MiB more).
    expect(record!.peakMemoryMb).toBeGreaterThanOrEqual(100);
    expect(record!.peakMemoryMb).toBeLessThan(1000);
  });
});
