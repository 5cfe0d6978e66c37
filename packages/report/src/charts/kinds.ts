// Which charts the report has, in one place for the page (which places a canvas for each) and for the chart modules
// (which configure the chart of each canvas): the kinds, their canvas ids, their PNG file names and their titles.
import type { GroupChartKind, LocalEntropyPanel, SizeTrend } from '../data.js';
import { finite } from './axes.js';

/** The charts of a size trend: α₅₀ vs N, and the median time and work vs N at one α. */
export type TrendChartKind = 'trend' | 'cost' | 'costwork';
/** The charts of a local-entropy panel: S(d), and the flatness of the same references. */
export type LocalEntropyChartKind = 'lent' | 'lentflat';
export type ChartKind = GroupChartKind | TrendChartKind | LocalEntropyChartKind;

/** Per kind: what the chart shows (the canvas's accessible name, before its place) and the end of its file names. */
export const CHART_KINDS: Readonly<Record<ChartKind, { title: string; file: string }>> = {
  rate: { title: 'Success rate vs α', file: 'success' },
  time: { title: 'Median time to solution vs α', file: 'median-time' },
  work: { title: 'Median work to solution vs α', file: 'median-work' },
  tts: { title: 'TTS₉₉ vs α', file: 'tts99' },
  ecdf: { title: 'Fraction of runs solved within a time', file: 'cactus' },
  anytime: { title: 'Best energy so far vs work', file: 'anytime' },
  flat: { title: 'Flatness of the solutions', file: 'flatness' },
  gen: { title: 'Test error vs α', file: 'test-error' },
  trend: { title: 'α₅₀ vs N', file: 'alpha50-vs-n' },
  cost: { title: 'Median time to solution vs N', file: 'time-vs-n' },
  costwork: { title: 'Median work to solution vs N', file: 'work-vs-n' },
  lent: { title: 'Local entropy around solutions', file: 'local-entropy' },
  lentflat: { title: 'Flatness of the same references', file: 'flatness' },
};

/** The id of the canvas of the chart of a kind in the index-th group, trend or panel of the page. */
export function chartId(kind: ChartKind, index: number): string {
  return `${kind}-${index}`;
}

/** The charts of a size trend: α₅₀ always; the median time where some plugin has one at two sizes, and its work where recorded. */
export function trendChartKinds(t: SizeTrend): TrendChartKind[] {
  const kinds: TrendChartKind[] = ['trend'];
  if (t.cost) kinds.push('cost');
  if (t.cost?.series.some((s) => s.points.some((p) => finite(p.medianWork)))) kinds.push('costwork');
  return kinds;
}

/** The charts of a local-entropy panel: S(d) always; flatness where some reference measured it. */
export function localEntropyChartKinds(panel: LocalEntropyPanel): LocalEntropyChartKind[] {
  return panel.series.some((s) => s.flatness) ? ['lent', 'lentflat'] : ['lent'];
}

/** A file-name part from a label: "ksat-k3-n1024". */
export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
