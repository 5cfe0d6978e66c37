// The native twins of three TypeScript kernels, for `densebench kernels --vs native` (docs/performance.md), and the
// manifests of the native-* external plugins. The program is bin/native-ref, built from src/native-ref.c by build.mjs.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The compiled program (absent until build.mjs ran with a C compiler). */
export const NATIVE_BINARY = fileURLToPath(new URL('../bin/native-ref', import.meta.url));

/** Manifests of the external plugins native-sa, native-fms and native-fbp. */
export const NATIVE_PLUGIN_MANIFESTS = {
  'native-sa': fileURLToPath(new URL('../sa/densebench-plugin.json', import.meta.url)),
  'native-fms': fileURLToPath(new URL('../fms/densebench-plugin.json', import.meta.url)),
  'native-fbp': fileURLToPath(new URL('../fbp/densebench-plugin.json', import.meta.url)),
} as const;

export function nativeBinaryBuilt(): boolean {
  try {
    accessSync(NATIVE_BINARY, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** One block of the twin, as `native-ref bench` prints it. */
export interface NativeBlock {
  calls: number;
  work: number;
  seconds: number;
  checksum: number;
}

/**
 * Each TypeScript kernel with a native twin: the plugin and kernel names, the twin's kernel in native-ref, and the
 * options that give it the TypeScript kernel's default parameters (plugins/sa: β₁ = 7; plugins/fms: η = 0.37 on 3-SAT;
 * plugins/fbp: damping 0.5, randfact 0.01; the sweep at γ = ∞, y = 2 of the fbp kernel is built in).
 */
export const NATIVE_TWINS = [
  { plugin: 'sa', kernel: 'perceptron sweep', native: 'sa', args: ['--beta=7'] },
  { plugin: 'fms', kernel: '3-SAT flips', native: 'fms', args: ['--eta=0.37'] },
  { plugin: 'fbp', kernel: 'perceptron BP sweep', native: 'fbp', args: ['--damping=0.5', '--randfact=0.01'] },
] as const;

/** Runs `native-ref bench` on an instance file from the given generator state, for about ms or exactly calls. */
export function runNativeBench(native: string, args: readonly string[], instanceFile: string, state: Uint32Array, budget: { ms: number } | { calls: number }): NativeBlock {
  if (!nativeBinaryBuilt()) throw new Error(`${NATIVE_BINARY} is not built: install a C compiler (apt-get install gcc) and run pnpm build`);
  const limit = 'ms' in budget ? `--ms=${budget.ms}` : `--calls=${budget.calls}`;
  const out = execFileSync(NATIVE_BINARY, ['bench', native, instanceFile, `--state=${Array.from(state).join(',')}`, limit, ...args], { encoding: 'utf8' });
  const block = JSON.parse(out) as NativeBlock;
  if (!(block.calls > 0 && block.seconds > 0)) throw new Error(`native-ref bench ${native}: unexpected output ${out.trim()}`);
  return block;
}
