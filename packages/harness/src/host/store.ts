// The result set on disk: <dir>/runs.jsonl (one validated record per line, appended as runs finish) and
// <dir>/manifest.json (plan, shard, versions, machine). A crash can leave at most a torn last line, which readers
// drop with a warning and a resumed sweep truncates before appending.
import { appendFileSync, closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, fstatSync, rmSync, writeFileSync, writeSync, renameSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { assertLocalEntropyRecord, assertManifest, assertRunRecord, LOCAL_ENTROPY_FILE, type LocalEntropyRecord, type Manifest, type RunRecord } from '@densebench/core';
import { firstNonFiniteNumber } from './finite.js';
import { fileLines, LINE_CHUNK_BYTES } from './lines.js';

export const RUNS_FILE = 'runs.jsonl';
export const MANIFEST_FILE = 'manifest.json';
const LOCK_FILE = '.lock';
const TAIL_CHUNK_BYTES = 1 << 16;

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

  /** Appends one record, refused (before writing) unless its JSON line reads back as a valid record. */
  append(record: RunRecord): void {
    const line = toReadableJson(record, assertRunRecord, `record ${record.id}`);
    mkdirSync(this.dir, { recursive: true });
    // One write of one whole line: a crash can tear at most this line.
    appendFileSync(this.runsPath, line + '\n');
  }

  /** Writes manifest.json atomically (temporary file, then rename). */
  writeManifest(manifest: Manifest): void {
    const text = toReadableJson(manifest, assertManifest, this.manifestPath, 2);
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.manifestPath}.${process.pid}.tmp`;
    writeFileSync(temporary, text + '\n');
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
    const line = toReadableJson(record, assertLocalEntropyRecord, `local-entropy record ${record.runId ?? record.reference}`);
    appendFileSync(join(this.dir, LOCAL_ENTROPY_FILE), line + '\n');
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
      const tail = unterminatedTail(fd, size);
      if (isCompleteRecord(tail.toString('utf8'))) {
        // The write got everything but its newline: keep the record, end its line.
        appendFileSync(this.runsPath, '\n');
        return undefined;
      }
      ftruncateSync(fd, size - tail.length);
      return `${this.runsPath}: dropped a torn last line (${tail.length} bytes) left by an interrupted write`;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Marks the result set as in use by this process: creates .lock exclusively, holding "<host> <pid>". Refuses when
   * a live process on this host holds it, or any process on another host (on a shared file system its liveness
   * cannot be checked). A lock left by a dead process on this host is removed and taken.
   */
  lock(): void {
    mkdirSync(this.dir, { recursive: true });
    const mine = lockContent();
    for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
      if (createExclusive(this.lockPath, mine)) return;
      const held = readLockWhenWritten(this.lockPath);
      if (held === undefined) continue; // released since: try again
      const match = /^(\S+) (\d+)\n?$/.exec(held);
      if (!match) throw new Error(`${this.lockPath} holds ${JSON.stringify(held)}, not "<host> <pid>"; if no process is writing ${this.dir}, delete it`);
      const [, host, pidText] = match as unknown as [string, string, string];
      const pid = Number(pidText);
      if (host !== hostname()) {
        throw new Error(`${this.dir} is being written by process ${pid} on host ${host}; if that process has ended, delete ${this.lockPath}`);
      }
      if (pid === process.pid) return; // already ours
      if (isAlive(pid)) {
        throw new Error(`${this.dir} is being written by process ${pid}; wait for it or stop it (a stale ${LOCK_FILE} from a dead process is ignored)`);
      }
      this.breakStaleLock(held);
    }
    const guard = existsSync(this.breakGuardPath) ? `; if no densebench process is running, delete ${this.breakGuardPath}` : '';
    throw new Error(`${this.dir}: could not take ${this.lockPath} in ${LOCK_ATTEMPTS} attempts${guard}`);
  }

  /** Removes .lock if this process holds it (never another process's lock). */
  unlock(): void {
    if (readIfExists(this.lockPath) === lockContent()) rmSync(this.lockPath, { force: true });
  }

  private get breakGuardPath(): string {
    return `${this.lockPath}.break`;
  }

  /**
   * Removes a lock whose holder is dead, if it still holds `stale`. Only the process holding .lock.break may remove
   * another's lock, so between its check of the content and the unlink nobody else can replace it (a live holder never
   * removes a lock but its own); a process that finds the guard taken waits and tries again.
   */
  private breakStaleLock(stale: string): void {
    if (!createExclusive(this.breakGuardPath, lockContent())) {
      sleepMs(LOCK_RETRY_MS);
      return;
    }
    try {
      if (readIfExists(this.lockPath) === stale) rmSync(this.lockPath, { force: true });
    } finally {
      rmSync(this.breakGuardPath, { force: true });
    }
  }
}

const LOCK_ATTEMPTS = 200;
const LOCK_RETRY_MS = 5;
/** How long a lock file may stay empty (its creator about to write it) before it is read as it is. */
const LOCK_WRITE_GRACE_MS = 1000;

const lockContent = (): string => `${hostname()} ${process.pid}\n`;

/** Creates `path` holding `content` if it does not exist (atomically: one process wins); false if it exists. */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
  return true;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The content of a lock file, or undefined if it is gone. A lock is created empty and then written (one short write),
 * so a reader can catch it in between: wait briefly for the content.
 */
function readLockWhenWritten(path: string): string | undefined {
  const deadline = Date.now() + LOCK_WRITE_GRACE_MS;
  for (;;) {
    const content = readIfExists(path);
    if (content !== '' || Date.now() >= deadline) return content;
    sleepMs(1);
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The bytes after the last newline of a file of `size` bytes (the whole file if it has none), read from the end. */
function unterminatedTail(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK_BYTES);
    const chunk = Buffer.allocUnsafe(end - start);
    readSync(fd, chunk, 0, chunk.length, start);
    const newline = chunk.lastIndexOf(0x0a);
    if (newline !== -1) {
      chunks.unshift(chunk.subarray(newline + 1));
      break;
    }
    chunks.unshift(chunk);
    end = start;
  }
  return Buffer.concat(chunks);
}

/**
 * A JSON text of `value` that reads back as valid (parsed, then checked by `check`), or an error naming the field
 * that would not: JSON.stringify turns NaN and ±Infinity into null and drops undefined, so a value that passes
 * `check` in memory can still fail it once on disk.
 */
function toReadableJson<T>(value: T, check: (value: unknown, where: string) => void, where: string, indent?: number): string {
  const nonFinite = firstNonFiniteNumber(value);
  if (nonFinite) throw new Error(`${where}: field "${nonFinite.path || '(root)'}" is not a finite number (${nonFinite.value})`);
  let text: string | undefined;
  try {
    text = JSON.stringify(value, null, indent);
  } catch (error) {
    throw new Error(`${where}: cannot be written as JSON (${(error as Error).message})`);
  }
  if (text === undefined) throw new Error(`${where}: cannot be written as JSON (${typeof value})`);
  check(JSON.parse(text), where);
  return text;
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
 * unterminated, unparsable last line (a write torn by a crash), which is dropped with a warning. A run id recorded
 * twice is an error naming both lines. `chunkBytes` (internal) is the read-buffer size.
 */
export function readRecords(path: string, warn: Warn = warnOnStderr, chunkBytes: number = LINE_CHUNK_BYTES): RunRecord[] {
  const records: RunRecord[] = [];
  const lineOfId = new Map<string, number>();
  forEachJsonLine(path, assertRunRecord, warn, chunkBytes, (record, line) => {
    const first = lineOfId.get(record.id);
    if (first !== undefined) throw new Error(`${path}:${line}: run ${record.id} is recorded twice, on lines ${first} and ${line}`);
    lineOfId.set(record.id, line);
    records.push(record);
  });
  return records;
}

/** Reads a JSON-lines file appended one whole line at a time, validating each line with `check` (see readRecords). */
export function readJsonLines<T>(path: string, check: (value: unknown, where: string) => asserts value is T, warn: Warn = warnOnStderr, chunkBytes: number = LINE_CHUNK_BYTES): T[] {
  const values: T[] = [];
  forEachJsonLine(path, check, warn, chunkBytes, (value) => void values.push(value));
  return values;
}

function forEachJsonLine<T>(path: string, check: (value: unknown, where: string) => asserts value is T, warn: Warn, chunkBytes: number, onValue: (value: T, line: number) => void): void {
  for (const { text, number, terminated } of fileLines(path, chunkBytes)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (!terminated) {
        warn(`${path}:${number}: dropped a torn last line (a write interrupted by a crash)`);
        continue;
      }
      throw new Error(`${path}:${number}: not valid JSON (${(error as Error).message})`);
    }
    check(value, `${path}:${number}`);
    onValue(value, number);
  }
}
