// Mean test error against α with its Student-t interval, the problem's known thresholds and, for the teacher–student
// perceptron, the replica-theory line.
import { formatNumber } from '../format.js';
import { line, referenceLine, scaleTitle } from './axes.js';
import { intervalBars, thresholdLines } from './plugins.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

export function testErrorChart({ group: g, label, alphaAxis, theme }: GroupChart): ChartConfig {
  const sets: Record<string, unknown>[] = g.curves.map((c) => {
    const points = c.points.filter((p) => p.meanTestError !== null);
    return { ...line(c.plugin, c.color), data: points.map((p) => ({ x: p.alpha, y: p.meanTestError })), intervals: points.map((p) => (p.testErrorLo === null ? null : [p.testErrorLo, p.testErrorHi])) };
  });
  if (g.theory) sets.push({ ...referenceLine(g.theory.label, theme.fg), data: g.theory.points.map(([a, e]) => ({ x: a, y: e })) });
  return {
    type: 'line',
    plugins: [intervalBars, thresholdLines(theme)],
    data: { datasets: sets },
    options: {
      plugins: {
        thresholdLines: { lines: g.thresholds },
        title: { display: true, text: 'Test error vs α — ' + label },
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + formatNumber(t.parsed.y) } },
      },
      scales: { x: alphaAxis, y: { min: 0, title: scaleTitle('test error (mean, 95% interval)') } },
    },
  };
}
