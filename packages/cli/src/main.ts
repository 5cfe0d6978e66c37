import yargs from 'yargs';
import { bench, benchOptions } from './commands/bench.js';
import { generateCommand, generateOptions } from './commands/generate.js';
import { listCommand } from './commands/list.js';
import { reportCommand, reportOptions } from './commands/report.js';
import { solveCommand, solveOptions } from './commands/solve.js';

/** Runs the densebench CLI on the given arguments. Errors are printed without a stack trace and set exit code 1. */
export async function main(argv: readonly string[]): Promise<void> {
  await yargs([...argv])
    .scriptName('densebench')
    .usage('$0 <command> [options]\n\nBenchmarks solvers of random constraint-satisfaction and learning problems.')
    .command(['bench', '$0'], 'run a sweep (plugins × N × α × seeds), write results and an HTML report', benchOptions, bench)
    .command('generate', 'write a generated instance file (DIMACS CNF or the perceptron format)', generateOptions, generateCommand)
    .command('solve', 'run one plugin on one instance file and print the verified result', solveOptions, solveCommand)
    .command('report <results..>', 'render the HTML report of one or more result sets', reportOptions, reportCommand)
    .command('list', 'list plugins (with their parameters) and problems', {}, listCommand)
    .example('$0 bench --plugin sa --alpha 0.3:0.8', 'SA on the random perceptron, α = 0.30 … 0.80')
    .example('$0 generate --problem ksat --n 200 --alpha 4.2 --seed 7 -o x.cnf', 'a random 3-SAT instance')
    .example('$0 solve --plugin sa --instance x.cnf', 'solve it and print the verified model')
    .strict()
    .wrap(Math.min(120, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) process.stderr.write(`densebench: ${error.message}\n`);
      else process.stderr.write(`densebench: ${message}\n(see densebench --help)\n`);
      process.exit(1);
    })
    .help()
    .version(false)
    .parseAsync();
}
