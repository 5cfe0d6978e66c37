// A problem's known thresholds on a chart against α: a dashed vertical line each (chartjs-plugin-annotation), labelled
// on an axis of their own above the plot area, so that no label is drawn over the data; labels of nearby thresholds
// alternate between two rows.
import type { HtmlReportGroup } from '../data.js';
import type { ChartTheme } from './types.js';

type Threshold = HtmlReportGroup['thresholds'][number];

/**
 * The annotations and the label axis for the thresholds inside the α axis (none when the axis has no fixed range or no
 * threshold falls in it). Spread `annotations` into options.plugins.annotation.annotations and `scales` into options.scales.
 */
export function thresholdMarks(thresholds: readonly Threshold[], alphaAxis: Record<string, unknown>, theme: ChartTheme): { annotations: Record<string, unknown>; scales: Record<string, unknown> } {
  const min = alphaAxis.min as number | undefined;
  const max = alphaAxis.max as number | undefined;
  if (min === undefined || max === undefined) return { annotations: {}, scales: {} };
  const inside = thresholds.filter((t) => t.alpha >= min && t.alpha <= max);
  if (!inside.length) return { annotations: {}, scales: {} };
  const annotations: Record<string, unknown> = {};
  inside.forEach((t, i) => {
    annotations['threshold' + i] = { type: 'line', scaleID: 'x', value: t.alpha, borderColor: theme.fg, borderWidth: 1, borderDash: [4, 4], drawTime: 'beforeDatasetsDraw' };
  });
  const rows = inside.length > 1;
  const thresholdAxis = {
    type: 'linear',
    position: 'top',
    min,
    max,
    grid: { display: false },
    border: { display: false },
    afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
      axis.ticks = inside.map((t) => ({ value: t.alpha }));
    },
    ticks: {
      autoSkip: false,
      maxRotation: 0,
      font: { size: 11 },
      callback: (_value: number, index: number) => (rows ? (index % 2 ? ['', inside[index]!.short] : [inside[index]!.short, '']) : inside[index]!.short),
    },
  };
  return { annotations, scales: { thresholds: thresholdAxis } };
}
