// chart.js configurations of every chart in the report, built from the report data (data.ts), one module per kind of
// chart. The file renderer (render.ts: PNG and SVG) imports these modules; the page runs the same modules, compiled for
// the browser by tsconfig.browser.json and inlined by page-script.ts, so they import nothing but each other and
// ../format.js. Interval bars and threshold lines come from chartjs-chart-error-bars and chartjs-plugin-annotation,
// registered with chart.js by the page and by the renderer.
import type { GroupChartKind, ReportData } from '../data.js';
import { placeText } from '../format.js';
import { alpha50VsNChart } from './alpha50-vs-n.js';
import { anytimeChart } from './anytime.js';
import { alphaAxis } from './axes.js';
import { cactusChart } from './cactus.js';
import { flatnessChart } from './flatness.js';
import { CHART_KINDS, chartId, localEntropyChartKinds, slug, trendChartKinds, type ChartKind } from './kinds.js';
import { localEntropyChart } from './local-entropy.js';
import { medianVsAlphaChart } from './median-vs-alpha.js';
import { medianTimeVsNChart, medianWorkVsNChart } from './median-vs-n.js';
import { successRateChart } from './rate.js';
import { referenceFlatnessChart } from './reference-flatness.js';
import { testErrorChart } from './test-error.js';
import { ttsChart } from './tts.js';
import type { ChartConfig, ChartSpec, ChartTheme, GroupChart } from './types.js';

export { applyChartDefaults, type ChartJsLike } from './defaults.js';
export { CHART_KINDS, chartId, localEntropyChartKinds, trendChartKinds, type ChartKind, type LocalEntropyChartKind, type TrendChartKind } from './kinds.js';
export type { ChartConfig, ChartSpec, ChartTheme } from './types.js';

const GROUP_CHARTS: Readonly<Record<Exclude<GroupChartKind, 'anytime'>, (chart: GroupChart) => ChartConfig>> = {
  rate: successRateChart,
  time: (chart) => medianVsAlphaChart(chart, 'time'),
  work: (chart) => medianVsAlphaChart(chart, 'work'),
  tts: ttsChart,
  ecdf: cactusChart,
  flat: flatnessChart,
  gen: testErrorChart,
};

/**
 * Every chart of the report in page order: each group's (data.groups[i].charts; the anytime chart once per α, as
 * variants of one canvas), then the size trends', then the local-entropy panels'.
 */
export function chartConfigs(data: ReportData, theme: ChartTheme): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const add = (kind: ChartKind, index: number, file: string, config: ChartConfig) => specs.push({ id: chartId(kind, index), file: file + '-' + CHART_KINDS[kind].file, config });
  data.groups.forEach((g, gi) => {
    const chart: GroupChart = { group: g, label: placeText(g), alphaAxis: alphaAxis(g.curves.flatMap((c) => c.points.map((p) => p.alpha))), theme };
    const file = slug(g.problem + (g.k === null ? '' : '-k' + g.k) + '-n' + g.n);
    for (const kind of g.charts) {
      if (kind !== 'anytime') {
        add(kind, gi, file, GROUP_CHARTS[kind](chart));
        continue;
      }
      for (const panel of g.anytime!.panels) {
        specs.push({
          id: chartId(kind, gi), file: file + '-' + slug('a' + panel.alpha) + '-' + CHART_KINDS[kind].file, config: anytimeChart(panel, chart.label),
          variant: { value: String(panel.alpha), label: 'α = ' + panel.alpha, primary: panel.alpha === g.anytime!.defaultAlpha },
        });
      }
    }
  });
  (data.trends || []).forEach((t, ti) => {
    const label = placeText({ problem: t.problem, k: t.k });
    const file = slug(t.problem + (t.k === null ? '' : '-k' + t.k));
    for (const kind of trendChartKinds(t)) add(kind, ti, file, kind === 'trend' ? alpha50VsNChart(t, label) : kind === 'cost' ? medianTimeVsNChart(t.cost!, label) : medianWorkVsNChart(t.cost!, label));
  });
  (data.localEntropy || []).forEach((panel, pi) => {
    const label = placeText(panel);
    const file = slug(panel.problem + (panel.k === null ? '' : '-k' + panel.k) + '-n' + panel.n + '-a' + panel.alpha);
    for (const kind of localEntropyChartKinds(panel)) add(kind, pi, file, kind === 'lent' ? localEntropyChart(panel, label, theme) : referenceFlatnessChart(panel, label));
  });
  return specs;
}
