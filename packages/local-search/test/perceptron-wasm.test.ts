// The WebAssembly backend of the perceptron's sweep kernel (state-for-state parity with the TypeScript sweep is in
// kernel-parity.test.ts): it stops at E = 0 with the true energy, and the committed .wasm is what its source compiles to.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Rng } from '@densebench/core';
import { generate } from '@densebench/problems';
import { IncrementalPerceptron, perceptronSweepKernel, randomConfiguration } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the WebAssembly perceptron sweep', () => {
  it('is the perceptron kernel\'s fastest backend', () => {
    expect(perceptronSweepKernel.backends).toEqual(['wasm', 'ts']);
    expect(perceptronSweepKernel.reference.name).toBe('ts');
    const { instance } = generate({ problem: 'perceptron', n: 21, alpha: 0.3, k: null, seed: 1 });
    expect(perceptronSweepKernel.bind(new IncrementalPerceptron(instance as never)).backend).toBe('wasm');
  });

  it('stops at E = 0, and its energy is the true energy', () => {
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.2, k: null, seed: 4 });
    if (instance.kind !== 'perceptron') throw new Error('expected a perceptron');
    const state = new IncrementalPerceptron(instance);
    state.reset(randomConfiguration(new Int8Array(101), new Rng('start:4')));
    const { op: sweep, backend } = perceptronSweepKernel.bind(state, 'wasm');
    expect(backend).toBe('wasm');
    const rng = new Rng('zero');
    let attempts = 0;
    for (let call = 0; call < 200 && state.energy > 0; call++) attempts = sweep(4, rng);
    expect(state.energy).toBe(0);
    expect(attempts).toBeLessThan(101);
    const check = state.clone();
    check.reset(state.weights);
    expect(check.energy).toBe(0);
  });

  it('is the compiled form of its AssemblyScript source', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wasm-')), 'sweep.wasm');
    const asc = spawnSync('pnpm', ['exec', 'asc', 'wasm/perceptron-sweep.ts', '-O3', '--runtime', 'stub', '--noAssert', '--importMemory', '-o', out], { cwd: ROOT, encoding: 'utf8' });
    expect(asc.status, asc.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(ROOT, 'wasm/perceptron-sweep.wasm')))).toBe(true);
  }, 60_000);
});
