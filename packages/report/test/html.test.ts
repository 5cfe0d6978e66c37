import vm from 'node:vm';
import { describe, it, expect } from 'vitest';
import { assertManifest, assertRunRecord, type Manifest, type RunRecord, type RunStatus } from '@densebench/core';
import { escapeHtml, jsonForScript, renderHtmlReport } from '../src/html.js';
import type { Difference } from '../src/compare.js';
import { CHART_KINDS, chartConfigs } from '../src/charts/index.js';
import { knownThresholds, reportData } from '../src/data.js';
import { CHART_THEME } from '../src/render.js';
import { fixtureLocalEntropy, fixtureRecords } from './fixtures.js';

function record(plugin: string, alpha: number, seed: number, status: RunStatus, wallTimeMs: number, message: string | null = null): RunRecord {
  const solved = status === 'solved';
  return {
    schema: 1,
    id: `${plugin}|perceptron|201|null|${alpha}|${seed}`,
    plugin,
    pluginVersion: '1.0.0',
    params: { steps: 1000 },
    problem: 'perceptron',
    n: 201,
    alpha,
    k: null,
    seed,
    instanceHash: seed.toString(16).padStart(64, '0'),
    status,
    energy: solved ? 0 : status === 'unsolved' ? 3 : null,
    wallTimeMs,
    work: solved ? wallTimeMs * 1000 : null,
    workUnit: 'flips',
    timeLimitS: 10,
    testError: null,
    teacherOverlap: null,
    message,
    info: null,
    trace: null,
    harnessVersion: '0.1.0',
    node: 'v20.19.0',
    cpu: 'Test CPU',
    commit: null,
    startedAt: '2025-01-01T00:00:00.000Z',
  };
}

const EVIL = 'evil<script>alert(1)</script>';

const records: RunRecord[] = [
  // sa at α = 0.5: 2 of 4 solved, so the median time is +∞.
  record('sa', 0.5, 0, 'solved', 100),
  record('sa', 0.5, 1, 'solved', 300),
  record('sa', 0.5, 2, 'unsolved', 10_000),
  record('sa', 0.5, 3, 'timeout', 10_000),
  // sa at α = 0.3: 4 of 4 solved.
  record('sa', 0.3, 0, 'solved', 100),
  record('sa', 0.3, 1, 'solved', 200),
  record('sa', 0.3, 2, 'solved', 300),
  record('sa', 0.3, 3, 'solved', 400),
  record(EVIL, 0.3, 0, 'solved', 50),
  record(EVIL, 0.3, 1, 'error', 5, 'boom </script><b>x</b>'),
];

const manifest: Manifest = {
  schema: 1,
  name: 'demo',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:01:00.000Z',
  harnessVersion: '0.1.0',
  machine: { node: 'v20.19.0', cpu: 'Test CPU', cores: 8, memoryGiB: 16, platform: 'linux-x64', commit: 'abc123' },
  plan: {
    problem: 'perceptron', ns: [201], alphas: [0.3, 0.5], k: null, seeds: [0, 1, 2, 3], timeLimitS: 10, memoryLimitMb: null,
    plugins: [{ name: 'sa', ref: 'sa', version: '1.0.0', workUnit: 'sweeps', params: {} }], runs: 16, hash: 'a'.repeat(64),
  },
  shard: null,
  command: ['bench'],
  mergedFrom: null,
  finished: true,
};

interface EmbeddedPoint { plugin: string; alpha: number; rate: number; solved: number; runs: number; medianTimeS: number | null }
interface EmbeddedData { title: string; manifest: unknown; groups: { problem: string; n: number; curves: { plugin: string; points: EmbeddedPoint[] }[] }[] }

function embedded(html: string): EmbeddedData {
  const m = /<script type="application\/json" id="densebench-data">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as EmbeddedData;
}

