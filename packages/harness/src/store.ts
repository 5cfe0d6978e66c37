// The result set on disk: results/<name>/runs.jsonl (one validated record per line, appended as runs finish)
// and results/<name>/manifest.json (the plan, versions and machine).
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertRunRecord, type RunRecord } from '@densebench/core';
import type { MachineInfo } from './machine.js';

export interface Manifest {
  name: string;
  createdAt: string;
  updatedAt: string;
  harnessVersion: string;
  machine: MachineInfo;
  plan: {
    problem: string;
    ns: number[];
    alphas: number[];
    k: number | null;
    seeds: number[];
    timeLimitS: number;
    plugins: { name: string; version: string; params: Record<string, unknown> }[];
    runs: number;
  };
  command: string[];
  finished: boolean;
}

export const RUNS_FILE = 'runs.jsonl';
export const MANIFEST_FILE = 'manifest.json';

export class ResultStore {
  readonly runsPath: string;
  readonly manifestPath: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.runsPath = join(dir, RUNS_FILE);
    this.manifestPath = join(dir, MANIFEST_FILE);
  }

  append(record: RunRecord): void {
    assertRunRecord(record, `record ${record.id}`);
    appendFileSync(this.runsPath, JSON.stringify(record) + '\n');
  }

  writeManifest(manifest: Manifest): void {
    writeFileSync(this.manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  }

  readManifest(): Manifest | undefined {
    return existsSync(this.manifestPath) ? (JSON.parse(readFileSync(this.manifestPath, 'utf8')) as Manifest) : undefined;
  }

  records(): RunRecord[] {
    return existsSync(this.runsPath) ? readRecords(this.runsPath) : [];
  }
}

/** Reads and validates a runs.jsonl file; an invalid line is an error naming the file, line and field. */
export function readRecords(path: string): RunRecord[] {
  const records: RunRecord[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    assertRunRecord(value, `${path}:${index + 1}`);
    records.push(value);
  });
  return records;
}
