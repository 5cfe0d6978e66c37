// Median time (with its order-statistic interval) or median work to solution against α, on a log axis. A point where
// half or more of the runs failed has no median and is left out.
import { formatNumber } from '../format.js';
import { decades, finite, line, logTick, scaleTitle } from './axes.js';
import { intervalBars } from './plugins.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

export function medianVsAlphaChart({ group: g, label, alphaAxis }: GroupChart, measure: 'time' | 'work'): ChartConfig {
  const time = measure === 'time';
  const value = (p: { medianTimeS: number | null; medianWork: number | null }) => (time ? p.medianTimeS : p.medianWork);
  const units = [...new Set(g.curves.map((c) => c.points[0]!.workUnit))];
  return {
    type: 'line',
    plugins: time ? [intervalBars] : [],
    data: {
      datasets: g.curves.map((c) => ({
        ...line(c.plugin, c.color),
        // Work units differ between plugins (sweeps, flips, gradients): name it in the legend when they do.
        label: c.plugin + (!time && units.length > 1 ? ' (' + c.points[0]!.workUnit + ')' : ''),
        data: c.points.map((p) => ({ x: p.alpha, y: finite(value(p)) ? value(p) : null })),
        intervals: time ? c.points.map((p) => (finite(p.medianTimeS) ? [finite(p.medianTimeLoS) ? p.medianTimeLoS : null, finite(p.medianTimeHiS) ? p.medianTimeHiS : null] : null)) : undefined,
      })),
    },
    options: {
      plugins: {
        title: { display: true, text: (time ? 'Median time to solution vs α — ' : 'Median work to solution vs α — ') + label },
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + formatNumber(t.parsed.y) + (time ? ' s' : ' ' + g.curves[t.datasetIndex]!.points[0]!.workUnit) } },
      },
      scales: {
        x: alphaAxis,
        y: {
          type: 'logarithmic',
          ...decades(g.curves.flatMap((c) => c.points.flatMap((p) => (time ? [p.medianTimeS, finite(p.medianTimeS) ? p.medianTimeHiS : null] : [p.medianWork])))),
          title: scaleTitle(time ? 'median time to solution (s, log; 95% interval)' : 'median work to solution (' + (units.length > 1 ? "each plugin's unit" : units[0]) + ', log)'),
          ticks: { callback: logTick },
        },
      },
    },
  };
}
