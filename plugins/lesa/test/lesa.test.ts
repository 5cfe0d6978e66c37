import { describe, expect, it } from 'vitest';
import { energy, Rng, resolveParams, standaloneContext } from '@densebench/core';
import { localEntropyCurve } from '@densebench/bp';
import { generate, type BinaryInstanceSpec } from '@densebench/problems';
import lesa, { EntropyDrivenSearch, lesaKernels, type LesaParams } from '../src/index.js';

const params = (overrides: Partial<LesaParams> = {}): LesaParams => ({ ...resolveParams<LesaParams>(lesa, {}), ...overrides });
const spec = (problem: BinaryInstanceSpec['problem'], n: number, alpha: number, k: number | null, seed: number): BinaryInstanceSpec => ({ problem, n, alpha, k, seed });
const converged = { epsilon: 1e-9, sweepsPerMove: 500, sweepsPerGamma: 2000, damping: 0.5 };

describe('EntropyDrivenSearch', () => {
  for (const s of [spec('perceptron', 41, 0.4, null, 1), spec('ksat', 40, 2.5, 3, 1)]) {
    it(`${s.problem}: a proposal's gain is N·ΔF of the local free entropy computed from scratch around the flipped reference`, () => {
      const { instance } = generate(s);
      if (instance.kind === 'committee') throw new Error('unexpected committee');
      const rng = new Rng('gain');
      const start = Int8Array.from({ length: instance.n }, () => rng.nextSign());
      const gamma = 0.4;
      const search = new EntropyDrivenSearch(instance, start, converged, rng);
      search.setGamma(gamma);
      const [before] = localEntropyCurve(instance, start, [gamma], { epsilon: 1e-9, maxSweeps: 5000 });
      expect(search.freeEntropy).toBeCloseTo(before!.freeEntropy, 6);
      for (const j of [0, 7, 19]) {
        const flipped = Int8Array.from(search.reference.weights);
        flipped[j] = -flipped[j]!;
        const [after] = localEntropyCurve(instance, flipped, [gamma], { epsilon: 1e-9, maxSweeps: 5000 });
        const gain = search.propose(j);
        expect(gain).toBeCloseTo(instance.n * (after!.freeEntropy - search.freeEntropy), 4);
        search.reject(j);
      }
    });
  }

  it('a rejected proposal restores every message and field exactly; an accepted one moves the reference and its energy', () => {
    const { instance } = generate(spec('perceptron', 31, 0.6, null, 2));
    if (instance.kind !== 'perceptron') throw new Error('expected perceptron');
    const rng = new Rng('restore');
    const search = new EntropyDrivenSearch(instance, Int8Array.from({ length: 31 }, () => rng.nextSign()), { epsilon: 1e-3, sweepsPerMove: 5, sweepsPerGamma: 50, damping: 0.5 }, rng);
    search.setGamma(0.5);
    const messages = Float64Array.from(search.bp.messages);
    const total = Float64Array.from(search.bp.total);
    const external = Float64Array.from(search.bp.external);
    const freeEntropy = search.freeEntropy;
    search.propose(4);
    expect(search.bp.external[4]).toBe(-external[4]!);
    search.reject(4);
    expect(search.bp.messages).toEqual(messages);
    expect(search.bp.total).toEqual(total);
    expect(search.bp.external).toEqual(external);
    expect(search.freeEntropy).toBe(freeEntropy);
    const before = Int8Array.from(search.reference.weights);
    search.propose(4);
    search.accept(4);
    expect(search.reference.weights[4]).toBe(-before[4]!);
    expect(search.reference.energy).toBe(energy(instance, search.reference.weights));
    expect(search.bp.external[4]).toBe(0.5 * search.reference.weights[4]!);
  });
});

describe('lesa solves easy instances', () => {
  const cases: [string, BinaryInstanceSpec][] = [
    ['random perceptron N = 51, α = 0.4', spec('perceptron', 51, 0.4, null, 1)],
    ['teacher–student perceptron N = 51, α = 0.6', spec('teacher-student', 51, 0.6, null, 1)],
    ['3-SAT N = 60, α = 3.0', spec('ksat', 60, 3, 3, 1)],
  ];
  for (const [name, s] of cases) {
    it(name, async () => {
      const { instance } = generate(s);
      const result = await lesa.solve(instance, params(), standaloneContext(name));
      expect(energy(instance, result.assignment)).toBe(0);
      expect(result.energy).toBe(0);
      expect(result.work).toBeGreaterThan(0);
      expect(result.info?.bpSweeps).toBeGreaterThanOrEqual(result.work);
      expect(result.info?.accepted).toBeLessThanOrEqual(result.work);
    });
  }

  it('is reproducible: the same seed gives the same answer and work', async () => {
    const { instance } = generate(spec('perceptron', 41, 0.5, null, 3));
    const a = await lesa.solve(instance, params({ passes: 2 }), standaloneContext('same'));
    const b = await lesa.solve(instance, params({ passes: 2 }), standaloneContext('same'));
    expect(b.assignment).toEqual(a.assignment);
    expect(b.work).toBe(a.work);
    expect(b.info).toEqual(a.info);
  });

  it('returns its best reference, with the energy it claims, when the passes run out', async () => {
    const { instance } = generate(spec('perceptron', 41, 0.9, null, 1));
    const result = await lesa.solve(instance, params({ passes: 1 }), standaloneContext('short'));
    expect(result.energy).toBeGreaterThan(0);
    expect(energy(instance, result.assignment)).toBe(result.energy);
    expect(result.work).toBe(41);
  });

  it('stops at its deadline', async () => {
    const { instance } = generate(spec('perceptron', 201, 0.9, null, 1));
    const result = await lesa.solve(instance, params({ passes: 1000 }), standaloneContext('deadline', 300));
    expect(result.work).toBeLessThan(201 * 1000);
  });

  it('at a positive temperature also accepts moves that lower the local free entropy', async () => {
    const { instance } = generate(spec('perceptron', 41, 0.9, null, 1));
    const cold = await lesa.solve(instance, params({ passes: 2 }), standaloneContext('t'));
    const hot = await lesa.solve(instance, params({ passes: 2, temperature: 100 }), standaloneContext('t'));
    expect(Number(hot.info?.accepted)).toBeGreaterThan(Number(cold.info?.accepted));
  });
});

describe('lesa kernels', () => {
  it('each call is one proposal, and the checksum is the reference energy', () => {
    const kernel = lesaKernels.find((k) => k.name === 'perceptron proposal')!;
    const { instance } = generate(spec('perceptron', 41, 0.9, null, 1));
    const step = kernel.prepare(instance, params(), new Rng('kernel'));
    for (let call = 0; call < 5; call++) expect(step.run()).toBe(1);
    expect(step.checksum()).toBeGreaterThan(0);
  });
});
