// End-to-end: interrupted sweeps lose nothing, shards merge into exactly the unsharded plan, studies live in files.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { densebench, exited, progressLines, readRuns, scratch, spawnDensebench } from './helpers.js';

// 40 runs at N = 101 that each take a fraction of a second: long enough to be killed in the middle.
const SWEEP = ['bench', '--n', '101', '--alpha', '0.3:0.65', '--seeds', '5', '--workers', '2'];

const byId = (runs: ReturnType<typeof readRuns>): string[] => runs.map((r) => `${r.id} ${r.status} ${r.energy} ${r.work}`).sort();

describe('interrupted sweeps', () => {
  it('SIGKILL mid-sweep plus a torn last line: resuming completes the set with no duplicate and no corrupt record', async () => {
    const cwd = scratch();
    const child = spawnDensebench([...SWEEP, '--name', 'k'], cwd);
    await progressLines(child, 5);
    child.kill('SIGKILL');
    await exited(child);
    const before = readRuns(join(cwd, 'results/k'));
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.length).toBeLessThan(40);
    appendFileSync(join(cwd, 'results/k/runs.jsonl'), '{"schema":1,"id":"sa/percep'); // a write torn by the kill

    // Bare --resume picks the most recent unfinished result set and re-runs the command that made it.
    const resumed = await densebench(['bench', '--resume', '--quiet'], cwd);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming k: densebench bench --n 101 .* --name k/);
    expect(resumed.stderr).toMatch(/warning: .*dropped a torn last line/);
    expect(resumed.stderr).toMatch(new RegExp(`resuming results/k: ${before.length} runs already recorded, ${40 - before.length} to go`));
    const after = readRuns(join(cwd, 'results/k'));
    expect(after).toHaveLength(40);
    expect(new Set(after.map((r) => r.id)).size).toBe(40);
    expect(JSON.parse(readFileSync(join(cwd, 'results/k/manifest.json'), 'utf8'))).toMatchObject({ finished: true });

    // SA is deterministic given its seed: the resumed set equals a sweep that was never interrupted.
    const clean = await densebench([...SWEEP, '--name', 'clean', '--quiet'], cwd);
    expect(clean.code).toBe(0);
    expect(byId(after)).toEqual(byId(readRuns(join(cwd, 'results/clean'))));
  });

  it('Ctrl-C stops cleanly and says how to resume; following the hint finishes the set', async () => {
    const cwd = scratch();
    const child = spawnDensebench([...SWEEP, '--name', 'int'], cwd);
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await progressLines(child, 3);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(130);
    expect(stdout).toMatch(/interrupted with \d+ runs left: resume with `densebench bench --resume --name int`/);
    const partial = readRuns(join(cwd, 'results/int'));
    expect(partial.length).toBeLessThan(40);
    expect(JSON.parse(readFileSync(join(cwd, 'results/int/manifest.json'), 'utf8'))).toMatchObject({ finished: false });

    // The hint printed above, followed literally, resumes with the stored command (not the defaults).
    const resumed = await densebench(['bench', '--resume', '--name', 'int', '--quiet'], cwd);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming int: densebench .*--name int/);
    expect(readRuns(join(cwd, 'results/int'))).toHaveLength(40);
    const nothingLeft = await densebench(['bench', '--resume'], cwd);
    expect(nothingLeft.stderr).toMatch(/no unfinished result set in results\/ to resume/);
  });

  it('refuses to resume into a result set of another plan', async () => {
    const cwd = scratch();
    await densebench(['bench', '--n', '51', '--alpha', '0.3', '--seeds', '2', '--name', 'p', '-q'], cwd);
    const other = await densebench(['bench', '--n', '51', '--alpha', '0.3', '--seeds', '2', '--name', 'p', '--param', 'sweeps=5', '-q'], cwd);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/has run sa\/perceptron\/n51\/a0.3\/s\d with params .* use another --name/);
    const grown = await densebench(['bench', '--n', '51', '--alpha', '0.3', '--seeds', '3', '--name', 'p', '-q'], cwd);
    expect(grown.stderr).toMatch(/2 runs already recorded, 1 to go/);
    const missing = await densebench(['bench', '--resume', '--name', 'nothing'], cwd);
    expect(missing.stderr).toMatch(/no result set results\/nothing to resume/);
    const mixed = await densebench(['bench', '--resume', '--name', 'p', '--alpha', '0.5'], cwd);
    expect(mixed.stderr).toMatch(/--resume takes the plan from the result set; drop --alpha/);
  });
});

