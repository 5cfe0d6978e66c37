// α₅₀ against N for a (problem, K) run at several sizes, with the crossings of the Wilson interval ends.
import type { SizeTrend } from '../data.js';
import { line, logTick, scaleTitle } from './axes.js';
import { intervalBars } from './plugins.js';
import type { ChartConfig } from './types.js';

/** N on a log axis, shared by the charts against N. */
export const sizeAxis = () => ({ type: 'logarithmic', title: scaleTitle('N (log)'), ticks: { callback: logTick } });

export function alpha50VsNChart(t: SizeTrend, label: string): ChartConfig {
  return {
    type: 'line',
    plugins: [intervalBars],
    data: { datasets: t.series.map((s) => ({ ...line(s.plugin, s.color), data: s.points.map((p) => ({ x: p.n, y: p.alpha50 })), intervals: s.points.map((p) => (p.lo === null || p.hi === null ? null : [p.lo, p.hi])) })) },
    options: { plugins: { title: { display: true, text: 'α₅₀ vs N — ' + label } }, scales: { x: sizeAxis(), y: { title: scaleTitle('α₅₀ (95% interval)') } } },
  };
}
