// Keyed instances (issue #17, instances/README.md "Keyed instances"): with a secret, every stream is seeded by
// "densebench:v1:keyed:" + hex HMAC-SHA256(secret, unkeyed seed text); without one, nothing changes.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { committeeEnergy, energy, ksatEnergy, perceptronEnergy, Rng, type InstanceSpec } from '@densebench/core';
import {
  generate,
  instanceHash,
  instanceStreamText,
  mnistOrder,
  mnistTestSet,
  mnistTrainingSet,
  MNIST_TEST_SIZE,
  plantedAssignment,
  readSecret,
  secretId,
  seedText,
  teacherTestSet,
  writeInstance,
} from '../src/index.js';

const SECRET = 'densebench-example-secret'; // the example of instances/README.md
const OTHER_SECRET = 'another-secret-of-enough-length';

/** The documented keyed seed text, computed here from its definition. */
function keyedText(text: string, secret: string): string {
  return `densebench:v1:keyed:${createHmac('sha256', secret).update(text, 'utf8').digest('hex')}`;
}

function signs(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.nextSign());
}

describe('without a secret', () => {
  // Golden hashes and values copied from generate.test.ts and mnist.test.ts (and instances/README.md).
  it.each([
    [{ problem: 'perceptron', n: 201, alpha: 0.3, k: null, seed: 1 }, '32360bb6491c837cda0e3548ea018b17fbde6300714e71b023790d1cc87ecccc'],
    [{ problem: 'teacher-student', n: 101, alpha: 1.2, k: null, seed: 2 }, '35f8e808138fe849b69ac94677945d8ddc699e878c48f36b1962d3b83dbf8c19'],
    [{ problem: 'planted-ksat', n: 200, alpha: 4.2, k: 3, seed: 7 }, '911f35f5d014285eedf639f576f48be5411067bf72e5e1785239f8a9e0903d21'],
  ] as const)('%o keeps its golden hash with a null or undefined secret', (spec, hash) => {
    expect(instanceHash(generate({ ...spec }, undefined).instance)).toBe(hash);
    expect(instanceHash(generate({ ...spec }, null).instance)).toBe(hash);
  });

  it('keeps the documented small instances, planted assignment, test stream and MNIST split', () => {
    const planted = { problem: 'planted-ksat', n: 5, alpha: 0.6, k: 3, seed: 1 } as const;
    expect(Array.from(plantedAssignment(planted, null))).toEqual([-1, -1, 1, -1, 1]);
    expect(writeInstance(generate(planted, null).instance)).toBe('p cnf 5 3\n-1 5 4 0\n4 -1 2 0\n-2 -1 5 0\n');
    expect(instanceStreamText('any text', null)).toBe('any text');
    expect(instanceStreamText('any text')).toBe('any text');
    // The test set's first pattern is the first N signs of the stream "<seed text>:test" (instances/README.md).
    const spec = { problem: 'teacher-student', n: 31, alpha: 2, k: null, seed: 5 } as const;
    const { teacher } = generate(spec);
    const test = teacherTestSet(spec, teacher!, 10, null);
    expect(Array.from(test.patterns.subarray(0, 31))).toEqual(signs(new Rng(`${seedText(spec)}:test`), 31));
    expect(instanceHash(generate({ problem: 'mnist', n: 784, alpha: 1, k: null, seed: 1 }, null).instance)).toBe(
      '9db5a36a218e91cc886916882a08da52b93e520988dae2b88dca676c2570f7fa',
    );
  });
});

