import { describe, expect, it } from 'vitest';
import { energy, Rng, resolveParams, type Instance, standaloneContext } from '@densebench/core';
import { incrementalEnergy } from '@densebench/local-search';
import { generate, type BinaryInstanceSpec } from '@densebench/problems';
import rmc, { ReplicatedChain, rmcKernels, type CentreMode, type RmcParams } from '../src/index.js';

const params = (overrides: Partial<RmcParams> = {}): RmcParams => ({ ...resolveParams<RmcParams>(rmc, {}), ...overrides });
const spec = (problem: BinaryInstanceSpec['problem'], n: number, alpha: number, k: number | null, seed: number): BinaryInstanceSpec => ({ problem, n, alpha, k, seed });

/** Everything the chain caches, recomputed from its replicas: energies, replica sum, traced centre. */
function checkChain(instance: Instance, chain: ReplicatedChain): void {
  const sum = new Int32Array(chain.variables);
  for (const replica of chain.replicas) {
    expect(replica.energy).toBe(energy(instance, replica.weights));
    for (let j = 0; j < chain.variables; j++) sum[j] += replica.weights[j]!;
  }
  expect(chain.replicaSum).toEqual(sum);
  expect(chain.centre.energy).toBe(energy(instance, chain.centre.weights));
  if (chain.mode === 'traced') expect(Array.from(chain.centre.weights)).toEqual(Array.from(sum, (s) => (s >= 0 ? 1 : -1)));
}

/** log of the robust-ensemble weight of the chain's state, from the definition (PNAS 2016, Eq. 4). */
function logWeight(instance: Instance, chain: ReplicatedChain, beta: number, gamma: number): number {
  let total = 0;
  for (const replica of chain.replicas) total -= beta * energy(instance, replica.weights);
  for (let j = 0; j < chain.variables; j++) {
    let s = 0;
    for (const replica of chain.replicas) s += replica.weights[j]!;
    total += chain.mode === 'traced' ? Math.log(2 * Math.cosh(gamma * s)) : gamma * chain.centre.weights[j]! * s;
  }
  return total;
}

describe('replicated chain bookkeeping', () => {
  const cases: [string, BinaryInstanceSpec, CentreMode, number][] = [
    ['perceptron, traced centre, y = 5', spec('perceptron', 31, 0.7, null, 1), 'traced', 5],
    ['perceptron, explicit centre, y = 4', spec('perceptron', 31, 0.7, null, 2), 'explicit', 4],
    ['committee K = 3, traced, y = 3', spec('committee', 15, 0.5, 3, 1), 'traced', 3],
    ['perceptron, traced centre, even y = 4 (ties count as +1)', spec('perceptron', 31, 0.7, null, 3), 'traced', 4],
    ['3-SAT, explicit, y = 3', spec('ksat', 30, 4.2, 3, 1), 'explicit', 3],
  ];
  for (const [name, s, mode, y] of cases) {
    it(`${name}: replica energies, S_j and the centre stay exact over thousands of moves`, () => {
      const { instance } = generate(s);
      const rng = new Rng(name);
      const chain = new ReplicatedChain(incrementalEnergy(instance), y, mode, rng);
      checkChain(instance, chain);
      // Hot enough that many moves are accepted, and a γ schedule so the coupling tables change.
      for (let sweep = 0; sweep < 40 && chain.solvedBy < 0; sweep++) {
        chain.setTemperature(0.5 + sweep * 0.05, 0.05 * sweep);
        chain.sweep(rng);
        checkChain(instance, chain);
      }
    });
  }

  it('satisfies detailed balance: every single-flip acceptance ratio equals the ratio of robust-ensemble weights', () => {
    // Exhaustive check on tiny chains: for every (configuration, site), P(accept flip) / P(accept reverse), read from
    // the chain's own acceptance factors, must equal w(after) / w(before) computed from the definition.
    for (const [mode, y] of [['traced', 3], ['traced', 4], ['explicit', 3]] as const) {
      const { instance } = generate(spec('perceptron', 7, 0.6, null, 3));
      const beta = 1.3;
      const gamma = 0.7;
      const chain = new ReplicatedChain(incrementalEnergy(instance), y, mode, new Rng(`db ${mode} ${y}`));
      chain.setTemperature(beta, gamma);
      const movers = mode === 'traced' ? y : y + 1; // the explicit centre moves too
      for (let a = 0; a < movers; a++) {
        for (let j = 0; j < chain.variables; j++) {
          const before = logWeight(instance, chain, beta, gamma);
          const forward = acceptance(chain, a, j);
          flipReplica(chain, a, j);
          const after = logWeight(instance, chain, beta, gamma);
          const backward = acceptance(chain, a, j);
          flipReplica(chain, a, j);
          expect(Math.log(forward / backward)).toBeCloseTo(after - before, 10);
        }
      }
    }
  });
});

