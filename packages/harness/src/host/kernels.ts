// Kernel micro-benchmarks: each plugin's inner step timed with tinybench on fixed seeded instances, so that
// kernel throughput is a number comparable across commits.
import { resolveParams, Rng, type InstanceSpec, type PluginKernel, type ProblemName, type SolverPlugin } from '@densebench/core';
import { generate, instanceHash, isDataset, specProblem } from '@densebench/problems';
import { Bench } from 'tinybench';

/** Timed calls of one kernel at one size. */
export interface KernelResult {
  plugin: string;
  pluginVersion: string;
  kernel: string;
  /** Unit of the work, e.g. 'attempted flips'. */
  unit: string;
  problem: ProblemName;
  n: number;
  alpha: number;
  k: number | null;
  instanceHash: string;
  /** Timed `run()` calls. */
  samples: number;
  /** Mean wall time of one `run()` call. */
  meanMs: number;
  /** Relative margin of error of the mean (95%), in percent. */
  rmePercent: number;
  /** Mean work of one timed `run()` call. */
  workPerCall: number;
  /** Work units per second: workPerCall / mean time. */
  throughputPerS: number;
  /** The step's checksum after the timed calls. */
  checksum: number;
}

export interface KernelOptions {
  plugins: readonly { name: string; plugin: SolverPlugin }[];
  /** Time budget per kernel and size, ms (default 500). */
  timeMs?: number;
  /** Sizes N to use instead of each kernel's own (not for data sets, whose N is fixed). */
  sizes?: readonly number[];
  /** Keep only kernels whose name contains this text (case-insensitive). */
  filter?: string;
  /** Called after each kernel and size, e.g. for progress lines. */
  onResult?: (result: KernelResult) => void;
}

export const DEFAULT_KERNEL_TIME_MS = 500;
/** Even a slow kernel gets this many timed calls, so that the margin of error is defined. */
const MIN_SAMPLES = 10;
const WARMUP_CALLS = 5;
const WARMUP_MAX_MS = 100;

interface KernelCase {
  plugin: string;
  pluginObject: SolverPlugin;
  kernel: PluginKernel;
  spec: InstanceSpec;
}

/** Seed text of a kernel's own random stream (independent of the instance's). */
export function kernelSeedText(plugin: string, kernel: string, n: number): string {
  return `densebench:v1:kernel:${plugin}:${kernel}:n=${n}`;
}

function selectCases(options: KernelOptions): KernelCase[] {
  const filter = options.filter?.toLowerCase();
  const cases: KernelCase[] = [];
  const available: string[] = [];
  for (const { name, plugin } of options.plugins) {
    for (const kernel of plugin.kernels ?? []) {
      available.push(`${name}: ${kernel.name}`);
      if (filter !== undefined && !kernel.name.toLowerCase().includes(filter)) continue;
      // A data set's N is its input dimension: --sizes leaves it alone.
      for (const n of isDataset(kernel.problem) ? kernel.sizes : (options.sizes ?? kernel.sizes)) {
        const spec: InstanceSpec = { problem: kernel.problem, n, alpha: kernel.alpha, k: kernel.k ?? null, seed: 1 };
        const problem = specProblem(spec);
        if (problem) throw new Error(`${name} kernel "${kernel.name}" at N=${n}: ${problem}`);
        cases.push({ plugin: name, pluginObject: plugin, kernel, spec });
      }
    }
  }
  if (cases.length === 0) {
    const what = available.length === 0 ? 'the selected plugins declare no kernels' : `kernels: ${available.join('; ')}`;
    throw new Error(`no kernel to run${filter !== undefined ? ` matches "${options.filter}"` : ''} (${what})`);
  }
  return cases;
}

function runCase({ plugin, pluginObject, kernel, spec }: KernelCase, timeMs: number): KernelResult {
  const { instance } = generate(spec);
  const params = resolveParams(pluginObject, {});
  const step = kernel.prepare(instance, params, new Rng(kernelSeedText(plugin, kernel.name, spec.n)));
  let work = 0;
  let calls = 0;
  const bench = new Bench({ time: timeMs, iterations: MIN_SAMPLES, warmupTime: Math.min(WARMUP_MAX_MS, timeMs / 5), warmupIterations: WARMUP_CALLS });
  bench.add(
    kernel.name,
    () => {
      work += step.run();
      calls++;
    },
    {
      async: false,
      beforeAll(mode) {
        // Count the work of the timed calls only.
        if (mode === 'run') work = calls = 0;
      },
    },
  );
  const [task] = bench.runSync();
  const result = task!.result;
  if (result.state === 'errored') throw new Error(`${plugin} kernel "${kernel.name}" at N=${spec.n}: ${result.error.message}`, { cause: result.error });
  if (result.state !== 'completed') throw new Error(`${plugin} kernel "${kernel.name}" at N=${spec.n}: ${result.state}`);
  const workPerCall = work / calls;
  return {
    plugin,
    pluginVersion: pluginObject.version,
    kernel: kernel.name,
    unit: kernel.unit,
    problem: spec.problem,
    n: spec.n,
    alpha: spec.alpha,
    k: spec.k,
    instanceHash: instanceHash(instance),
    samples: result.latency.samplesCount,
    meanMs: result.latency.mean,
    rmePercent: result.latency.rme,
    workPerCall,
    throughputPerS: workPerCall / (result.latency.mean / 1000),
    checksum: step.checksum(),
  };
}

/**
 * Times every kernel of the given plugins at each size: instance from `generate()` with seed 1, the plugin's
 * default parameters, `prepare` outside the timed region, then `run()` repeatedly for about `timeMs`.
 */
export async function runKernels(options: KernelOptions): Promise<KernelResult[]> {
  const timeMs = options.timeMs ?? DEFAULT_KERNEL_TIME_MS;
  if (!(timeMs > 0) || !Number.isFinite(timeMs)) throw new Error(`kernel time budget must be a positive number of ms, got ${timeMs}`);
  const results: KernelResult[] = [];
  for (const kernelCase of selectCases(options)) {
    const result = runCase(kernelCase, timeMs);
    results.push(result);
    options.onResult?.(result);
    // Yield between cases so that signals and pending I/O (progress lines) are handled.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}