describe('with a secret', () => {
  it('seeds the stream with "densebench:v1:keyed:" + HMAC-SHA256(secret, seed text), as documented', () => {
    const spec = { problem: 'ksat', n: 5, alpha: 0.6, k: 3, seed: 1 } as const;
    // HMAC computed with `openssl dgst -sha256 -hmac densebench-example-secret` over the seed text.
    expect(instanceStreamText(seedText(spec), SECRET)).toBe('densebench:v1:keyed:0fde61f9d937f2606794b46be1f41664437dab972931ae52d13da3b3f5d65ea8');
    // The README's keyed examples, computed by an independent Python implementation of the README.
    expect(writeInstance(generate(spec, SECRET).instance)).toBe('p cnf 5 3\n-4 -5 1 0\n-2 5 3 0\n1 -4 -3 0\n');
    const planted = { ...spec, problem: 'planted-ksat' } as const;
    expect(Array.from(plantedAssignment(planted, SECRET))).toEqual([-1, -1, -1, 1, 1]);
    expect(writeInstance(generate(planted, SECRET).instance)).toBe('p cnf 5 3\n-1 -4 -2 0\n-3 -2 -1 0\n5 3 -4 0\n');
  });

  it('is deterministic, and changes with the secret and with the spec', () => {
    const spec = { problem: 'perceptron', n: 51, alpha: 0.5, k: null, seed: 1 } as const;
    const hash = instanceHash(generate(spec, SECRET).instance);
    expect(instanceHash(generate({ ...spec }, `${SECRET}`).instance)).toBe(hash);
    expect(instanceHash(generate(spec, OTHER_SECRET).instance)).not.toBe(hash);
    expect(instanceHash(generate(spec).instance)).not.toBe(hash);
    expect(instanceHash(generate({ ...spec, seed: 2 }, SECRET).instance)).not.toBe(hash);
    // The first pattern is the first N signs of the keyed stream.
    const { instance } = generate(spec, SECRET);
    if (instance.kind !== 'perceptron') throw new Error('expected a perceptron');
    const rng = new Rng(keyedText(seedText(spec), SECRET));
    expect(Array.from(instance.patterns.subarray(0, 51))).toEqual(signs(rng, 51));
    expect(instance.labels[0]).toBe(rng.nextSign());
  });

  it.each([
    { problem: 'teacher-student', n: 101, alpha: 1.2, k: null, seed: 2 },
    { problem: 'ksat', n: 50, alpha: 4.2, k: 3, seed: 7 },
  ] as const)('%o is none of the public instances with seeds 0..500', (spec) => {
    const keyed = instanceHash(generate(spec, SECRET).instance);
    const publicHashes = new Set<string>();
    for (let seed = 0; seed <= 500; seed++) publicHashes.add(instanceHash(generate({ ...spec, seed }).instance));
    expect(publicHashes.size).toBe(501); // the search space is real: 501 distinct public instances
    expect(publicHashes.has(keyed)).toBe(false);
  });

  it('gives a teacher that labels its keyed instance perfectly, differs from the public teacher, and keys the test set', () => {
    const spec = { problem: 'teacher-student', n: 101, alpha: 1.2, k: null, seed: 2 } as const;
    const keyed = generate(spec, SECRET);
    const open = generate(spec);
    if (keyed.instance.kind !== 'perceptron' || !keyed.teacher || !open.teacher) throw new Error('expected teachers');
    expect(Array.from(keyed.teacher)).toEqual(signs(new Rng(keyedText(seedText(spec), SECRET)), 101));
    expect(perceptronEnergy(keyed.instance, keyed.teacher)).toBe(0);
    expect(Array.from(keyed.teacher)).not.toEqual(Array.from(open.teacher));
    // The public teacher is no shortcut: it errs on the keyed patterns.
    expect(perceptronEnergy(keyed.instance, open.teacher)).toBeGreaterThan(0);

    const test = teacherTestSet(spec, keyed.teacher, 500, SECRET);
    expect(energy(test, keyed.teacher)).toBe(0);
    expect(energy(test, Int8Array.from(keyed.teacher, (w) => -w))).toBe(500);
    expect(Array.from(test.patterns.subarray(0, 101))).toEqual(signs(new Rng(keyedText(`${seedText(spec)}:test`, SECRET)), 101));
    // Neither the public test stream nor the training stream.
    expect(Array.from(test.patterns.subarray(0, 101))).not.toEqual(Array.from(teacherTestSet(spec, keyed.teacher, 1).patterns));
    expect(Array.from(test.patterns.subarray(0, 101))).not.toEqual(Array.from(keyed.instance.patterns.subarray(0, 101)));
  });

  it('keys the committee teacher and its test set the same way', () => {
    const spec = { problem: 'committee-teacher-student', n: 21, alpha: 0.5, k: 3, seed: 1 } as const;
    const keyed = generate(spec, SECRET);
    const open = generate(spec);
    if (keyed.instance.kind !== 'committee' || !keyed.teacher || !open.teacher) throw new Error('expected a committee with a teacher');
    expect(committeeEnergy(keyed.instance, keyed.teacher)).toBe(0);
    expect(Array.from(keyed.teacher)).not.toEqual(Array.from(open.teacher));
    const test = teacherTestSet(spec, keyed.teacher, 300, SECRET);
    expect(energy(test, keyed.teacher)).toBe(0);
    expect(Array.from(test.patterns.subarray(0, 21))).toEqual(signs(new Rng(keyedText(`${seedText(spec)}:test`, SECRET)), 21));
  });

  it('regenerates the planted assignment that satisfies the keyed planted-ksat instance', () => {
    const spec: InstanceSpec = { problem: 'planted-ksat', n: 300, alpha: 6, k: 3, seed: 3 }; // beyond the 3-SAT threshold
    const { instance } = generate(spec, SECRET);
    if (instance.kind !== 'ksat') throw new Error('expected a CNF formula');
    const sigma = plantedAssignment(spec, SECRET);
    expect(ksatEnergy(instance, sigma)).toBe(0);
    const openSigma = plantedAssignment(spec);
    expect(Array.from(sigma)).not.toEqual(Array.from(openSigma));
    expect(ksatEnergy(instance, openSigma)).toBeGreaterThan(0);
    expect(ksatEnergy(instance, plantedAssignment(spec, OTHER_SECRET))).toBeGreaterThan(0);
  });

  it('gives MNIST another permutation, still split into disjoint test and training digits', () => {
    const keyed = mnistOrder(1, SECRET);
    const open = mnistOrder(1);
    expect([...keyed].sort((a, b) => a - b)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(Array.from(keyed)).not.toEqual(Array.from(open));
    expect(Array.from(mnistOrder(1, SECRET))).toEqual(Array.from(keyed));
    expect(Array.from(mnistOrder(1, OTHER_SECRET))).not.toEqual(Array.from(keyed));
    // The keyed shuffle is the documented Fisher–Yates driven by the keyed stream.
    const rng = new Rng(keyedText('densebench:v1:mnist:split:seed=1', SECRET));
    const expected = Array.from({ length: 10_000 }, (_, i) => i);
    for (let i = 9999; i >= 1; i--) {
      const j = rng.nextInt(i + 1);
      [expected[i], expected[j]] = [expected[j]!, expected[i]!];
    }
    expect(Array.from(keyed)).toEqual(expected);

    const test = new Set(keyed.subarray(0, MNIST_TEST_SIZE));
    for (let i = MNIST_TEST_SIZE; i < 10_000; i++) expect(test.has(keyed[i]!)).toBe(false);
    const training = mnistTrainingSet(1, 784, SECRET);
    // Hashes rather than toEqual: deep equality over 600,000 floats takes seconds.
    expect(instanceHash(generate({ problem: 'mnist', n: 784, alpha: 1, k: null, seed: 1 }, SECRET).instance)).toBe(instanceHash(training));
    expect(instanceHash(training)).not.toBe('9db5a36a218e91cc886916882a08da52b93e520988dae2b88dca676c2570f7fa');
    // Training and test sets are drawn from the keyed order, not the public one.
    const testSet = mnistTestSet(1, SECRET);
    expect(testSet.p).toBe(MNIST_TEST_SIZE);
    expect(instanceHash(testSet)).toBe(instanceHash(mnistTestSet(1, SECRET)));
    expect(testSet.labels).not.toEqual(mnistTestSet(1).labels);
  });
});

describe('readSecret', () => {
  it('reads DENSEBENCH_SECRET, and ignores it when unset or empty', () => {
    expect(readSecret({ DENSEBENCH_SECRET: SECRET })).toBe(SECRET);
    expect(readSecret({ DENSEBENCH_SECRET: '' })).toBeNull();
    expect(readSecret({})).toBeNull();
    expect(readSecret({ OTHER: SECRET })).toBeNull();
  });

  it('refuses a secret shorter than 16 characters, saying why and without repeating it', () => {
    const short = 'fifteen-chars!!';
    expect(short).toHaveLength(15);
    expect(() => readSecret({ DENSEBENCH_SECRET: short })).toThrow(/DENSEBENCH_SECRET.*15 characters.*at least 16.*search/);
    try {
      readSecret({ DENSEBENCH_SECRET: short });
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
    expect(readSecret({ DENSEBENCH_SECRET: `${short}x` })).toBe(`${short}x`);
    // The generators refuse a short secret too, rather than keying with it.
    expect(() => generate({ problem: 'perceptron', n: 51, alpha: 0.5, k: null, seed: 1 }, 'short')).toThrow(/at least 16/);
    expect(() => mnistOrder(1, '')).toThrow(/at least 16/);
  });
});

describe('secretId', () => {
  it('is the first 16 hex characters of SHA-256("densebench:v1:secret-id:" + secret)', () => {
    // `printf '%s' 'densebench:v1:secret-id:densebench-example-secret' | sha256sum`
    expect(secretId(SECRET)).toBe('3e862e2e7dfe9bec');
    expect(secretId(OTHER_SECRET)).toBe(createHash('sha256').update(`densebench:v1:secret-id:${OTHER_SECRET}`).digest('hex').slice(0, 16));
    expect(secretId(SECRET)).toBe(secretId(`${SECRET}`));
    expect(secretId(OTHER_SECRET)).not.toBe(secretId(SECRET));
  });

  it('does not contain the secret', () => {
    const hexSecret = '0123456789abcdef0123456789abcdef';
    const id = secretId(hexSecret);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(hexSecret).not.toContain(id);
    expect(id).not.toContain(hexSecret.slice(0, 8));
  });
});
