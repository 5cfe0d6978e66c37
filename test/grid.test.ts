// Parameter grids: every combination runs as its own variant (rmc[y=3]), through sweep, resume, shard and merge,
// report and check, from the command line, a study file, and an external program's declared parameters.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { densebench, readRuns, scratch } from './helpers.js';

const small = ['--n', '31', '--alpha', '0.3', '--workers', '2', '--no-png', '--quiet'];
const manifest = (cwd: string, name: string): { plan: { plugins: { name: string; params: Record<string, unknown>; variant?: { plugin: string; values: Record<string, unknown> } }[] } } =>
  JSON.parse(readFileSync(join(cwd, 'results', name, 'manifest.json'), 'utf8'));
const params = (cwd: string, name: string): Map<string, Record<string, unknown>> =>
  new Map(readFileSync(join(cwd, 'results', name, 'runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; params: Record<string, unknown> }).map((r) => [r.id, r.params]));

describe('--grid', () => {
  it('runs every combination as a variant, labelled and recorded with its values, and resumes, shards and merges like any plan', async () => {
    const cwd = scratch();
    const grid = ['--plugin', 'sa', '--plugin', 'rmc', '--grid', 'rmc.y=3,5', '--grid', 'sa.restarts=1,2', '--param', 'rmc.sweeps=200'];
    const first = await densebench(['bench', ...grid, ...small, '--seeds', '2', '--name', 'g'], cwd);
    expect(first.code, first.stderr).toBe(0);
    const runs = readRuns(join(cwd, 'results', 'g'));
    expect(runs.map((r) => r.id.split('/')[0]).sort()).toEqual(['rmc[y=3]', 'rmc[y=3]', 'rmc[y=5]', 'rmc[y=5]', 'sa[restarts=1]', 'sa[restarts=1]', 'sa[restarts=2]', 'sa[restarts=2]']);
    const recorded = params(cwd, 'g');
    expect(recorded.get('rmc[y=5]/perceptron/n31/a0.3/s1')).toMatchObject({ y: 5, sweeps: 200 });
    expect(recorded.get('sa[restarts=2]/perceptron/n31/a0.3/s2')).toMatchObject({ restarts: 2 });
    expect(manifest(cwd, 'g').plan.plugins.find((p) => p.name === 'rmc[y=3]')).toMatchObject({ params: { y: 3 }, variant: { plugin: 'rmc', values: { y: 3 } } });
    expect(first.stdout).toMatch(/rmc\[y=5\]/);

    // The plan grows by a seed: only the new runs are run.
    const more = await densebench(['bench', ...grid, ...small, '--seeds', '3', '--name', 'g'], cwd);
    expect(more.code, more.stderr).toBe(0);
    expect(more.stderr).toMatch(/8 runs already recorded, 4 to go/);
    // Two shards merged equal the unsharded plan, run by run.
    for (const shard of ['1/2', '2/2']) expect((await densebench(['bench', ...grid, ...small, '--seeds', '3', '--name', 's', '--shard', shard], cwd)).code).toBe(0);
    const merged = await densebench(['merge', 'results/s-shard1of2', 'results/s-shard2of2', '-o', 'results/s'], cwd);
    expect(merged.code, merged.stderr).toBe(0);
    const energies = (name: string): Map<string, unknown> => new Map(readRuns(join(cwd, 'results', name)).map((r) => [r.id, [r.status, r.energy, r.work]]));
    expect(energies('s')).toEqual(energies('g'));
    // A report of it, and a check of it against itself.
    expect((await densebench(['report', 'results/s', '--no-png'], cwd)).code).toBe(0);
    const check = await densebench(['check', 'results/s', '--baseline', 'results/g'], cwd);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    // rerun of a variant's run reproduces it.
    const rerun = await densebench(['rerun', 'results/g', '--id', 'rmc[y=5]/perceptron/n31/a0.3/s1'], cwd);
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/reproduced/);
  }, 180_000);

  it('takes the "grid" of a study file, and names what is wrong', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'study.json'), JSON.stringify({ name: 'study', problem: 'perceptron', n: [31], alpha: 0.3, seeds: 1, plugins: [{ plugin: 'rmc', params: { sweeps: 100 }, grid: { y: [3, 5], gamma0: [0.1, 0.2] } }] }));
    const made = await densebench(['bench', '--config', 'study.json', '--no-png', '--quiet'], cwd);
    expect(made.code, made.stderr).toBe(0);
    expect(readRuns(join(cwd, 'results', 'study')).map((r) => r.id.split('/')[0]).sort()).toEqual(['rmc[y=3,gamma0=0.1]', 'rmc[y=3,gamma0=0.2]', 'rmc[y=5,gamma0=0.1]', 'rmc[y=5,gamma0=0.2]']);
    const unknown = await densebench(['bench', '--plugin', 'rmc', '--grid', 'rmc.nope=1,2', ...small, '--seeds', '1'], cwd);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/grid of rmc: it has no parameter "nope"/);
    const both = await densebench(['bench', '--plugin', 'rmc', '--grid', 'rmc.y=3,5', '--param', 'rmc.y=7', ...small, '--seeds', '1'], cwd);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/parameter "y" is given a value and a grid/);
    const badValue = await densebench(['bench', '--plugin', 'rmc', '--grid', 'rmc.y=3,zero', ...small, '--seeds', '1'], cwd);
    expect(badValue.code).toBe(1);
    expect(badValue.stderr).toMatch(/field "y"/);
  }, 120_000);

  it('sets the declared parameters of an external program, on its command line', async () => {
    const cwd = scratch();
    const external = fileURLToPath(new URL('./fixtures/echo-param.json', import.meta.url));
    const made = await densebench(['bench', '--plugin', external, '--grid', 'echo-param.budget=3,11', ...small, '--seeds', '1', '--name', 'e'], cwd);
    expect(made.code, made.stderr).toBe(0);
    const runs = readRuns(join(cwd, 'results', 'e'));
    expect(new Map(runs.map((r) => [r.id.split('/')[0], r.work]))).toEqual(new Map([['echo-param[budget=3]', 3], ['echo-param[budget=11]', 11]]));
    const plain = await densebench(['bench', '--plugin', external, ...small, '--seeds', '1', '--name', 'd'], cwd);
    expect(plain.code, plain.stderr).toBe(0);
    expect(readRuns(join(cwd, 'results', 'd'))[0]!.work).toBe(7);
  }, 60_000);
});
