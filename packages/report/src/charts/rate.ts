// Success rate against α, with its Wilson interval at each point, the fitted logistic success curve whose α₅₀ the report
// gives (thin, one per plugin), and the problem's known thresholds.
import { rateText } from '../format.js';
import { errorBars, errorPoint, line, NO_POINTS, scaleTitle } from './axes.js';
import { dodge } from './dodge.js';
import { thresholdMarks } from './thresholds.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

/** Points of a drawn fitted curve across the α range. */
const FIT_POINTS = 60;

export function successRateChart({ group: g, label, alphaAxis, theme }: GroupChart): ChartConfig {
  const marks = thresholdMarks(g.thresholds, alphaAxis, theme);
  const alphas = g.curves.flatMap((c) => c.points.map((p) => p.alpha));
  const [lo, hi] = [Math.min(...alphas), Math.max(...alphas)];
  const fits = g.curves.flatMap((c) => {
    if (c.alpha50Kind !== 'fit' || c.alpha50 === null || c.alpha50Slope === null || !(hi > lo)) return [];
    const slope = c.alpha50Slope;
    const alpha50 = c.alpha50;
    const data = Array.from({ length: FIT_POINTS }, (_, i) => {
      const alpha = lo + ((hi - lo) * i) / (FIT_POINTS - 1);
      return { x: alpha, y: 1 / (1 + Math.exp(-slope * (alpha - alpha50))) };
    });
    return [{ label: c.plugin + ' (logistic fit)', borderColor: c.color, backgroundColor: c.color, borderWidth: 1, ...NO_POINTS, legendHidden: true, dodge: false, data }];
  });
  return {
    type: 'lineWithErrorBars',
    plugins: [dodge],
    data: {
      datasets: [
        ...g.curves.map((c, i) => ({ ...line(c.plugin, c.color, i), ...errorBars(c.color), data: c.points.map((p) => errorPoint(p.alpha, p.rate, p.rateLo, p.rateHi, { min: 0, max: 1 })) })),
        ...fits,
      ],
    },
    options: {
      plugins: {
        annotation: { annotations: marks.annotations },
        title: { display: true, text: 'Success rate vs α — ' + label },
        tooltip: {
          callbacks: {
            label: (t: Tip) => {
              const c = g.curves[t.datasetIndex];
              if (!c) return t.dataset.label + ': ' + rateText({ rate: t.parsed.y, rateLo: t.parsed.y, rateHi: t.parsed.y }).split(' ')[0];
              const p = c.points[t.dataIndex]!;
              return t.dataset.label + ': ' + p.solved + '/' + p.runs + ' = ' + rateText(p);
            },
          },
        },
      },
      scales: { x: alphaAxis, ...marks.scales, y: { min: 0, max: 1, title: scaleTitle('fraction solved (95% Wilson; thin: fit)') } },
    },
  };
}
