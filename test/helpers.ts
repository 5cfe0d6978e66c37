// Running the compiled CLI the way a user does, in scratch directories.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const bin = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
const run = promisify(execFile);

export async function densebench(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export function spawnDensebench(args: string[], cwd: string): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

export const scratch = (): string => mkdtempSync(join(tmpdir(), 'densebench-e2e-'));

/** Parsed lines of a result set's runs.jsonl. */
export function readRuns(dir: string): { id: string; energy: number | null; status: string; work: number | null }[] {
  return readFileSync(join(dir, 'runs.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; energy: number | null; status: string; work: number | null });
}

/** Resolves when the process has exited (and its threads are gone). */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves once the child's stderr has printed `count` progress lines. */
export function progressLines(child: ChildProcess, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/^\[\s*\d+\//gm) ?? []).length;
      if (seen >= count) resolve();
    });
  });
}
