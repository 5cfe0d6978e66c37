// Chart.js configurations of every chart in the report, built from the report data (data.ts). The HTML page and the
// PNG renderer (png.ts) draw the same configurations: the page embeds these two functions as source text
// (Function.prototype.toString), so they must stay self-contained — no imports used at run time, no module-level
// helpers — and must be written in JavaScript the browser runs as is (TypeScript types are erased by tsc).
// The data arrives through JSON, so a missing or infinite number is null.
import type { ReportData } from './data.js';

/** Colours of text and grid lines: the page reads them from its CSS (light or dark), the PNGs use the light ones. */
export interface ChartTheme {
  fg: string;
  grid: string;
}

/** A chart to draw: the id of its canvas in the page, the PNG file name, and the chart.js configuration. */
export interface ChartSpec {
  id: string;
  file: string;
  config: { type: 'line'; data: { datasets: Record<string, unknown>[] }; options: Record<string, unknown>; plugins?: Record<string, unknown>[] };
}

interface ChartJsLike {
  defaults: { color: unknown; borderColor: unknown; animation: unknown; maintainAspectRatio: boolean; font: { family: string }; plugins: { legend: { labels: Record<string, unknown> } } };
}

/** Global chart.js settings shared by the page and the PNGs. */
export function applyChartDefaults(Chart: ChartJsLike, theme: ChartTheme): void {
  Chart.defaults.color = theme.fg;
  Chart.defaults.borderColor = theme.grid;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", sans-serif';
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  Chart.defaults.plugins.legend.labels.boxHeight = 8;
}

