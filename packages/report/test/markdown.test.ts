import { describe, expect, it } from 'vitest';
import type { RunRecord, RunStatus } from '@densebench/core';
import { differencesMarkdown, markdownText, renderSummaryMarkdown } from '../src/markdown.js';
import { assertSummaryJson, renderSummaryJson } from '../src/summary-json.js';

function record(plugin: string, alpha: number, seed: number, status: RunStatus, seconds: number): RunRecord {
  return {
    schema: 1, id: `${plugin}|${alpha}|${seed}`, plugin, pluginVersion: '1.0.0', params: {}, problem: 'perceptron', n: 101, alpha, k: null, seed,
    instanceHash: '0'.repeat(64), status, energy: status === 'solved' ? 0 : status === 'unsolved' ? 2 : null, wallTimeMs: seconds * 1000,
    work: 1, workUnit: 'sweeps', timeLimitS: 10, testError: null, teacherOverlap: null, message: null, info: null, trace: null,
    harnessVersion: '0.1.0', node: 'v20', cpu: 'x', commit: null, startedAt: '2026-01-01T00:00:00Z',
  };
}

/** Ten runs of a plugin at α, each solved (in `seconds`) or not, with `status` for the last one. */
const ten = (plugin: string, alpha: number, solved: boolean, seconds: number, last: RunStatus = solved ? 'solved' : 'unsolved'): RunRecord[] =>
  Array.from({ length: 10 }, (_, seed) => record(plugin, alpha, seed, seed === 9 ? last : solved ? 'solved' : 'unsolved', seed === 9 && last !== 'solved' && last !== 'unsolved' ? (last === 'timeout' ? 10 : 0.1) : seconds));

