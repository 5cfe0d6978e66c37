// The finite-size fit on the α₅₀-vs-N chart and in its table, from records whose α₅₀ at each N is known by construction:
// α₅₀(N) = 4.2 − 2·N^(−1/2), i.e. 4.0, 4.1 and 4.15 at N = 100, 400 and 1600, so α∞ = 4.2, a = −2, ν = 2.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@densebench/core';
import { chartConfigs } from '../src/charts/index.js';
import { reportData } from '../src/data.js';
import { renderHtmlReport } from '../src/html.js';
import { CHART_THEME } from '../src/render.js';
import { renderSummaryJson } from '../src/summary-json.js';

function run(n: number, alpha: number, seed: number, solved: boolean): RunRecord {
  return {
    schema: 1, id: `sa/ksat/n${n}/k3/a${alpha}/s${seed}`, plugin: 'sa', pluginVersion: '1', params: {}, problem: 'ksat', n, alpha, k: 3, seed,
    instanceHash: 'f'.repeat(64), status: solved ? 'solved' : 'unsolved', energy: solved ? 0 : 1, wallTimeMs: 10, work: 100, workUnit: 'sweeps', timeLimitS: 10,
    testError: null, teacherOverlap: null, message: null, info: null, trace: null, harnessVersion: '0', node: 'v20', cpu: 'c', commit: null, startedAt: 't',
  };
}

/**
 * 19, 15, 10, 5, 1 of 20 runs solved at α = c − 0.1 … c + 0.1: the counts are symmetric about c (k ↔ n − k), and so is
 * the logistic likelihood, whose unique maximum therefore puts α₅₀ at c exactly — whatever the slope.
 */
const around = (n: number, centre: number): RunRecord[] =>
  [19, 15, 10, 5, 1].flatMap((k, i) => Array.from({ length: 20 }, (_, seed) => run(n, Math.round((centre + 0.05 * (i - 2)) * 1000) / 1000, seed, seed < k)));

const truth = (n: number) => 4.2 - 2 / Math.sqrt(n);
const records = [100, 400, 1600].flatMap((n) => around(n, truth(n)));

describe('the finite-size fit of α₅₀(N) = α∞ + a·N^(−1/ν)', () => {
  const data = reportData(records);
  const series = data.trends[0]!.series[0]!;

  it('recovers α∞ = 4.2, a = −2 and ν = 2 from three sizes, and warns that three points do not test the form', () => {
    expect(series.points.map((p) => p.alpha50)).toEqual([expect.closeTo(4, 6), expect.closeTo(4.1, 6), expect.closeTo(4.15, 6)]);
    const fit = series.finiteSize!;
    expect(fit.kind).toBe('fit');
    if (fit.kind !== 'fit') return;
    expect(fit.alphaInfinity).toBeCloseTo(4.2, 3);
    expect(fit.a).toBeCloseTo(-2, 2);
    expect(fit.nu).toBeCloseTo(2, 2);
    expect(fit.sizes).toEqual([100, 400, 1600]);
    expect(fit.warnings.join('\n')).toMatch(/3 points for 3 parameters/);
    // The drawn curve passes through the measured α₅₀ at the ends of the sizes run.
    expect(fit.curve[0]![1]).toBeCloseTo(4, 3);
    expect(fit.curve.at(-1)![1]).toBeCloseTo(4.15, 3);
  });

  it('draws the fitted curve and α∞ with its band on the α₅₀-vs-N chart', () => {
    const chart = chartConfigs(data, CHART_THEME).find((s) => s.id === 'trend-0')!.config;
    const fitted = chart.data.datasets.find((d) => String(d.label).startsWith('sa fit: α∞ = 4.2 ['))!;
    expect(fitted).toBeDefined();
    const annotations = (chart.options.plugins as { annotation: { annotations: Record<string, { type: string; value?: number }> } }).annotation.annotations;
    expect(annotations.alphaInfinity0).toMatchObject({ type: 'line', value: expect.closeTo(4.2, 3) });
    expect(annotations.alphaInfinityBand0!.type).toBe('box');
  });

  it('gives α∞ in the size table with the fit\'s warnings, and in summary.json', () => {
    const page = renderHtmlReport({ title: 'Sizes', records, data });
    expect(page).toMatch(/<th[^>]*>α∞ \[95%\]<\/th>/);
    expect(page).toMatch(/<td class="num warn" title="[^"]*3 points for 3 parameters[^"]*">4\.2 \[/);
    expect(page).toContain('Finite-size fit warnings');
    const json = JSON.parse(renderSummaryJson('Sizes', records)) as { finiteSize: { plugin: string; kind: string; alphaInfinity: number; warnings: string[] }[] };
    expect(json.finiteSize).toEqual([expect.objectContaining({ plugin: 'sa', kind: 'fit', alphaInfinity: expect.closeTo(4.2, 3) })]);
  });

  it('leaves out a separated size, and says so', () => {
    const separated = [...records.filter((r) => r.n !== 1600), ...[4.1, 4.2].flatMap((alpha) => Array.from({ length: 20 }, (_, seed) => run(1600, alpha, seed, alpha === 4.1)))];
    const fit = reportData(separated).trends[0]!.series[0]!.finiteSize!;
    expect(fit.kind).toBe('too-few-sizes');
    expect(fit.warnings).toContain('N = 1600 left out: its success curve is separated (no fitted α₅₀)');
  });
});
