// The cactus view: the fraction of a plugin's runs (all α) solved within t, against t on a log axis.
import { formatNumber } from '../format.js';
import { decades, line, logTickFor, NO_POINTS, scaleTitle } from './axes.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

export function cactusChart({ group: g, label }: GroupChart): ChartConfig {
  const ecdf = g.ecdf ?? [];
  const times = ecdf.flatMap((e) => e.times).filter((t) => t > 0);
  const range = decades(times);
  return {
    type: 'line',
    data: {
      datasets: ecdf.map((e, i) => ({
        ...line(e.plugin, g.curves.find((c) => c.plugin === e.plugin)!.color, i),
        stepped: 'before',
        ...NO_POINTS,
        data: e.times.map((t, i) => ({ x: Math.max(t, range.min), y: (i + 1) / e.runs })),
      })),
    },
    options: {
      plugins: {
        title: { display: true, text: 'Runs solved within a time (all α) — ' + label },
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + formatNumber(t.parsed.y) + ' within ' + formatNumber(t.parsed.x) + ' s' } },
      },
      scales: { x: { type: 'logarithmic', ...range, title: scaleTitle('wall time (s, log)'), ticks: { callback: logTickFor(range) } }, y: { min: 0, max: 1, title: scaleTitle('fraction of runs solved') } },
    },
  };
}