describe('renderSummaryMarkdown', () => {
  it('ranks plugins where their α₅₀ intervals separate, shows the median time at the reference α, and marks failures in bold (hand-computed)', () => {
    const records = [
      // "strong" solves every run at α = 0.3 … 0.6 in 1 s: separated, α₅₀ above 0.6.
      ...[0.3, 0.4, 0.5, 0.6].flatMap((alpha) => ten('strong', alpha, true, 1)),
      // "mid": every run solved (2 s) at 0.3 and 0.4, none at 0.5 (one a timeout) and 0.6: α₅₀ between 0.4 and 0.5.
      ...ten('mid', 0.3, true, 2), ...ten('mid', 0.4, true, 2), ...ten('mid', 0.5, false, 4, 'timeout'), ...ten('mid', 0.6, false, 4),
      // "weak": nothing solved (one error): α₅₀ below 0.3.
      ...ten('weak', 0.3, false, 1, 'error'), ...[0.4, 0.5, 0.6].flatMap((alpha) => ten('weak', alpha, false, 1)),
    ];
    // Brackets (0.6, ∞), (0.4, 0.5) and (−∞, 0.3): 10/10 and 0/10 have Wilson intervals [0.72, 1] and [0, 0.28], which
    // exclude ½, so each bracket's ends hold at 95% and the three separate: ranks 1, 2, 3.
    // Medians exist at 0.3 and 0.4 for strong and mid (two each), at 0.5 and 0.6 for strong only: the reference α is the
    // larger of 0.3 and 0.4. PAR-2 (10 s limit): strong 1; mid (2 + 2 + 20 + 20)/4 = 11; weak 20.
    // Wilson crossing of mid: rates 1, 1, 0, 0 cross ½ at 0.45; the lower bands 0.7225 → 0 at 0.4 + 0.1·0.2225/0.7225 =
    // 0.431; the upper bands 1 → 0.2775 at 0.4 + 0.1·0.5/0.7225 = 0.469.
    expect(renderSummaryMarkdown('Leaderboard', records)).toBe(`# Leaderboard

120 runs.

## perceptron, N = 101

α ∈ {0.3, 0.4, 0.5, 0.6}

| rank | plugin | α₅₀ [95%] | Wilson crossing | median time at α = 0.4 (s) | solved/total | mean PAR-2 (s) | timeout | error | invalid | crashed |
|---|---|---|---|---|---|---|---|---|---|---|
| 1 | strong | > 0.6 (not reached) | > 0.6 | 1 | 40/40 | 1 | 0 | 0 | 0 | 0 |
| 2 | mid | 0.4–0.5 (separated) | 0.45 [0.431, 0.469] | 2 | 20/40 | 11 | **1** | 0 | 0 | 0 |
| 3 | weak | < 0.3 | < 0.3 | — | 0/40 | 20 | 0 | **1** | 0 | 0 |

α₅₀: logistic fit of the success curve over all runs, with its 95% profile-likelihood interval (a separated curve: its bracket); ranked only where these intervals separate. Wilson crossing: where the success rate and its Wilson bands cross ½, a cross-check.
`);
  });

  it('ties identical records (16/18 each) instead of ranking them by their medians, and marks the tie', () => {
    // The case: walksat and fms both solve 9/9 at α = 4 and 7/9 at 4.2 — 16/18 — walksat in 1 s, fms in 2 s.
    // A third plugin solves nothing. Their α₅₀ intervals are the same, so walksat and fms share rank 1; the one that
    // solves nothing is beaten by both: rank 3 (competition ranking: 1 + the number that beat it).
    const outcomes = (plugin: string, seconds: number) => [
      ...Array.from({ length: 9 }, (_, seed) => record(plugin, 4, seed, 'solved', seconds)),
      ...Array.from({ length: 9 }, (_, seed) => record(plugin, 4.2, seed, seed < 7 ? 'solved' : 'unsolved', seconds)),
    ];
    const records = [...outcomes('fms', 2), ...outcomes('walksat', 1), ...Array.from({ length: 18 }, (_, i) => record('lazy', i < 9 ? 4 : 4.2, i % 9, 'unsolved', 1))];
    const rows = renderSummaryMarkdown('Tie', records).split('\n').filter((line) => /^\| =?\d/.test(line)).map((line) => line.split(' | ').slice(0, 3).join(' | '));
    // Within the tie, the faster median at the reference α (4.2) is listed first — an order for reading, not a rank.
    expect(rows).toEqual(['| =1 | walksat | > 4 (not reached)', '| =1 | fms | > 4 (not reached)', '| 3 | lazy | < 4']);
    expect(renderSummaryMarkdown('Tie', records)).toContain('= : tied, the 95% intervals of α₅₀ do not separate them.');
  });

  it('says so when there are no runs', () => {
    expect(renderSummaryMarkdown('Empty', [])).toBe('# Empty\n\n0 runs.\n\nNo runs recorded.\n');
  });
});

