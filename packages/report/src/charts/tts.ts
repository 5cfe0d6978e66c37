// TTS₉₉ against α on a log axis (Rønnow et al., Science 345, 420 (2014)): the wall time a solver needs, restarted
// independently, to solve the instance with 99% confidence — the median time of a run × log 0.01 / log(1 − success
// rate) — with its percentile-bootstrap 95% interval. A point without a solved run has no TTS₉₉ (+∞) and is left out;
// an interval end that is +∞ (too few resamples with a success) is drawn to the top of the plot, without a cap.
import { costText } from '../format.js';
import { decades, errorBars, errorPoint, finite, line, logTick, scaleTitle, subtitle } from './axes.js';
import { dodge } from './dodge.js';
import type { ChartConfig, GroupChart, Tip } from './types.js';

/** Runs per point below which a percentile-bootstrap interval is rough. */
export const BOOTSTRAP_ROUGH_RUNS = 10;

export function ttsChart({ group: g, label, alphaAxis }: GroupChart): ChartConfig {
  const points = g.curves.flatMap((c) => c.points);
  const range = decades(points.flatMap((p) => (finite(p.tts99.timeS.value) ? [p.tts99.timeS.value, p.tts99.timeS.lo, p.tts99.timeS.hi] : [])));
  const fewest = Math.min(...points.filter((p) => finite(p.tts99.timeS.value)).map((p) => p.runs));
  const note = Number.isFinite(fewest) && fewest < BOOTSTRAP_ROUGH_RUNS ? 'Bootstrap intervals from as few as ' + fewest + ' runs per point are rough (≥ ' + BOOTSTRAP_ROUGH_RUNS + ' advised)' : '';
  return {
    type: 'lineWithErrorBars',
    plugins: [dodge],
    data: {
      datasets: g.curves.map((c, i) => ({
        ...line(c.plugin, c.color, i),
        ...errorBars(c.color),
        data: c.points.map((p) => errorPoint(p.alpha, finite(p.tts99.timeS.value) ? p.tts99.timeS.value : null, p.tts99.timeS.lo, p.tts99.timeS.hi, range)),
      })),
    },
    options: {
      plugins: {
        title: { display: true, text: 'TTS₉₉ (time to solution at 99%) vs α — ' + label },
        subtitle: subtitle(note),
        tooltip: { callbacks: { label: (t: Tip) => t.dataset.label + ': ' + costText(g.curves[t.datasetIndex]!.points[t.dataIndex]!.tts99.timeS) + ' s' } },
      },
      scales: { x: alphaAxis, y: { type: 'logarithmic', ...range, title: scaleTitle('TTS₉₉ (s, log; 95% bootstrap interval)'), ticks: { callback: logTick } } },
    },
  };
}
