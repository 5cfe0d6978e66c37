// Median time (with its order-statistic interval) or median work to solution against α, on a log axis. A point where
// half or more of the runs failed has no median and is left out; one with fewer than 6 runs has no interval, and the
// chart says so.
import { formatNumber } from '../format.js';
import { decades, errorBars, errorPoint, finite, line, logTick, scaleTitle, subtitle } from './axes.js';
import { dodge } from './dodge.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

/** Runs below which the order-statistic interval of a median is (−∞, +∞) at 95% (Conover 1999, §3.2). */
export const MEDIAN_INTERVAL_MIN_RUNS = 6;

export function medianVsAlphaChart({ group: g, label, alphaAxis }: GroupChart, measure: 'time' | 'work'): ChartConfig {
  const time = measure === 'time';
  const value = (p: { medianTimeS: number | null; medianWork: number | null }) => (time ? p.medianTimeS : p.medianWork);
  const units = [...new Set(g.curves.map((c) => c.points[0]!.workUnit))];
  const range = decades(g.curves.flatMap((c) => c.points.flatMap((p) => (time ? [p.medianTimeS, finite(p.medianTimeS) ? p.medianTimeHiS : null, finite(p.medianTimeS) ? p.medianTimeLoS : null] : [p.medianWork]))));
  const few = g.curves.flatMap((c) => c.points).filter((p) => finite(value(p)) && p.runs < MEDIAN_INTERVAL_MIN_RUNS);
  const note = time && few.length
    ? (few.length === g.curves.flatMap((c) => c.points).filter((p) => finite(value(p))).length ? 'No interval: ' : 'No interval at ' + few.length + ' point(s): ') +
      'a median\'s 95% interval needs ≥ ' + MEDIAN_INTERVAL_MIN_RUNS + ' runs (these have ' + Math.min(...few.map((p) => p.runs)) + (Math.max(...few.map((p) => p.runs)) > Math.min(...few.map((p) => p.runs)) ? '–' + Math.max(...few.map((p) => p.runs)) : '') + ')'
    : '';
  return {
    type: 'lineWithErrorBars',
    plugins: [dodge],
    data: {
      datasets: g.curves.map((c, i) => ({
        ...line(c.plugin, c.color, i),
        ...errorBars(c.color),
        // Work units differ between plugins (sweeps, flips, gradients): name it in the legend when they do.
        label: c.plugin + (!time && units.length > 1 ? ' (' + c.points[0]!.workUnit + ')' : ''),
        data: c.points.map((p) => (time ? errorPoint(p.alpha, finite(p.medianTimeS) ? p.medianTimeS : null, p.medianTimeLoS, p.medianTimeHiS, range) : { x: p.alpha, y: finite(p.medianWork) ? p.medianWork : null })),
      })),
    },
    options: {
      plugins: {
        title: { display: true, text: (time ? 'Median time to solution vs α — ' : 'Median work to solution vs α — ') + label },
        subtitle: subtitle(note),
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + formatNumber(t.parsed.y) + (time ? ' s' : ' ' + g.curves[t.datasetIndex]!.points[0]!.workUnit) } },
      },
      scales: {
        x: alphaAxis,
        y: {
          type: 'logarithmic',
          ...range,
          title: scaleTitle(time ? 'median time to solution (s, log; 95% interval)' : 'median work to solution (' + (units.length > 1 ? "each plugin's unit" : units[0]) + ', log)'),
          ticks: { callback: logTick },
        },
      },
    },
  };
}
