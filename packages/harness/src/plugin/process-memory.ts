// How an external plugin reports the memory of the programs it runs: to the run's meter (worker/memory.ts's RunMemory),
// which the worker ties to the context it hands the plugin. Outside a worker (a test, `densebench kernels`) there is none.
import type { SolveContext } from '@densebench/core';

/** What an external plugin tells the run's meter. */
export interface ProcessMemoryMeter {
  /** Declares that the run's solver is an external program: the run's peak is then its programs' (null until one is measured). */
  useProcessMemory(): void;
  /** The peak resident memory of an external program the run started, bytes (null: not measurable). */
  addProcessPeak(bytes: number | null): void;
}

const meters = new WeakMap<SolveContext, ProcessMemoryMeter>();

/** Ties a run's memory meter to the context its plugin receives, so that an external plugin can reach it. */
export function attachProcessMemoryMeter(ctx: SolveContext, meter: ProcessMemoryMeter): void {
  meters.set(ctx, meter);
}

/** The memory meter of the run `ctx` belongs to; undefined outside a worker (e.g. with standaloneContext). */
export function processMemoryMeterOf(ctx: SolveContext): ProcessMemoryMeter | undefined {
  return meters.get(ctx);
}
