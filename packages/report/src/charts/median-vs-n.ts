// The median time to solution against N at one α (see referenceAlpha), with its order-statistic interval; and the same
// medians in work units, which do not depend on the machine (each plugin's own unit, named when they differ).
import type { SizeTrend } from '../data.js';
import { formatNumber } from '../format.js';
import { sizeAxis } from './alpha50-vs-n.js';
import { decades, errorBars, errorPoint, finite, line, logTick, scaleTitle } from './axes.js';
import { dodge } from './dodge.js';
import type { ChartConfig, Tip } from './types.js';

type Cost = NonNullable<SizeTrend['cost']>;

export function medianTimeVsNChart(cost: Cost, label: string): ChartConfig {
  const range = decades(cost.series.flatMap((s) => s.points.flatMap((p) => [p.medianTimeS, p.lo, p.hi])));
  return {
    type: 'lineWithErrorBars',
    plugins: [dodge],
    data: { datasets: cost.series.map((s, i) => ({ ...line(s.plugin, s.color, i), ...errorBars(s.color), data: s.points.map((p) => errorPoint(p.n, p.medianTimeS, p.lo, p.hi, range)) })) },
    options: {
      plugins: { title: { display: true, text: 'Median time to solution vs N at α = ' + cost.alpha + ' — ' + label }, tooltip: { callbacks: { label: (tip: Tip) => tip.dataset.label + ': ' + formatNumber(tip.parsed.y) + ' s at N = ' + tip.parsed.x } } },
      scales: { x: sizeAxis(), y: { type: 'logarithmic', ...range, title: scaleTitle('median time to solution (s, log; 95% interval)'), ticks: { callback: logTick } } },
    },
  };
}

export function medianWorkVsNChart(cost: Cost, label: string): ChartConfig {
  const units = [...new Set(cost.series.map((s) => s.workUnit))];
  const workSeries = cost.series.filter((s) => s.points.some((p) => finite(p.medianWork)));
  return {
    type: 'line',
    data: { datasets: workSeries.map((s, i) => ({ ...line(s.plugin + (units.length > 1 ? ' (' + s.workUnit + ')' : ''), s.color, i), data: s.points.map((p) => ({ x: p.n, y: finite(p.medianWork) ? p.medianWork : null })) })) },
    options: {
      plugins: { title: { display: true, text: 'Median work to solution vs N at α = ' + cost.alpha + ' — ' + label }, tooltip: { callbacks: { label: (tip: Tip) => tip.dataset.label + ': ' + formatNumber(tip.parsed.y) + ' at N = ' + tip.parsed.x } } },
      scales: { x: sizeAxis(), y: { type: 'logarithmic', ...decades(workSeries.flatMap((s) => s.points.map((p) => p.medianWork))), title: scaleTitle('median work to solution (' + (units.length > 1 ? "each plugin's unit" : units[0]) + ', log)'), ticks: { callback: logTick } } },
    },
  };
}
