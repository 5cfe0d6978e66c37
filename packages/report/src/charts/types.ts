// The shapes the chart modules share: what a chart is (ChartSpec) and the parts of chart.js they touch, typed here so
// that the same modules compile for Node (the PNGs) and for the page without chart.js's own types.
import type { HtmlReportGroup } from '../data.js';

/** Colours of text and grid lines: the page reads them from its CSS (light or dark), the PNGs use the light ones. */
export interface ChartTheme {
  fg: string;
  grid: string;
}

/** A chart.js configuration as the report writes it: a line chart, with the report's own plugins where it uses them. */
export interface ChartConfig {
  type: 'line';
  data: { datasets: Record<string, unknown>[] };
  options: Record<string, unknown>;
  plugins?: Record<string, unknown>[];
}

/** A chart to draw: the id of its canvas in the page, the PNG file name, and the chart.js configuration. */
export interface ChartSpec {
  id: string;
  file: string;
  config: ChartConfig;
}

/** The tooltip item chart.js hands to a label callback. */
export interface Tip {
  datasetIndex: number;
  dataIndex: number;
  dataset: { label: string };
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
