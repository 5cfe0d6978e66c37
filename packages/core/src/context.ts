// The one builder of a SolveContext: the harness's worker, standaloneContext and the conformance suite all make theirs
// here, so the deadline, the abort of `signal` and the polling rule are the same wherever a plugin runs.
import type { SolveContext } from './plugin.js';
import type { Rng } from './rng.js';

/** setTimeout fires at once for delays past 2³¹ − 1 ms (≈ 24.8 days): longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SolveContextOptions {
  /** The solver's generator. */
  readonly rng: Rng;
  /** The time limit as a timestamp of `now`; +∞ for none. */
  readonly deadline: number;
  /** The clock the deadline is read on; `performance.now()` by default. */
  readonly now?: () => number;
  /** Called at every ctx.shouldStop() with the time it read, before the deadline is compared. */
  readonly onPoll?: (time: number) => void;
  /** Receives ctx.progress(work, energy); it may throw to refuse a value. Dropped by default. */
  readonly onProgress?: (work: number, energy: number) => void;
  /** Receives ctx.log(message). Dropped by default. */
  readonly onLog?: (message: string) => void;
}

export interface SolveContextHandle {
  /** The context to hand to the solver. */
  readonly ctx: SolveContext;
  /** Cancels the timer that aborts ctx.signal at the deadline; call it once the solve has returned. */
  dispose(): void;
}

/**
 * A SolveContext whose `signal` is aborted (reason: "time limit reached") once the deadline has passed: by a timer, or
 * at the first ctx.shouldStop() that finds the deadline past, whichever comes first; at once if it has already
 * passed. The timer does not keep the process alive.
 */
export function createSolveContext(options: SolveContextOptions): SolveContextHandle {
  const { rng, deadline, onPoll, onProgress, onLog } = options;
  const now = options.now ?? (() => performance.now());
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expire = (): void => {
    if (!controller.signal.aborted) controller.abort(new Error('time limit reached'));
  };
  // The timer may fire a little early on `now`'s reading: it waits again for what is left.
  const arm = (): void => {
    const left = deadline - now();
    if (left <= 0) {
      timer = undefined;
      expire();
      return;
    }
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  if (deadline < Number.POSITIVE_INFINITY) arm();
  const ctx: SolveContext = {
    rng,
    signal: controller.signal,
    deadline,
    shouldStop() {
      const time = now();
      onPoll?.(time);
      if (time >= deadline) {
        expire();
        return true;
      }
      return false;
    },
    progress(work, energy) {
      onProgress?.(work, energy);
    },
    log(message) {
      onLog?.(message);
    },
  };
  return {
    ctx,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
