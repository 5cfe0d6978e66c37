// Finding and killing every process of a tree, including the ones that left it. A process group misses a child that
// called setsid() and a daemon re-parented to init misses the parent–child walk; an environment cookie misses
// neither: every process of the tree is started with a variable carrying a random token, every descendant inherits
// it, and /proc/<pid>/environ shows it (Jenkins' ProcessTreeKiller, "BUILD_ID" cookie, does the same). A process can
// still shed the cookie by exec'ing with a scrubbed environment (`env -i`); callers also kill the process group.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Carried by a worker process and everything it starts: the host kills the whole tree with it. */
export const PROCESS_TAG_ENV = 'DENSEBENCH_PROCESS_TAG';
/** Carried by one external program's run and everything it starts: killed when the run ends. */
export const RUN_TAG_ENV = 'DENSEBENCH_RUN_TAG';

/** Rounds of scan, stop and kill before killTagged gives up on a tree that keeps escaping. */
const KILL_ROUNDS = 50;
/** Wait between rounds in which only already-killed processes (not yet exited) are still tagged. */
const DYING_WAIT_MS = 2;

let procFs: boolean | undefined;

/** Whether this system has Linux's /proc with per-process environments (not macOS). */
export function hasProcFs(): boolean {
  procFs ??= existsSync('/proc/self/environ');
  return procFs;
}

/** A fresh random token for a tag variable (128 bits, hex). */
export function newProcessTag(): string {
  return randomBytes(16).toString('hex');
}

/** Whether a NUL-separated environment block holds exactly `entry` ("NAME=value") as one of its variables. */
function environHas(environ: Buffer, entry: Buffer): boolean {
  for (let at = environ.indexOf(entry); at !== -1; at = environ.indexOf(entry, at + 1)) {
    const end = at + entry.length;
    if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0)) return true;
  }
  return false;
}

/**
 * The pids of the live processes whose environment sets `variable` to `tag` (this process included, if it is tagged).
 * Processes whose environment cannot be read (another user's, or gone while scanning) are skipped; so are zombies,
 * whose environment is empty (they are dead, waiting for their parent to reap them). Empty without /proc.
 */
export function taggedProcesses(variable: string, tag: string): number[] {
  if (!hasProcFs()) return [];
  const entry = Buffer.from(`${variable}=${tag}`);
  const pids: number[] = [];
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of names) {
    const code = name.charCodeAt(0);
    if (code < 48 || code > 57) continue;
    let environ: Buffer;
    try {
      environ = readFileSync(`/proc/${name}/environ`);
    } catch {
      continue;
    }
    if (environHas(environ, entry)) pids.push(Number(name));
  }
  return pids;
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Kills (SIGKILL) every process whose environment sets `variable` to `tag`, except this process and `except`; returns
 * how many distinct processes it signalled. A tree that keeps forking is beaten by stopping before killing: each round
 * SIGSTOPs every tagged process, scans again for children forked meanwhile until no new one appears (a stopped process
 * cannot fork), then SIGKILLs them all. Rounds repeat until no tagged process is left, or KILL_ROUNDS have passed.
 * Without /proc (macOS) it finds nothing and returns 0: callers kill the process group as well, which on such systems
 * is all that is done — a descendant that called setsid() or left the group survives there.
 */
export function killTagged(variable: string, tag: string, options: { except?: readonly number[] } = {}): number {
  if (!hasProcFs()) return 0;
  const spared = new Set([process.pid, ...(options.except ?? [])]);
  const scan = (): number[] => taggedProcesses(variable, tag).filter((pid) => !spared.has(pid));
  const killed = new Set<number>();
  for (let round = 0; round < KILL_ROUNDS; round++) {
    let tagged = scan();
    if (tagged.length === 0) break;
    if (tagged.every((pid) => killed.has(pid))) {
      // Killed but not yet exited (a process leaves /proc's environ view once its memory is released).
      for (const pid of tagged) signal(pid, 'SIGKILL');
      sleepSync(DYING_WAIT_MS);
      continue;
    }
    const stopped = new Set<number>();
    for (let pass = 0; pass < KILL_ROUNDS; pass++) {
      const fresh = tagged.filter((pid) => !stopped.has(pid));
      if (fresh.length === 0) break;
      for (const pid of fresh) {
        signal(pid, 'SIGSTOP');
        stopped.add(pid);
      }
      tagged = scan();
    }
    const stillTagged = new Set(tagged);
    for (const pid of tagged) {
      if (signal(pid, 'SIGKILL')) killed.add(pid);
    }
    // Stopped, then no longer tagged: gone, or its pid was reused by an unrelated process, which must not stay stopped.
    for (const pid of stopped) if (!stillTagged.has(pid)) signal(pid, 'SIGCONT');
  }
  return killed.size;
}
