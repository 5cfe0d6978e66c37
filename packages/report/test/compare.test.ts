import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { summarize } from '../src/aggregate.js';
import { compareCurves, intervalText, labelledPlugin, compareResultSets, uniqueSetNames } from '../src/compare.js';
import { differencesMarkdown } from '../src/markdown.js';

function run(plugin: string, alpha: number, seed: number, seconds: number | null, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    schema: 1, id: `${plugin}/perceptron/n101/a${alpha}/s${seed}`, plugin, pluginVersion: '1', params: {}, problem: 'perceptron', n: 101, alpha, k: null, seed,
    instanceHash: 'c'.repeat(64), status: seconds === null ? 'unsolved' : 'solved', energy: seconds === null ? 2 : 0, wallTimeMs: (seconds ?? 10) * 1000,
    work: seconds === null ? null : seconds, workUnit: 'sweeps', timeLimitS: 10, testError: null, teacherOverlap: null, message: null, info: null, trace: null,
    harnessVersion: '0', node: 'v20', cpu: 'c', commit: null, startedAt: 't', ...extra,
  };
}

/** `solved` of 10 seeds solved at α, each in `seconds`. */
const point = (plugin: string, alpha: number, solved: number, seconds = 1): RunRecord[] =>
  Array.from({ length: 10 }, (_, seed) => run(plugin, alpha, seed, seed < solved ? seconds : null));

