// Processes that call ResultStore.lock() on one result set at the same instant: exactly one gets it, the others are
// told who holds it — with no lock there before, and with a stale lock of a dead process there before.
// The racers are separate Node processes (a lock is per process), running the compiled store (dist/, built by tsc -b).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const storeModule = new URL('../dist/host/store.js', import.meta.url).href;
const RACERS = 6;
const ROUNDS = 4;

// Waits for <go> (spinning, so all racers leave the barrier within a scheduler tick), calls lock(), reports, then
// holds the lock until <release> exists, so a late racer cannot find it free.
const racer = `
import { existsSync } from 'node:fs';
const { ResultStore } = await import(process.argv[2]);
const [, , , dir, go, release] = process.argv;
const store = new ResultStore(dir);
process.stdout.write('ready\\n');
while (!existsSync(go));
let outcome;
try {
  store.lock();
  outcome = 'locked ' + process.pid;
} catch (error) {
  outcome = 'refused ' + error.message;
}
process.stdout.write(outcome + '\\n');
while (!existsSync(release)) await new Promise((resolve) => setTimeout(resolve, 5));
store.unlock();
`;

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop()!;
    parts.forEach(onLine);
  });
}

/** Runs one race on `dir`; resolves with each racer's outcome line and pid once all have exited. */
async function race(dir: string, script: string): Promise<{ pid: number; outcome: string }[]> {
  const go = join(dir, '..', `go-${Math.random()}`);
  const release = join(dir, '..', `release-${Math.random()}`);
  const children = Array.from({ length: RACERS }, () => spawn(process.execPath, [script, storeModule, dir, go, release], { stdio: ['ignore', 'pipe', 'inherit'] }));
  let ready = 0;
  const outcomes: { pid: number; outcome: string }[] = [];
  const allReported = new Promise<void>((resolve) => {
    for (const child of children) {
      lines(child, (line) => {
        if (line === 'ready') {
          if (++ready === RACERS) writeFileSync(go, '');
        } else {
          outcomes.push({ pid: child.pid!, outcome: line });
          if (outcomes.length === RACERS) resolve();
        }
      });
    }
  });
  const exits = children.map((child) => new Promise<number | null>((resolve) => child.once('exit', resolve)));
  await allReported;
  writeFileSync(release, '');
  expect(await Promise.all(exits)).toEqual(Array(RACERS).fill(0));
  return outcomes;
}

function expectOneWinner(outcomes: { pid: number; outcome: string }[], dir: string): void {
  const winners = outcomes.filter((o) => o.outcome.startsWith('locked'));
  expect(winners.map((w) => w.outcome)).toEqual([`locked ${winners[0]?.pid}`]);
  for (const loser of outcomes.filter((o) => !o.outcome.startsWith('locked'))) {
    expect(loser.outcome).toBe(`refused ${dir} is being written by process ${winners[0]!.pid}; wait for it or stop it (a stale .lock from a dead process is ignored)`);
  }
}

describe('ResultStore.lock() under a race', () => {
  const root = mkdtempSync(join(tmpdir(), 'densebench-lock-race-'));
  const script = join(root, 'racer.mjs');
  writeFileSync(script, racer);

  it(`gives the lock to exactly one of ${RACERS} processes starting together, ${ROUNDS} rounds`, async () => {
    expect(existsSync(fileURLToPath(storeModule)), 'build first: pnpm exec tsc -b').toBe(true);
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(root, `fresh-${round}`);
      expectOneWinner(await race(dir, script), dir);
      expect(existsSync(join(dir, '.lock')), 'the winner removes its lock').toBe(false);
    }
  });

  it(`gives a stale lock (dead process) to exactly one of ${RACERS} processes, ${ROUNDS} rounds`, async () => {
    // A process that has exited: its pid is dead (and, just after, not yet reused).
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(root, `stale-${round}`);
      mkdirSync(dir);
      writeFileSync(join(dir, '.lock'), `${hostname()} ${dead.pid}\n`);
      expectOneWinner(await race(dir, script), dir);
      expect(existsSync(join(dir, '.lock.break')), 'no stale-lock guard is left behind').toBe(false);
    }
  });
});
