// The perceptron's Metropolis sweep as WebAssembly (wasm/perceptron-sweep.ts, compiled by AssemblyScript into
// wasm/perceptron-sweep.wasm): same moves, draws and exp values as the TypeScript metropolisSweep, about twice its speed
// (docs/performance.md); the 'wasm' backend of the perceptron's sweep kernel (sweep-kernels.ts). The kernel has its own memory: the constant signs are copied in once, the mutable state
// (weights, stabilities, band) and the generator's words before each sweep and back after it — O(N + P), against the
// sweep's O(N·|band|).
import { readFileSync } from 'node:fs';
import type { Rng } from '@densebench/core';
import type { IncrementalPerceptron } from './perceptron.js';

// The few WebAssembly JS API members used here (this project compiles without the DOM library that declares them).
interface WasmGlobal {
  value: unknown;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
};
type WasmModule = { readonly kind?: 'wasm module' };

interface SweepExports {
  setup(rng: number, table: number, weights: number, eta: number, bits: number, stabilities: number, band: number, positions: number, n: number, p: number, words: number): void;
  sweep(beta: number, bandSize: number, energy: number): number;
  bandSize: WasmGlobal;
  energy: WasmGlobal;
}

let compiled: WasmModule | undefined;

function sweepModule(): WasmModule {
  compiled ??= new WebAssembly.Module(readFileSync(new URL('../wasm/perceptron-sweep.wasm', import.meta.url)));
  return compiled;
}

/** What the kernel reads and writes: the fields of IncrementalPerceptron it mirrors. */
export type PerceptronSweepState = Pick<IncrementalPerceptron, 'n' | 'p' | 'eta' | 'etaBits' | 'wordsPerColumn' | 'weights' | 'stabilities' | 'band' | 'bandPosition' | 'bandSize' | 'energy'>;

export class PerceptronSweepKernel {
  private readonly exports: SweepExports;
  private readonly rngWords: Int32Array;
  private readonly weights: Int8Array;
  private readonly stabilities: Int32Array;
  private readonly band: Int32Array;
  private readonly positions: Int32Array;

  constructor(state: PerceptronSweepState) {
    const { n, p, wordsPerColumn } = state;
    // Offsets, each 8-byte aligned: generator, exp table, weights, η, η bits, stabilities, band, positions.
    const sizes = [16, 64 * 8, n, n * p, 4 * n * wordsPerColumn, 4 * p, 4 * p, 4 * p];
    const offsets: number[] = [];
    let end = 0;
    for (const size of sizes) {
      offsets.push(end);
      end += (size + 7) & ~7;
    }
    const memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) + 1 });
    const instance = new WebAssembly.Instance(sweepModule(), {
      env: {
        memory,
        exp: Math.exp,
        abort: () => {
          throw new Error('perceptron sweep kernel aborted');
        },
      },
    });
    this.exports = instance.exports as unknown as SweepExports;
    const buffer = memory.buffer;
    const [rngAt, tableAt, weightsAt, etaAt, bitsAt, stabilityAt, bandAt, positionAt] = offsets as [number, number, number, number, number, number, number, number];
    this.rngWords = new Int32Array(buffer, rngAt, 4);
    this.weights = new Int8Array(buffer, weightsAt, n);
    new Int8Array(buffer, etaAt, n * p).set(state.eta);
    new Int32Array(buffer, bitsAt, n * wordsPerColumn).set(state.etaBits);
    this.stabilities = new Int32Array(buffer, stabilityAt, p);
    this.band = new Int32Array(buffer, bandAt, p);
    this.positions = new Int32Array(buffer, positionAt, p);
    this.exports.setup(rngAt, tableAt, weightsAt, etaAt, bitsAt, stabilityAt, bandAt, positionAt, n, p, wordsPerColumn);
  }

  /** One sweep at β from `state`, which it leaves as metropolisSweep would; returns the attempts made. */
  sweep(state: PerceptronSweepState, beta: number, rng: Rng): number {
    this.weights.set(state.weights);
    this.stabilities.set(state.stabilities);
    this.band.set(state.band.subarray(0, state.bandSize));
    this.positions.set(state.bandPosition);
    rng.saveState(this.rngWords);
    const attempts = this.exports.sweep(beta, state.bandSize, state.energy);
    rng.restoreState(this.rngWords);
    state.weights.set(this.weights);
    state.stabilities.set(this.stabilities);
    state.bandSize = this.exports.bandSize.value as number;
    state.energy = this.exports.energy.value as number;
    state.band.set(this.band.subarray(0, state.bandSize));
    state.bandPosition.set(this.positions);
    return attempts;
  }
}
