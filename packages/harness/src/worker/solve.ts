// One run inside a worker process: read the training instance, import the plugin (its first import counts toward the
// run), give it a context, call solve() and package what it returns for the harness. Nothing here is trusted by the
// harness — it re-checks every field (host/outcome.ts) and measures time and verifies answers in its own process — but an
// honest worker reports misuse precisely, so that a plugin author sees which value was wrong.
import { createSolveContext, describeError, resolveParams, Rng } from '@densebench/core';
import { decodeInstanceBinary } from '@densebench/problems';
import { importPlugin } from '../plugin/load.js';
import { attachProcessMemoryMeter } from '../plugin/process-memory.js';
import { collectLeftoverGarbage, RunMemory } from './memory.js';
import type { RawOutcome, WorkerRequest } from '../protocol/task.js';

/** Points kept of a run's (work, energy) trace: when full, every other point is dropped and the stride doubles. */
export const MAX_TRACE = 256;
/** Messages kept from ctx.log() and their length. */
export const MAX_LOG_LINES = 100;
export const MAX_LOG_LINE = 1000;

/** Clocks captured before any plugin code runs in this process, so that a plugin cannot replace them. */
const now = performance.now.bind(performance);
const timeOrigin = performance.timeOrigin;
const structuredCloneOf = structuredClone;

/** A value that cannot cross to the harness (a function, a symbol …) becomes a description of the failure. */
function cloneable(value: unknown, field: string): unknown {
  try {
    return structuredCloneOf(value);
  } catch (error) {
    return { unsendable: `field "${field}" cannot be sent to the harness: ${describeError(error, 200)}` };
  }
}

/** Reads one field of what solve() returned; a throwing getter becomes an unsendable marker. */
function field(result: object, key: string): unknown {
  try {
    return cloneable((result as Record<string, unknown>)[key], key);
  } catch (error) {
    return { unsendable: `reading field "${key}" threw: ${describeError(error, 200)}` };
  }
}

/** Runs one task: `instanceBytes` is the training instance in its binary form, as it came over the channel. */
export async function solveInWorker(request: Extract<WorkerRequest, { type: 'solve' }>, instanceBytes: Uint8Array): Promise<RawOutcome> {
  const log: string[] = [];
  let violation: string | null = null;
  // The first misuse of the context is remembered (and thrown at the plugin): the run is then an error even if the
  // plugin catches it.
  const violate = (message: string): never => {
    violation ??= message;
    throw new TypeError(message);
  };
  const memory = new RunMemory();
  const deadline = request.deadlineEpochMs - timeOrigin;
  try {
    collectLeftoverGarbage();
    memory.sampleHeap(now());
    const instance = decodeInstanceBinary(instanceBytes, 'the instance from the harness');
    memory.sampleHeap(now());
    const plugin = await importPlugin(request.pluginUrl);
    let trace: [number, number][] = [];
    let stride = 1;
    let calls = 0;
    // The worker's hooks: the heap is sampled at polls and progress reports, and ctx.progress's arguments are checked.
    const { ctx, dispose } = createSolveContext({
      rng: new Rng(request.solverSeed),
      deadline,
      now,
      onPoll(time) {
        memory.sampleHeapIfDue(time);
      },
      onProgress(work, energy) {
        if (typeof work !== 'number' || !Number.isFinite(work) || work < 0) violate(`ctx.progress(work, energy): work must be a non-negative finite number, got ${describeError(work, 80)}`);
        if (typeof energy !== 'number' || !Number.isFinite(energy)) violate(`ctx.progress(work, energy): energy must be a finite number, got ${describeError(energy, 80)}`);
        memory.sampleHeapIfDue(now());
        if (calls++ % stride !== 0) return;
        trace.push([work, energy]);
        if (trace.length >= MAX_TRACE) {
          trace = trace.filter((_, i) => i % 2 === 0);
          stride *= 2;
        }
      },
      onLog(message) {
        if (log.length < MAX_LOG_LINES) log.push(describeError(message, MAX_LOG_LINE));
      },
    });
    attachProcessMemoryMeter(ctx, memory);
    try {
      const params = resolveParams(plugin, request.params);
      const result: unknown = await plugin.solve(instance, params, ctx);
      memory.sampleHeap(now());
      if (typeof result !== 'object' || result === null) {
        return { ok: false, message: `solve() returned ${describeError(result, 200)} instead of an object { assignment, work }`, log, peakMemoryMb: memory.peakMb(), late: false, crashed: false };
      }
      return {
        ok: true,
        assignment: field(result, 'assignment'),
        network: field(result, 'network'),
        unsatisfiable: field(result, 'unsatisfiable'),
        gaveUp: field(result, 'gaveUp'),
        work: field(result, 'work'),
        claimedEnergy: field(result, 'energy'),
        info: field(result, 'info'),
        trace,
        log,
        peakMemoryMb: memory.peakMb(),
        violation,
      };
    } finally {
      dispose();
    }
  } catch (error) {
    const t = now();
    memory.sampleHeap(t);
    const name = error instanceof Error ? error.name : '';
    const message = violation ?? (error instanceof Error ? `${error.name}: ${error.message}` : describeError(error));
    const stack = error instanceof Error && error.stack && violation === null ? stackFrames(error.stack) : '';
    return { ok: false, message: message + stack, log, peakMemoryMb: memory.peakMb(), late: t >= deadline || name === 'TimeLimitError', crashed: name === 'ProgramCrashError' };
  }
}

/** The first few "at …" lines of a stack, so that an error thrown inside a solver says where (file:line). */
function stackFrames(stack: string): string {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8);
  return frames.length ? `\n${frames.join('\n')}` : '';
}
