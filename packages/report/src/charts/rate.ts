// Success rate against α, with its Wilson interval at each point and the problem's known thresholds.
import { rateText } from '../format.js';
import { line, scaleTitle } from './axes.js';
import { intervalBars, thresholdLines } from './plugins.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

export function successRateChart({ group: g, label, alphaAxis, theme }: GroupChart): ChartConfig {
  return {
    type: 'line',
    plugins: [intervalBars, thresholdLines(theme)],
    data: { datasets: g.curves.map((c) => ({ ...line(c.plugin, c.color), data: c.points.map((p) => ({ x: p.alpha, y: p.rate })), intervals: c.points.map((p) => [p.rateLo, p.rateHi]) })) },
    options: {
      plugins: {
        thresholdLines: { lines: g.thresholds },
        title: { display: true, text: 'Success rate vs α — ' + label },
        tooltip: { callbacks: { label: (t: Tip) => { const p = g.curves[t.datasetIndex]!.points[t.dataIndex]!; return t.dataset.label + ': ' + p.solved + '/' + p.runs + ' = ' + rateText(p); } } },
      },
      scales: { x: alphaAxis, y: { min: 0, max: 1, title: scaleTitle('fraction solved (95% Wilson interval)') } },
    },
  };
}
