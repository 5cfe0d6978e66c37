import { describeError } from '@densebench/core';
import { terminalText } from './format.js';
import yargs from 'yargs';
import { bench, benchOptions } from './commands/bench.js';
import { checkCommand, checkOptions } from './commands/check.js';
import { exportCommand, exportOptions } from './commands/export.js';
import { generateCommand, generateOptions } from './commands/generate.js';
import { kernelsCommand, kernelsOptions } from './commands/kernels.js';
import { listCommand, listOptions } from './commands/list.js';
import { localEntropyCommand, localEntropyOptions } from './commands/local-entropy.js';
import { mergeCommand, mergeOptions } from './commands/merge.js';
import { newPluginCommand, newPluginOptions } from './commands/new-plugin.js';
import { reportCommand, reportOptions } from './commands/report.js';
import { rerunCommand, rerunOptions } from './commands/rerun.js';
import { solveCommand, solveOptions } from './commands/solve.js';

/** Runs the densebench CLI on the given arguments. Errors are printed without a stack trace and set exit code 1. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await parser(argv).parseAsync();
  } catch (error) {
    process.stderr.write(`densebench: ${terminalText(describeError(error))}\n`);
    process.exitCode = 1;
  }
}

function parser(argv: readonly string[]) {
  return yargs([...argv])
    .scriptName('densebench')
    .usage('$0 <command> [options]\n\nBenchmarks solvers of random constraint-satisfaction and learning problems.')
    .command(['bench', '$0'], 'run a sweep (plugins × N × α × seeds), write results and an HTML report', benchOptions, bench)
    .command('generate', 'write a generated instance file (DIMACS CNF or the perceptron format)', generateOptions, generateCommand)
    .command('solve', 'run one plugin on one instance file and print the verified result', solveOptions, solveCommand)
    .command('report <results..>', 'render the HTML report of one or more result sets', reportOptions, reportCommand)
    .command('check <results>', "compare a result set with a stored baseline; exit code 1 when α₅₀ or a success rate dropped", checkOptions, checkCommand)
    .command('merge <results..>', 'join result sets (e.g. shards of one plan) into one', mergeOptions, mergeCommand)
    .command('export <results>', 'write a result set as one flat table, one row per run (CSV or Parquet), for pandas, Julia or R', exportOptions, exportCommand)
    .command('rerun <results>', 'run recorded runs again and check that they reproduce', rerunOptions, rerunCommand)
    .command('local-entropy <results>', 'measure the local entropy around the solutions of a result set (and its planted configurations); redraw its report', localEntropyOptions, localEntropyCommand)
    .command('kernels', "time each plugin's inner step on fixed seeded instances; print a table and write JSON", kernelsOptions, kernelsCommand)
    .command('list', 'list plugins (with their parameters) and problems', listOptions, listCommand)
    .command('new-plugin <name>', 'scaffold a solver plugin package that passes its conformance test', newPluginOptions, newPluginCommand)
    .example('$0 bench --plugin sa --alpha 0.3:0.8', 'SA on the random perceptron, α = 0.30 … 0.80')
    .example('$0 generate --problem ksat --n 200 --alpha 4.2 --seed 7 -o x.cnf', 'a random 3-SAT instance')
    .example('$0 solve --plugin sa --instance x.cnf', 'solve it and print the verified model')
    .example('$0 bench --config study.json --shard 2/4', 'one of four shards of a study')
    .example('$0 merge results/s-shard1of2 results/s-shard2of2 -o results/s', 'join the shards')
    .example('$0 report results/sa-main results/sa-branch', 'one report of two result sets, differences flagged')
    .example('$0 local-entropy results/local-entropy-of-solutions-quick', 'S(d) around each solution and each teacher, then the report')
    .example('$0 check results/ci --baseline baselines/ci', 'fail when α₅₀ or a success rate dropped')
    .example('$0 new-plugin my-solver', 'scaffold plugins/my-solver (a package with a conformance test)')
    .strict()
    .wrap(Math.min(120, process.stdout.columns || 100))
    .fail((message, error) => {
      // Usage errors come with a message; errors thrown by commands are reported by main().
      if (error) throw error;
      throw new Error(`${message}\n(see densebench --help)`);
    })
    .help()
    .version(false);
}
