// Mean test error against α with its Student-t interval, the problem's known thresholds and, for the teacher–student
// perceptron, the replica-theory line.
import { formatNumber } from '../format.js';
import { errorBars, errorPoint, line, referenceLine, scaleTitle } from './axes.js';
import { dodge } from './dodge.js';
import { thresholdMarks } from './thresholds.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

export function testErrorChart({ group: g, label, alphaAxis, theme }: GroupChart): ChartConfig {
  const marks = thresholdMarks(g.thresholds, alphaAxis, theme);
  const sets: Record<string, unknown>[] = g.curves.map((c, i) => {
    const points = c.points.filter((p) => p.meanTestError !== null);
    return { ...line(c.plugin, c.color, i), ...errorBars(c.color), data: points.map((p) => errorPoint(p.alpha, p.meanTestError, p.testErrorLo, p.testErrorHi, { min: 0, max: 1 })) };
  });
  if (g.theory) sets.push({ ...referenceLine(g.theory.label, theme.fg), dodge: false, data: g.theory.points.map(([a, e]) => ({ x: a, y: e })) });
  return {
    type: 'lineWithErrorBars',
    plugins: [dodge],
    data: { datasets: sets },
    options: {
      plugins: {
        annotation: { annotations: marks.annotations },
        title: { display: true, text: 'Test error vs α — ' + label },
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + formatNumber(t.parsed.y) } },
      },
      scales: { x: alphaAxis, ...marks.scales, y: { min: 0, title: scaleTitle('test error (mean, 95% interval)') } },
    },
  };
}
