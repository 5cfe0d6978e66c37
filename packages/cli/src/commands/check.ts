import { appendFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { compareCurves, differencesMarkdown, placeText, summarize, type Difference } from '@densebench/report';
import { loadResultSet } from './report.js';

/** The measures whose drop fails a check: the ones that do not depend on the machine's speed. */
const GATED: readonly Difference['measure'][] = ['α₅₀', 'success rate'];

export function checkOptions(y: Argv) {
  return y
    .positional('results', { type: 'string', demandOption: true, describe: 'the result set to check (directory or runs.jsonl)' })
    .option('baseline', { type: 'string', demandOption: true, describe: 'the stored result set to compare with (directory or runs.jsonl)' })
    .option('markdown', { type: 'string', describe: 'also append the comparison as Markdown to this file (e.g. $GITHUB_STEP_SUMMARY)' });
}

/**
 * Compares a result set with a stored baseline and fails (exit code 1) when a plugin's α₅₀ or success rate at some α
 * dropped with non-overlapping 95% intervals, or when a (plugin, problem, N, K) of the baseline was not run. α₅₀'s
 * interval is the profile-likelihood interval of the success-curve fit, or for a separated curve its bracket, widened to
 * the Wilson crossings where they reach beyond it (CurveSummary.alpha50Compare): a bracket from ≤ 3 runs per α is
 * unbounded and never fails a check, while the success rates at each α still do. Time and test-error differences are
 * shown but do not fail: times depend on the machine.
 */
export function checkCommand(args: Awaited<ReturnType<typeof checkOptions>['argv']>): void {
  const baseline = loadResultSet(args.baseline);
  const current = loadResultSet(args.results);
  const names = { baseline: `baseline ${baseline.name}`, other: current.name === baseline.name ? `current ${current.name}` : current.name };
  const { differences, unpaired } = compareCurves(summarize(baseline.records), summarize(current.records), names);
  const regressions = differences.filter((d) => d.verdict === 'worse' && GATED.includes(d.measure));
  const missing = unpaired.filter((u) => u.onlyIn === names.baseline);
  const lines = [
    `## Check against ${names.baseline}`, '', `${current.records.length} runs checked against ${baseline.records.length}.`, '', differencesMarkdown(differences), '',
    'α₅₀ is compared by the 95% profile-likelihood interval of the logistic fit of the success curve (a separated curve: its bracket, widened to the Wilson crossings where they reach beyond it).',
  ];
  if (missing.length) lines.push('', `Not run (in the baseline only): ${missing.map((u) => `${u.plugin} on ${placeText(u)}`).join('; ')}.`);
  lines.push('', regressions.length || missing.length ? `**Failed**: ${regressions.length} regression(s) of α₅₀ or success rate, ${missing.length} curve(s) not run.` : 'Passed: no regression of α₅₀ or success rate.');
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(text);
  if (args.markdown) appendFileSync(args.markdown, text);
  if (regressions.length || missing.length) {
    throw new Error(`check failed against ${args.baseline}: ${regressions.length} regression(s), ${missing.length} curve(s) not run` +
      (missing.length ? ' (if the study changed on purpose, store its new result set as the baseline)' : ''));
  }
}
