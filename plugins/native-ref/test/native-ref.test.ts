// The C twins: they compile cleanly, follow the TypeScript kernels' trajectories call for call from the same
// generator state (the kernel benchmark's smoke test, without timing assertions), and answer as external plugins
// whose answers the harness verifies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { energy, Rng, stateFromSeedText, type SolverPlugin } from '@densebench/core';
import { generate, writeInstance } from '@densebench/problems';
import { importPlugin, runPairedKernels } from '@densebench/harness';
import sa from '@densebench/plugin-sa';
import fms from '@densebench/plugin-fms';
import fbp from '@densebench/plugin-fbp';
import { NATIVE_PLUGIN_MANIFESTS, NATIVE_TWINS, nativeBinaryBuilt, runNativeBench } from '../src/index.js';

const haveCompiler = spawnSync('cc', ['--version']).status === 0;
const SOURCE = fileURLToPath(new URL('../src/native-ref.c', import.meta.url));

describe.skipIf(!haveCompiler && process.env.CI !== 'true')('native-ref', () => {
  it('compiles without a warning (-Wall -Wextra -Werror) and was built by the workspace', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'native-ref-')), 'native-ref');
    const result = spawnSync('cc', ['-O3', '-march=native', '-std=c11', '-Wall', '-Wextra', '-Werror', '-o', out, SOURCE, '-lm'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(nativeBinaryBuilt()).toBe(true);
  });

  it('follows each TypeScript kernel call for call from the same generator state', async () => {
    const plugins = [sa, fms, fbp].map((plugin: SolverPlugin) => ({ name: plugin.name, plugin }));
    const twins = NATIVE_TWINS.map((t) => ({ plugin: t.plugin, kernel: t.kernel, run: (file: string, state: Uint32Array, budget: { ms: number } | { calls: number }) => runNativeBench(t.native, t.args, file, state, budget) }));
    const results = await runPairedKernels({ plugins, twins, timeMs: 20, pairs: 2, sizes: [301], checkCalls: 4 });
    expect(results.map((r) => `${r.plugin}: ${r.kernel}`)).toEqual(['sa: perceptron sweep', 'fms: 3-SAT flips', 'fbp: perceptron BP sweep']);
    for (const r of results) {
      expect(r.sameTrajectory, `${r.plugin} ${JSON.stringify(r.checksums)}`).toBe(true);
      expect(r.pairs).toHaveLength(2);
      for (const p of r.pairs) expect(p.typescript > 0 && p.twin > 0 && Number.isFinite(p.ratio)).toBe(true);
    }
  }, 60_000);

  it('draws the same numbers as the TypeScript generator (nextInt, nextFloat, nextSign, shuffle)', () => {
    // The SA twin's first call from a state is fully determined by these draws: a differing generator shows up as a
    // different energy after one sweep from a random start, on many states.
    const { instance } = generate({ problem: 'perceptron', n: 101, alpha: 0.3, k: null, seed: 3 });
    const file = join(mkdtempSync(join(tmpdir(), 'native-ref-')), 'p.txt');
    writeFileSync(file, writeInstance(instance));
    const kernel = sa.kernels!.find((k) => k.name === 'perceptron sweep')!;
    for (let s = 0; s < 5; s++) {
      const state = stateFromSeedText(`draws:${s}`);
      const step = kernel.prepare(instance, { beta0: 5, beta1: 7, sweeps: 20000, restarts: 1, backend: 'fastest' }, new Rng(state.slice()));
      step.run();
      expect(runNativeBench('sa', ['--beta=7'], file, state, { calls: 1 }).checksum).toBe(step.checksum());
    }
  });

  it('solves as external plugins, and the answers verify', async () => {
    const cases = [
      { manifest: NATIVE_PLUGIN_MANIFESTS['native-sa'], spec: { problem: 'perceptron' as const, n: 101, alpha: 0.3, k: null, seed: 1 } },
      { manifest: NATIVE_PLUGIN_MANIFESTS['native-fbp'], spec: { problem: 'perceptron' as const, n: 101, alpha: 0.5, k: null, seed: 1 } },
      { manifest: NATIVE_PLUGIN_MANIFESTS['native-fms'], spec: { problem: 'ksat' as const, n: 200, alpha: 3.5, k: 3, seed: 1 } },
    ];
    for (const { manifest, spec } of cases) {
      expect(existsSync(manifest)).toBe(true);
      const plugin = await importPlugin(pathToFileURL(manifest).href);
      const { instance } = generate(spec);
      const ctx = { rng: new Rng('t'), signal: new AbortController().signal, deadline: performance.now() + 20_000, shouldStop: () => false, progress: () => {}, log: () => {} };
      const result = await plugin.solve(instance, {}, ctx);
      expect(result.assignment, plugin.name).toBeDefined();
      expect(energy(instance as never, result.assignment!), plugin.name).toBe(0);
      expect(result.work, plugin.name).toBeGreaterThan(0);
    }
  }, 60_000);
});
