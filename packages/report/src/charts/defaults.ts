// chart.js settings shared by every chart of the page and of the PNGs.
import type { ChartTheme } from './types.js';

/** The part of chart.js's global defaults the report sets. */
export interface ChartJsLike {
  defaults: { color: unknown; borderColor: unknown; animation: unknown; maintainAspectRatio: boolean; font: { family: string }; plugins: { legend: { labels: Record<string, unknown> } } };
}

/** Helper series (quartile bounds, brackets, fitted curves) marked legendHidden stay out of the legend. */
const shownInLegend = (item: { datasetIndex: number }, data: { datasets: { legendHidden?: boolean }[] }): boolean => !data.datasets[item.datasetIndex]?.legendHidden;

/** Global chart.js settings shared by the page and the PNGs. */
export function applyChartDefaults(Chart: ChartJsLike, theme: ChartTheme): void {
  Chart.defaults.color = theme.fg;
  Chart.defaults.borderColor = theme.grid;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", sans-serif';
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  Chart.defaults.plugins.legend.labels.boxHeight = 8;
  Chart.defaults.plugins.legend.labels.filter = shownInLegend;
}
