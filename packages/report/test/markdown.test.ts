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

describe('renderSummaryMarkdown', () => {
  it('ranks plugins by α₅₀, shows the median time at the reference α, and marks failures in bold (hand-computed)', () => {
    const records = [
      // "mid": 2/2 at α = 0.3, 0/2 at 0.5: the rate falls 1 → 0, crossing ½ at 0.4.
      record('mid', 0.3, 1, 'solved', 1), record('mid', 0.3, 2, 'solved', 3),
      record('mid', 0.5, 1, 'unsolved', 4), record('mid', 0.5, 2, 'timeout', 10),
      // "strong": everything solved: α₅₀ above the range, first. PAR-2 = mean time = 1 s.
      record('strong', 0.3, 1, 'solved', 1), record('strong', 0.3, 2, 'solved', 1),
      record('strong', 0.5, 1, 'solved', 1), record('strong', 0.5, 2, 'solved', 1),
      // "weak": nothing solved, one error: α₅₀ below the range, last; PAR-2 = 2 × 10 s.
      record('weak', 0.3, 1, 'unsolved', 1), record('weak', 0.3, 2, 'error', 0.1),
      record('weak', 0.5, 1, 'unsolved', 1), record('weak', 0.5, 2, 'unsolved', 1),
    ];
    // mid: PAR-2 at 0.3 = (1 + 3)/2 = 2, at 0.5 = 20; mean 11. Medians exist at α = 0.3 for mid (2 s) and strong (1 s),
    // at 0.5 for strong only: the reference α is 0.3.
    expect(renderSummaryMarkdown('Leaderboard', records)).toBe(`# Leaderboard

12 runs.

## perceptron, N = 101

α ∈ {0.3, 0.5}

| rank | plugin | α₅₀ [95%] | median time at α = 0.3 (s) | solved/total | mean PAR-2 (s) | timeout | error | invalid | crashed |
|---|---|---|---|---|---|---|---|---|---|
| 1 | strong | > 0.5 | 1 | 4/4 | 1 | 0 | 0 | 0 | 0 |
| 2 | mid | 0.4 [< 0.3, > 0.5] | 2 | 2/4 | 11 | **1** | 0 | 0 | 0 |
| 3 | weak | < 0.3 | — | 0/4 | 20 | 0 | **1** | 0 | 0 |
`);
  });

  it('breaks a tie in α₅₀ by the median time at the reference α, before PAR-2', () => {
    // Both solve everything (α₅₀ above the range) and have medians at both α: the reference α is the larger, 0.5.
    // "spiky" has the smaller median there (1 s vs 2 s) but one 100 s run, so the larger PAR-2 (17.5 vs 2).
    const records = [1, 2, 3].flatMap((seed) => [
      record('steady', 0.3, seed, 'solved', 2), record('steady', 0.5, seed, 'solved', 2),
      record('spiky', 0.3, seed, 'solved', 1), record('spiky', 0.5, seed, 'solved', seed === 3 ? 100 : 1),
    ]);
    const table = renderSummaryMarkdown('Tie', records).split('\n').filter((line) => /^\| \d/.test(line));
    expect(table).toEqual(['| 1 | spiky | > 0.5 | 1 | 6/6 | 17.5 | 0 | 0 | 0 | 0 |', '| 2 | steady | > 0.5 | 2 | 6/6 | 2 | 0 | 0 | 0 | 0 |']);
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

  it('keeps a leaderboard row to its ten cells whatever the plugin is called', () => {
    const text = renderSummaryMarkdown(`set ${hostile}`, [record(hostile, 0.3, 1, 'solved', 1)]);
    expect(text.startsWith(`# set ${escaped}\n`)).toBe(true);
    expect(text).toContain(`| 1 | ${escaped} | > 0.3 | 1 | 1/1 | 1 | 0 | 0 | 0 | 0 |`);
    expect(text).not.toMatch(/<img/);
    // Cells are split at pipes not preceded by a backslash: 10 cells between 11 separators.
    const row = text.split('\n').find((line) => line.startsWith('| 1 |'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(10);
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

  it('rejects a malformed summary, naming the field', () => {
    const summary = JSON.parse(renderSummaryJson('S', records)) as { curves: { points: { rate: number }[] }[] };
    summary.curves[0]!.points[0]!.rate = 1.5;
    expect(() => assertSummaryJson(summary)).toThrow(/curves\.0\.points\.0\.rate/);
  });
});
