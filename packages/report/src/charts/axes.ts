// Axes and series styles shared by the charts. The data arrives through JSON, so a missing or infinite number is null.
import { formatNumber } from '../format.js';

export const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export const scaleTitle = (text: string) => ({ display: true, text, font: { size: 13 } });

/** Whole decades around the positive values: chart.js's own log bounds crowd labels when the data span is narrow. */
export function decades(values: (number | null)[]): { min: number; max: number } {
  const ys = values.filter((v): v is number => finite(v) && v > 0);
  if (!ys.length) return { min: 0.1, max: 10 };
  return { min: Math.pow(10, Math.floor(Math.log10(Math.min(...ys)))), max: Math.pow(10, Math.ceil(Math.log10(Math.max(...ys)) + 1e-9)) };
}

/** Log-axis tick labels only at 1, 2 and 5 times a power of ten. */
export function logTick(v: number): string {
  const m = Math.round((v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9))) * 1e3) / 1e3;
  return m === 1 || m === 2 || m === 5 ? formatNumber(v) : '';
}

/** Log-axis tick labels for a range: at 1, 2 and 5 times a power of ten, or only at the powers over more than 4 decades. */
export function logTickFor(range: { min: number; max: number }): (v: number) => string {
  if (!(range.max / range.min > 1e4)) return logTick;
  return (v) => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? formatNumber(v) : '');
}

/**
 * A series without markers. chart.js reads a point's options with the element's name as prefix: `pointRadius` in a
 * line chart, but plain `radius` for chartjs-chart-error-bars' pointWithErrorBar; both are set.
 */
export const NO_POINTS = { pointRadius: 0, radius: 0 };

// Marker shapes and dash patterns by series: two plugins with identical curves still show both (the later one dashed,
// the earlier one through its gaps; different markers; and the dodge plugin sets their points a few pixels apart).
const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'];
const DASHES: number[][] = [[], [7, 3], [2, 2], [9, 3, 2, 3], [4, 4], [12, 4]];

/**
 * A series drawn as a line through points, in its plugin's (or reference's) colour; the index-th series of a chart gets
 * its own marker and dash pattern.
 */
export const line = (label: string, color: string, index = 0) => ({
  label, borderColor: color, backgroundColor: color, pointRadius: 3.5, radius: 3.5, borderWidth: 2, spanGaps: false, clip: 8,
  pointStyle: POINT_STYLES[index % POINT_STYLES.length], borderDash: DASHES[index % DASHES.length],
});

/** Interval bars (chartjs-chart-error-bars) in the series' colour: capped where an end is bounded, plain where open. */
export const errorBars = (color: string) => ({
  errorBarColor: color, errorBarWhiskerColor: color, errorBarLineWidth: { v: [1.5, 1.5] }, errorBarWhiskerLineWidth: { v: [1.5, 1.5] }, errorBarWhiskerSize: { v: [9, 0] },
});

/**
 * A point with its 95% interval for chartjs-chart-error-bars (a series with errorBars()). Each point carries two bars:
 * the first capped, the second without caps. A bounded end is capped; an open end (null: ±∞, or beyond the range run)
 * is drawn plain to `edge` — the edge of the axis, or of the α range for α₅₀ — so that it does not look like a bound;
 * an interval open at both ends is not drawn. y null: no point (and no bar).
 */
export function errorPoint(x: number, y: number | null, lo: number | null, hi: number | null, edge: { min: number; max: number }): Record<string, unknown> {
  if (y === null || !finite(y)) return { x, y: null };
  const l = finite(lo) ? lo : null;
  const h = finite(hi) ? hi : null;
  if (l === null && h === null) return { x, y };
  if (l !== null && h !== null) return { x, y, yMin: [l, y], yMax: [h, y] };
  if (l !== null) return { x, y, yMin: [l, l], yMax: [l, edge.max] };
  return { x, y, yMin: [h!, edge.min], yMax: [h!, h!] };
}

/** Small lines of text under a chart's title (chart.js's subtitle), for what a reader must know to read it. */
export const subtitle = (text: string | string[]) => ({ display: text.length > 0, text, font: { size: 11, style: 'italic' }, padding: { bottom: 6 } });

/** A dashed line without points in the text colour: a theory curve or a bound. */
export const referenceLine = (label: string, color: string) => ({ label, borderColor: color, backgroundColor: color, borderDash: [6, 4], borderWidth: 1.5, ...NO_POINTS });

/** The α axis of a group's charts, over the α range run; clip (in `line`) lets edge points show whole. */
export function alphaAxis(alphas: readonly number[]): Record<string, unknown> {
  const lo = Math.min(...alphas);
  const hi = Math.max(...alphas);
  // No tick at a bound off the tick grid: chart.js would print it at the grid's precision (α = 0.25 as "0.3").
  return { type: 'linear', title: scaleTitle('α'), ticks: { includeBounds: false }, ...(hi > lo ? { min: lo, max: hi } : {}) };
}
