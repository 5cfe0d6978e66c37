// The WebAssembly sweep (wasm/perceptron-sweep.ts) leaves exactly the state the TypeScript sweep leaves, and the
// committed .wasm is what its source compiles to.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Rng } from '@densebench/core';
import { generate } from '@densebench/problems';
import { IncrementalPerceptron, metropolisSweep, metropolisSweepTs, randomConfiguration } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function twins(n: number, alpha: number, seed: number): [IncrementalPerceptron, IncrementalPerceptron] {
  const { instance } = generate({ problem: 'perceptron', n, alpha, k: null, seed });
  if (instance.kind !== 'perceptron') throw new Error('expected a perceptron');
  const a = new IncrementalPerceptron(instance);
  const start = randomConfiguration(new Int8Array(n), new Rng(`start:${seed}`));
  a.reset(start);
  const b = a.clone();
  b.reset(start);
  return [a, b];
}

describe('the WebAssembly perceptron sweep', () => {
  it('reproduces the TypeScript sweep exactly: weights, stabilities, band, energy and generator, sweep after sweep', () => {
    for (const [n, alpha, seed] of [[101, 0.3, 1], [301, 0.6, 2], [1001, 0.5, 3]] as const) {
      const [compiled, reference] = twins(n, alpha, seed);
      const rngA = new Rng(`sweeps:${seed}`);
      const rngB = new Rng(`sweeps:${seed}`);
      for (let sweep = 0; sweep < 40; sweep++) {
        const beta = 1 + sweep * 0.15; // hot (many accepted flips, band changes) to cold
        expect(metropolisSweep(compiled, beta, rngA)).toBe(metropolisSweepTs(reference, beta, rngB));
        expect(compiled.energy).toBe(reference.energy);
        expect(compiled.bandSize).toBe(reference.bandSize);
        expect(Array.from(compiled.weights)).toEqual(Array.from(reference.weights));
        expect(Array.from(compiled.stabilities)).toEqual(Array.from(reference.stabilities));
        expect(Array.from(compiled.band.subarray(0, compiled.bandSize))).toEqual(Array.from(reference.band.subarray(0, reference.bandSize)));
        expect(rngA.nextUint32()).toBe(rngB.nextUint32());
      }
    }
  });

  it('stops at E = 0 like the TypeScript sweep, and its energy is the true energy', () => {
    const [compiled, reference] = twins(101, 0.2, 4);
    const rngA = new Rng('zero');
    const rngB = new Rng('zero');
    let attempts = 0;
    for (let sweep = 0; sweep < 200 && compiled.energy > 0; sweep++) {
      attempts = metropolisSweep(compiled, 4, rngA);
      expect(attempts).toBe(metropolisSweepTs(reference, 4, rngB));
    }
    expect(compiled.energy).toBe(0);
    expect(attempts).toBeLessThan(101);
    const check = compiled.clone();
    check.reset(compiled.weights);
    expect(check.energy).toBe(0);
  });

  it('is the compiled form of its AssemblyScript source', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wasm-')), 'sweep.wasm');
    const asc = spawnSync('pnpm', ['exec', 'asc', 'wasm/perceptron-sweep.ts', '-O3', '--runtime', 'stub', '--noAssert', '--importMemory', '-o', out], { cwd: ROOT, encoding: 'utf8' });
    expect(asc.status, asc.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(ROOT, 'wasm/perceptron-sweep.wasm')))).toBe(true);
  }, 60_000);
});