const mover = (chain: ReplicatedChain, a: number) => (a === chain.y ? chain.centre : chain.replicas[a]!);

/** Probability that the chain accepts flipping (a, j) now, from its tables (the centre's own ΔE does not enter). */
function acceptance(chain: ReplicatedChain, a: number, j: number): number {
  return Math.min(1, chain.acceptanceFactor(a, j, a === chain.y ? 0 : mover(chain, a).deltaEnergy(j)));
}

function flipReplica(chain: ReplicatedChain, a: number, j: number): void {
  chain.applyFlip(a, j, mover(chain, a).deltaEnergy(j));
}

describe('rmc solves easy instances and reports who solved them', () => {
  const cases: [string, BinaryInstanceSpec][] = [
    ['random perceptron N = 101, α = 0.4', spec('perceptron', 101, 0.4, null, 1)],
    ['teacher–student perceptron N = 101, α = 0.5', spec('teacher-student', 101, 0.5, null, 2)],
    ['committee K = 3, N = 41, α = 0.2', spec('committee', 41, 0.2, 3, 1)],
    ['3-SAT N = 100, α = 3.5', spec('ksat', 100, 3.5, 3, 1)],
  ];
  for (const [name, s] of cases) {
    for (const centre of ['traced', 'explicit'] as const) {
      it(`${name}, ${centre} centre`, async () => {
        const { instance } = generate(s);
        const result = await rmc.solve(instance, params({ centre, y: centre === 'traced' ? 3 : 4 }), standaloneContext(name));
        expect(energy(instance, result.assignment)).toBe(0);
        expect(result.energy).toBe(0);
        expect(result.info?.solvedBy).toMatch(/^(replica [0-9]|centre)$/);
        expect(result.work).toBeGreaterThan(0);
        expect(result.info?.replicaSweeps).toBeCloseTo(result.work * (centre === 'traced' ? 3 : 4), 6);
      });
    }
  }

  it('is reproducible: the same seed gives the same answer and work', async () => {
    const { instance } = generate(spec('perceptron', 101, 0.5, null, 1));
    const a = await rmc.solve(instance, params({ sweeps: 200 }), standaloneContext('same'));
    const b = await rmc.solve(instance, params({ sweeps: 200 }), standaloneContext('same'));
    expect(b.assignment).toEqual(a.assignment);
    expect(b.work).toBe(a.work);
  });

  it('returns its best configuration, with the energy it claims, when the budget runs out', async () => {
    const { instance } = generate(spec('perceptron', 101, 0.8, null, 1));
    const result = await rmc.solve(instance, params({ sweeps: 30 }), standaloneContext('short'));
    expect(result.energy).toBeGreaterThan(0);
    expect(energy(instance, result.assignment)).toBe(result.energy);
    expect(result.work).toBe(30);
    expect(result.info?.solvedBy).toBe('none');
  });

  it('stops at its deadline', async () => {
    const { instance } = generate(spec('perceptron', 301, 0.8, null, 1));
    const result = await rmc.solve(instance, params({ sweeps: 1e9 }), standaloneContext('deadline', 200));
    expect(result.work).toBeLessThan(1e6);
  });

  it('takes the per-problem schedule unless a field is given, and records the one it ran', async () => {
    const { instance } = generate(spec('ksat', 50, 2, 3, 1));
    const defaults = await rmc.solve(instance, params({ sweeps: 3 }), standaloneContext('schedule'));
    expect(defaults.info?.schedule).toBe('β 3 ×1.0001 ≤ 8, γ 0.01 ×1.0004 ≤ 0.6');
    const mixed = await rmc.solve(instance, params({ sweeps: 3, gammaMax: 2 }), standaloneContext('schedule'));
    expect(mixed.info?.schedule).toBe('β 3 ×1.0001 ≤ 8, γ 0.01 ×1.0004 ≤ 2');
  });

});

describe('rmc kernels', () => {
  it('each call is one full sweep of y·N attempts on a hard instance, and the checksum is the best energy', () => {
    const kernel = rmcKernels.find((k) => k.name === 'perceptron sweep')!;
    const { instance } = generate(spec('perceptron', 101, 0.8, null, 1));
    const step = kernel.prepare(instance, params(), new Rng('kernel'));
    for (let call = 0; call < 5; call++) expect(step.run()).toBe(5 * 101);
    expect(step.checksum()).toBeGreaterThan(0);
  });
});
