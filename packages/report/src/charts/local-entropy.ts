// Local entropy S(d) around each kind of reference configuration, with the H₂(d) bound: dense regions follow the bound
// down to small d, isolated solutions fall away from it.
import type { LocalEntropyPanel } from '../data.js';
import { formatNumber } from '../format.js';
import { errorBars, errorPoint, line, referenceLine, scaleTitle } from './axes.js';
import { dodge } from './dodge.js';
import type { ChartConfig, ChartTheme, Tip } from './types.js';

/** A reference's legend label: its name and how many configurations were measured. */
export const referenceLabel = (s: LocalEntropyPanel['series'][number]) => s.reference + ' (' + s.count + ')';

export function localEntropyChart(panel: LocalEntropyPanel, label: string, theme: ChartTheme): ChartConfig {
  const maxDistance = panel.bound.length ? panel.bound[panel.bound.length - 1]![0] : 0.5;
  const sets: Record<string, unknown>[] = panel.series.map((s, i) => ({
    ...line(referenceLabel(s), s.color, i),
    ...errorBars(s.color),
    data: s.points.map((p) => errorPoint(p.distance, p.entropy, p.lo, p.hi, { min: 0, max: 1 })),
  }));
  sets.push({ ...referenceLine('H₂(d): all configurations at distance d solutions', theme.fg), dodge: false, data: panel.bound.map(([d, h]) => ({ x: d, y: h })) });
  return {
    type: 'lineWithErrorBars',
    plugins: [dodge],
    data: { datasets: sets },
    options: {
      plugins: {
        title: { display: true, text: 'Local entropy around solutions — ' + label },
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': S = ' + formatNumber(t.parsed.y) + ' at d = ' + formatNumber(t.parsed.x) } },
      },
      scales: {
        x: { type: 'linear', min: 0, max: maxDistance, title: scaleTitle('distance d from the reference (fraction of variables)') },
        y: { min: 0, title: scaleTitle('local entropy S(d) (nats per variable; mean, 95% interval)') },
      },
    },
  };
}