describe('renderHtmlReport', () => {
  const html = renderHtmlReport({ title: 'Demo <report>', records, manifest });

  it('uses fixtures that are a valid manifest and valid run records', () => {
    assertManifest(manifest);
    for (const r of records) assertRunRecord(r);
  });

  it('is one self-contained document with chart.js inlined', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.length).toBeGreaterThan(100_000);
    expect(html).toContain('Chart.js v4');
    expect(html).toMatch(/\.Chart\s*=/);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    // Only the inline scripts: none with a src attribute.
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
  });

  it('embeds the summaries as JSON, with null for an undefined median', () => {
    const data = embedded(html);
    expect(data.title).toBe('Demo <report>');
    expect(data.groups).toHaveLength(1);
    const sa = data.groups[0]!.curves.find((c) => c.plugin === 'sa')!;
    const at05 = sa.points.find((p) => p.alpha === 0.5)!;
    expect(at05).toMatchObject({ solved: 2, runs: 4, rate: 0.5, medianTimeS: null });
    const at03 = sa.points.find((p) => p.alpha === 0.3)!;
    expect(at03.rate).toBe(1);
    expect(at03.medianTimeS).toBeCloseTo(0.25);
    expect(data.groups[0]!.curves.map((c) => c.plugin)).toContain(EVIL);
  });

  it('escapes record text in markup and in the JSON block', () => {
    // Exactly the three script elements of the report: data, chart.js, app.
    expect(html.match(/<script/gi)).toHaveLength(3);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html).toContain('evil&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('boom &#60;/script&#62;&#60;b&#62;x&#60;/b&#62;');
    expect(html).toContain('<title>Demo &#60;report&#62;</title>');
  });

  it('shows rates with their Wilson interval, failure counts and metadata', () => {
    expect(html).toMatch(/0\.50 \[0\.15, 0\.85\]/);
    expect(html).toContain('2/4');
    expect(html).toMatch(/<td class="num bad">1<\/td>/);
    expect(html).toContain('abc123');
    expect(html).toContain('10 s per run');
    expect(html).toContain('<dt>Machine</dt><dd>Test CPU × 8, 16 GiB, linux-x64</dd>');
    expect(html).toContain('<dt>Plan</dt><dd>perceptron; N ∈ {201}; α ∈ {0.3, 0.5}; seeds: 0, 1, 2, 3</dd>');
    expect(html).toContain('<dt>Finished</dt><dd>yes</dd>');
    // Success rate, median time and work, TTS₉₉ vs α, and the cactus: one canvas and one chart each.
    expect(runClientScript(html).map((c) => c.id)).toEqual(['rate-0', 'time-0', 'work-0', 'tts-0', 'ecdf-0']);
    // TTS₉₉ and ERT per point: sa at α = 0.3 solved all four runs (0.1 … 0.4 s): TTS₉₉ = the median, 0.25 s; ERT = 1/4 s.
    expect(html).toMatch(/<td class="num">0\.25 \[[\d.]+, [\d.]+\]<\/td><td class="num">250000 \[[\d.]+, [\d.]+\]<\/td><td class="num">0\.25 \[/);
    expect(html).toContain('aria-label="Median work to solution vs α, perceptron, N = 201"');
  });

  it('shows a flatness column only when some solved run measured it', () => {
    expect(html).not.toContain('error after flipping');
    const flat = [0, 1].map((seed) => ({ ...record('sa', 0.3, seed, 'solved', 100), flatness: [[0.01, 0.002], [0.2, 0.25 + seed * 0.05]] as [number, number][] }));
    const withFlatness = renderHtmlReport({ title: 'Flat', records: flat });
    expect(withFlatness).toContain('error after flipping 1 / 20 % (solved)');
    expect(withFlatness).toContain('0.002 / 0.275');
    expect(withFlatness).toContain('id="flat-0"');
    expect(html).not.toContain('id="flat-0"');
  });

  it('its client script builds one chart per canvas, the flatness chart from the solved runs\' curves', () => {
    const flat = [0, 1].map((seed) => ({ ...record('sa', 0.3, seed, 'solved', 100), flatness: [[0.01, 0.002], [0.2, 0.25 + seed * 0.05]] as [number, number][] }));
    for (const page of [html, renderHtmlReport({ title: 'Flat', records: [...records, ...flat] })]) {
      const charts = runClientScript(page);
      const canvases = [...page.matchAll(/<canvas id="([^"]+)"/g)].map((m) => m[1]);
      expect(charts.map((c) => c.id)).toEqual(canvases);
    }
    const charts = runClientScript(renderHtmlReport({ title: 'Flat', records: flat }));
    const flatness = charts.find((c) => c.id === 'flat-0')!.datasets;
    // The legend says how many runs each curve averages.
    expect(flatness).toEqual([{ label: 'sa (2 runs)', data: [{ x: 1, y: 0.002 }, { x: 20, y: 0.275 }] }]);
  });

  it('places one canvas per chart the chart modules configure, for every kind of chart, in the same order', () => {
    const data = reportData(fixtureRecords(), fixtureLocalEntropy());
    const page = renderHtmlReport({ title: 'All kinds', records: fixtureRecords(), localEntropy: fixtureLocalEntropy(), data });
    const canvases = [...page.matchAll(/<canvas id="([^"]+)"/g)].map((m) => m[1]);
    const specs = chartConfigs(data, CHART_THEME);
    const ids = [...new Set(specs.map((s) => s.id))];
    expect(new Set(ids.map((id) => id.replace(/-\d+$/, '')))).toEqual(new Set(Object.keys(CHART_KINDS)));
    expect([...canvases].sort()).toEqual([...ids].sort());
    expect(runClientScript(page).map((c) => c.id)).toEqual(ids);
    // The anytime canvas has one chart per α, each its own file; the page draws the primary one and offers the others.
    const anytime = specs.filter((s) => s.id === specs.find((x) => x.variant)!.id);
    expect(anytime.map((s) => s.variant!.value)).toEqual(['0.3', '0.5', '0.7']);
    expect(anytime.filter((s) => s.variant!.primary)).toHaveLength(1);
    expect(new Set(specs.map((s) => s.file)).size).toBe(specs.length);
    expect(page).toMatch(new RegExp(`<select class="variant" id="${anytime[0]!.id}-variant"[^>]*><option value="0.3"[^>]*>α = 0.3</option>`));
  });

  it('for teacher–student: train and test error columns, the replica-theory ε, and a test-error chart with the theory line', () => {
    const ts = [0.5, 1].flatMap((alpha) => [1, 2].map((seed) => ({
      ...record('sgd', alpha, seed, 'unsolved', 100), problem: 'teacher-student' as const, energy: 10 * seed, testError: 0.3 + 0.01 * seed, teacherOverlap: 0.5,
    })));
    const page = renderHtmlReport({ title: 'TS', records: ts });
    expect(page).toMatch(/<th[^>]*>theory ε<\/th>/);
    // arccos(R)/π for R = 0.5 is 1/3.
    expect(page).toContain('<td class="num">0.333</td>');
    // The RS Gibbs error at α = 0.5 and 1 (0.405 and 0.311, Györgyi 1990).
    expect(page).toMatch(/<td class="num">0\.405<\/td>/);
    expect(page).toMatch(/<td class="num">0\.311<\/td>/);
    // Train error: energy / round(αN): (10 + 20)/2 / 101 at α = 0.5.
    expect(page).toContain(`<td class="num">${Number((15 / 101).toPrecision(3))}</td>`);
    const charts = runClientScript(page);
    const canvases = [...page.matchAll(/<canvas id="([^"]+)"/g)].map((m) => m[1]);
    expect(charts.map((c) => c.id)).toEqual(canvases);
    const gen = charts.find((c) => c.id === 'gen-0')!.datasets;
    expect(gen[0]).toEqual({ label: 'sgd', data: [{ x: 0.5, y: 0.315, yMin: [expect.closeTo(0.315 - 0.0635, 3), 0.315], yMax: [expect.closeTo(0.315 + 0.0635, 3), 0.315] }, { x: 1, y: 0.315, yMin: expect.any(Array), yMax: expect.any(Array) }] });
    expect(gen[1]!.label).toMatch(/replica theory/);
    expect((gen[1]!.data as { x: number; y: number }[]).at(-1)).toEqual({ x: 1, y: expect.closeTo(0.3105, 3) });
  });

  it('labels the flatness of continuous networks by the noise σ, averaged over every run', () => {
    const nets = [1, 2].map((seed) => ({
      ...record('sgd', 1, seed, 'unsolved', 100), problem: 'mnist' as const, n: 784, energy: 50, testError: 0.1,
      flatness: [[0.05, 0.1], [1, 0.5 + 0.1 * seed]] as [number, number][], flatnessMeasure: 'noise' as const,
    }));
    for (const r of nets) assertRunRecord(r);
    const page = renderHtmlReport({ title: 'MNIST', records: nets });
    expect(page).toContain('train error under noise σ = 0.05 / 1 (all runs)');
    // No success-rate or time-to-solution chart for a data set.
    expect(page).not.toContain('id="rate-0"');
    expect(page).not.toContain('id="time-0"');
    expect(page).toContain('id="gen-0"');
    expect(page).toContain('0.100 / 0.650');
    const flat = runClientScript(page).find((c) => c.id === 'flat-0')!.datasets;
    expect(flat).toEqual([{ label: 'sgd (2 runs)', data: [{ x: 0.05, y: 0.1 }, { x: 1, y: expect.closeTo(0.65, 12) }] }]);
  });

  it('gives the cactus (ECDF) chart each plugin\'s solved times over all α, as fractions of all its runs', () => {
    const sa = embedded(html).groups[0]!.curves.find((c) => c.plugin === 'sa')!;
    expect(sa).toBeDefined();
    const ecdf = (embedded(html) as unknown as { groups: { ecdf: { plugin: string; times: number[]; runs: number }[] }[] }).groups[0]!.ecdf;
    // sa: solved in 0.1 and 0.3 s at α = 0.5 (of 4 runs), in 0.1 … 0.4 s at α = 0.3 (of 4).
    expect(ecdf.find((e) => e.plugin === 'sa')).toEqual({ plugin: 'sa', times: [0.1, 0.1, 0.2, 0.3, 0.3, 0.4], runs: 8 });
    const chart = runClientScript(html).find((c) => c.id === 'ecdf-0')!;
    const points = chart.datasets.find((d) => d.label === 'sa')!.data as { x: number; y: number }[];
    expect(points.map((p) => p.y)).toEqual([1 / 8, 2 / 8, 3 / 8, 4 / 8, 5 / 8, 6 / 8]);
  });

  it('lists every run of a group, failures marked and their messages escaped', () => {
    const table = /<table id="runs-0">([\s\S]*?)<\/table>/.exec(html)![1]!;
    expect(table.match(/<tr><td>/g)).toHaveLength(records.length);
    expect(table).toContain('<td class="bad">timeout</td>');
    expect(table).toContain('boom &#60;/script&#62;');
    expect(html).toContain(`<summary>All ${records.length} runs</summary>`);
  });

  it('draws α₅₀ against N when a problem was run at several sizes, a separated curve as its bracket', () => {
    const at = (n: number, alpha: number, seed: number, solved: boolean): RunRecord => ({ ...record('sa', alpha, seed, solved ? 'solved' : 'unsolved', 100), n, id: `sa|${n}|${alpha}|${seed}` });
    // N = 101 and 201: 9, 7, 5, 3, 1 of 10 solved at five αs centred on 0.4 and 0.35 — symmetric counts, so the fitted
    // α₅₀ is the centre. N = 401: 2/2 at 0.3, 0/2 at 0.35: separated, its bracket [0.3, 0.35] without a point.
    const around = (n: number, centre: number) => [9, 7, 5, 3, 1].flatMap((k, i) => Array.from({ length: 10 }, (_, seed) => at(n, Math.round((centre + 0.02 * (i - 2)) * 1000) / 1000, seed, seed < k)));
    const sized = [...around(101, 0.4), ...around(201, 0.35), at(401, 0.3, 1, true), at(401, 0.3, 2, true), at(401, 0.35, 1, false), at(401, 0.35, 2, false)];
    const page = renderHtmlReport({ title: 'Sizes', records: sized });
    expect(page).toContain('id="trend-0"');
    const trend = runClientScript(page).find((c) => c.id === 'trend-0')!;
    const xy = (data: unknown) => (data as { x: number; y: number | null }[]).map(({ x, y }) => ({ x, y }));
    // Two fitted sizes and a separated one: too few for the finite-size fit, so no fitted curve.
    expect(trend.datasets.map((d) => d.label)).toEqual(['sa', 'sa (bracket)']);
    expect(xy(trend.datasets[0]!.data)).toEqual([{ x: 101, y: expect.closeTo(0.4, 6) }, { x: 201, y: expect.closeTo(0.35, 6) }, { x: 401, y: null }]);
    // The bracket: a bar from 0.3 to 0.35 at its middle, without a marker.
    const mid = expect.closeTo(0.325, 12);
    expect((trend.datasets[1]!.data as unknown[])[2]).toEqual({ x: 401, y: mid, yMin: [0.3, mid], yMax: [0.35, mid] });
    expect(page).toContain('0.3–0.35 (separated)');
    expect(html).not.toContain('id="trend-');
  });

  it('draws the median time against N at the α where most (plugin, N) pairs have a median', () => {
    const at = (plugin: string, n: number, alpha: number, seed: number, seconds: number | null): RunRecord =>
      ({ ...record(plugin, alpha, seed, seconds === null ? 'unsolved' : 'solved', (seconds ?? 10) * 1000), n, id: `${plugin}|${n}|${alpha}|${seed}` });
    // Medians: α = 0.3 for sa and fbp at both sizes (four pairs); α = 0.5 for fbp only. sa: 1, 3 s → 2 s at N = 101;
    // 4, 6 s → 5 s at N = 201. fbp: 1 s everywhere.
    const runs = [101, 201].flatMap((n) => [1, 2].flatMap((seed) => [
      at('sa', n, 0.3, seed, n === 101 ? 2 * seed - 1 : 2 * seed + 2), at('sa', n, 0.5, seed, null),
      at('fbp', n, 0.3, seed, 1), at('fbp', n, 0.5, seed, 1),
    ]));
    const data = reportData(runs);
    expect(data.trends[0]!.cost!.alpha).toBe(0.3);
    const page = renderHtmlReport({ title: 'Cost', records: runs });
    expect(page).toContain('median time to solution at α = 0.3');
    const cost = runClientScript(page).find((c) => c.id === 'cost-0')!;
    expect(cost.datasets).toEqual([
      { label: 'fbp', data: [{ x: 101, y: 1 }, { x: 201, y: 1 }] },
      { label: 'sa', data: [{ x: 101, y: 2 }, { x: 201, y: 5 }] },
    ]);
    // The same medians in work (these records do 1000 flips per ms).
    const work = runClientScript(page).find((c) => c.id === 'costwork-0')!;
    expect(work.datasets).toEqual([
      { label: 'fbp', data: [{ x: 101, y: 1e6 }, { x: 201, y: 1e6 }] },
      { label: 'sa', data: [{ x: 101, y: 2e6 }, { x: 201, y: 5e6 }] },
    ]);
  });

  it('lists the flagged differences between merged result sets, worse first', () => {
    const differences: Difference[] = [
      { problem: 'perceptron', n: 201, k: null, plugin: 'sa', alpha: 0.5, measure: 'median time (s)', baselineSet: 'main', otherSet: 'pr', baseline: { value: 2, lo: 1, hi: 3 }, other: { value: 0.5, lo: 0.4, hi: 0.6 }, verdict: 'better' },
      { problem: 'perceptron', n: 201, k: null, plugin: 'sa', alpha: null, measure: 'α₅₀', baselineSet: 'main', otherSet: 'pr', baseline: { value: 0.6, lo: 0.55, hi: 0.65 }, other: { value: 0.4, lo: 0.35, hi: 0.45 }, verdict: 'worse' },
    ];
    const page = renderHtmlReport({ title: 'Diff', records, differences });
    const section = /<h2>Differences between result sets<\/h2>([\s\S]*?)<\/section>/.exec(page)![1]!;
    const verdicts = [...section.matchAll(/<td class="(bad|good)">(\w+)<\/td>/g)].map((m) => m[2]);
    expect(verdicts).toEqual(['worse', 'better']);
    expect(section).toContain('<td class="num">0.6 [0.55, 0.65]</td><td>pr</td><td class="num">0.4 [0.35, 0.45]</td>');
    expect(renderHtmlReport({ title: 'One set', records })).not.toContain('Differences between result sets');
  });

  it('opens each group with its leaderboard, failures in red', () => {
    const board = /<table class="board">([\s\S]*?)<\/table>/.exec(html)![1]!;
    const rows = [...board.matchAll(/<tr><td class="num[^"]*" title="[^"]*">(=?\d+)<\/td><td>.*?<\/span>([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    // The escaped plugin solves one of its two runs at α = 0.3 and errs once; sa solves 4/4 at 0.3 and 2/4 at 0.5. With
    // so few runs neither α₅₀ interval is bounded: a tie, marked.
    expect(rows.map(([rank]) => rank)).toEqual(['=1', '=1']);
    expect(rows.map(([, name]) => name)).toContain('sa');
    expect(board).toMatch(/<td class="num bad">1<\/td>/);
  });

  it('marks identical records (16/18 each) as a tie in the leaderboard, and ranks the plugin both beat below them', () => {
    const outcomes = (plugin: string, ms: number) => [
      ...Array.from({ length: 9 }, (_, seed) => record(plugin, 0.5, seed, 'solved', ms)),
      ...Array.from({ length: 9 }, (_, seed) => record(plugin, 0.6, seed, seed < 7 ? 'solved' : 'unsolved', ms)),
    ];
    const page = renderHtmlReport({ title: 'Tie', records: [...outcomes('fms', 20), ...outcomes('walksat', 10), ...Array.from({ length: 18 }, (_, i) => record('lazy', i < 9 ? 0.5 : 0.6, i % 9, 'unsolved', 10))] });
    const board = /<table class="board">([\s\S]*?)<\/table>/.exec(page)![1]!;
    const rows = [...board.matchAll(/<tr><td class="(num[^"]*)" title="([^"]*)">(=?\d+)<\/td><td>.*?<\/span>([^<]+)<\/td>/g)].map((m) => [m[3], m[4], m[1], m[2]]);
    expect(rows.map(([rank, plugin]) => `${rank} ${plugin}`)).toEqual(['=1 walksat', '=1 fms', '3 lazy']);
    expect(rows[0]![2]).toBe('num tie');
    expect(rows[0]![3]).toBe('places 1–2 are consistent with the 95% intervals');
    expect(page).toContain('= : tied');
  });

  it('embeds the known thresholds of each problem, with their sources, for the charts to draw', () => {
    expect(knownThresholds('perceptron', null)).toEqual([{ alpha: 0.833, label: expect.stringMatching(/capacity.*Krauth & Mézard 1989/), short: 'capacity 0.833' }]);
    // No literal underscores for subscripts (the old labels printed "α_s").
    for (const [problem, k] of [['perceptron', null], ['teacher-student', null], ['ksat', 3], ['ksat', 4]] as const) for (const t of knownThresholds(problem, k)) expect(t.label + t.short).not.toContain('_');
    expect(knownThresholds('ksat', 3).map((t) => t.alpha)).toEqual([4.267]);
    expect(knownThresholds('teacher-student', null).map((t) => t.alpha)).toEqual([1.245, 1.493]);
    expect(knownThresholds('committee', 3)).toEqual([]);
    const groups = (embedded(html) as unknown as { groups: { thresholds: { alpha: number }[] }[] }).groups;
    expect(groups[0]!.thresholds.map((t) => t.alpha)).toEqual([0.833]);
  });

  it('averages the local-entropy curves of each reference γ by γ, leaving out a γ where fewer than half converged', () => {
    const recordsTs = fixtureRecords();
    const data = reportData(recordsTs, fixtureLocalEntropy());
    expect(data.localEntropy).toHaveLength(1);
    const panel = data.localEntropy[0]!;
    expect(panel).toMatchObject({ problem: 'teacher-student', n: 201, alpha: 0.6 });
    // Plugins in name order, the planted configuration last, in grey; plugins keep their report colours.
    expect(panel.series.map((s) => s.reference)).toEqual(['fbp', 'sa', 'planted']);
    const colours = new Map(data.groups.flatMap((g) => g.curves.map((c) => [c.plugin, c.color])));
    expect(panel.series[0]!.color).toBe(colours.get('fbp'));
    expect(panel.series[2]!.color).not.toBe(colours.get('fbp'));
    const fbp = panel.series[0]!.points[0]!;
    expect(fbp.distance).toBeCloseTo(0.25 + 0.001, 12);
    // Two values: the mean, and a Student-t interval around it (t = 12.706 for one degree of freedom).
    expect(fbp.lo!).toBeLessThan(fbp.entropy);
    expect(fbp.hi!).toBeGreaterThan(fbp.entropy);
    expect(fbp.hi! - fbp.entropy).toBeCloseTo(fbp.entropy - fbp.lo!, 12);
    // γ = 3: one of sa's two curves converged (half: kept, no interval); none of the teacher's (left out).
    expect(panel.series[1]!.points.map((p) => p.gamma)).toEqual([0.5, 1, 2, 3]);
    expect(panel.series[1]!.points[3]).toMatchObject({ converged: 1, lo: null, hi: null });
    expect(panel.series[2]!.points.map((p) => p.gamma)).toEqual([0.5, 1, 2]);
    // Flatness averaged over each reference's curves: fbp (0.01, 0.02) → 0.015 at 1%.
    expect(panel.series[0]!.flatness![0]![0]).toBe(0.01);
    expect(panel.series[0]!.flatness![0]![1]).toBeCloseTo(0.015, 12);
    expect(panel.series[2]!.flatness![1]![1]).toBeCloseTo(0.205, 12);
    // H₂(d) over the distances shown.
    expect(panel.bound[0]).toEqual([0, 0]);
    expect(panel.bound.at(-1)![0]).toBeCloseTo(0.301, 12); // the largest mean distance
    const page = renderHtmlReport({ title: 'LE', records: recordsTs, localEntropy: fixtureLocalEntropy() });
    expect(page).toContain('Local entropy around solutions: teacher-student, N = 201, α = 0.6');
    expect(page).toContain('<canvas id="lent-0"');
    expect(page).toMatch(/<th>S\(d\) at γ = 3<\/th>/);
    // The planted row has no γ = 3 value.
    expect(page).toMatch(/planted<\/td><td class="num">2<\/td>(<td class="num">[^—]+?<\/td>){3}<td class="num">—<\/td><td class="num">0\.045 \/ 0\.205<\/td>/);
    expect(page).toContain('<th>error after flipping 1 / 10 %</th>');
    expect(page).toContain('<canvas id="lentflat-0"');
  });

  it('renders without a manifest or records', () => {
    const empty = renderHtmlReport({ title: 'Empty', records: [] });
    expect(empty).toContain('No runs recorded.');
    expect(embedded(empty).groups).toEqual([]);
  });
});

describe('helpers', () => {
  it('jsonForScript turns ±∞ into null and cannot close the script element', () => {
    const text = jsonForScript({ a: Number.POSITIVE_INFINITY, b: Number.NaN, s: '</script><!--' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ a: null, b: null, s: '</script><!--' });
  });

  it('escapeHtml escapes quotes too', () => {
    expect(escapeHtml(`"'&<>`)).toBe('&#34;&#39;&#38;&#60;&#62;');
  });
});

/** Runs the report's own client script with stub DOM and Chart classes; returns what each chart was given. */
function runClientScript(page: string): { id: string; datasets: { label: string; data: unknown }[] }[] {
  const scripts = [...page.matchAll(/<script(?: [^>]*)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const [json, , app] = scripts;
  const canvases = new Set([...page.matchAll(/<canvas id="([^"]+)"/g)].map((m) => m[1]));
  const charts: { id: string; datasets: { label: string; data: unknown }[] }[] = [];
  class Chart {
    static defaults = { font: {}, plugins: { legend: { labels: {} } } };
    constructor(canvas: { id: string } | null, config: { data: { datasets: { label: string; data: unknown }[] } }) {
      if (!canvas) throw new Error('a chart without its canvas');
      // Through JSON: the page's arrays belong to the script's own realm, which toEqual's matchers do not recognise.
      charts.push({ id: canvas.id, datasets: config.data.datasets.map(({ label, data }) => ({ label, data: JSON.parse(JSON.stringify(data)) as unknown })) });
    }
  }
  const document = {
    documentElement: {},
    getElementById: (id: string) => (id === 'densebench-data' ? { textContent: json } : canvases.has(id) ? { id } : null),
    // The run-table filters are exercised in the browser test.
    querySelectorAll: () => [],
  };
  vm.runInNewContext(app!, { document, Chart, getComputedStyle: () => ({ getPropertyValue: () => '#000' }) });
  return charts;
}
