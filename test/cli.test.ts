// End-to-end: the CLI as a user runs it (the compiled bin, in a scratch directory).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertLocalEntropyRecord, assertRunRecord, ksatEnergy, type LocalEntropyRecord, type RunRecord } from '@densebench/core';
import { instanceHash, parseDimacs, plantedAssignment } from '@densebench/problems';
import { densebench, scratch } from './helpers.js';

describe('densebench bench', () => {
  it('runs a small sweep, writes validated results, a manifest and a self-contained report', async () => {
    const cwd = scratch();
    const { code, stdout, stderr } = await densebench(['bench', '--plugin', 'sa', '--alpha', '0.3,0.5', '--n', '51', '--seeds', '2', '--name', 'e2e', '--workers', '2'], cwd);
    expect(code, stderr).toBe(0);
    const lines = readFileSync(join(cwd, 'results/e2e/runs.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    const records = lines.map((line) => JSON.parse(line) as unknown);
    records.forEach((r) => assertRunRecord(r));
    expect(new Set(records.map((r) => (r as { id: string }).id)).size).toBe(4);
    const manifest = JSON.parse(readFileSync(join(cwd, 'results/e2e/manifest.json'), 'utf8')) as { finished: boolean; plan: { runs: number } };
    expect(manifest).toMatchObject({ finished: true, plan: { runs: 4 } });
    expect(stderr).toMatch(/\[4\/4 /); // progress lines
    expect(stdout).toMatch(/sa\s+perceptron\s+51\s+0\.3\s+\d\/2/);
    expect(stdout).toContain('report:  reports/e2e/index.html');
    expect(stdout).toContain('summary: reports/e2e/summary.md');
    // Success rate, median time and work, TTS₉₉, cactus, the anytime curves at each of the two αs and flatness charts
    // of the one group, each as a PNG and an SVG.
    expect(stdout).toContain('charts:  reports/e2e/charts/ (8 PNG, 8 SVG)');
    expect(existsSync(join(cwd, 'reports/e2e/charts/perceptron-n51-success.png'))).toBe(true);
    expect(existsSync(join(cwd, 'reports/e2e/charts/perceptron-n51-success.svg'))).toBe(true);
    expect(readFileSync(join(cwd, 'reports/e2e/summary.md'), 'utf8')).toMatch(/^\| 1 \| sa \| /m);
    expect(stdout).toMatch(/TTS₉₉ \[95%\]/);
    const html = readFileSync(join(cwd, 'reports/e2e/index.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('Success rate');

    // Re-running the same name resumes: nothing left to run, nothing duplicated.
    const again = await densebench(['bench', '--plugin', 'sa', '--alpha', '0.3,0.5', '--n', '51', '--seeds', '2', '--name', 'e2e'], cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/4 runs already recorded, 0 to go/);
    expect(readFileSync(join(cwd, 'results/e2e/runs.jsonl'), 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('documents every option in --help', async () => {
    const { stdout } = await densebench(['bench', '--help'], scratch());
    for (const option of ['--plugin', '--problem', '--alpha', '-n', '-k', '--seeds', '--timeout', '--workers', '--out', '--name', '--param', '--memory', '--reports']) {
      expect(stdout).toMatch(new RegExp(`^\\s+(-\\w, )?${option}\\s+\\S`, 'm'));
    }
  });

  it.each([
    [['--alpha', '0.3', '--plugin', 'nope'], /unknown plugin "nope"[\s\S]*built-in plugins \(cadical, entropy-sgd, fbp, fms, lesa, minisat, native-fbp, native-fms, native-sa, picosat, rbp, rmc, rsgd, sa, sgd\)/],
    [['--alpha', '0.8:0.3'], /--alpha "0.8:0.3": the end 0.3 is below the start 0.8/],
    [['--alpha', '0.3', '--param', 'sweeps=many'], /plugin sa param: field "sweeps" must be a decimal number, got "many"/],
    [['--alpha', '0.3', '--param', 'temperature=2'], /no selected plugin has a parameter "temperature"/],
    [['--alpha', '0.3', '--n', '200'], /N must be odd/],
    [['--alpha', '0.3', '--problem', 'tsp'], /Invalid values[\s\S]*tsp/],
  ])('fails clearly on %j', async (args, message) => {
    const { code, stderr } = await densebench(['bench', '--seeds', '1', ...args], scratch());
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });
});

describe('densebench generate and solve', () => {
  it('writes byte-identical instance files for the same arguments', async () => {
    const cwd = scratch();
    const args = ['generate', '--problem', 'ksat', '--n', '200', '--alpha', '4.2', '--seed', '7'];
    await densebench([...args, '-o', 'a.cnf'], cwd);
    await densebench([...args, '-o', 'b.cnf'], cwd);
    expect(readFileSync(join(cwd, 'a.cnf'))).toEqual(readFileSync(join(cwd, 'b.cnf')));
    expect(readFileSync(join(cwd, 'a.cnf'), 'latin1')).toContain('adb06b268e604f583166e6992ab5e6e1a0333868684b2153b42bbed3698ef561');
  });

  it('writes a planted K-SAT instance as DIMACS CNF, without its planted assignment, which satisfies it', async () => {
    const cwd = scratch();
    const { code, stderr } = await densebench(['generate', '--problem', 'planted-ksat', '--n', '200', '--alpha', '4.2', '--seed', '7', '-o', 'p.cnf'], cwd);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('wrote p.cnf (200 variables, 840 clauses)');
    const text = readFileSync(join(cwd, 'p.cnf'), 'latin1');
    expect(text).toMatch(/^c densebench generated instance: densebench:v1:planted-ksat:n=200:k=3:alpha=4.2:seed=7$/m);
    expect(text).toMatch(/^c planted K-SAT; the planted assignment is not included$/m);
    expect(text).toMatch(/^p cnf 200 840$/m);
    const formula = parseDimacs(text, 'p.cnf');
    expect(instanceHash(formula)).toBe('911f35f5d014285eedf639f576f48be5411067bf72e5e1785239f8a9e0903d21');
    expect(ksatEnergy(formula, plantedAssignment({ problem: 'planted-ksat', n: 200, alpha: 4.2, k: 3, seed: 7 }))).toBe(0);
  });

  it('solves a CNF file and prints a verified model as v-lines', async () => {
    const cwd = scratch();
    await densebench(['generate', '--problem', 'ksat', '--n', '100', '--alpha', '3.5', '--seed', '3', '-o', 'x.cnf'], cwd);
    const { code, stdout } = await densebench(['solve', '--plugin', 'sa', '--instance', 'x.cnf'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^s SATISFIABLE$/m);
    const literals = stdout.split('\n').filter((l) => l.startsWith('v ')).flatMap((l) => l.slice(2).trim().split(/\s+/).map(Number));
    expect(literals.at(-1)).toBe(0);
    const model = Int8Array.from(literals.slice(0, -1), (lit) => (lit > 0 ? 1 : -1));
    expect(ksatEnergy(parseDimacs(readFileSync(join(cwd, 'x.cnf'), 'latin1')), model)).toBe(0);
  });

  it('solves a perceptron file and prints the weight line', async () => {
    const cwd = scratch();
    await densebench(['generate', '--problem', 'perceptron', '--n', '51', '--alpha', '0.3', '-o', 'p.txt'], cwd);
    const { code, stdout } = await densebench(['solve', '--instance', 'p.txt'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^s SOLVED$/m);
    expect(stdout).toMatch(/^w [+-]{51}$/m);
  });

  it('names the line of a malformed instance file', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'bad.cnf'), 'p cnf 3 2\n1 2 0\n1 five 0\n');
    const { code, stderr } = await densebench(['solve', '--instance', 'bad.cnf'], cwd);
    expect(code).toBe(1);
    expect(stderr).toContain('bad.cnf:3: "five" is not an integer literal');
    expect(existsSync(join(cwd, 'results'))).toBe(false);
  });

  it('lists plugins with their parameters', async () => {
    const { stdout } = await densebench(['list'], scratch());
    expect(stdout).toMatch(/^  sa \d+\.\d+\.\d+ — simulated annealing/m);
    expect(stdout).toMatch(/sweeps \(integer, ≥ 1; default \d+\)/);
    expect(stdout).toContain('teacher-student');
    expect(stdout).toMatch(/^ {2}planted-ksat: planted K-SAT/m);
    expect(stdout).toMatch(/^ {2}sa [\s\S]*?problems: [^\n]*\bksat, planted-ksat;/m);
  });
});

describe('densebench report of several result sets, and check against a baseline', () => {
  /** A result set of 10 seeds at α = 0.5 and 0.6, `solved[i]` of them solved at the i-th α. */
  function writeSet(cwd: string, name: string, solved: [number, number]): void {
    const dir = join(cwd, 'results', name);
    mkdirSync(dir, { recursive: true });
    const lines = [0.5, 0.6].flatMap((alpha, i) => Array.from({ length: 10 }, (_, seed) => {
      const ok = seed < solved[i]!;
      const r: RunRecord = {
        schema: 1, id: `sa|perceptron|101|null|${alpha}|${seed}`, plugin: 'sa', pluginVersion: '1.0.0', params: {}, problem: 'perceptron', n: 101, alpha, k: null, seed,
        instanceHash: 'd'.repeat(64), status: ok ? 'solved' : 'unsolved', energy: ok ? 0 : 1, wallTimeMs: 100, work: 10, workUnit: 'sweeps', timeLimitS: 10,
        testError: null, teacherOverlap: null, message: null, info: null, trace: null, harnessVersion: '0.1.0', node: 'v20', cpu: 'x', commit: null, startedAt: '2026-01-01T00:00:00Z',
      };
      return JSON.stringify(r);
    }));
    writeFileSync(join(dir, 'runs.jsonl'), `${lines.join('\n')}\n`);
  }

  it('labels each set\'s curves, flags the differences, and fails a check only on a drop', async () => {
    const cwd = scratch();
    writeSet(cwd, 'main', [10, 9]);
    writeSet(cwd, 'branch', [10, 1]);
    const report = await densebench(['report', 'results/main', 'results/branch', '--no-png'], cwd);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/compared with main: \d+ flagged difference\(s\), 1 worse/);
    expect(existsSync(join(cwd, 'reports/main/charts'))).toBe(false);
    const summary = readFileSync(join(cwd, 'reports/main/summary.md'), 'utf8');
    expect(summary).toContain('| sa (main) |');
    expect(summary).toContain('| sa (branch) |');
    expect(summary).toMatch(/\| sa \| perceptron, N = 101, α = 0\.6 \| success rate \| 0\.9 \[[\d.]+, [\d.]+\] \| branch \| 0\.1 \[[\d.]+, [\d.]+\] \| \*\*worse\*\* \|/);
    expect(readFileSync(join(cwd, 'reports/main/index.html'), 'utf8')).toContain('Differences between result sets');

    // The same numbers pass; the drop at α = 0.6 fails, and the Markdown goes where asked.
    const same = await densebench(['check', 'results/main', '--baseline', 'results/main'], cwd);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('Passed: no regression');
    const drop = await densebench(['check', 'results/branch', '--baseline', 'results/main', '--markdown', 'summary.md'], cwd);
    expect(drop.code).toBe(1);
    expect(drop.stderr).toMatch(/check failed against results\/main: \d+ regression\(s\), 0 curve\(s\) not run/);
    expect(readFileSync(join(cwd, 'summary.md'), 'utf8')).toMatch(/\*\*Failed\*\*/);
    // A better branch passes (the change is flagged, but it is not a drop).
    const better = await densebench(['check', 'results/main', '--baseline', 'results/branch'], cwd);
    expect(better.code, better.stdout).toBe(0);
    expect(better.stdout).toMatch(/\| better \|/);
  });
});

describe('densebench local-entropy', () => {
  it('measures S(d) around every solved answer and each planted teacher, resumes, and draws it in the report', async () => {
    const cwd = scratch();
    const bench = await densebench(['bench', '--problem', 'teacher-student', '--plugin', 'sa', '--alpha', '0.3', '--n', '31', '--seeds', '2', '--name', 'le', '--workers', '1', '--no-png'], cwd);
    expect(bench.code, bench.stderr).toBe(0);
    const runs = readFileSync(join(cwd, 'results/le/runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RunRecord);
    const solved = runs.filter((r) => r.status === 'solved').length;
    expect(solved).toBeGreaterThan(0);
    const first = await densebench(['local-entropy', 'results/le', '--gammas', '0.5,1,2'], cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`local entropy: ${solved + 2} configuration(s) to measure, γ = 0.5, 1, 2`);
    expect(first.stdout).toMatch(/\[1\/\d+ .*\] planted\/teacher-student\/n31\/a0\.3\/s1: S = /);
    const lines = readFileSync(join(cwd, 'results/le/local-entropy.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as LocalEntropyRecord);
    lines.forEach((l) => assertLocalEntropyRecord(l, 'line'));
    expect(lines.map((l) => l.reference).sort()).toEqual([...Array(solved).fill('sa'), 'planted', 'planted'].sort());
    expect(lines.every((l) => l.points.map((p) => p.gamma).join() === '0.5,1,2')).toBe(true);
    // The flatness of an answer is measured with the harness's draws: the same curve as its run record's.
    for (const l of lines.filter((x) => x.runId !== null)) expect(l.flatness).toEqual(runs.find((r) => r.id === l.runId)!.flatness);
    expect(lines.find((l) => l.runId === null)!.flatness).toHaveLength(5);
    expect(first.stdout).toContain('charts:  reports/le/charts/');
    expect(existsSync(join(cwd, 'reports/le/charts/teacher-student-n31-a0-3-local-entropy.png'))).toBe(true);
    expect(readFileSync(join(cwd, 'reports/le/index.html'), 'utf8')).toContain('<canvas id="lent-0"');

    // Again: nothing left to measure; and `report` draws the section from the stored file.
    const again = await densebench(['local-entropy', 'results/le', '--no-png'], cwd);
    expect(again.stdout).toContain(`local entropy: 0 configuration(s) to measure (${solved + 2} already in local-entropy.jsonl)`);
    const report = await densebench(['report', 'results/le', '-o', 'r2', '--no-png'], cwd);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'r2/index.html'), 'utf8')).toContain('Local entropy around solutions: teacher-student, N = 31, α = 0.3');
    const bad = await densebench(['local-entropy', 'results/le', '--gammas', '1,-2'], cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--gammas "1,-2": γ must be positive, got -2/);
  });
});