describe('compareCurves', () => {
  it('flags a success rate whose Wilson intervals are disjoint, and not one whose intervals overlap', () => {
    // 10/10 → [0.722, 1]; 2/10 → [0.057, 0.510]: disjoint. 6/10 → [0.313, 0.832] and 4/10 → [0.168, 0.687]: overlapping.
    const baseline = summarize([...point('sa', 0.5, 10), ...point('sa', 0.6, 6)]);
    const other = summarize([...point('sa', 0.5, 2), ...point('sa', 0.6, 4)]);
    const { differences, unpaired } = compareCurves(baseline, other, { baseline: 'main', other: 'branch' });
    const rates = differences.filter((d) => d.measure === 'success rate');
    expect(rates).toHaveLength(1);
    expect(rates[0]).toMatchObject({ plugin: 'sa', alpha: 0.5, verdict: 'worse', baselineSet: 'main', otherSet: 'branch', baseline: { value: 1 }, other: { value: 0.2 } });
    expect(rates[0]!.baseline.lo).toBeCloseTo(0.7225, 3);
    expect(rates[0]!.other.hi).toBeCloseTo(0.5098, 3);
    expect(unpaired).toEqual([]);
  });

  it('flags α₅₀ when the profile-likelihood intervals of the fits are disjoint; higher is better', () => {
    // 9, 7, 5, 3, 1 of 10 solved around α = 0.4 and around 0.6: symmetric counts, so the fits put α₅₀ at 0.4 and 0.6.
    const around = (centre: number) => [9, 7, 5, 3, 1].flatMap((k, i) => point('sa', centre + 0.05 * (i - 2), k));
    const [a, b] = [summarize(around(0.4))[0]!, summarize(around(0.6))[0]!];
    expect(a.alpha50).toBeCloseTo(0.4, 6);
    expect(b.alpha50).toBeCloseTo(0.6, 6);
    expect(a.alpha50Hi!).toBeLessThan(b.alpha50Lo!);
    const { differences } = compareCurves([a], [b], { baseline: 'weak', other: 'strong' });
    expect(differences.find((d) => d.measure === 'α₅₀')).toMatchObject({ alpha: null, verdict: 'better', baseline: { value: a.alpha50, lo: a.alpha50Lo, hi: a.alpha50Hi } });
  });

  it('compares separated curves by their brackets, which bound α₅₀ at 95% only with enough runs', () => {
    // Rates 1, 1, 0 at α = 0.3, 0.4, 0.5 against 1, 0, 0, ten runs each: brackets (0.4, 0.5) and (0.3, 0.4), whose
    // ends hold (10/10 and 0/10 have Wilson intervals that exclude ½): disjoint, though they touch at 0.4.
    const strong = [...point('sa', 0.3, 10), ...point('sa', 0.4, 10), ...point('sa', 0.5, 0)];
    const weak = [...point('sa', 0.3, 10), ...point('sa', 0.4, 0), ...point('sa', 0.5, 0)];
    const [a, b] = [summarize(weak)[0]!, summarize(strong)[0]!];
    expect([a.alpha50Kind, a.alpha50, a.alpha50Lo, a.alpha50Hi]).toEqual(['separated', null, 0.3, 0.4]);
    const alpha50 = compareCurves([a], [b], { baseline: 'weak', other: 'strong' }).differences.find((d) => d.measure === 'α₅₀')!;
    expect(alpha50).toMatchObject({ verdict: 'better' });
    expect(intervalText(alpha50.other)).toBe('[0.4, 0.5]');
    // Three runs per α: 3/3 and 0/3 have Wilson intervals [0.44, 1] and [0, 0.56], which contain ½ — the brackets
    // bound nothing, and only the success rates are compared.
    const three = (runs: RunRecord[]) => summarize(runs.filter((r) => r.seed < 3))[0]!;
    expect(three(weak).alpha50Compare).toEqual({ lo: null, hi: null });
    expect(compareCurves([three(weak)], [three(strong)], { baseline: 'weak', other: 'strong' }).differences.filter((d) => d.measure === 'α₅₀')).toEqual([]);
  });

  it('flags median times by their order-statistic intervals; lower is better', () => {
    // 10 runs of 1 s against 10 of 5 s: (x₂, x₉) = [1, 1] and [5, 5].
    const { differences } = compareCurves(summarize(point('sa', 0.3, 10, 1)), summarize(point('sa', 0.3, 10, 5)), { baseline: 'fast', other: 'slow' });
    expect(differences).toEqual([expect.objectContaining({ measure: 'median time (s)', verdict: 'worse', baseline: { value: 1, lo: 1, hi: 1 }, other: { value: 5, lo: 5, hi: 5 } })]);
  });

  it('compares test errors by their t intervals', () => {
    const errors = (plugin: string, base: number) => Array.from({ length: 6 }, (_, seed) => run(plugin, 1, seed, null, { problem: 'teacher-student', testError: base + 0.001 * seed }));
    const { differences } = compareCurves(summarize(errors('sgd', 0.3)), summarize(errors('sgd', 0.2)), { baseline: 'a', other: 'b' });
    expect(differences.map((d) => [d.measure, d.verdict])).toEqual([['test error', 'better']]);
  });

  it('lists the curves only one side has', () => {
    const { unpaired } = compareCurves(summarize(point('sa', 0.3, 10)), summarize(point('fbp', 0.3, 10)), { baseline: 'a', other: 'b' });
    expect(unpaired).toEqual([
      { problem: 'perceptron', n: 101, k: null, plugin: 'sa', onlyIn: 'a' },
      { problem: 'perceptron', n: 101, k: null, plugin: 'fbp', onlyIn: 'b' },
    ]);
  });
});

describe('compareResultSets', () => {
  it('labels a plugin run in several sets with each set\'s name, leaves the others, and compares with the first set', () => {
    const { records, differences } = compareResultSets([
      { name: 'main', records: [...point('sa', 0.5, 10), ...point('fbp', 0.5, 10)] },
      { name: 'branch', records: point('sa', 0.5, 1) },
    ]);
    expect([...new Set(records.map((r) => r.plugin))].sort()).toEqual(['fbp', labelledPlugin('sa', 'branch'), labelledPlugin('sa', 'main')].sort());
    expect(labelledPlugin('sa', 'main')).toBe('sa (main)');
    expect(differences.map((d) => [d.plugin, d.measure, d.verdict])).toEqual([['sa', 'success rate', 'worse']]);
    expect(differencesMarkdown(differences)).toContain('| sa | perceptron, N = 101, α = 0.5 | success rate | 1 [0.722, 1] | branch | 0.1 [0.0179, 0.404] | **worse** |');
  });

  it('names repeated sets apart', () => {
    expect(uniqueSetNames(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a #2', 'a #3']);
  });
});
