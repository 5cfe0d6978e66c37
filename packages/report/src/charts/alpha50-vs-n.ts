// α₅₀ against N for a (problem, K) run at several sizes: each size's fitted α₅₀ with its 95% profile-likelihood interval
// (a separated curve as its bracket, without a marker), and where three or more sizes were run, the finite-size fit
// α₅₀(N) = α∞ + a·N^(−1/ν) (dashed) with α∞ and its 95% interval as a line and a band (chartjs-plugin-annotation).
import type { SizeTrend, SizeTrendPoint } from '../data.js';
import { alpha50Text, formatNumber } from '../format.js';
import { errorBars, errorPoint, finite, line, logTick, NO_POINTS, scaleTitle, subtitle } from './axes.js';
import { dodge } from './dodge.js';
import type { ChartConfig, Tip } from './types.js';

/** N on a log axis, shared by the charts against N. */
export const sizeAxis = () => ({ type: 'logarithmic', title: scaleTitle('N (log)'), ticks: { callback: logTick } });

/** α₅₀ at one size as the tables write it. */
const pointText = (p: SizeTrendPoint) => alpha50Text({ alpha50: p.alpha50, alpha50Lo: p.lo, alpha50Hi: p.hi, alpha50Kind: p.kind, points: [{ alpha: p.min }, { alpha: p.max }] });

/** A measured α₅₀: a fit whose estimate lies inside the α range run. */
const measured = (p: SizeTrendPoint) => p.kind === 'fit' && finite(p.alpha50) && p.alpha50 >= p.min && p.alpha50 <= p.max;

/** "α∞ = 4.25 [4.21, 4.3]" of a fit, open ends written ±∞. */
export function alphaInfinityText(f: Extract<SizeTrend['series'][number]['finiteSize'], { kind: 'fit' }>): string {
  return 'α∞ = ' + formatNumber(f.alphaInfinity) + ' [' + (f.lo === null ? '−∞' : formatNumber(f.lo)) + ', ' + (f.hi === null ? '∞' : formatNumber(f.hi)) + ']';
}

export function alpha50VsNChart(t: SizeTrend, label: string): ChartConfig {
  const datasets: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown> = {};
  const values: number[] = [];
  const limits: number[] = [];
  t.series.forEach((s, i) => {
    const all = s.points;
    values.push(...all.flatMap((p) => [p.alpha50, p.lo, p.hi, p.min, p.max]).filter(finite));
    datasets.push({ ...line(s.plugin, s.color, i), ...errorBars(s.color), series: i, data: all.map((p) => (measured(p) ? errorPoint(p.n, p.alpha50, p.lo, p.hi, { min: p.min, max: p.max }) : { x: p.n, y: null })) });
    // What is known where there is no measured α₅₀: a separated curve's bracket, or the bounded end of a fit outside the range.
    const known = all.filter((p) => !measured(p) && (p.lo !== null || p.hi !== null));
    if (known.length) {
      datasets.push({
        ...line(s.plugin + ' (bracket)', s.color, i), ...errorBars(s.color), showLine: false, ...NO_POINTS, legendHidden: true, series: i,
        data: all.map((p) => {
          if (measured(p) || (p.lo === null && p.hi === null)) return { x: p.n, y: null };
          const lo = p.lo ?? p.min;
          const hi = p.hi ?? p.max;
          return errorPoint(p.n, (lo + hi) / 2, p.lo, p.hi, { min: p.min, max: p.max });
        }),
      });
    }
    const fit = s.finiteSize;
    if (fit?.kind === 'fit') {
      datasets.push({
        label: s.plugin + ' fit: ' + alphaInfinityText(fit), borderColor: s.color, backgroundColor: s.color, borderDash: [6, 3], borderWidth: 1.5, ...NO_POINTS, pointStyle: 'line', dodge: false,
        data: fit.curve.map(([n, a]) => ({ x: n, y: a })),
      });
      annotations['alphaInfinity' + i] = { type: 'line', scaleID: 'y', value: fit.alphaInfinity, borderColor: s.color, borderWidth: 1, borderDash: [2, 3], adjustScaleRange: false, drawTime: 'beforeDatasetsDraw' };
      annotations['alphaInfinityBand' + i] = {
        type: 'box', ...(fit.lo === null ? {} : { yMin: fit.lo }), ...(fit.hi === null ? {} : { yMax: fit.hi }), backgroundColor: s.color + '1f', borderWidth: 0, adjustScaleRange: false, drawTime: 'beforeDatasetsDraw',
      };
      limits.push(fit.alphaInfinity);
    }
  });
  // α∞ widens the axis when it lies near the measurements; an unconstrained fit may put it far away (then the line and
  // band are off the plot, and the legend and the table give it).
  const span = Math.max(...values) - Math.min(...values) || 0.1;
  for (const limit of limits) if (limit >= Math.min(...values) - 2 * span && limit <= Math.max(...values) + 2 * span) values.push(limit);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = hi > lo ? 0.05 * (hi - lo) : 0.05;
  const anyFit = t.series.some((s) => s.finiteSize?.kind === 'fit');
  return {
    type: 'lineWithErrorBars',
    plugins: [dodge],
    data: { datasets },
    options: {
      plugins: {
        annotation: { annotations },
        title: { display: true, text: 'α₅₀ vs N — ' + label },
        subtitle: subtitle([
          'Bars: 95% profile-likelihood intervals; without a marker: a separated curve\'s bracket; no cap: open beyond the α range',
          ...(anyFit ? ['Dashed: the fit α₅₀(N) = α∞ + a·N^(−1/ν); band: α∞ with its 95% interval'] : []),
        ]),
        tooltip: {
          callbacks: {
            label: (tip: Tip) => {
              const s = t.series[tip.dataset.series ?? -1];
              const p = s?.points.find((q) => q.n === tip.parsed.x);
              return s && p ? s.plugin + ': ' + pointText(p) + ' at N = ' + p.n : tip.dataset.label + ': ' + formatNumber(tip.parsed.y) + ' at N = ' + formatNumber(tip.parsed.x);
            },
          },
        },
      },
      scales: { x: sizeAxis(), y: { suggestedMin: lo - pad, suggestedMax: hi + pad, title: scaleTitle('α₅₀ (95% interval)') } },
    },
  };
}