/** Every chart of the report, groups first (in page order), then the size trends. */
export function chartConfigs(data: ReportData, theme: ChartTheme): ChartSpec[] {
  type Ctx = { save(): void; restore(): void; beginPath(): void; moveTo(x: number, y: number): void; lineTo(x: number, y: number): void; stroke(): void; fillText(t: string, x: number, y: number): void; setLineDash(d: number[]): void; strokeStyle: unknown; fillStyle: unknown; lineWidth: number; globalAlpha: number; font: string; textAlign: string };
  type Scale = { min: number; max: number; getPixelForValue(v: number): number };
  type ChartLike = { ctx: Ctx; scales: { x: Scale; y: Scale }; chartArea: { top: number; bottom: number; left: number; right: number }; data: { datasets: { borderColor: unknown; intervals?: ([number | null, number | null] | null)[] }[] }; isDatasetVisible(i: number): boolean; getDatasetMeta(i: number): { data: { x: number }[] } };
  type Tip = { datasetIndex: number; dataIndex: number; dataset: { label: string }; parsed: { x: number; y: number } };
  const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  // Interval bars (Wilson for rates, Student t for errors, order statistics for medians), drawn per visible dataset
  // with a small horizontal shift so that the bars of different plugins at one α stay apart.
  const intervalBars = {
    id: 'intervalBars',
    afterDatasetsDraw(chart: ChartLike) {
      const ctx = chart.ctx;
      const y = chart.scales.y;
      const visible = chart.data.datasets.map((_d, i) => i).filter((i) => chart.isDatasetVisible(i));
      visible.forEach((di, rank) => {
        const ds = chart.data.datasets[di]!;
        if (!ds.intervals) return;
        const shift = (rank - (visible.length - 1) / 2) * 4;
        ctx.save();
        ctx.strokeStyle = ds.borderColor;
        ctx.lineWidth = 1.5;
        chart.getDatasetMeta(di).data.forEach((pt, i) => {
          const iv = ds.intervals![i];
          // An unbounded end (±∞ arrives as null) is drawn to the edge of the plot, without a cap; an interval unbounded
          // at both ends (too few runs for a distribution-free one) is not drawn.
          if (!iv || (iv[0] === null && iv[1] === null)) return;
          const lo = iv[0] === null ? chart.chartArea.bottom : y.getPixelForValue(Math.max(iv[0], y.min));
          const hi = iv[1] === null ? chart.chartArea.top : y.getPixelForValue(Math.min(iv[1], y.max));
          const x = pt.x + shift;
          ctx.beginPath();
          ctx.moveTo(x, lo);
          ctx.lineTo(x, hi);
          if (iv[0] !== null) { ctx.moveTo(x - 4, lo); ctx.lineTo(x + 4, lo); }
          if (iv[1] !== null) { ctx.moveTo(x - 4, hi); ctx.lineTo(x + 4, hi); }
          ctx.stroke();
        });
        ctx.restore();
      });
    },
  };
  // Vertical lines at the problem's known thresholds that fall inside the α axis, labelled at the top.
  const thresholdLines = {
    id: 'thresholdLines',
    afterDatasetsDraw(chart: ChartLike, _args: unknown, options: { lines?: { alpha: number; label: string }[] }) {
      const ctx = chart.ctx;
      const x = chart.scales.x;
      const area = chart.chartArea;
      (options.lines || []).forEach((line, i) => {
        if (line.alpha < x.min || line.alpha > x.max) return;
        const px = x.getPixelForValue(line.alpha);
        ctx.save();
        ctx.strokeStyle = theme.fg;
        ctx.globalAlpha = 0.6;
        ctx.setLineDash([4, 4]);
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.globalAlpha = 0.9;
        ctx.fillStyle = theme.fg;
        ctx.font = '11px sans-serif';
        ctx.textAlign = px > (area.left + area.right) / 2 ? 'right' : 'left';
        ctx.fillText(line.label, px + (ctx.textAlign === 'right' ? -4 : 4), area.top + 12 + 13 * i);
        ctx.restore();
      });
    },
  };
  const fmt = (v: number | null): string => (v === null ? '—' : Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2).replace(/\.?0+e/, 'e') : String(Number(v.toPrecision(3))));
  const scaleTitle = (text: string) => ({ display: true, text, font: { size: 13 } });
  // Whole decades and labels only at 1, 2, 5: chart.js's own log bounds crowd labels when the data span is narrow.
  const decades = (values: (number | null)[]) => {
    const ys = values.filter((v): v is number => finite(v) && v > 0);
    if (!ys.length) return { min: 0.1, max: 10 };
    return { min: Math.pow(10, Math.floor(Math.log10(Math.min(...ys)))), max: Math.pow(10, Math.ceil(Math.log10(Math.max(...ys)) + 1e-9)) };
  };
  const logTick = (v: number) => {
    const m = Math.round((v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9))) * 1e3) / 1e3;
    return m === 1 || m === 2 || m === 5 ? fmt(v) : '';
  };
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const line = (label: string, color: string) => ({ label, borderColor: color, backgroundColor: color, pointRadius: 3.5, borderWidth: 2, spanGaps: false, clip: 8 });
  const specs: ChartSpec[] = [];

  data.groups.forEach((g, gi) => {
    const label = g.problem + (g.k === null ? '' : ', K = ' + g.k) + ', N = ' + g.n;
    const file = slug(g.problem + (g.k === null ? '' : '-k' + g.k) + '-n' + g.n);
    // Same α range on every α chart (the time chart lacks the α without a median); clip lets edge points show whole.
    const alphas = g.curves.flatMap((c) => c.points.map((p) => p.alpha));
    const lo = Math.min(...alphas);
    const hi = Math.max(...alphas);
    // No tick at a bound off the tick grid: chart.js would print it at the grid's precision (α = 0.25 as "0.3").
    const x = { type: 'linear', title: scaleTitle('α'), ticks: { includeBounds: false }, ...(hi > lo ? { min: lo, max: hi } : {}) };
    const base = (c: { plugin: string; color: string }) => line(c.plugin, c.color);
    const add = (kind: string, name: string, config: ChartSpec['config']) => specs.push({ id: kind + '-' + gi, file: file + '-' + name + '.png', config });
    for (const kind of g.charts) {
      if (kind === 'rate') {
        add(kind, 'success', {
          type: 'line',
          plugins: [intervalBars, thresholdLines],
          data: { datasets: g.curves.map((c) => ({ ...base(c), data: c.points.map((p) => ({ x: p.alpha, y: p.rate })), intervals: c.points.map((p) => [p.rateLo, p.rateHi]) })) },
          options: {
            plugins: {
              thresholdLines: { lines: g.thresholds },
              title: { display: true, text: 'Success rate vs α — ' + label },
              tooltip: { callbacks: { label: (t: Tip) => { const p = g.curves[t.datasetIndex]!.points[t.dataIndex]!; return t.dataset.label + ': ' + p.solved + '/' + p.runs + ' = ' + p.rate.toFixed(2) + ' [' + p.rateLo.toFixed(2) + ', ' + p.rateHi.toFixed(2) + ']'; } } },
            },
            scales: { x, y: { min: 0, max: 1, title: scaleTitle('fraction solved (95% Wilson interval)') } },
          },
        });
      } else if (kind === 'time' || kind === 'work') {
        const time = kind === 'time';
        const value = (p: { medianTimeS: number | null; medianWork: number | null }) => (time ? p.medianTimeS : p.medianWork);
        const units = [...new Set(g.curves.map((c) => c.points[0]!.workUnit))];
        add(kind, time ? 'median-time' : 'median-work', {
          type: 'line',
          plugins: time ? [intervalBars] : [],
          data: {
            datasets: g.curves.map((c) => ({
              ...base(c),
              // Work units differ between plugins (sweeps, flips, gradients): name it in the legend when they do.
              label: c.plugin + (!time && units.length > 1 ? ' (' + c.points[0]!.workUnit + ')' : ''),
              data: c.points.map((p) => ({ x: p.alpha, y: finite(value(p)) ? value(p) : null })),
              intervals: time ? c.points.map((p) => (finite(p.medianTimeS) ? [finite(p.medianTimeLoS) ? p.medianTimeLoS : null, finite(p.medianTimeHiS) ? p.medianTimeHiS : null] : null)) : undefined,
            })),
          },
          options: {
            plugins: {
              title: { display: true, text: (time ? 'Median time to solution vs α — ' : 'Median work to solution vs α — ') + label },
              tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + fmt(t.parsed.y) + (time ? ' s' : ' ' + g.curves[t.datasetIndex]!.points[0]!.workUnit) } },
            },
            scales: {
              x,
              y: {
                type: 'logarithmic',
                ...decades(g.curves.flatMap((c) => c.points.flatMap((p) => (time ? [p.medianTimeS, finite(p.medianTimeS) ? p.medianTimeHiS : null] : [p.medianWork])))),
                title: scaleTitle(time ? 'median time to solution (s, log; 95% interval)' : 'median work to solution (' + (units.length > 1 ? "each plugin's unit" : units[0]) + ', log)'),
                ticks: { callback: logTick },
              },
            },
          },
        });
      } else if (kind === 'ecdf' && g.ecdf) {
        // The cactus view: the fraction of a plugin's runs (all α) solved within t, against t on a log axis.
        const times = g.ecdf.flatMap((e) => e.times).filter((t) => t > 0);
        const range = decades(times);
        add(kind, 'cactus', {
          type: 'line',
          data: {
            datasets: g.ecdf.map((e) => ({
              ...base(g.curves.find((c) => c.plugin === e.plugin)!),
              stepped: 'before',
              pointRadius: 0,
              data: e.times.map((t, i) => ({ x: Math.max(t, range.min), y: (i + 1) / e.runs })),
            })),
          },
          options: {
            plugins: {
              title: { display: true, text: 'Runs solved within a time (all α) — ' + label },
              tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + fmt(t.parsed.y) + ' within ' + fmt(t.parsed.x) + ' s' } },
            },
            scales: { x: { type: 'logarithmic', ...range, title: scaleTitle('wall time (s, log)'), ticks: { callback: logTick } }, y: { min: 0, max: 1, title: scaleTitle('fraction of runs solved') } },
          },
        });
      } else if (kind === 'flat') {
        // Flatness at one α for all plugins: the largest α where every plugin that measured it has solved runs, else
        // each plugin's own largest.
        const measured = g.curves.map((c) => c.points.filter((p) => p.flatness).map((p) => p.alpha)).filter((as) => as.length);
        const common = measured.reduce((acc, as) => acc.filter((a) => as.includes(a)));
        const pick = (c: (typeof g.curves)[number]) => c.points.filter((p) => p.flatness && (!common.length || common.includes(p.alpha))).at(-1);
        const shown = g.curves.map((c) => ({ c, p: pick(c) })).filter((e) => e.p);
        // A group with continuous networks plots σ; binary networks beside them plot their flipped fraction on the same axis.
        const noise = shown.some(({ p }) => p!.flatnessMeasure === 'noise');
        const suffix = (p: { flatnessMeasure: string }) => (noise && p.flatnessMeasure !== 'noise' ? ' — fraction flipped' : '');
        add(kind, 'flatness', {
          type: 'line',
          data: { datasets: shown.map(({ c, p }) => ({ ...base(c), label: c.plugin + (common.length ? '' : ' (α = ' + p!.alpha + ')') + suffix(p!), data: p!.flatness!.map(([f, e]) => ({ x: noise ? f : 100 * f, y: e })) })) },
          options: {
            plugins: {
              title: { display: true, text: (noise ? 'Flatness of the networks' : 'Flatness of the solutions') + (common.length ? ', α = ' + Math.max(...common) : '') + ' — ' + label },
              tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + fmt(t.parsed.y) + (noise ? ' at σ = ' + fmt(t.parsed.x) : ' after flipping ' + fmt(t.parsed.x) + '%') } },
            },
            scales: {
              x: { type: 'linear', min: 0, title: scaleTitle(noise ? 'multiplicative weight noise σ (binary networks: fraction flipped)' : 'variables flipped at random (%)') },
              y: { min: 0, title: scaleTitle(noise ? 'training error (mean over all runs)' : 'error rate (mean over solved runs)') },
            },
          },
        });
      } else if (kind === 'gen') {
        const sets: Record<string, unknown>[] = g.curves.map((c) => {
          const points = c.points.filter((p) => p.meanTestError !== null);
          return { ...base(c), data: points.map((p) => ({ x: p.alpha, y: p.meanTestError })), intervals: points.map((p) => (p.testErrorLo === null ? null : [p.testErrorLo, p.testErrorHi])) };
        });
        if (g.theory) sets.push({ label: g.theory.label, borderColor: theme.fg, backgroundColor: theme.fg, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, data: g.theory.points.map(([a, e]) => ({ x: a, y: e })) });
        add(kind, 'test-error', {
          type: 'line',
          plugins: [intervalBars, thresholdLines],
          data: { datasets: sets },
          options: {
            plugins: {
              thresholdLines: { lines: g.thresholds },
              title: { display: true, text: 'Test error vs α — ' + label },
              tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + fmt(t.parsed.y) } },
            },
            scales: { x, y: { min: 0, title: scaleTitle('test error (mean, 95% interval)') } },
          },
        });
      }
    }
  });

  (data.trends || []).forEach((t, ti) => {
    const label = t.problem + (t.k === null ? '' : ', K = ' + t.k);
    const file = slug(t.problem + (t.k === null ? '' : '-k' + t.k));
    const nAxis = { type: 'logarithmic', title: scaleTitle('N (log)'), ticks: { callback: logTick } };
    specs.push({
      id: 'trend-' + ti,
      file: file + '-alpha50-vs-n.png',
      config: {
        type: 'line',
        plugins: [intervalBars],
        data: { datasets: t.series.map((s) => ({ ...line(s.plugin, s.color), data: s.points.map((p) => ({ x: p.n, y: p.alpha50 })), intervals: s.points.map((p) => (p.lo === null || p.hi === null ? null : [p.lo, p.hi])) })) },
        options: { plugins: { title: { display: true, text: 'α₅₀ vs N — ' + label } }, scales: { x: nAxis, y: { title: scaleTitle('α₅₀ (95% interval)') } } },
      },
    });
    const cost = t.cost;
    if (!cost) return;
    specs.push({
      id: 'cost-' + ti,
      file: file + '-time-vs-n.png',
      config: {
        type: 'line',
        plugins: [intervalBars],
        data: { datasets: cost.series.map((s) => ({ ...line(s.plugin, s.color), data: s.points.map((p) => ({ x: p.n, y: p.medianTimeS })), intervals: s.points.map((p) => [finite(p.lo) ? p.lo : null, finite(p.hi) ? p.hi : null]) })) },
        options: {
          plugins: { title: { display: true, text: 'Median time to solution vs N at α = ' + cost.alpha + ' — ' + label }, tooltip: { callbacks: { label: (tip: Tip) => tip.dataset.label + ': ' + fmt(tip.parsed.y) + ' s at N = ' + tip.parsed.x } } },
          scales: { x: nAxis, y: { type: 'logarithmic', ...decades(cost.series.flatMap((s) => s.points.flatMap((p) => [p.medianTimeS, p.hi]))), title: scaleTitle('median time to solution (s, log; 95% interval)'), ticks: { callback: logTick } } },
        },
      },
    });
    // The same medians in work units, which do not depend on the machine (each plugin's own unit, named when they differ).
    const units = [...new Set(cost.series.map((s) => s.workUnit))];
    const workSeries = cost.series.filter((s) => s.points.some((p) => finite(p.medianWork)));
    if (workSeries.length) {
      specs.push({
        id: 'costwork-' + ti,
        file: file + '-work-vs-n.png',
        config: {
          type: 'line',
          data: { datasets: workSeries.map((s) => ({ ...line(s.plugin + (units.length > 1 ? ' (' + s.workUnit + ')' : ''), s.color), data: s.points.map((p) => ({ x: p.n, y: finite(p.medianWork) ? p.medianWork : null })) })) },
          options: {
            plugins: { title: { display: true, text: 'Median work to solution vs N at α = ' + cost.alpha + ' — ' + label }, tooltip: { callbacks: { label: (tip: Tip) => tip.dataset.label + ': ' + fmt(tip.parsed.y) + ' at N = ' + tip.parsed.x } } },
            scales: { x: nAxis, y: { type: 'logarithmic', ...decades(workSeries.flatMap((s) => s.points.map((p) => p.medianWork))), title: scaleTitle('median work to solution (' + (units.length > 1 ? "each plugin's unit" : units[0]) + ', log)'), ticks: { callback: logTick } } },
          },
        },
      });
    }
  });

  // Local entropy S(d) around each kind of reference configuration, with the H₂(d) bound: dense regions follow the bound
  // down to small d, isolated solutions fall away from it.
  (data.localEntropy || []).forEach((panel, pi) => {
    const label = panel.problem + (panel.k === null ? '' : ', K = ' + panel.k) + ', N = ' + panel.n + ', α = ' + panel.alpha;
    const file = slug(panel.problem + (panel.k === null ? '' : '-k' + panel.k) + '-n' + panel.n + '-a' + panel.alpha);
    const maxDistance = panel.bound.length ? panel.bound[panel.bound.length - 1]![0] : 0.5;
    const sets: Record<string, unknown>[] = panel.series.map((s) => ({
      ...line(s.reference + ' (' + s.count + ')', s.color),
      data: s.points.map((p) => ({ x: p.distance, y: p.entropy })),
      intervals: s.points.map((p) => (p.lo === null || p.hi === null ? null : [p.lo, p.hi])),
    }));
    sets.push({ label: 'H₂(d): all configurations at distance d solutions', borderColor: theme.fg, backgroundColor: theme.fg, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, data: panel.bound.map(([d, h]) => ({ x: d, y: h })) });
    specs.push({
      id: 'lent-' + pi,
      file: file + '-local-entropy.png',
      config: {
        type: 'line',
        plugins: [intervalBars],
        data: { datasets: sets },
        options: {
          plugins: {
            title: { display: true, text: 'Local entropy around solutions — ' + label },
            tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': S = ' + fmt(t.parsed.y) + ' at d = ' + fmt(t.parsed.x) } },
          },
          scales: {
            x: { type: 'linear', min: 0, max: maxDistance, title: scaleTitle('distance d from the reference (fraction of variables)') },
            y: { min: 0, title: scaleTitle('local entropy S(d) (nats per variable; mean, 95% interval)') },
          },
        },
      },
    });
    // The flatness of the same references (planted one included): error rate after flipping a random fraction.
    const flat = panel.series.filter((s) => s.flatness);
    if (flat.length) {
      specs.push({
        id: 'lentflat-' + pi,
        file: file + '-flatness.png',
        config: {
          type: 'line',
          data: { datasets: flat.map((s) => ({ ...line(s.reference + ' (' + s.count + ')', s.color), data: s.flatness!.map(([f, e]) => ({ x: 100 * f, y: e })) })) },
          options: {
            plugins: {
              title: { display: true, text: 'Flatness of the same references — ' + label },
              tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + fmt(t.parsed.y) + ' after flipping ' + fmt(t.parsed.x) + '%' } },
            },
            scales: { x: { type: 'linear', min: 0, title: scaleTitle('variables flipped at random (%)') }, y: { min: 0, title: scaleTitle('error rate (mean over the references)') } },
          },
        },
      });
    }
  });
  return specs;
}
