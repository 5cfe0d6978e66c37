// The flatness of the references of a local-entropy panel (planted one included): the error rate after flipping a
// random fraction of the variables.
import type { LocalEntropyPanel } from '../data.js';
import { formatNumber } from '../format.js';
import { line, scaleTitle } from './axes.js';
import { referenceLabel } from './local-entropy.js';
import type { ChartConfig, Tip } from './types.js';

export function referenceFlatnessChart(panel: LocalEntropyPanel, label: string): ChartConfig {
  const flat = panel.series.filter((s) => s.flatness);
  return {
    type: 'line',
    data: { datasets: flat.map((s, i) => ({ ...line(referenceLabel(s), s.color, i), data: s.flatness!.map(([f, e]) => ({ x: 100 * f, y: e })) })) },
    options: {
      plugins: {
        title: { display: true, text: 'Flatness of the same references — ' + label },
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + formatNumber(t.parsed.y) + ' after flipping ' + formatNumber(t.parsed.x) + '%' } },
      },
      scales: { x: { type: 'linear', min: 0, title: scaleTitle('variables flipped at random (%)') }, y: { min: 0, title: scaleTitle('error rate (mean over the references)') } },
    },
  };
}
