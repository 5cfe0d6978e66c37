import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hasProcFs, killTagged, newProcessTag, taggedProcesses } from '../src/plugin/process-tree.js';

// A variable of the tests' own, so that nothing here depends on (or touches) the tags the harness uses.
const VARIABLE = 'DENSEBENCH_TEST_TREE';
const tags: string[] = [];

function tag(): string {
  const value = newProcessTag();
  tags.push(value);
  return value;
}

/** Starts `sh -c script` in its own process group, with `variable` set to `value` in its environment. */
function startTree(script: string, value: string, variable = VARIABLE): number {
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore', env: { ...process.env, [variable]: value } });
  child.unref();
  return child.pid!;
}

/** Fields of /proc/<pid>/stat after the command name: state, ppid, pgrp; undefined once the process is gone. */
function stat(pid: number): { state: string; ppid: number; pgrp: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid, pgrp] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: state!, ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return undefined;
  }
}

/** Alive, as opposed to gone or a zombie (a killed orphan may wait as a zombie for a pid 1 that never reaps it). */
function running(pid: number): boolean {
  const state = stat(pid)?.state;
  return state !== undefined && state !== 'Z' && state !== 'X';
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(() => {
  for (const value of tags.splice(0)) killTagged(VARIABLE, value);
});

describe.skipIf(!hasProcFs())('process trees found by an environment tag (/proc)', () => {
  it('lists exactly the processes whose environment sets the variable to the tag', async () => {
    const value = tag();
    const tagged = startTree('exec sleep 60', value);
    // Near misses: a longer value, the tag under a variable whose name ends with ours, the tag under another variable.
    const others = [startTree('exec sleep 60', `${value}0`), startTree('exec sleep 60', value, `X${VARIABLE}`), startTree('exec sleep 60', value, 'OTHER')];
    tags.push(`${value}0`);
    await until(() => taggedProcesses(VARIABLE, value).length > 0, 'the tagged sleep');
    expect(taggedProcesses(VARIABLE, value)).toEqual([tagged]);
    for (const pid of others) process.kill(pid, 'SIGKILL');
  });

  it('kills the whole tree, including a setsid child and an orphan re-parented to init', async () => {
    const value = tag();
    const shell = startTree('setsid sleep 60 & (sleep 60 &); sleep 60', value);
    // The shell, the setsid sleep, the orphan sleep and the foreground sleep.
    await until(() => taggedProcesses(VARIABLE, value).length >= 4, 'four tagged processes');
    const before = taggedProcesses(VARIABLE, value);
    // Escapees the process group would miss, and one the parent–child walk from the shell would miss.
    expect(before.some((pid) => stat(pid)!.pgrp !== shell)).toBe(true);
    expect(before.some((pid) => pid !== shell && stat(pid)!.ppid !== shell)).toBe(true);
    expect(killTagged(VARIABLE, value)).toBeGreaterThanOrEqual(before.length);
    expect(taggedProcesses(VARIABLE, value)).toEqual([]);
    await until(() => before.every((pid) => !running(pid)), 'the killed processes to end');
  });

  it('kills a tree that keeps forking, leaving nothing that could fork again', async () => {
    const value = tag();
    startTree('(while :; do sleep 60 & sleep 0.01; done) & relay() { (sleep 0.005; relay) & }; relay; sleep 60', value);
    await until(() => taggedProcesses(VARIABLE, value).length >= 20, 'twenty tagged processes');
    const before = taggedProcesses(VARIABLE, value);
    // Short-lived members (the 10 ms sleeps, the relay's hops) may end on their own before they are signalled.
    expect(killTagged(VARIABLE, value)).toBeGreaterThan(before.length / 2);
    expect(taggedProcesses(VARIABLE, value)).toEqual([]);
    // A survivor would have started new processes by now (the loop forks every 10 ms, the relay every 5 ms).
    await new Promise((r) => setTimeout(r, 200));
    expect(taggedProcesses(VARIABLE, value)).toEqual([]);
  });

  it('spares the processes it is told to', async () => {
    const value = tag();
    const spared = startTree('exec sleep 60', value);
    const killed = startTree('exec sleep 60', value);
    await until(() => taggedProcesses(VARIABLE, value).length === 2, 'two tagged sleeps');
    expect(killTagged(VARIABLE, value, { except: [spared] })).toBe(1);
    await until(() => !running(killed), 'the killed sleep to end');
    expect(running(spared)).toBe(true);
    expect(taggedProcesses(VARIABLE, value)).toEqual([spared]);
  });
});

describe('process tags', () => {
  it('are 128-bit random hex tokens', () => {
    const a = newProcessTag();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newProcessTag()).not.toBe(a);
  });

  it('are found through /proc on Linux (elsewhere only the process group is killed)', () => {
    expect(hasProcFs()).toBe(process.platform === 'linux');
  });
});
