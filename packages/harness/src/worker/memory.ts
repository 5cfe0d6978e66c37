// Peak memory of one run, measured inside its worker. Process RSS is shared by every worker thread, so an in-process
// plugin is measured by its worker isolate's own heap: used_heap_size + external_memory (the latter holds the
// ArrayBuffers behind typed arrays, where solvers keep their state). A run whose solver is an external program is
// measured by that program's resident memory instead (plugin/proc-memory.ts), which the external plugin reports through
// the ProcessMemoryMeter interface (plugin/process-memory.ts).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ProcessMemoryMeter } from '../plugin/process-memory.js';

/**
 * Least time between two heap samples taken from ctx.shouldStop() and ctx.progress(), ms. A sample costs about 0.5 µs
 * (v8.getHeapStatistics); the check costs a comparison with performance.now(), which shouldStop() reads anyway and
 * progress() now reads too (about 0.1 µs a call, measured; plugins call it at most once per sweep).
 */
export const HEAP_SAMPLE_INTERVAL_MS = 10;

const MIB = 2 ** 20;

/**
 * The peak memory of a run. For an in-process plugin it is the largest heap sample: samples are taken at the start,
 * after the instance is built, at most every HEAP_SAMPLE_INTERVAL_MS from the context callbacks the plugin calls, and
 * when solve() returns. It is a lower bound of the true peak — memory allocated and released between two samples is
 * missed, and a plugin that never calls shouldStop() or progress() is seen only at its start and end — and it includes
 * the instance (built in the worker) and any garbage not yet collected.
 */
export class RunMemory implements ProcessMemoryMeter {
  private heapPeakBytes = 0;
  private nextHeapSampleAt = 0;
  /** undefined: the run started no external program (the heap is its measure); null: it did, but it was not measured. */
  private processPeakBytes: number | null | undefined;

  sampleHeap(now: number): void {
    const bytes = heapBytes();
    if (bytes > this.heapPeakBytes) this.heapPeakBytes = bytes;
    this.nextHeapSampleAt = now + HEAP_SAMPLE_INTERVAL_MS;
  }

  /** Samples the heap when the last sample is older than HEAP_SAMPLE_INTERVAL_MS: cheap enough for every poll of a hot loop. */
  sampleHeapIfDue(now: number): void {
    if (now >= this.nextHeapSampleAt) this.sampleHeap(now);
  }

  /** Declares that the run's solver is an external program: the run's peak is then its programs' (null until one is measured). */
  useProcessMemory(): void {
    this.processPeakBytes ??= null;
  }

  /** The peak resident memory of an external program the run started, bytes (null: not measurable). */
  addProcessPeak(bytes: number | null): void {
    this.useProcessMemory();
    if (bytes !== null && bytes > (this.processPeakBytes ?? -1)) this.processPeakBytes = bytes;
  }

  /** The run's peak in MiB, one decimal; null for an external program that could not be measured. */
  peakMb(): number | null {
    const bytes = this.processPeakBytes === undefined ? this.heapPeakBytes : this.processPeakBytes;
    return bytes === null ? null : Math.round((bytes / MIB) * 10) / 10;
  }
}

type Gc = (options?: { type: 'minor' | 'major' }) => void;
let gc: Gc | undefined;
/** This worker's heap (used + external) after its last collection; undefined before its first run. */
let collectedBytes: number | undefined;

/**
 * Leftover garbage tolerated at the start of a run, bytes. A worker runs many tasks in turn, so a run's heap samples
 * include whatever the previous runs left uncollected; a forced full collection costs 10–50 ms, so it is run only when
 * the heap at the start exceeds its level after the worker's last collection (or at its first run) by more than this.
 * Small runs may thus be counted up to this much high; a large leftover (a 200 MiB array) is always collected.
 */
export const GARBAGE_SLACK_BYTES = 8 * MIB;

function heapBytes(): number {
  const stats = getHeapStatistics();
  return stats.used_heap_size + stats.external_memory;
}

/**
 * Called at the start of a run, before its first sample: collects the garbage of the previous runs in this worker when
 * there is more than GARBAGE_SLACK_BYTES of it. Uses the --expose-gc flag set at run time, as Jest does for its leak
 * detection; the flag only adds `gc` to contexts created afterwards.
 */
export function collectLeftoverGarbage(): void {
  const bytes = heapBytes();
  if (collectedBytes === undefined) collectedBytes = bytes;
  if (bytes <= collectedBytes + GARBAGE_SLACK_BYTES) return;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  gc();
  // V8 frees the backing stores of dead ArrayBuffers in a concurrent sweep and lowers external_memory only when the
  // sweep is finalized, at the next collection: a scavenge (≈ 0.2 ms) does it. Measured: after gc() alone a dead
  // 200 MiB Float64Array was still counted.
  gc({ type: 'minor' });
  collectedBytes = heapBytes();
}
