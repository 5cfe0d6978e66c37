// A third party's afternoon: scaffold a plugin with `densebench new-plugin`, build it, and describe an external
// solver with a manifest; both appear in `densebench list`, pass the conformance suite, run in one sweep and show
// in the report.
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { assertRunRecord, type RunRecord, type SolverPlugin } from '@densebench/core';
import { conformanceChecks } from '@densebench/conformance';
import { densebench, scratch } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

const picosat = spawnSync('sh', ['-c', 'command -v picosat']).status === 0;

// Uses the Debian picosat: skipped where it is missing on a developer's machine, never in CI (CI=true).
describe.skipIf(!picosat && process.env.CI !== 'true')('a third-party plugin and an external solver', () => {
  it('are scaffolded or declared, listed, conformant, benchmarked and reported', async () => {
    const cwd = scratch();
    const made = await densebench(['new-plugin', 'my-greedy'], cwd);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('created densebench-plugin-my-greedy/');
    const dir = join(cwd, 'densebench-plugin-my-greedy');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // Outside a densebench checkout the @densebench packages come from this checkout by file: links.
    expect(pkg.dependencies['@densebench/core']).toBe(`file:${join(root, 'packages', 'core')}`);
    // What `npm install` would link, linked by hand (no registry needed here), then its own build.
    mkdirSync(join(dir, 'node_modules', '@densebench'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
    for (const p of ['core', 'conformance', 'problems']) symlinkSync(join(root, 'packages', p), join(dir, 'node_modules', '@densebench', p));
    symlinkSync(join(root, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'));
    await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir]);

    // Its conformance test, as `npm test` would run it.
    const plugin = (await import(pathToFileURL(join(dir, 'dist', 'index.js')).href) as { default: SolverPlugin }).default;
    for (const check of conformanceChecks(plugin)) await check.run();

    // An external solver: the Debian picosat behind a manifest of the user's own.
    const external = join(cwd, 'my-picosat');
    mkdirSync(external);
    copyFileSync(join(root, 'plugins', 'external', 'picosat', 'densebench-plugin.json'), join(external, 'densebench-plugin.json'));
    const manifest = JSON.parse(readFileSync(join(external, 'densebench-plugin.json'), 'utf8')) as Record<string, unknown>;
    manifest.name = 'my-picosat';
    writeFileSync(join(external, 'densebench-plugin.json'), JSON.stringify(manifest));

    const list = await densebench(['list', '--plugin', './densebench-plugin-my-greedy', '--plugin', './my-picosat'], cwd);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^ {2}my-greedy 0\.1\.0 — greedy descent/m);
    expect(list.stdout).toMatch(/^ {2}my-picosat 965\.0\.0 — PicoSAT/m);

    const bench = await densebench(['bench', '--plugin', './densebench-plugin-my-greedy', '--plugin', './my-picosat', '--problem', 'ksat', '--n', '40', '--alpha', '2,3', '--seeds', '2', '--name', 'third', '--quiet'], cwd);
    expect(bench.code, bench.stderr).toBe(0);
    const records = readFileSync(join(cwd, 'results', 'third', 'runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RunRecord);
    records.forEach((r) => assertRunRecord(r));
    expect(records.filter((r) => r.plugin === 'my-picosat').map((r) => r.status)).toEqual(['solved', 'solved', 'solved', 'solved']);
    expect(records.filter((r) => r.plugin === 'my-greedy')).toHaveLength(4);
    const html = readFileSync(join(cwd, 'reports', 'third', 'index.html'), 'utf8');
    expect(html).toContain('my-greedy');
    expect(html).toContain('my-picosat');
  }, 120_000);

  it('a plugin that takes a built-in name, or two plugins with one name, are refused', async () => {
    const cwd = scratch();
    const external = join(cwd, 'fake-sa');
    mkdirSync(external);
    const manifest = { ...JSON.parse(readFileSync(join(root, 'plugins', 'external', 'picosat', 'densebench-plugin.json'), 'utf8')) as object, name: 'sa' };
    writeFileSync(join(external, 'densebench-plugin.json'), JSON.stringify(manifest));
    const clash = await densebench(['bench', '--plugin', './fake-sa', '--problem', 'ksat', '--n', '20', '--alpha', '2', '--seeds', '1'], cwd);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/is named "sa", the name of a built-in plugin: rename it/);
    const twin = join(cwd, 'twin');
    mkdirSync(twin);
    const twinManifest = { ...manifest, name: 'twin' };
    writeFileSync(join(twin, 'densebench-plugin.json'), JSON.stringify(twinManifest));
    writeFileSync(join(cwd, 'twin.json'), JSON.stringify(twinManifest));
    const twins = await densebench(['bench', '--plugin', './twin', '--plugin', './twin.json', '--problem', 'ksat', '--n', '20', '--alpha', '2', '--seeds', '1'], cwd);
    expect(twins.code).toBe(1);
    expect(twins.stderr).toMatch(/two plugins are named "twin": file:.*twin\/densebench-plugin\.json and file:.*twin\.json/);
  });
});
