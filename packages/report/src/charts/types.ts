// The shapes the chart modules share: what a chart is (ChartSpec) and the parts of chart.js they touch, typed here so
// that the same modules compile for Node (the PNGs) and for the page without chart.js's own types.
import type { HtmlReportGroup } from '../data.js';

/** Colours of text and grid lines: the page reads them from its CSS (light or dark), the PNGs use the light ones. */
export interface ChartTheme {
  fg: string;
  grid: string;
}

/**
 * A chart.js configuration as the report writes it: a line chart, or a line chart with interval bars
 * (chartjs-chart-error-bars' lineWithErrorBars), with the report's own plugins where it uses them (the dodge).
 * Datasets may carry `legendHidden` (a helper series: a quartile, a fitted curve's bracket) and `dodge: false`.
 */
export interface ChartConfig {
  type: 'line' | 'lineWithErrorBars';
  data: { datasets: Record<string, unknown>[] };
  options: Record<string, unknown>;
  plugins?: Record<string, unknown>[];
}

/**
 * A chart to draw: the id of its canvas in the page, its file name without extension (charts/<file>.png and .svg),
 * and the chart.js configuration. A canvas that shows one of several charts (the anytime curves at each α) has a spec
 * per chart, each with its variant; the page draws the primary one and offers the others in a selector.
 */
export interface ChartSpec {
  id: string;
  file: string;
  config: ChartConfig;
  variant?: { value: string; label: string; primary: boolean };
}

/** The tooltip item chart.js hands to a label callback. */
export interface Tip {
  datasetIndex: number;
  dataIndex: number;
  dataset: { label: string; series?: number };
  parsed: { x: number; y: number };
}

/** What a chart of one (problem, N, K) group is drawn from: the group, its place, and the α axis its charts share. */
export interface GroupChart {
  group: HtmlReportGroup;
  /** "perceptron, N = 201", ending each chart's title. */
  label: string;
  /** The same α range on every α chart (the time chart lacks the α without a median). */
  alphaAxis: Record<string, unknown>;
  theme: ChartTheme;
}
