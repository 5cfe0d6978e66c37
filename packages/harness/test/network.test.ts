import { describe, expect, it } from 'vitest';
import { assertRunRecord, networkErrors, networkParameterCount, Rng, type InstanceSpec, type Network, type RunRecord } from '@densebench/core';
import { mnistTestSet, mnistTrainingSet } from '@densebench/problems';
import { buildPlan, executePlan, FLATNESS_FRACTIONS, importPlugin, machineInfo, measureNetworkFlatness, NOISE_FLATNESS_SIGMAS, verifyAnswer } from '../src/index.js';

const spec: InstanceSpec = { problem: 'mnist', n: 784, alpha: 0.25, k: null, seed: 1 };
const data = mnistTrainingSet(1, 196);

function randomNetwork(hidden: number, binary: boolean, seed: string): Network {
  const rng = new Rng(seed);
  const weights = new Float64Array(networkParameterCount(784, hidden, 10, binary));
  for (let i = 0; i < weights.length; i++) weights[i] = binary ? rng.nextSign() : 0.05 * rng.nextGaussian();
  return { hidden, binary, weights };
}

const verify = (network: unknown, claimedEnergy: number | null = null) =>
  verifyAnswer({ instance: data, teacher: null, spec, assignment: undefined, network, claimedEnergy, wallTimeMs: 1, timeLimitMs: 1000 });

describe('verifying a network answer to a data set', () => {
  it('counts its training errors and measures its error on the held-out split', () => {
    const network = randomNetwork(6, false, 'n');
    const verdict = verify(network);
    expect(verdict.energy).toBe(networkErrors(data, network));
    expect(verdict.testError).toBe(networkErrors(mnistTestSet(1), network) / 2000);
    expect(verdict.status).toBe(verdict.energy === 0 ? 'solved' : 'unsolved');
    expect(verdict.teacherOverlap).toBeNull();
  });

  it('marks malformed networks and false claims invalid, naming what is wrong', () => {
    expect(verify(undefined)).toMatchObject({ status: 'invalid', message: expect.stringMatching(/needs a `network` answer/) });
    const good = randomNetwork(6, false, 'n');
    expect(verify({ ...good, weights: good.weights.subarray(1) }).message).toMatch(/length 4779, expected 4780 for 6 hidden units/);
    const nan = Float64Array.from(good.weights);
    nan[17] = Number.NaN;
    expect(verify({ ...good, weights: nan }).message).toBe('network.weights[17] = NaN, expected a finite number');
    const binary = randomNetwork(4, true, 'b');
    binary.weights[3] = 0.5;
    expect(verify(binary).message).toBe('network.weights[3] = 0.5, expected +1 or -1');
    expect(verify(good, 0)).toMatchObject({ status: 'invalid', message: expect.stringMatching(/claimed energy 0, the verified energy is \d+/) });
  });
});

describe('the flatness of a network', () => {
  it('perturbs a continuous network multiplicatively (σ grid) and a binary one by flips, seeded by the instance hash', () => {
    const continuous = measureNetworkFlatness(data, randomNetwork(6, false, 'n'), 'ab'.repeat(32));
    expect(continuous.measure).toBe('noise');
    expect(continuous.curve.map(([sigma]) => sigma)).toEqual(NOISE_FLATNESS_SIGMAS);
    expect(measureNetworkFlatness(data, randomNetwork(6, false, 'n'), 'ab'.repeat(32))).toEqual(continuous);
    const binary = measureNetworkFlatness(data, randomNetwork(6, true, 'b'), 'ab'.repeat(32));
    expect(binary.measure).toBe('flip');
    expect(binary.curve.map(([p]) => p)).toEqual(FLATNESS_FRACTIONS);
    for (const [, error] of [...continuous.curve, ...binary.curve]) expect(error).toBeGreaterThan(0.5);
  });
});

describe('a data-set sweep through the harness', () => {
  it('trains sgd on MNIST in a worker and records training error, test error and a noise flatness curve', async () => {
    const url = import.meta.resolve('@densebench/plugin-sgd');
    const plugin = await importPlugin(url);
    const runs = buildPlan({ plugins: [{ name: 'sgd', params: { epochs: 3, hidden: 16, batchSize: 20 } }], problem: 'mnist', ns: [784], alphas: [0.5], k: 3, seeds: [1] });
    const records: RunRecord[] = [];
    await executePlan({ runs, plugins: new Map([['sgd', { url, version: plugin.version, workUnit: plugin.workUnit }]]), timeLimitS: 60, workers: 1, machine: machineInfo(), onRecord: (r) => records.push(r) });
    expect(records).toHaveLength(1);
    const r = records[0]!;
    assertRunRecord(r);
    expect(r, r.message ?? '').toMatchObject({ problem: 'mnist', n: 784, k: null, status: 'unsolved', flatnessMeasure: 'noise', teacherOverlap: null });
    // 392 digits, 3 epochs: well below chance (90% error) on both splits.
    expect(r.energy! / 392).toBeLessThan(0.5);
    expect(r.testError!).toBeLessThan(0.6);
    expect(r.testError!).toBeGreaterThan(r.energy! / 392 - 0.05);
    expect(r.flatness!.map(([sigma]) => sigma)).toEqual(NOISE_FLATNESS_SIGMAS);
    expect(r.work).toBeGreaterThanOrEqual(3 * 392);
  });
});
