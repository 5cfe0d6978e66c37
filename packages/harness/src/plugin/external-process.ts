// One run of an external program, contained: its own process group, a per-run environment tag (process-tree.ts) by
// which every process it starts is found and killed — at the deadline, on abort, and when the program exits, so nothing
// it started outlives its run — and its peak resident memory, polled from /proc while it runs (proc-memory.ts).
import { spawn } from 'node:child_process';
import type { SolveContext } from '@densebench/core';
import { watchProcessMemory } from './proc-memory.js';
import { killTagged, newProcessTag, RUN_TAG_ENV } from './process-tree.js';

/** How a program's run ended, and what it printed. */
export interface ProgramRun {
  stdout: string;
  stderrTail: string;
  code: number | null;
  /** The signal that ended the program, null when it exited by itself. */
  signal: NodeJS.Signals | null;
  /** densebench killed the program: at its deadline, or because the run was aborted. */
  killedAtDeadline: boolean;
  /** From the start to the exit of the program, ms. */
  ranMs: number;
  /** The time the program had when it started, ms (Infinity for an unbounded run). */
  budgetMs: number;
  /** Processes of the run still alive when the program exited (killed then), as far as /proc shows them. */
  strays: number;
  /** Peak resident memory of the program and its descendants, bytes (null where it could not be measured). */
  peakMemoryBytes: number | null;
}

const STDERR_TAIL = 2000;
/** How long output pipes may stay open after the program exited and its processes were killed. */
const PIPE_GRACE_MS = 500;

/** A program ended by a signal densebench did not send (SIGSEGV, SIGABRT, the out-of-memory killer's SIGKILL…). */
export class ProgramCrashError extends Error {
  constructor(
    readonly program: string,
    readonly signal: NodeJS.Signals,
    detail = '',
  ) {
    const hint = signal === 'SIGKILL' ? ' (not by densebench: the kernel\'s out-of-memory killer sends SIGKILL)' : '';
    super(`${program} was killed by ${signal}${hint}${detail}`);
    this.name = 'ProgramCrashError';
  }
}

/**
 * Runs a command in its own process group, with RUN_TAG_ENV set to a fresh tag. At the deadline or on abort, and
 * again when the program exits, the group and every process carrying the tag are killed: a child that left the group
 * (setsid) or outlived the program (re-parented to init) does not survive the run. Output written by such a child
 * after the program exited is not read.
 */
export function runProgram(command: string[], ctx: SolveContext): Promise<ProgramRun> {
  return new Promise((resolvePromise, reject) => {
    const runTag = newProcessTag();
    const startedAt = performance.now();
    const child = spawn(command[0]!, command.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [RUN_TAG_ENV]: runTag } });
    const memory = child.pid === undefined ? undefined : watchProcessMemory(child.pid);
    const out: Buffer[] = [];
    let stderrTail = '';
    let killedAtDeadline = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null; ranMs: number; strays: number } | undefined;
    let settled = false;
    // Tagged processes first (they include the group's members), then the group: without /proc the group is all.
    const killRun = (): number => {
      const strays = killTagged(RUN_TAG_ENV, runTag);
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is empty.
      }
      return strays;
    };
    const stop = (): void => {
      if (exit) return;
      killedAtDeadline = true;
      killRun();
    };
    // setTimeout fires at once for delays past 2³¹ − 1 ms (≈ 24.8 days): no timer for an unbounded deadline.
    const delay = ctx.deadline - performance.now();
    const timer = delay < 2 ** 31 - 1 ? setTimeout(stop, Math.max(0, delay)) : undefined;
    ctx.signal.addEventListener('abort', stop, { once: true });
    if (ctx.signal.aborted) stop();
    const finish = (): void => {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', stop);
    };
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('error', (error) => {
      finish();
      memory?.stop();
      if (child.pid !== undefined) killRun();
      if (!settled) reject(error);
      settled = true;
    });
    let pipeGrace: NodeJS.Timeout | undefined;
    // The program is gone but its descendants may still hold the output pipes open: kill them so that 'close' comes.
    // One that escaped both the group and the tag (setsid after exec'ing with a scrubbed environment) is cut off.
    child.on('exit', (code, signal) => {
      const ranMs = performance.now() - startedAt;
      finish();
      exit = { code, signal, ranMs, strays: killRun() };
      pipeGrace = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, PIPE_GRACE_MS).unref();
    });
    child.on('close', (code, signal) => {
      finish();
      clearTimeout(pipeGrace);
      const peakMemoryBytes = memory?.stop() ?? null;
      const ended = exit ?? { code, signal, ranMs: performance.now() - startedAt, strays: killRun() };
      if (settled) return;
      settled = true;
      resolvePromise({
        stdout: Buffer.concat(out).toString('utf8'), stderrTail, code: ended.code, signal: ended.signal, killedAtDeadline,
        ranMs: ended.ranMs, budgetMs: ctx.deadline - startedAt, strays: ended.strays, peakMemoryBytes,
      });
    });
  });
}
