// DENSEBENCH_SECRET keys every instance of a sweep: records and manifest carry its public id, never the secret, and
// the result set is resumed, re-run and analysed only with the same secret.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generate, instanceHash, secretId } from '@densebench/problems';
import { bin, readRuns, scratch } from './helpers.js';

const run = promisify(execFile);
const SECRET = 'a-leaderboard-secret-0123456789';

async function densebenchWith(env: Record<string, string | undefined>, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const environment = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete environment[key];
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: environment, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('a sweep keyed with DENSEBENCH_SECRET', () => {
  it('records the secret id, uses keyed instances, and needs the same secret to resume, rerun and analyse', async () => {
    const cwd = scratch();
    const bench = ['bench', '--plugin', 'sa', '--problem', 'teacher-student', '--n', '51', '--alpha', '1', '--seeds', '2', '--name', 'keyed', '--workers', '2', '--no-png', '--quiet'];
    const made = await densebenchWith({ DENSEBENCH_SECRET: SECRET }, bench, cwd);
    expect(made.code, made.stderr).toBe(0);
    const records = readRuns(join(cwd, 'results', 'keyed')) as unknown as { id: string; seed: number; instanceHash: string; secretId?: string }[];
    expect(records).toHaveLength(2);
    for (const r of records) {
      expect(r.secretId).toBe(secretId(SECRET));
      const spec = { problem: 'teacher-student' as const, n: 51, alpha: 1, k: null, seed: r.seed };
      expect(r.instanceHash).toBe(instanceHash(generate(spec, SECRET).instance));
      expect(r.instanceHash).not.toBe(instanceHash(generate(spec).instance));
    }
    const manifest = JSON.parse(readFileSync(join(cwd, 'results', 'keyed', 'manifest.json'), 'utf8')) as { secretId?: string };
    expect(manifest.secretId).toBe(secretId(SECRET));
    // The secret itself is written nowhere.
    for (const file of [...filesUnder(join(cwd, 'results')), ...filesUnder(join(cwd, 'reports'))]) expect(readFileSync(file, 'latin1')).not.toContain(SECRET);

    const more = bench.map((arg, i) => (bench[i - 1] === '--seeds' ? '3' : arg));
    const withoutSecret = await densebenchWith({ DENSEBENCH_SECRET: undefined }, more, cwd);
    expect(withoutSecret.code).toBe(1);
    expect(withoutSecret.stderr).toMatch(/was made with a secret \(id [0-9a-f]{16}\): set DENSEBENCH_SECRET to that secret/);
    const otherSecret = await densebenchWith({ DENSEBENCH_SECRET: 'another-secret-of-sufficient-length' }, bench, cwd);
    expect(otherSecret.code).toBe(1);
    expect(otherSecret.stderr).toMatch(/was made with another secret/);

    const id = records[0]!.id;
    const rerunWithout = await densebenchWith({ DENSEBENCH_SECRET: undefined }, ['rerun', 'results/keyed', '--id', id], cwd);
    expect(rerunWithout.code).toBe(1);
    expect(rerunWithout.stderr).toMatch(/set DENSEBENCH_SECRET/);
    const rerunWith = await densebenchWith({ DENSEBENCH_SECRET: SECRET }, ['rerun', 'results/keyed', '--id', id], cwd);
    expect(rerunWith.code, rerunWith.stderr).toBe(0);
    expect(rerunWith.stdout).toMatch(/reproduced/);

    const analysis = await densebenchWith({ DENSEBENCH_SECRET: undefined }, ['local-entropy', 'results/keyed', '--gammas', '1', '--no-png'], cwd);
    expect(analysis.code).toBe(1);
    expect(analysis.stderr).toMatch(/set DENSEBENCH_SECRET/);
  });

  it('refuses a secret too short to resist a search, and continues a public set only without one', async () => {
    const cwd = scratch();
    const short = await densebenchWith({ DENSEBENCH_SECRET: 'short' }, ['bench', '--plugin', 'sa', '--n', '21', '--alpha', '0.3', '--seeds', '1', '--no-png', '--quiet'], cwd);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/DENSEBENCH_SECRET/);
    expect(short.stderr).not.toContain('short\n');
    const bench = ['bench', '--plugin', 'sa', '--n', '21', '--alpha', '0.3', '--seeds', '1', '--name', 'public', '--no-png', '--quiet'];
    expect((await densebenchWith({ DENSEBENCH_SECRET: undefined }, bench, cwd)).code).toBe(0);
    const keyedResume = await densebenchWith({ DENSEBENCH_SECRET: SECRET }, bench, cwd);
    expect(keyedResume.code).toBe(1);
    expect(keyedResume.stderr).toMatch(/made without a secret \(public instances\), but DENSEBENCH_SECRET is set/);
  });
});
