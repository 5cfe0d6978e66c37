// summary.md: the leaderboard as Markdown, for a CI job summary or a pull-request comment. Per (problem, N, K) the
// plugins are ranked by α₅₀ (higher is better) where their 95% intervals separate, ties marked "=" (listed within a tie
// by α₅₀, then by the median time at a reference α, then by PAR-2), with the Wilson crossing as a cross-check; failures
// other than "unsolved" are shown in bold.
import type { RunRecord } from '@densebench/core';
import { leaderboard, summarize, type CurveSummary } from './aggregate.js';
import { differencePlace, intervalText, type Difference } from './compare.js';
import { FAILURE_STATUSES } from './failures.js';
import { placeText, rankText } from './format.js';

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text from a result set (set, plugin and problem names) as Markdown that renders as that very text: HTML special
 * characters become entities, Markdown punctuation and table pipes are backslash-escaped, line breaks become spaces.
 * A name is data, and summary.md is pasted into pull-request comments, where `<img onerror=…>` or a stray `|` would
 * otherwise become markup or split a table row.
 */
export function markdownText(text: string): string {
  return String(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
    .replace(/[\\`*_[\]|~]/g, '\\$&');
}

export function renderSummaryMarkdown(title: string, records: readonly RunRecord[], differences?: readonly Difference[]): string {
  const curves = summarize(records);
  const groups = new Map<string, CurveSummary[]>();
  for (const c of curves) {
    const key = markdownText(placeText(c));
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out = [`# ${markdownText(title)}`, '', `${records.length} runs.`];
  if (differences !== undefined) out.push('', '## Differences between the result sets', '', differencesMarkdown(differences));
  if (groups.size === 0) out.push('', 'No runs recorded.');
  for (const [label, group] of groups) {
    const alphas = [...new Set(group.flatMap((c) => c.points.map((p) => p.alpha)))].sort((a, b) => a - b);
    out.push('', `## ${label}`, '', `α ∈ {${alphas.join(', ')}}`, '');
    const { referenceAlpha, rows } = leaderboard(group);
    const timeHeader = referenceAlpha === null ? '' : ` median time at α = ${referenceAlpha} (s) |`;
    out.push(`| rank | plugin | α₅₀ [95%] | Wilson crossing |${timeHeader} solved/total | mean PAR-2 (s) |${FAILURE_STATUSES.map((status) => ` ${status} |`).join('')}`, `|---|---|---|---|${referenceAlpha === null ? '' : '---|'}---|---|${'---|'.repeat(FAILURE_STATUSES.length)}`);
    for (const row of rows) {
      const counts = FAILURE_STATUSES.map((status) => ` ${row.failures[status] ? `**${row.failures[status]}**` : '0'} |`).join('');
      out.push(`| ${rankText(row)} | ${markdownText(row.plugin)} | ${row.alpha50Text} | ${row.crossingText} |${referenceAlpha === null ? '' : ` ${row.referenceTimeText} |`} ${row.solved}/${row.runs} | ${row.meanPar2Text} |${counts}`);
    }
    if (rows.some((r) => r.tied)) out.push('', '= : tied, the 95% intervals of α₅₀ do not separate them.');
  }
  if (groups.size) out.push('', 'α₅₀: logistic fit of the success curve over all runs, with its 95% profile-likelihood interval (a separated curve: its bracket); ranked only where these intervals separate. Wilson crossing: where the success rate and its Wilson bands cross ½, a cross-check.');
  return `${out.join('\n')}\n`;
}

/** The flagged differences as a Markdown table (or a sentence when there are none). */
export function differencesMarkdown(differences: readonly Difference[]): string {
  if (differences.length === 0) return 'No difference: every compared measure has overlapping 95% intervals.';
  const baseline = markdownText(differences[0]!.baselineSet);
  const rows = differences.map((d) => `| ${markdownText(d.plugin)} | ${markdownText(differencePlace(d))} | ${markdownText(d.measure)} | ${intervalText(d.baseline)} | ${markdownText(d.otherSet)} | ${intervalText(d.other)} | ${d.verdict === 'worse' ? '**worse**' : 'better'} |`);
  return [`| plugin | where | measure | ${baseline} [95%] | compared set | its value [95%] | change |`, '|---|---|---|---|---|---|---|', ...rows].join('\n') +
    `\n\nFlagged where the 95% intervals of the two sets do not overlap; the change is the compared set's against ${baseline}.`;
}
