import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { mergeResultSets } from '@densebench/harness';

export function mergeOptions(y: Argv) {
  return y
    .positional('results', { type: 'string', array: true, demandOption: true, describe: 'result set directories to join (e.g. the shards of one plan)' })
    .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'new result set directory' })
    .option('force', { type: 'boolean', default: false, describe: 'merge result sets of different plans or code versions' });
}

/** Joins result sets into a new one; refuses mixed plans or versions (unless --force) and duplicate runs. */
export function mergeCommand(args: Awaited<ReturnType<typeof mergeOptions>['argv']>): void {
  const summary = mergeResultSets({ inputs: args.results as string[], output: args.output, force: args.force, warn: (m) => void process.stderr.write(`warning: ${m}\n`) });
  const completeness = summary.missing === 0 ? 'the whole plan' : `${summary.missing} runs of the plan are missing`;
  process.stdout.write(`merged ${summary.records} runs of ${summary.planRuns} (${completeness}) into ${relative(process.cwd(), args.output) || '.'}\n`);
}
