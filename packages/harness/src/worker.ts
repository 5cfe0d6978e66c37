// Worker entry (piscina): builds the training instance, runs the plugin, returns its raw answer.
// Verification happens in the main thread; the teacher and test set never reach this thread.
import { resolveParams, Rng, type AnyInstance, type SolveContext } from '@densebench/core';
import { generate, readInstanceFile } from '@densebench/problems';
import { attachRunMemory, collectLeftoverGarbage, RunMemory } from './memory.js';
import { importPlugin } from './plugins.js';
import type { SolveOutcome, SolveTask } from './task.js';

const MAX_TRACE = 256;

async function buildInstance(task: SolveTask): Promise<AnyInstance> {
  return task.source.type === 'spec' ? generate(task.source.spec).instance : readInstanceFile(task.source.path);
}

export default async function runSolveTask(task: SolveTask): Promise<SolveOutcome> {
  const plugin = await importPlugin(task.pluginUrl);
  // The run's peak memory (memory.ts): heap samples at the start, once the instance is built, from shouldStop() and
  // progress() at most every few ms, and at the end — a lower bound of the true peak, instance included. The garbage
  // of the previous runs in this worker is collected first when there is much of it, so that it does not count here.
  collectLeftoverGarbage();
  const memory = new RunMemory();
  memory.sampleHeap(performance.now());
  const instance = await buildInstance(task);
  memory.sampleHeap(performance.now());
  const log: string[] = [];
  // Keep at most MAX_TRACE points: when full, drop every other point and double the stride.
  let trace: [number, number][] = [];
  let stride = 1;
  let calls = 0;
  const controller = new AbortController();
  const start = performance.now();
  const deadline = start + task.timeLimitMs;
  const ctx: SolveContext = {
    rng: new Rng(task.solverSeed),
    signal: controller.signal,
    deadline,
    shouldStop() {
      const now = performance.now();
      memory.sampleHeapIfDue(now);
      if (now >= deadline) {
        if (!controller.signal.aborted) controller.abort(new Error('time limit reached'));
        return true;
      }
      return false;
    },
    progress(work, energy) {
      memory.sampleHeapIfDue(performance.now());
      if (calls++ % stride !== 0) return;
      trace.push([work, energy]);
      if (trace.length >= MAX_TRACE) {
        trace = trace.filter((_, i) => i % 2 === 0);
        stride *= 2;
      }
    },
    log(message) {
      if (log.length < 100) log.push(String(message));
    },
  };
  attachRunMemory(ctx, memory);
  const timer = setTimeout(() => controller.abort(new Error('time limit reached')), task.timeLimitMs);
  try {
    // Validated again here, at the last door before solve(), so a hand-made task gets defaults and clear errors too.
    const params = resolveParams(plugin, task.params);
    const result = await plugin.solve(instance, params, ctx);
    const end = performance.now();
    const wallTimeMs = end - start;
    // While the answer is still held (a plugin's state often is the answer).
    memory.sampleHeap(end);
    const peakMemoryMb = memory.peakMb();
    if (typeof result !== 'object' || result === null) {
      return { ok: false, message: `solve() returned ${String(result)} instead of { assignment, work }`, wallTimeMs, log, peakMemoryMb };
    }
    return {
      ok: true,
      assignment: result.assignment,
      network: result.network,
      unsatisfiable: result.unsatisfiable === true,
      work: typeof result.work === 'number' ? result.work : Number.NaN,
      claimedEnergy: typeof result.energy === 'number' ? result.energy : null,
      info: result.info ?? null,
      trace,
      wallTimeMs,
      peakMemoryMb,
    };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const now = performance.now();
    memory.sampleHeap(now);
    const late = now >= deadline || (error instanceof Error && error.name === 'TimeLimitError');
    return { ok: false, message, wallTimeMs: now - start, log, peakMemoryMb: memory.peakMb(), ...(late ? { late: true } : {}) };
  } finally {
    clearTimeout(timer);
  }
}
