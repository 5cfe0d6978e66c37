// summary.md: the leaderboard as Markdown, for a CI job summary or a pull-request comment. Per (problem, N, K) the
// plugins are ranked by α₅₀ (higher is better; a plugin whose rate never falls to ½ ranks above, one that never
// reaches it below), then by PAR-2 over all runs; failures other than "unsolved" are shown in bold.
import type { RunRecord } from '@densebench/core';
import { leaderboard, summarize, type CurveSummary } from './aggregate.js';

export function renderSummaryMarkdown(title: string, records: readonly RunRecord[]): string {
  const curves = summarize(records);
  const groups = new Map<string, CurveSummary[]>();
  for (const c of curves) {
    const key = `${c.problem}${c.k === null ? '' : `, K = ${c.k}`}, N = ${c.n}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out = [`# ${title}`, '', `${records.length} runs.`];
  if (groups.size === 0) out.push('', 'No runs recorded.');
  for (const [label, group] of groups) {
    const alphas = [...new Set(group.flatMap((c) => c.points.map((p) => p.alpha)))].sort((a, b) => a - b);
    out.push('', `## ${label}`, '', `α ∈ {${alphas.join(', ')}}`, '');
    out.push('| rank | plugin | α₅₀ [95%] | solved/total | mean PAR-2 (s) | timeout | error | invalid | crashed |', '|---|---|---|---|---|---|---|---|---|');
    for (const row of leaderboard(group)) {
      const count = (status: 'timeout' | 'error' | 'invalid' | 'crashed'): string => (row.failures[status] ? `**${row.failures[status]}**` : '0');
      out.push(`| ${row.rank} | ${row.plugin} | ${row.alpha50Text} | ${row.solved}/${row.runs} | ${row.meanPar2Text} | ${count('timeout')} | ${count('error')} | ${count('invalid')} | ${count('crashed')} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