describe('shards and merge', () => {
  it('shards 1/3, 2/3, 3/3 merged give exactly the run set of the unsharded plan', async () => {
    const cwd = scratch();
    const plan = ['bench', '--n', '51', '--alpha', '0.3:0.6:0.1', '--seeds', '4', '--quiet', '--workers', '1'];
    await densebench([...plan, '--name', 'whole'], cwd);
    for (const i of [1, 2, 3]) {
      const shard = await densebench([...plan, '--name', 'part', '--shard', `${i}/3`], cwd);
      expect(shard.code, shard.stderr).toBe(0);
      expect(shard.stderr).toMatch(new RegExp(`16|5|6 runs \\(shard ${i}/3 of 16\\)`));
    }
    const merged = await densebench(['merge', 'results/part-shard1of3', 'results/part-shard2of3', 'results/part-shard3of3', '-o', 'results/all'], cwd);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/merged 16 runs of 16 \(the whole plan\)/);
    expect(byId(readRuns(join(cwd, 'results/all')))).toEqual(byId(readRuns(join(cwd, 'results/whole'))));
    expect(JSON.parse(readFileSync(join(cwd, 'results/all/manifest.json'), 'utf8'))).toMatchObject({ finished: true, shard: null });

    const report = await densebench(['report', 'results/all'], cwd);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('report:  reports/all/index.html');
  });

  it('refuses to merge different plans unless forced, and duplicate runs always', async () => {
    const cwd = scratch();
    await densebench(['bench', '--n', '51', '--alpha', '0.3', '--seeds', '2', '--name', 'a', '-q'], cwd);
    await densebench(['bench', '--n', '51', '--alpha', '0.4', '--seeds', '2', '--name', 'b', '-q'], cwd);
    const refused = await densebench(['merge', 'results/a', 'results/b', '-o', 'results/ab'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/has a different plan .* use --force/);
    const forced = await densebench(['merge', 'results/a', 'results/b', '-o', 'results/ab', '--force'], cwd);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readRuns(join(cwd, 'results/ab'))).toHaveLength(4);
    const duplicate = await densebench(['merge', 'results/a', 'results/a', '-o', 'results/aa'], cwd);
    expect(duplicate.stderr).toMatch(/run sa\/perceptron\/n51\/a0.3\/s\d is in both/);
  });
});

describe('study files and reruns', () => {
  it('runs a study from a JSON file, with command-line options overriding it', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'study.json'), JSON.stringify({ name: 'study', problem: 'ksat', n: [60], alpha: '3:3.5:0.5', k: 3, seeds: 2, timeout: 30, plugins: [{ plugin: 'sa', params: { sweeps: 500 } }] }));
    const { code, stderr } = await densebench(['bench', '--config', 'study.json', '--seeds', '3', '--quiet'], cwd);
    expect(code, stderr).toBe(0);
    const runs = readRuns(join(cwd, 'results/study'));
    expect(runs).toHaveLength(6);
    expect(runs.every((r) => r.id.startsWith('sa/ksat/n60/k3/'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(cwd, 'results/study/manifest.json'), 'utf8')) as { plan: { plugins: { params: { sweeps: number } }[]; timeLimitS: number } };
    expect(manifest.plan.plugins[0]!.params.sweeps).toBe(500);
    expect(manifest.plan.timeLimitS).toBe(30);
  });

  it('names the field at fault in a bad study file', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ problem: 'tsp', seeds: 2, plugins: [{ name: 'sa' }] }));
    const { code, stderr } = await densebench(['bench', '--config', 'bad.json'], cwd);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad.json: field "problem" must be equal to one of the allowed values/);
    expect(stderr).toMatch(/bad.json: missing field "plugins.0.plugin"/);
  });

  it('rerun reproduces the verified energy of a deterministic solver', async () => {
    const cwd = scratch();
    await densebench(['bench', '--n', '101', '--alpha', '0.3,0.7', '--seeds', '1', '--name', 'r', '-q', '--param', 'sweeps=300'], cwd);
    const { code, stdout } = await densebench(['rerun', 'results/r', '--id', 'sa/perceptron/n101/a0.3/s1', '--id', 'sa/perceptron/n101/a0.7/s1'], cwd);
    expect(code, stdout).toBe(0);
    expect(stdout.match(/^ {2}reproduced$/gm)).toHaveLength(2);
    const unknown = await densebench(['rerun', 'results/r', '--id', 'nope'], cwd);
    expect(unknown.stderr).toMatch(/no run "nope"/);
  });
});
