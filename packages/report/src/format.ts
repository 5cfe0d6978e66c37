// How the report writes its numbers, wherever they appear: the HTML page, its charts (this module is also compiled into
// the page's script, so it imports nothing at run time), summary.md and the CLI's summary table.
import type { CurveSummary, PointSummary } from './aggregate.js';

/**
 * Three significant digits ("0.0441", "14.6", "120"), in exponent notation outside [10⁻³, 10⁶) without trailing
 * zeros ("3.5e-4", "1.09e+6"); "—" for no value (null, or not finite).
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(2).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(3)));
}

/**
 * α₅₀ with its 95% interval, "4.17 [4.03, 4.29]". An interval end that does not cross ½ inside the α range run lies
 * beyond it: "4.17 [4.03, > 4.2]". Without a crossing: "> 4.2" when the rate stays above ½ at every α, "< 3.8" when it
 * stays below, "—" otherwise.
 */
export function alpha50Text(c: Pick<CurveSummary, 'alpha50' | 'alpha50Lo' | 'alpha50Hi'> & { points: readonly Pick<PointSummary, 'alpha' | 'rate'>[] }): string {
  const alphas = c.points.map((p) => p.alpha);
  const above = `> ${formatNumber(Math.max(...alphas))}`;
  const below = `< ${formatNumber(Math.min(...alphas))}`;
  if (c.alpha50 !== null) return `${formatNumber(c.alpha50)} [${c.alpha50Lo === null ? below : formatNumber(c.alpha50Lo)}, ${c.alpha50Hi === null ? above : formatNumber(c.alpha50Hi)}]`;
  return c.points.every((p) => p.rate > 0.5) ? above : c.points.every((p) => p.rate < 0.5) ? below : '—';
}

/** A success rate with its 95% Wilson interval: "0.50 [0.15, 0.85]". */
export function rateText(p: Pick<PointSummary, 'rate' | 'rateLo' | 'rateHi'>): string {
  return `${p.rate.toFixed(2)} [${p.rateLo.toFixed(2)}, ${p.rateHi.toFixed(2)}]`;
}

/** The mean test error with the half-width of its 95% interval: "0.123 ± 0.01"; "—" when no run measured it. */
export function testErrorText(p: Pick<PointSummary, 'meanTestError' | 'testErrorLo'>): string {
  return `${formatNumber(p.meanTestError)}${p.testErrorLo === null || p.meanTestError === null ? '' : ` ± ${formatNumber(p.meanTestError - p.testErrorLo)}`}`;
}

/** Where a measure was taken: "ksat, K = 3, N = 1024, α = 4.2", each part present when given. */
export function placeText(where: { problem: string; k: number | null; n?: number; alpha?: number | null }): string {
  return `${where.problem}${where.k === null ? '' : `, K = ${where.k}`}${where.n === undefined ? '' : `, N = ${where.n}`}${where.alpha === undefined || where.alpha === null ? '' : `, α = ${where.alpha}`}`;
}
