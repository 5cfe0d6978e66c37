// A control group (cgroup v2) per worker process, where the system lets densebench make one (Linux, root or a delegated
// subtree): every process the worker starts stays in it whatever it does (setsid, a scrubbed environment, a double
// fork), so the harness can freeze the whole tree between runs, kill all of it at once (cgroup.kill), and read the CPU
// time of all of it (cpu.stat). Where no cgroup can be made, the caller falls back to the environment tag
// (plugin/process-tree.ts) and the process group.
import { mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let cgroupRoot: string | null | undefined;

/** Where this process may create child cgroups: its own cgroup v2 directory, if cgroup v2 is mounted and writable. */
function findCgroupRoot(): string | null {
  if (cgroupRoot !== undefined) return cgroupRoot;
  cgroupRoot = null;
  try {
    const mount = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .find((fields) => fields[fields.indexOf('-') + 1] === 'cgroup2');
    const own = readFileSync('/proc/self/cgroup', 'utf8')
      .split('\n')
      .find((line) => line.startsWith('0::'));
    if (!mount || !own) return null;
    const root = join(mount[4]!, own.slice(3).trim());
    // Probe: make and remove a child.
    const probe = join(root, `densebench-probe-${process.pid}`);
    mkdirSync(probe);
    rmdirSync(probe);
    cgroupRoot = root;
  } catch {
    cgroupRoot = null;
  }
  return cgroupRoot;
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone.
  }
}

export class ProcessCgroup {
  private constructor(readonly dir: string) {}

  /** A new cgroup named `name`, or null where none can be made. */
  static create(name: string): ProcessCgroup | null {
    const root = findCgroupRoot();
    if (root === null) return null;
    const dir = join(root, name);
    try {
      mkdirSync(dir);
      return new ProcessCgroup(dir);
    } catch {
      return null;
    }
  }

  /** Moves a process (and so everything it starts afterwards) into the group; false if the system refused. */
  add(pid: number): boolean {
    try {
      writeFileSync(join(this.dir, 'cgroup.procs'), String(pid));
      return true;
    } catch {
      return false;
    }
  }

  pids(): number[] {
    try {
      return readFileSync(join(this.dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  }

  /** Freezes (no process of the group runs, none can fork) or thaws the group. */
  freeze(frozen: boolean): boolean {
    try {
      writeFileSync(join(this.dir, 'cgroup.freeze'), frozen ? '1' : '0');
      return true;
    } catch {
      return false;
    }
  }

  /** Kills every process of the group but `keep`: frozen first, so that none can fork meanwhile. */
  killExcept(keep: number): void {
    const frozen = this.freeze(true);
    for (const pid of this.pids()) if (pid !== keep) killPid(pid);
    if (frozen) this.freeze(false);
    // Without a freezer, children forked meanwhile are caught by a few more rounds.
    for (let round = 0; round < 50; round++) {
      const others = this.pids().filter((pid) => pid !== keep);
      if (others.length === 0) return;
      for (const pid of others) killPid(pid);
    }
  }

  /** Kills every process of the group (cgroup.kill where the kernel has it), then removes the group once it is empty. */
  killAll(): void {
    try {
      writeFileSync(join(this.dir, 'cgroup.kill'), '1');
    } catch {
      this.freeze(true);
      for (const pid of this.pids()) killPid(pid);
      this.freeze(false);
    }
    this.removeWhenEmpty(20);
  }

  private removeWhenEmpty(tries: number): void {
    try {
      rmdirSync(this.dir);
    } catch {
      // Still busy: processes take a moment to leave after SIGKILL.
      if (tries > 0) setTimeout(() => this.removeWhenEmpty(tries - 1), 50).unref();
    }
  }

  /** CPU time used by every process that has been in the group (user + system), ms; null if unreadable. */
  cpuTimeMs(): number | null {
    try {
      const match = /^usage_usec (\d+)$/m.exec(readFileSync(join(this.dir, 'cpu.stat'), 'utf8'));
      return match ? Number(match[1]) / 1000 : null;
    } catch {
      return null;
    }
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Kills what is left in the cgroups whose names start with `densebench-<pid>-` (the given harness process's), waiting
 * up to `waitMs` for them to empty, and removes them. With `pid` omitted: those of every harness process that is no
 * longer alive (one killed outright leaves its cgroups behind).
 */
export function removeCgroups(pid?: number, waitMs = 2000): void {
  const root = findCgroupRoot();
  if (root === null) return;
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  const chosen = names.filter((name) => {
    const match = /^densebench-(\d+)-/.exec(name);
    if (!match) return false;
    return pid === undefined ? !isAlive(Number(match[1])) : Number(match[1]) === pid;
  });
  for (const name of chosen) {
    try {
      writeFileSync(join(root, name, 'cgroup.kill'), '1');
    } catch {
      // Already empty, or a kernel without cgroup.kill: the processes were killed one by one.
    }
  }
  const deadline = performance.now() + waitMs;
  for (const name of chosen) {
    for (;;) {
      try {
        rmdirSync(join(root, name));
        break;
      } catch {
        if (performance.now() > deadline) break;
        sleepSync(5);
      }
    }
  }
}
