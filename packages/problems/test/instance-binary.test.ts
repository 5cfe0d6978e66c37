import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyInstance, InstanceSpec } from '@densebench/core';
import { generate, instanceHash, readInstanceBinary, writeInstanceBinary } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'densebench-binary-'));

const specs: InstanceSpec[] = [
  { problem: 'perceptron', n: 31, alpha: 0.5, k: null, seed: 1 },
  { problem: 'teacher-student', n: 21, alpha: 1.3, k: null, seed: 2 },
  { problem: 'committee', n: 11, alpha: 0.4, k: 3, seed: 3 },
  { problem: 'ksat', n: 20, alpha: 4.2, k: 3, seed: 4 },
  { problem: 'planted-ksat', n: 30, alpha: 3, k: 4, seed: 5 },
  { problem: 'mnist', n: 784, alpha: 0.5, k: null, seed: 6 },
];

/** Every field of an instance as plain data, so that typed arrays of other offsets compare by content. */
function plain(instance: AnyInstance): Record<string, unknown> {
  return Object.fromEntries(Object.entries(instance).map(([key, value]) => [key, ArrayBuffer.isView(value) ? { type: value.constructor.name, values: Array.from(value as Int8Array) } : value]));
}

describe('the binary instance form the workers read', () => {
  for (const spec of specs) {
    it(`round-trips a ${spec.problem} instance field for field, with the same hash`, () => {
      const { instance } = generate(spec);
      const path = join(dir, `${spec.problem}.bin`);
      writeInstanceBinary(path, instance);
      const back = readInstanceBinary(path);
      expect(plain(back)).toEqual(plain(instance));
      expect(instanceHash(back)).toBe(instanceHash(instance));
      // Views on one buffer, 8-byte aligned: no copy per array.
      for (const value of Object.values(back)) if (ArrayBuffer.isView(value)) expect(value.byteOffset % 8).toBe(0);
    });
  }

  it('holds the training data only: no teacher, spec or seed', () => {
    const spec: InstanceSpec = { problem: 'teacher-student', n: 21, alpha: 1, k: null, seed: 9 };
    const path = join(dir, 'ts.bin');
    writeInstanceBinary(path, generate(spec).instance);
    expect(Object.keys(readInstanceBinary(path)).sort()).toEqual(['kind', 'labels', 'n', 'p', 'patterns', 'problem']);
    const bytes = readFileSync(path);
    const header = JSON.parse(bytes.subarray(8, 8 + bytes.readUInt32LE(4)).toString('utf8')) as { fields: object; arrays: { name: string }[] };
    expect(header.fields).toEqual({ kind: 'perceptron', problem: 'teacher-student', n: 21, p: 21 });
    expect(header.arrays.map((a) => a.name)).toEqual(['patterns', 'labels']);
  });

  it('refuses a file that is not one, or is cut short, naming it', () => {
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, 'p cnf 3 1\n1 2 3 0\n');
    expect(() => readInstanceBinary(bad)).toThrow(`${bad}: not a densebench binary instance (bad magic)`);
    const path = join(dir, 'cut.bin');
    writeInstanceBinary(path, generate(specs[0]!).instance);
    writeFileSync(path, readFileSync(path).subarray(0, 200));
    expect(() => readInstanceBinary(path)).toThrow(/runs past the end/);
  });
});
