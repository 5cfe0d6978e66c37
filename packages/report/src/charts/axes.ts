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

/** A series drawn as a line through points, in its plugin's (or reference's) colour. */
export const line = (label: string, color: string) => ({ label, borderColor: color, backgroundColor: color, pointRadius: 3.5, borderWidth: 2, spanGaps: false, clip: 8 });

/** A dashed line without points in the text colour: a theory curve or a bound. */
export const referenceLine = (label: string, color: string) => ({ label, borderColor: color, backgroundColor: color, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 });

/** The α axis of a group's charts, over the α range run; clip (in `line`) lets edge points show whole. */
export function alphaAxis(alphas: readonly number[]): Record<string, unknown> {
  const lo = Math.min(...alphas);
  const hi = Math.max(...alphas);
  // No tick at a bound off the tick grid: chart.js would print it at the grid's precision (α = 0.25 as "0.3").
  return { type: 'linear', title: scaleTitle('α'), ticks: { includeBounds: false }, ...(hi > lo ? { min: lo, max: hi } : {}) };
}
