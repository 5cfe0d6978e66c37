// Flatness at one α for all plugins: the error rate after flipping a random fraction of the variables (binary
// networks) or after multiplicative weight noise σ (continuous networks), against that fraction or σ.
import { formatNumber } from '../format.js';
import { line, scaleTitle, subtitle } from './axes.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

export function flatnessChart({ group: g, label }: GroupChart): ChartConfig {
  // The largest α where every plugin that measured flatness has solved runs, else each plugin's own largest.
  const measured = g.curves.map((c) => c.points.filter((p) => p.flatness).map((p) => p.alpha)).filter((as) => as.length);
  const common = measured.reduce((acc, as) => acc.filter((a) => as.includes(a)));
  const pick = (c: (typeof g.curves)[number]) => c.points.filter((p) => p.flatness && (!common.length || common.includes(p.alpha))).at(-1);
  const shown = g.curves.map((c) => ({ c, p: pick(c) })).filter((e) => e.p);
  // A group with continuous networks plots σ; binary networks beside them plot their flipped fraction on the same axis.
  const noise = shown.some(({ p }) => p!.flatnessMeasure === 'noise');
  const suffix = (p: { flatnessMeasure: string }) => (noise && p.flatnessMeasure !== 'noise' ? ' — fraction flipped' : '');
  // How many runs each curve averages: a curve from one run is that run's, not a mean (say so).
  const over = (p: { flatnessRuns: number }) => p.flatnessRuns + ' run' + (p.flatnessRuns === 1 ? '' : 's');
  const single = shown.filter(({ p }) => p!.flatnessRuns === 1).map(({ c }) => c.plugin);
  return {
    type: 'line',
    data: {
      datasets: shown.map(({ c, p }, i) => ({
        ...line(c.plugin, c.color, i),
        label: c.plugin + ' (' + (common.length ? '' : 'α = ' + p!.alpha + ', ') + over(p!) + ')' + suffix(p!),
        data: p!.flatness!.map(([f, e]) => ({ x: noise ? f : 100 * f, y: e })),
      })),
    },
    options: {
      plugins: {
        title: { display: true, text: (noise ? 'Flatness of the networks' : 'Flatness of the solutions') + (common.length ? ', α = ' + Math.max(...common) : '') + ' — ' + label },
        subtitle: subtitle(single.length ? 'From a single run, not a mean: ' + single.join(', ') : ''),
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + formatNumber(t.parsed.y) + (noise ? ' at σ = ' + formatNumber(t.parsed.x) : ' after flipping ' + formatNumber(t.parsed.x) + '%') } },
      },
      scales: {
        x: { type: 'linear', min: 0, title: scaleTitle(noise ? 'multiplicative weight noise σ (binary networks: fraction flipped)' : 'variables flipped at random (%)') },
        y: { min: 0, title: scaleTitle(noise ? 'training error (mean over all runs)' : 'error rate (mean over solved runs)') },
      },
    },
  };
}
