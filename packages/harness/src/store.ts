// The result set on disk: <dir>/runs.jsonl (one validated record per line, appended as runs finish) and
// <dir>/manifest.json (plan, shard, versions, machine). A crash can leave at most a torn last line, which readers
// drop with a warning and a resumed sweep truncates before appending.
import { appendFileSync, closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, fstatSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { assertLocalEntropyRecord, assertRunRecord, LOCAL_ENTROPY_FILE, type LocalEntropyRecord, type RunRecord } from '@densebench/core';
import { assertManifest, type Manifest } from './manifest.js';

export const RUNS_FILE = 'runs.jsonl';
export const MANIFEST_FILE = 'manifest.json';
const LOCK_FILE = '.lock';

export type Warn = (message: string) => void;
const warnOnStderr: Warn = (message) => void process.stderr.write(`warning: ${message}\n`);

export class ResultStore {
  readonly runsPath: string;
  readonly manifestPath: string;
  private readonly lockPath: string;

  constructor(readonly dir: string) {
    this.runsPath = join(dir, RUNS_FILE);
    this.manifestPath = join(dir, MANIFEST_FILE);
    this.lockPath = join(dir, LOCK_FILE);
  }

  exists(): boolean {
    return existsSync(this.manifestPath) || existsSync(this.runsPath);
  }

  /** Creates the directory and an empty runs.jsonl if missing (a shard may have no runs). */
  create(): void {
    mkdirSync(this.dir, { recursive: true });
    if (!existsSync(this.runsPath)) writeFileSync(this.runsPath, '');
  }

  append(record: RunRecord): void {
    assertRunRecord(record, `record ${record.id}`);
    mkdirSync(this.dir, { recursive: true });
    // One write of one whole line: a crash can tear at most this line.
    appendFileSync(this.runsPath, JSON.stringify(record) + '\n');
  }

  /** Writes manifest.json atomically (temporary file, then rename). */
  writeManifest(manifest: Manifest): void {
    assertManifest(manifest, this.manifestPath);
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.manifestPath}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(manifest, null, 2) + '\n');
    renameSync(temporary, this.manifestPath);
  }

  readManifest(): Manifest | undefined {
    if (!existsSync(this.manifestPath)) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(this.manifestPath, 'utf8'));
    } catch (error) {
      throw new Error(`${this.manifestPath}: not valid JSON (${(error as Error).message})`);
    }
    assertManifest(value, this.manifestPath);
    return value;
  }

  records(warn: Warn = warnOnStderr): RunRecord[] {
    return existsSync(this.runsPath) ? readRecords(this.runsPath, warn) : [];
  }

  /** The local-entropy records of the result set (local-entropy.jsonl, written by `densebench local-entropy`), if any. */
  localEntropyRecords(warn: Warn = warnOnStderr): LocalEntropyRecord[] {
    const path = join(this.dir, LOCAL_ENTROPY_FILE);
    return existsSync(path) ? readJsonLines(path, assertLocalEntropyRecord, warn) : [];
  }

  appendLocalEntropy(record: LocalEntropyRecord): void {
    assertLocalEntropyRecord(record, `local-entropy record ${record.runId ?? record.reference}`);
    appendFileSync(join(this.dir, LOCAL_ENTROPY_FILE), JSON.stringify(record) + '\n');
  }

  /**
   * Before appending to an existing runs.jsonl: cut a torn last line (a crash in the middle of a write) so the next
   * record starts on a line of its own. Returns what was done, for a warning, or undefined when nothing was needed.
   */
  repairTornTail(): string | undefined {
    if (!existsSync(this.runsPath)) return undefined;
    const fd = openSync(this.runsPath, 'r+');
    try {
      const size = fstatSync(fd).size;
      if (size === 0) return undefined;
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] === 0x0a) return undefined;
      const text = readFileSync(this.runsPath, 'utf8');
      const cut = text.lastIndexOf('\n') + 1;
      if (isCompleteRecord(text.slice(cut))) {
        // The write got everything but its newline: keep the record, end its line.
        appendFileSync(this.runsPath, '\n');
        return undefined;
      }
      ftruncateSync(fd, Buffer.byteLength(text.slice(0, cut)));
      return `${this.runsPath}: dropped a torn last line (${size - Buffer.byteLength(text.slice(0, cut))} bytes) left by an interrupted write`;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Marks the result set as in use by this process ("<host> <pid>" in .lock). Refuses when a live process on this
   * host holds it, or any process on another host (on a shared file system its liveness cannot be checked).
   */
  lock(): void {
    mkdirSync(this.dir, { recursive: true });
    if (existsSync(this.lockPath)) {
      const [host = '', pidText = ''] = readFileSync(this.lockPath, 'utf8').trim().split(' ');
      const pid = Number(pidText);
      if (host !== hostname()) {
        throw new Error(`${this.dir} is being written by process ${pid} on host ${host}; if that process has ended, delete ${this.lockPath}`);
      }
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new Error(`${this.dir} is being written by process ${pid}; wait for it or stop it (a stale ${LOCK_FILE} from a dead process is ignored)`);
      }
    }
    writeFileSync(this.lockPath, `${hostname()} ${process.pid}`);
  }

  unlock(): void {
    rmSync(this.lockPath, { force: true });
  }
}

function isCompleteRecord(line: string): boolean {
  try {
    assertRunRecord(JSON.parse(line));
    return true;
  } catch {
    return false;
  }
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
 * Reads and validates a runs.jsonl file. A bad line is an error naming the file, line and field — except an
 * unterminated, unparsable last line (a write torn by a crash), which is dropped with a warning.
 */
export function readRecords(path: string, warn: Warn = warnOnStderr): RunRecord[] {
  return readJsonLines(path, assertRunRecord, warn);
}

/** Reads a JSON-lines file appended one whole line at a time, validating each line with `check` (see readRecords). */
export function readJsonLines<T>(path: string, check: (value: unknown, where: string) => asserts value is T, warn: Warn = warnOnStderr): T[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const values: T[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const isUnterminatedLast = index === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (isUnterminatedLast) {
        warn(`${path}:${index + 1}: dropped a torn last line (a write interrupted by a crash)`);
        continue;
      }
      throw new Error(`${path}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    check(value, `${path}:${index + 1}`);
    values.push(value);
  }
  return values;
}