describe('names from a result set render as text', () => {
  const hostile = '<img src=x onerror=alert(1)>|x';
  // By hand: < and > as entities, the pipe backslash-escaped (GFM keeps a \| inside a table cell as a literal |).
  const escaped = '&lt;img src=x onerror=alert(1)&gt;\\|x';

  it('escapes HTML and Markdown in names, set titles and line breaks', () => {
    expect(markdownText(hostile)).toBe(escaped);
    expect(markdownText('a & b **bold** _it_ `code` [link](javascript:x) ~~s~~ \\')).toBe('a &amp; b \\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](javascript:x) \\~\\~s\\~\\~ \\\\');
    expect(markdownText('two\r\nlines\nhere')).toBe('two lines here');
    expect(markdownText('sa-main 0.3')).toBe('sa-main 0.3');
  });

  it('keeps a leaderboard row to its eleven cells whatever the plugin is called', () => {
    const text = renderSummaryMarkdown(`set ${hostile}`, [record(hostile, 0.3, 1, 'solved', 1)]);
    expect(text.startsWith(`# set ${escaped}\n`)).toBe(true);
    expect(text).toContain(`| 1 | ${escaped} | > 0.3 (not reached) | > 0.3 [< 0.3, > 0.3] | 1 | 1/1 | 1 | 0 | 0 | 0 | 0 |`);
    expect(text).not.toMatch(/<img/);
    // Cells are split at pipes not preceded by a backslash: 11 cells between 12 separators.
    const row = text.split('\n').find((line) => line.startsWith('| 1 |'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(11);
  });

  it('escapes set and plugin names in the differences table', () => {
    const table = differencesMarkdown([
      { problem: 'perceptron', n: 101, k: null, plugin: '<b>p</b>', alpha: 0.5, measure: 'success rate', baselineSet: 'main|x', otherSet: '<script>', baseline: { value: 1, lo: 0.5, hi: 1 }, other: { value: 0, lo: 0, hi: 0.5 }, verdict: 'worse' },
    ]);
    expect(table).toContain('| plugin | where | measure | main\\|x [95%] | compared set | its value [95%] | change |');
    expect(table).toContain('| &lt;b&gt;p&lt;/b&gt; | perceptron, N = 101, α = 0.5 | success rate | 1 [0.5, 1] | &lt;script&gt; | 0 [0, 0.5] | **worse** |');
    expect(table).toContain("against main\\|x.");
    expect(table).not.toMatch(/<(b|script)>/);
  });
});

describe('summary.json', () => {
  const records = [record('a', 0.3, 1, 'solved', 1), record('a', 0.3, 2, 'unsolved', 2), record('a', 0.5, 1, 'timeout', 10), record('b', 0.3, 1, 'solved', 1)];

  it('holds the aggregated numbers, undefined medians as null, and passes its schema', () => {
    const summary = JSON.parse(renderSummaryJson('S', records)) as { runs: number; curves: { plugin: string; points: { alpha: number; solved: number; medianTimeS: number | null }[] }[] };
    assertSummaryJson(summary);
    expect(summary.runs).toBe(4);
    const a = summary.curves.find((c) => c.plugin === 'a')!;
    // Half solved at 0.3 and none at 0.5: no median (unsolved runs count as +∞); b's single solved run: 1 s.
    expect(a.points.map((p) => [p.alpha, p.solved, p.medianTimeS])).toEqual([[0.3, 1, null], [0.5, 0, null]]);
    expect(summary.curves.find((c) => c.plugin === 'b')!.points[0]!.medianTimeS).toBe(1);
  });

  it('holds α₅₀ from the fit with the crossing beside it, TTS₉₉ and ERT with their intervals (+∞ as null), schema 2', () => {
    type Cost = { value: number | null; lo: number | null; hi: number | null };
    const summary = JSON.parse(renderSummaryJson('S', records)) as {
      schema: number; finiteSize: unknown[];
      curves: { plugin: string; alpha50Kind: string; alpha50Lo: number | null; alpha50Hi: number | null; crossing: unknown; points: { alpha: number; tts99: { timeS: Cost; work: Cost; cpuS: Cost | null }; ert: { timeS: Cost } }[] }[];
    };
    expect(summary.schema).toBe(2);
    const a = summary.curves.find((c) => c.plugin === 'a')!;
    // a: 1 of 2 solved at 0.3, none at 0.5 — separated: α₅₀ above 0.3 is not known (no all-solved α), below 0.5.
    expect(a).toMatchObject({ alpha50Kind: 'separated', alpha50Lo: null, alpha50Hi: 0.5 });
    // At 0.3: p = ½ and runs of 1 and 2 s, median 1.5 s: TTS₉₉ = 1.5 · log 0.01 / log 0.5 = 9.966 s; ERT = 3/1 = 3 s.
    expect(a.points[0]!.tts99.timeS.value).toBeCloseTo(1.5 * Math.log(0.01) / Math.log(0.5), 9);
    expect(a.points[0]!.ert.timeS.value).toBeCloseTo(3, 9);
    // No CPU time recorded; nothing solved at 0.5: +∞, written null.
    expect(a.points[0]!.tts99.cpuS).toBeNull();
    expect(a.points[1]!.tts99.timeS).toEqual({ value: null, lo: null, hi: null });
    expect(summary.finiteSize).toEqual([]);
  });

  it('rejects a malformed summary, naming the field', () => {
    const summary = JSON.parse(renderSummaryJson('S', records)) as { curves: { points: { rate: number }[] }[] };
    summary.curves[0]!.points[0]!.rate = 1.5;
    expect(() => assertSummaryJson(summary)).toThrow(/curves\.0\.points\.0\.rate/);
  });
});
