import { describe, expect, it } from 'vitest';
import { assertRunRecord, decodeAnswer, energy, type RunRecord } from '@densebench/core';
import { generate } from '@densebench/problems';
import { buildPlan, executePlan, FLATNESS_FRACTIONS, importPlugin, machineInfo } from '../src/index.js';

const fixture = (name: string): string => new URL(`./fixtures/${name}.mjs`, import.meta.url).href;
const builtinSa = import.meta.resolve('@densebench/plugin-sa');

async function runPlugins(names: Record<string, string>, problem: 'perceptron' | 'teacher-student' | 'ksat', timeLimitS = 20, memoryLimitMb?: number): Promise<RunRecord[]> {
  const plugins = new Map<string, { url: string; version: string; workUnit: string }>();
  for (const [name, url] of Object.entries(names)) {
    const plugin = await importPlugin(url);
    plugins.set(name, { url, version: plugin.version, workUnit: plugin.workUnit });
  }
  const runs = buildPlan({ plugins: Object.keys(names).map((name) => ({ name, params: {} })), problem, ns: [problem === 'ksat' ? 30 : 31], alphas: [problem === 'ksat' ? 3 : 0.5], k: 3, seeds: [1] });
  const records: RunRecord[] = [];
  await executePlan({ runs, plugins, timeLimitS, workers: 2, machine: machineInfo(), onRecord: (r) => records.push(r), ...(memoryLimitMb ? { memoryLimitMb } : {}) });
  for (const r of records) assertRunRecord(r);
  return records;
}

const byPlugin = (records: RunRecord[], name: string): RunRecord => records.find((r) => r.plugin === name)!;

describe('harness failure paths', () => {
  it('records error, invalid and crashed runs and completes the sweep', async () => {
    const records = await runPlugins({ throws: fixture('throws'), liar: fixture('liar'), 'short-answer': fixture('short-answer'), exits: fixture('exits'), sa: builtinSa }, 'perceptron');
    expect(records).toHaveLength(5);
    expect(byPlugin(records, 'throws')).toMatchObject({ status: 'error', energy: null });
    expect(byPlugin(records, 'throws').message).toMatch(/boom at step 3[\s\S]*about to fail/);
    const liar = byPlugin(records, 'liar');
    expect(liar.status).toBe('invalid');
    expect(liar.energy).toBeGreaterThan(0);
    expect(liar.message).toMatch(/claimed energy 0, the verified energy is \d+/);
    expect(byPlugin(records, 'short-answer')).toMatchObject({ status: 'invalid', message: 'assignment has length 30, expected 31' });
    expect(byPlugin(records, 'exits').status).toBe('crashed');
    expect(byPlugin(records, 'sa'), byPlugin(records, 'sa').message ?? '').toMatchObject({ status: 'solved', energy: 0 });
    // Flatness is measured on every well-formed answer, whatever its status, and only there.
    for (const name of ['sa', 'liar']) {
      const flatness = byPlugin(records, name).flatness!;
      expect(flatness.map(([p]) => p)).toEqual(FLATNESS_FRACTIONS);
      for (const [, error] of flatness) expect(error).toBeGreaterThanOrEqual(0);
    }
    for (const name of ['throws', 'short-answer', 'exits']) expect(byPlugin(records, name).flatness).toBeNull();
    // The answer is kept with every well-formed one (the liar's too: its verified energy is recorded) and decodes to it.
    const instance = generate({ problem: 'perceptron', n: 31, alpha: 0.5, k: null, seed: 1 }).instance;
    for (const name of ['sa', 'liar']) {
      const r = byPlugin(records, name);
      expect(energy(instance, decodeAnswer(r.answer!, 31))).toBe(r.energy);
    }
    for (const name of ['throws', 'short-answer', 'exits']) expect(byPlugin(records, name).answer).toBeNull();
  });

  it('stops a plugin that ignores its deadline and records a timeout', async () => {
    const start = performance.now();
    // 2 s, not less: sa must still solve its easy instance (worker start and module import included) on a loaded machine.
    const records = await runPlugins({ hangs: fixture('hangs'), sa: builtinSa }, 'ksat', 2);
    expect(byPlugin(records, 'hangs')).toMatchObject({ status: 'timeout', energy: null });
    expect(byPlugin(records, 'hangs').message).toMatch(/ignored its deadline/);
    expect(byPlugin(records, 'sa').status).toBe('solved');
    // The hung worker was terminated: the sweep ended instead of waiting forever.
    expect(performance.now() - start).toBeLessThan(30_000);
  });

  it('records a run that exhausts its memory limit as crashed, and goes on', async () => {
    const records = await runPlugins({ hog: fixture('hog'), sa: builtinSa }, 'perceptron', 60, 64);
    const hog = byPlugin(records, 'hog');
    expect(hog.status).toBe('crashed');
    expect(hog.message).toMatch(/memory/i);
    expect(byPlugin(records, 'sa').status).toBe('solved');
  });

  it('records a run whose instance cannot be generated as an error, and runs the rest', async () => {
    const plugin = await importPlugin(builtinSa);
    const runs = buildPlan({ plugins: [{ name: 'sa', params: {} }], problem: 'ksat', ns: [30], alphas: [3, 1e9], k: 3, seeds: [1] });
    const records: RunRecord[] = [];
    await executePlan({ runs, plugins: new Map([['sa', { url: builtinSa, version: plugin.version, workUnit: plugin.workUnit }]]), timeLimitS: 20, workers: 2, machine: machineInfo(), onRecord: (r) => records.push(r) });
    for (const r of records) assertRunRecord(r);
    const huge = records.find((r) => r.alpha === 1e9)!;
    expect(huge).toMatchObject({ status: 'error', instanceHash: null, energy: null });
    expect(huge.message).toMatch(/^the instance could not be generated \(ksat, N = 30, α = 1000000000, seed 1\): RangeError/);
    expect(records.find((r) => r.alpha === 3)!.status).toBe('solved');
  });

  it('measures generalization against the hidden teacher', async () => {
    const records = await runPlugins({ 'teacher-copy': fixture('teacher-copy') }, 'teacher-student');
    const r = records[0]!;
    expect(r.teacherOverlap).not.toBeNull();
    expect(r.testError).not.toBeNull();
    // For ±1 patterns the test error of W is arccos(R)/π up to sampling noise on 10,000 patterns (std ≤ 0.005).
    expect(Math.abs(r.testError! - Math.acos(r.teacherOverlap!) / Math.PI)).toBeLessThan(0.05);
  });
});
