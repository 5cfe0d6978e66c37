// `densebench new-plugin <name>`: scaffolds a solver plugin package that passes its own tests at once — a greedy
// random-restart solver to replace, its conformance test, a README and the build setup.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';

const NAME = /^[a-z][a-z0-9-]*$/;

export function newPluginOptions(y: Argv) {
  return y
    .positional('name', { type: 'string', demandOption: true, describe: 'plugin name: lowercase letters, digits and dashes, e.g. my-solver' })
    .option('dir', { type: 'string', describe: 'directory to create (default: plugins/<name> inside a densebench checkout, else ./densebench-plugin-<name>)' });
}

/** The densebench workspace root above `start` (a pnpm-workspace.yaml that lists plugins/*), if any. */
function workspaceRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const file = join(dir, 'pnpm-workspace.yaml');
    if (existsSync(file) && readFileSync(file, 'utf8').includes('plugins/*') && existsSync(join(dir, 'packages', 'core'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Where the @densebench packages this CLI belongs to live (packages/<name>/ of its checkout), for file: dependencies
 * of a plugin made outside the workspace: densebench is not on the npm registry yet.
 */
function checkoutPackages(): string | undefined {
  const dir = fileURLToPath(new URL('../../../', import.meta.url));
  return existsSync(join(dir, 'core', 'package.json')) ? dir : undefined;
}

/**
 * The files of a new plugin package, by relative path. Inside the workspace its @densebench dependencies are
 * workspace:*; outside, file: links to `packagesDir` (this checkout's packages/), or registry versions without one.
 */
export function pluginFiles(name: string, inWorkspace: boolean, packagesDir = checkoutPackages()): Record<string, string> {
  const dep = (pkg: string): string => (inWorkspace ? 'workspace:*' : packagesDir ? `file:${join(packagesDir, pkg)}` : '^0.1.0');
  const packageJson = {
    name: `densebench-plugin-${name}`,
    version: '0.1.0',
    type: 'module',
    description: `densebench solver plugin ${name}`,
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    files: ['dist', 'src'],
    scripts: { build: 'tsc -p .', test: 'vitest run' },
    dependencies: { '@densebench/core': dep('core') },
    devDependencies: { '@densebench/conformance': dep('conformance'), '@densebench/problems': dep('problems'), typescript: '~5.9.3', vitest: '^4.1.12', '@types/node': '^20.19.0' },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'], strict: true,
      declaration: true, sourceMap: true, rootDir: 'src', outDir: 'dist', skipLibCheck: true,
    },
    include: ['src'],
  };
  const index = `// ${name} — a densebench solver plugin. Replace the greedy search below with your algorithm (cite its paper here).
import { definePlugin, energy, type Instance, type SolveContext } from '@densebench/core';

export interface Params {
  restarts: number;
  passes: number;
}

/**
 * Greedy descent with random restarts: from a random ±1 configuration, flip each variable in turn when that does not
 * increase the energy, for \`passes\` passes, restarting up to \`restarts\` times; return the best configuration seen.
 * (core's energy() recomputes the whole energy per flip: fine for a template, far too slow for real work.)
 */
function solveGreedy(instance: Instance, params: Params, ctx: SolveContext): { assignment: Int8Array; energy: number; work: number } {
  const size = instance.kind === 'committee' ? instance.n * instance.hidden : instance.n;
  const current = new Int8Array(size);
  let best = new Int8Array(size);
  let bestEnergy = Number.POSITIVE_INFINITY;
  let work = 0;
  for (let restart = 0; restart < params.restarts && bestEnergy > 0; restart++) {
    for (let i = 0; i < size; i++) current[i] = ctx.rng.nextSign();
    let e = energy(instance, current);
    for (let pass = 0; pass < params.passes && e > 0 && !ctx.shouldStop(); pass++) {
      for (let i = 0; i < size && e > 0; i++) {
        current[i] = -current[i]!;
        const next = energy(instance, current);
        work++;
        if (next <= e) e = next;
        else current[i] = -current[i]!;
      }
      ctx.progress(work, e);
    }
    if (e < bestEnergy) {
      bestEnergy = e;
      best = Int8Array.from(current);
    }
    if (ctx.shouldStop()) break;
  }
  return { assignment: best, energy: bestEnergy, work };
}

export default definePlugin<Params>({
  name: '${name}',
  version: '0.1.0',
  description: 'greedy descent with random restarts (template: replace with your algorithm)',
  problems: ['perceptron', 'teacher-student', 'committee', 'committee-teacher-student', 'ksat', 'planted-ksat'],
  workUnit: 'attempted flips',
  params: {
    type: 'object',
    properties: {
      restarts: { type: 'integer', minimum: 1, default: 20, description: 'random restarts' },
      passes: { type: 'integer', minimum: 1, default: 50, description: 'passes over the variables per restart' },
    },
  },
  solve(instance, params, ctx) {
    return solveGreedy(instance, params, ctx);
  },
});
`;
  const test = `// The densebench conformance suite: problems, parameters, easy instances (verified), determinism, no mutation, deadline.
import { describe, it } from 'vitest';
import { describeSolverConformance } from '@densebench/conformance';
import plugin from '../src/index.js';

describeSolverConformance(plugin, { describe, it });
`;
  const readme = `# ${name}

A [densebench](https://www.npmjs.com/package/densebench) solver plugin, scaffolded by \`densebench new-plugin ${name}\`.
It starts as a greedy random-restart search: replace \`solveGreedy\` in \`src/index.ts\` with your algorithm, and
describe it here (the paper and equations it follows, its parameters and their defaults, its work unit).

## Use it

\`\`\`sh
${inWorkspace ? `pnpm install                                   # links it into the densebench workspace
pnpm --filter densebench-plugin-${name} build
pnpm test                                      # runs its conformance test with the rest
pnpm bench --plugin ./plugins/${name} --alpha 0.1:0.5` : `npm install && npm run build && npm test
densebench bench --plugin ./densebench-plugin-${name} --alpha 0.1:0.5`}
\`\`\`

Published as \`densebench-plugin-${name}\` (or \`@scope/densebench-plugin-${name}\`), it is found by \`--plugin ${name}\`.
The contract — what \`solve\` receives and returns, work units, how answers are verified — is in densebench's
docs/plugins.md.

## Parameters

| param | default | meaning |
|---|---|---|
| \`restarts\` | 20 | random restarts |
| \`passes\` | 50 | passes over the variables per restart |
`;
  return { 'package.json': `${JSON.stringify(packageJson, null, 2)}\n`, 'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`, 'src/index.ts': index, 'test/conformance.test.ts': test, 'README.md': readme };
}

export function newPluginCommand(args: Awaited<ReturnType<typeof newPluginOptions>['argv']>): void {
  const name = String(args.name);
  if (!NAME.test(name)) throw new Error(`plugin name "${name}" must be lowercase letters, digits and dashes, starting with a letter`);
  const root = workspaceRoot(process.cwd());
  const dir = resolve(args.dir ?? (root ? join(root, 'plugins', name) : `densebench-plugin-${name}`));
  if (existsSync(dir)) throw new Error(`${dir} already exists: choose another name or --dir`);
  const inWorkspace = root !== undefined && resolve(dir).startsWith(join(root, 'plugins') + '/');
  for (const [path, content] of Object.entries(pluginFiles(name, inWorkspace))) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const shown = relative(process.cwd(), dir) || '.';
  const next = inWorkspace
    ? ['pnpm install', `pnpm --filter densebench-plugin-${name} build`, `pnpm bench --plugin ./${shown} --alpha 0.1:0.5`]
    : [`cd ${shown}`, 'npm install && npm run build && npm test'];
  process.stdout.write(`created ${shown}/ (package.json, tsconfig.json, src/index.ts, test/conformance.test.ts, README.md)\nnext:\n${next.map((l) => `  ${l}`).join('\n')}\n`);
}
