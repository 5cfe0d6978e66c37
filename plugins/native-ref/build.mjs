// Compiles src/native-ref.c into bin/native-ref with the machine's C compiler (-O3 -march=native: the binary is for
// this machine, like a researcher's own build). Run by the workspace's `prepare` (pnpm install) and `pnpm build`.
// Without a C compiler it says so and succeeds: everything else works, and the native-* plugins report the missing
// program when they are asked for.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const source = join(root, 'src', 'native-ref.c');
const binary = join(root, 'bin', 'native-ref');
const compiler = process.env.CC ?? 'cc';
// No -Werror: another compiler's new warning must not break `pnpm install`; the test suite builds with it (test/build.test.ts).
export const CFLAGS = ['-O3', '-march=native', '-std=c11', '-Wall', '-Wextra'];

function upToDate() {
  try {
    return statSync(binary).mtimeMs >= statSync(source).mtimeMs && statSync(binary).mtimeMs >= statSync(fileURLToPath(import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
}

if (!upToDate()) {
  mkdirSync(dirname(binary), { recursive: true });
  const result = spawnSync(compiler, [...CFLAGS, '-o', binary, source, '-lm'], { stdio: 'inherit' });
  if (result.error && result.error.code === 'ENOENT') {
    process.stderr.write(`native-ref: no C compiler (${compiler}) found; the native-* plugins and \`kernels --vs native\` need one (apt-get install gcc), then pnpm build\n`);
  } else if (result.status !== 0) {
    process.stderr.write(`native-ref: ${compiler} failed on ${source}\n`);
    process.exit(1);
  }
}
