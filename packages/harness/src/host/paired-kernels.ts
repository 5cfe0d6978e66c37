// A TypeScript kernel and its twin in another language (plugins/native-ref), timed alternately in one run on the same
// seeded instance: pairs of blocks (TypeScript, then the twin) so that both see the same machine load, and the ratio of
// their throughputs per pair. Before timing, both run a few calls from the same generator state and their checksums
// are compared: equal checksums mean the twin follows the same trajectory (same algorithm, same random draws).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, resolveParams, Rng, stateFromSeedText, type InstanceSpec, type SolverPlugin } from '@densebench/core';
import { generate, instanceHash, writeInstance } from '@densebench/problems';
import { kernelSeedText } from './kernels.js';

/** What a twin reports for one block: calls made, work done (the kernel's unit), its own timing, and its checksum. */
export interface TwinBlock {
  calls: number;
  work: number;
  seconds: number;
  checksum: number;
}

export interface KernelTwin {
  /** The TypeScript kernel it mirrors: plugin name and kernel name. */
  plugin: string;
  kernel: string;
  /** Runs the twin on the instance file from the generator state for about `ms` of its own time, or exactly `calls` calls. */
  run(instanceFile: string, state: Uint32Array, budget: { ms: number } | { calls: number }): TwinBlock;
}

export interface PairedKernelResult {
  plugin: string;
  kernel: string;
  unit: string;
  n: number;
  alpha: number;
  k: number | null;
  instanceHash: string;
  /** Throughputs (work per second) of each pair, and their ratio TypeScript / twin. */
  pairs: { typescript: number; twin: number; ratio: number }[];
  /** Medians over the pairs. */
  typescriptPerS: number;
  twinPerS: number;
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  /** Whether both reached the same checksum after the same few calls from the same state. */
  sameTrajectory: boolean;
  checksums: { typescript: number; twin: number };
}

export interface PairedKernelOptions {
  plugins: readonly { name: string; plugin: SolverPlugin }[];
  twins: readonly KernelTwin[];
  /** Length of each block, ms (default 500). */
  timeMs?: number;
  /** Number of (TypeScript, twin) pairs per kernel and size (default 5). */
  pairs?: number;
  /** Sizes N instead of each kernel's own. */
  sizes?: readonly number[];
  /** Calls compared for the trajectory check (default 3). */
  checkCalls?: number;
  onResult?: (result: PairedKernelResult) => void;
}

/** Equal up to rounding: the twin's libm may differ from V8's in the last bits (BP uses tanh, log, exp). */
function sameChecksum(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

export async function runPairedKernels(options: PairedKernelOptions): Promise<PairedKernelResult[]> {
  const timeMs = options.timeMs ?? 500;
  const pairCount = options.pairs ?? 5;
  const checkCalls = options.checkCalls ?? 3;
  if (!(timeMs > 0)) throw new Error(`block time must be a positive number of ms, got ${timeMs}`);
  if (!(Number.isInteger(pairCount) && pairCount >= 1)) throw new Error(`pairs must be a positive integer, got ${pairCount}`);
  const dir = mkdtempSync(join(tmpdir(), 'densebench-paired-'));
  const results: PairedKernelResult[] = [];
  try {
    for (const twin of options.twins) {
      const entry = options.plugins.find((p) => p.name === twin.plugin);
      if (!entry) continue;
      const kernel = entry.plugin.kernels?.find((k) => k.name === twin.kernel);
      if (!kernel) throw new Error(`plugin ${twin.plugin} has no kernel "${twin.kernel}" for its twin`);
      const params = resolveParams(entry.plugin, {});
      for (const n of options.sizes ?? kernel.sizes) {
        const spec: InstanceSpec = { problem: kernel.problem, n, alpha: kernel.alpha, k: kernel.k ?? null, seed: 1 };
        const { instance } = generate(spec);
        if (instance.kind === 'dataset') throw new Error(`${twin.plugin} kernel "${twin.kernel}": twins of data-set kernels are not supported`);
        const file = join(dir, `${twin.plugin}-${n}.txt`);
        writeFileSync(file, writeInstance(instance));
        const state = stateFromSeedText(kernelSeedText(twin.plugin, twin.kernel, n));

        const check = kernel.prepare(instance, params, new Rng(state.slice()));
        for (let c = 0; c < checkCalls; c++) check.run();
        const twinCheck = twin.run(file, state, { calls: checkCalls });
        const checksums = { typescript: check.checksum(), twin: twinCheck.checksum };

        const step = kernel.prepare(instance, params, new Rng(state.slice()));
        const block = (): number => {
          let work = 0;
          const start = performance.now();
          let elapsed = 0;
          while (elapsed < timeMs) {
            work += step.run();
            elapsed = performance.now() - start;
          }
          return work / (elapsed / 1000);
        };
        block(); // warm-up: the JIT compiles the kernel before the first timed block
        const pairs: PairedKernelResult['pairs'] = [];
        for (let i = 0; i < pairCount; i++) {
          const typescript = block();
          const t = twin.run(file, state, { ms: timeMs });
          const native = t.work / t.seconds;
          pairs.push({ typescript, twin: native, ratio: typescript / native });
          await new Promise((resolve) => setImmediate(resolve));
        }
        const ratios = pairs.map((p) => p.ratio);
        const result: PairedKernelResult = {
          plugin: twin.plugin,
          kernel: twin.kernel,
          unit: kernel.unit,
          n,
          alpha: kernel.alpha,
          k: kernel.k ?? null,
          instanceHash: instanceHash(instance),
          pairs,
          typescriptPerS: median(pairs.map((p) => p.typescript)),
          twinPerS: median(pairs.map((p) => p.twin)),
          ratio: median(ratios),
          ratioMin: Math.min(...ratios),
          ratioMax: Math.max(...ratios),
          sameTrajectory: sameChecksum(checksums.typescript, checksums.twin),
          checksums,
        };
        results.push(result);
        options.onResult?.(result);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
