// A result-set name is one path segment: `bench --name ..` (or a study file's "name": "..") would write the result
// set into the working directory and its report over ./charts; a manifest's name decides where `report` writes. Each
// is refused, naming where the name came from and its value, before anything is written.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { densebench, scratch } from './helpers.js';

const tiny = ['--plugin', 'sa', '--n', '21', '--alpha', '0.3', '--seeds', '1', '--workers', '1', '--no-png'];

/** A scratch directory holding a chart the report writer would clear if it wrote there. */
function workingDir(): string {
  const cwd = scratch();
  mkdirSync(join(cwd, 'charts'));
  writeFileSync(join(cwd, 'charts', 'mine.png'), 'not a report chart');
  return cwd;
}

describe('result-set names on the command line', () => {
  it('bench --name .. exits 1 naming the value and writes nothing', async () => {
    const cwd = workingDir();
    const { code, stderr } = await densebench(['bench', ...tiny, '--name', '..', '--out', 'out/results', '--reports', 'out/reports'], cwd);
    expect(code).toBe(1);
    expect(stderr).toContain('densebench: --name ".." cannot name a result set: it starts with "."');
    expect(readdirSync(cwd).sort()).toEqual(['charts']);
    expect(readdirSync(join(cwd, 'charts'))).toEqual(['mine.png']);
  });

  it.each([['a/b', 'it contains "/"'], ['.', 'it starts with "."'], ['x y', 'it contains " "']])('bench --name %j exits 1: %s', async (name, problem) => {
    const cwd = workingDir();
    const { code, stderr } = await densebench(['bench', ...tiny, '--name', name], cwd);
    expect(code).toBe(1);
    expect(stderr).toContain(`densebench: --name ${JSON.stringify(name)} cannot name a result set: ${problem}`);
    expect(readdirSync(cwd)).toEqual(['charts']);
  });

  it('a study file named ".." is refused, naming the file and field', async () => {
    const cwd = workingDir();
    writeFileSync(join(cwd, 'study.json'), JSON.stringify({ name: '..', plugins: ['sa'], n: 21, alpha: 0.3, seeds: 1 }));
    const { code, stderr } = await densebench(['bench', '--config', 'study.json', '--workers', '1', '--no-png'], cwd);
    expect(code).toBe(1);
    expect(stderr).toContain('densebench: study.json: field "name" ".." cannot name a result set: it starts with "."');
    expect(readdirSync(cwd).sort()).toEqual(['charts', 'study.json']);
  });

  it('report refuses a result set whose manifest names it "../../x", and writes no report', async () => {
    const cwd = workingDir();
    const made = await densebench(['bench', ...tiny, '--name', 'ok', '--reports', 'made'], cwd);
    expect(made.code, made.stderr).toBe(0);
    const manifestPath = join(cwd, 'results', 'ok', 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), name: '../../x' }));
    const { code, stderr } = await densebench(['report', 'results/ok', '--no-png'], cwd);
    expect(code).toBe(1);
    expect(stderr).toContain(`densebench: ${manifestPath}: field "name" "../../x" cannot name a result set: it starts with "."`);
    expect(readdirSync(cwd).sort()).toEqual(['charts', 'made', 'results']);
    expect(readdirSync(join(cwd, 'charts'))).toEqual(['mine.png']);
  });

  it('report asks for --output when a result set without a manifest sits in a folder that cannot name a report', async () => {
    const cwd = workingDir();
    const made = await densebench(['bench', ...tiny, '--name', 'ok'], cwd);
    expect(made.code, made.stderr).toBe(0);
    mkdirSync(join(cwd, 'my results'));
    writeFileSync(join(cwd, 'my results', 'runs.jsonl'), readFileSync(join(cwd, 'results', 'ok', 'runs.jsonl')));
    const refused = await densebench(['report', 'my results', '--no-png'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`densebench: report: the result set in ${join(cwd, 'my results')} is named "my results", which cannot name a report folder (it contains " "`);
    const given = await densebench(['report', 'my results', '--no-png', '--output', 'elsewhere'], cwd);
    expect(given.code, given.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'elsewhere'))).toContain('index.html');
  });
});
