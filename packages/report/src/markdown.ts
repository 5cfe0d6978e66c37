// summary.md: the leaderboard as Markdown, for a CI job summary or a pull-request comment. Per (problem, N, K) the
// plugins are ranked by α₅₀ (higher is better; a plugin whose rate never falls to ½ ranks above, one that never
// reaches it below), then by PAR-2 over all runs; failures other than "unsolved" are shown in bold.
import type { RunRecord } from '@densebench/core';
import { summarize, type CurveSummary } from './aggregate.js';

function fmt(v: number | null, digits = 3): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return String(Number(v.toPrecision(digits)));
}

/** α₅₀ as text: the crossing, or "> max α" when every point is above ½, "< min α" when none is. */
function alpha50Text(c: CurveSummary): string {
  const alphas = c.points.map((p) => p.alpha);
  if (c.alpha50 !== null) {
    // An interval end that does not cross ½ inside the range run lies beyond it (as in the HTML report).
    const lo = c.alpha50Lo === null ? `< ${fmt(Math.min(...alphas))}` : fmt(c.alpha50Lo);
    const hi = c.alpha50Hi === null ? `> ${fmt(Math.max(...alphas))}` : fmt(c.alpha50Hi);
    return `${fmt(c.alpha50)} [${lo}, ${hi}]`;
  }
  return c.points.every((p) => p.rate > 0.5) ? `> ${fmt(Math.max(...alphas))}` : c.points.every((p) => p.rate < 0.5) ? `< ${fmt(Math.min(...alphas))}` : '—';
}

/** A sort key for α₅₀: above the range first, then by crossing, then below the range. */
function alpha50Rank(c: CurveSummary): number {
  if (c.alpha50 !== null) return c.alpha50;
  const alphas = c.points.map((p) => p.alpha);
  return c.points.every((p) => p.rate > 0.5) ? Math.max(...alphas) + 1e6 : Math.min(...alphas) - 1e6;
}

/** Mean PAR-2 over the curve's points (seconds). */
function meanPar2(c: CurveSummary): number {
  return c.points.reduce((sum, p) => sum + p.par2S, 0) / c.points.length;
}

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
    const ranked = [...group].sort((a, b) => alpha50Rank(b) - alpha50Rank(a) || meanPar2(a) - meanPar2(b) || a.plugin.localeCompare(b.plugin));
    const alphas = [...new Set(group.flatMap((c) => c.points.map((p) => p.alpha)))].sort((a, b) => a - b);
    out.push('', `## ${label}`, '', `α ∈ {${alphas.join(', ')}}`, '');
    out.push('| rank | plugin | α₅₀ [95%] | solved/total | mean PAR-2 (s) | timeout | error | invalid | crashed |', '|---|---|---|---|---|---|---|---|---|');
    ranked.forEach((c, i) => {
      const solved = c.points.reduce((s, p) => s + p.solved, 0);
      const runs = c.points.reduce((s, p) => s + p.runs, 0);
      const count = (status: 'timeout' | 'error' | 'invalid' | 'crashed'): string => {
        const n = c.points.reduce((s, p) => s + p.statusCounts[status], 0);
        return n ? `**${n}**` : '0';
      };
      out.push(`| ${i + 1} | ${c.plugin} | ${alpha50Text(c)} | ${solved}/${runs} | ${fmt(meanPar2(c))} | ${count('timeout')} | ${count('error')} | ${count('invalid')} | ${count('crashed')} |`);
    });
  }
  return `${out.join('\n')}\n`;
}
