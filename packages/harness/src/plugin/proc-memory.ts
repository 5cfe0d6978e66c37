// Peak resident memory of an external program and its descendants, polled from Linux's /proc while it runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Delays between polls: short at first so that a program of a few milliseconds is seen, then every 50 ms. */
const FIRST_POLL_MS = 1;
const MAX_POLL_MS = 50;

let procAvailable: boolean | undefined;

function kib(status: string, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

/** The children of a process (all its threads' children; empty where the kernel does not list them). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const child of text.split(/\s+/)) children.push(Number(child));
    }
  } catch {
    // Gone, or a kernel without /proc/<pid>/task/<tid>/children: the process alone is measured.
  }
  return children;
}

/**
 * The resident memory of a process and its descendants now, bytes: the larger of their summed VmRSS and the largest
 * VmHWM (high-water mark) among them. undefined when the process is gone (or a zombie: its memory is already freed).
 */
export function processTreeMemory(pid: number): number | undefined {
  let rssKib = 0;
  let hwmKib = 0;
  let seen = false;
  const pending = [pid];
  // A bound on the walk, in case pids are reused while it runs.
  for (let visited = 0; pending.length > 0 && visited < 10_000; visited++) {
    const current = pending.pop()!;
    let status: string;
    try {
      status = readFileSync(`/proc/${current}/status`, 'utf8');
    } catch {
      continue;
    }
    const hwm = kib(status, 'VmHWM');
    if (hwm === 0) continue;
    seen = true;
    rssKib += kib(status, 'VmRSS');
    hwmKib = Math.max(hwmKib, hwm);
    pending.push(...childrenOf(current));
  }
  return seen ? Math.max(rssKib, hwmKib) * 1024 : undefined;
}

/** Polls the memory of a running process tree; `stop()` ends the polling and returns its peak, bytes. */
export interface ProcessMemoryWatch {
  stop(): number | null;
}

/**
 * Starts polling the memory of process `pid` (and its descendants) from /proc. The peak is a lower bound: a process's
 * own VmHWM is exact up to its last poll, but the last stretch before it exits is not seen (Node reaps a child before
 * it reports the exit, and a reaped process's /proc entry is gone), nor are descendants that lived between two polls
 * or left the tree (a daemon re-parented to init). `stop()` returns null where /proc is absent or no poll succeeded.
 */
export function watchProcessMemory(pid: number): ProcessMemoryWatch {
  procAvailable ??= existsSync('/proc/self/status');
  if (!procAvailable) return { stop: () => null };
  let peak: number | null = null;
  let delay = FIRST_POLL_MS;
  let timer: NodeJS.Timeout | undefined;
  const poll = (): void => {
    const bytes = processTreeMemory(pid);
    if (bytes !== undefined && bytes > (peak ?? -1)) peak = bytes;
    timer = setTimeout(poll, delay).unref();
    delay = Math.min(MAX_POLL_MS, delay * 2);
  };
  poll();
  return {
    stop() {
      clearTimeout(timer);
      return peak;
    },
  };
}
