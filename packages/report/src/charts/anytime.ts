// The anytime (fixed-budget) view at one α (anytime.ts): per plugin, the median best energy so far against the work done,
// with the band between its quartiles, on log axes. Zero energy (solved) sits on the bottom edge of the plot.
import type { AnytimeData } from '../data.js';
import { formatNumber } from '../format.js';
import { decades, finite, line, logTickFor, NO_POINTS, scaleTitle } from './axes.js';
import type { ChartConfig, Tip } from './types.js';

/** Where zero energy is drawn on the log axis: below every energy 1, the least positive energy of a ±1 problem. */
export const ZERO_ENERGY_AT = 0.5;

const atZero = (e: number | null): number | null => (e === null ? null : e <= 0 ? ZERO_ENERGY_AT : e);

/** A colour of the palette (#rrggbb) with an opacity, for the quartile band. */
const translucent = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? color + '2e' : color);

export function anytimeChart(panel: AnytimeData['panels'][number], label: string): ChartConfig {
  const units = [...new Set(panel.series.map((s) => s.workUnit))];
  const energies = panel.series.flatMap((s) => s.points.flatMap(([, q1, m, q3]) => [q1, m, q3])).filter((e): e is number => finite(e) && e > 0);
  const top = decades(energies).max;
  const works = decades(panel.series.flatMap((s) => s.points.map(([w]) => w)));
  const energyTick = logTickFor({ min: 1, max: Math.max(top, 1) });
  const datasets = panel.series.flatMap((s, i) => {
    const name = s.plugin + ' (' + s.runs + ' run' + (s.runs === 1 ? '' : 's') + (units.length > 1 ? ', ' + s.workUnit : '') + ')';
    const quartile = { borderColor: translucent(s.color), backgroundColor: translucent(s.color), borderWidth: 0, ...NO_POINTS, legendHidden: true, spanGaps: false };
    return [
      { ...quartile, label: name + ' first quartile', data: s.points.map(([w, q1]) => ({ x: w, y: atZero(q1) })) },
      { ...quartile, label: name + ' third quartile', fill: '-1', data: s.points.map(([w, , , q3]) => ({ x: w, y: atZero(q3) })) },
      { ...line(name, s.color, i), ...NO_POINTS, data: s.points.map(([w, , m]) => ({ x: w, y: atZero(m) })) },
    ];
  });
  return {
    type: 'line',
    data: { datasets },
    options: {
      plugins: {
        title: { display: true, text: 'Best energy so far vs work, α = ' + panel.alpha + ' — ' + label },
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + (t.parsed.y <= ZERO_ENERGY_AT ? '0' : formatNumber(t.parsed.y)) + ' after ' + formatNumber(t.parsed.x) } },
      },
      scales: {
        x: { type: 'logarithmic', ...works, title: scaleTitle('work (' + (units.length > 1 ? "each plugin's unit" : units[0]) + ', log)'), ticks: { callback: logTickFor(works) } },
        y: {
          type: 'logarithmic',
          min: ZERO_ENERGY_AT,
          max: Math.max(top, 1),
          title: scaleTitle('best energy so far (log; 0 at the bottom)'),
          // A tick where zero energy is drawn, labelled 0 (a log axis makes its own ticks at powers of ten only).
          afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
            if (!axis.ticks.some((t) => t.value === ZERO_ENERGY_AT)) axis.ticks.unshift({ value: ZERO_ENERGY_AT });
          },
          ticks: { autoSkip: false, callback: (v: number) => (v === ZERO_ENERGY_AT ? '0' : energyTick(v)) },
        },
      },
    },
  };
}
