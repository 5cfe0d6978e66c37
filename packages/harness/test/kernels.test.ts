import { describe, expect, it } from 'vitest';
import { energy, resolveParams, Rng, type PluginKernel, type SolverPlugin } from '@densebench/core';
import { generate, instanceHash, type BinaryInstanceSpec } from '@densebench/problems';
import sa, { SweepStep, type SaParams } from '@densebench/plugin-sa';
import { runKernels } from '../src/index.js';

const plugins: { name: string; plugin: SolverPlugin }[] = [{ name: 'sa', plugin: sa }];
const params = resolveParams<SaParams>(sa, {});

function kernel(name: string): PluginKernel<SaParams> {
  const found = sa.kernels?.find((k) => k.name === name);
  if (!found) throw new Error(`sa has no kernel "${name}"`);
  return found;
}

function prepared(name: string, spec: BinaryInstanceSpec): { step: SweepStep; weightsEnergy: () => number } {
  const { instance } = generate(spec);
  const step = kernel(name).prepare(instance, params, new Rng('kernel test'));
  if (!(step instanceof SweepStep)) throw new Error('expected a SweepStep');
  return { step, weightsEnergy: () => energy(instance, step.annealer.weights) };
}

describe('runKernels', () => {
  it('times every SA kernel once per size on the seeded instance', async () => {
    const seen: string[] = [];
    const results = await runKernels({ plugins, sizes: [51], timeMs: 50, onResult: (r) => seen.push(r.kernel) });
    expect(results.map((r) => r.kernel)).toEqual(sa.kernels!.map((k) => k.name));
    expect(seen).toEqual(results.map((r) => r.kernel));
    for (const r of results) {
      const declared = kernel(r.kernel);
      const spec: BinaryInstanceSpec = { problem: declared.problem as BinaryInstanceSpec['problem'], n: 51, alpha: declared.alpha, k: declared.k ?? null, seed: 1 };
      expect(r).toMatchObject({ plugin: 'sa', pluginVersion: sa.version, unit: declared.unit, problem: spec.problem, n: 51, alpha: spec.alpha, k: spec.k });
      expect(r.instanceHash).toBe(instanceHash(generate(spec).instance));
      expect(r.samples).toBeGreaterThan(0);
      expect(r.meanMs).toBeGreaterThan(0);
      expect(Number.isFinite(r.rmePercent) && r.rmePercent >= 0).toBe(true);
      expect(r.workPerCall).toBeGreaterThan(0);
      expect(r.workPerCall).toBeLessThanOrEqual(51 * (declared.k !== undefined && declared.problem === 'committee' ? declared.k : 1));
      expect(Number.isFinite(r.throughputPerS) && r.throughputPerS > 0).toBe(true);
      expect(r.throughputPerS).toBeCloseTo(r.workPerCall / (r.meanMs / 1000), 6);
      expect(Number.isInteger(r.checksum) && r.checksum >= 0).toBe(true);
    }
  });

  it('uses the kernel sizes unless overridden, and filters by kernel name', async () => {
    const results = await runKernels({ plugins, timeMs: 1, filter: 'PERCEPTRON' });
    expect(results.map((r) => r.n)).toEqual([...kernel('perceptron sweep').sizes]);
    expect(new Set(results.map((r) => r.kernel))).toEqual(new Set(['perceptron sweep']));
  });

  it('rejects a filter that matches nothing and a size the problem does not allow, before timing anything', async () => {
    await expect(runKernels({ plugins, filter: 'no such kernel' })).rejects.toThrow(/no kernel to run matches "no such kernel" \(kernels: sa: perceptron sweep; sa: committee sweep; sa: 3-SAT sweep\)/);
    await expect(runKernels({ plugins, sizes: [50] })).rejects.toThrow(/sa kernel "perceptron sweep" at N=50: N must be odd/);
    await expect(runKernels({ plugins, timeMs: 0 })).rejects.toThrow(/positive number of ms/);
  });
});

describe('SA sweep kernel', () => {
  it('does N attempts per call on a hard instance and reports the energy of its configuration', () => {
    const { step, weightsEnergy } = prepared('perceptron sweep', { problem: 'perceptron', n: 101, alpha: 0.8, k: null, seed: 1 });
    expect(step.checksum()).toBe(weightsEnergy());
    for (let call = 0; call < 30; call++) {
      expect(step.run()).toBe(101);
      expect(step.checksum()).toBeGreaterThan(0);
      expect(step.checksum()).toBe(weightsEnergy());
    }
  });

  it('restarts from a random configuration when a sweep reaches E = 0, so later calls keep doing full sweeps', () => {
    const { step, weightsEnergy } = prepared('3-SAT sweep', { problem: 'ksat', n: 200, alpha: 1, k: 3, seed: 1 });
    const work = Array.from({ length: 10 }, () => {
      const attempts = step.run();
      expect(step.checksum()).toBe(weightsEnergy());
      return attempts;
    });
    const short = work.findIndex((w) => w < 200);
    expect(short).toBeGreaterThanOrEqual(0);
    // Without the restart, every call after the solution would stop at its first accepted move.
    expect(work.slice(short + 1).some((w) => w >= 100)).toBe(true);
  });
});
