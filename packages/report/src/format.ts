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

/** What alpha50Text reads of a curve: its α₅₀ and the αs run. */
export type Alpha50Source = Pick<CurveSummary, 'alpha50' | 'alpha50Lo' | 'alpha50Hi' | 'alpha50Kind'> & { points: readonly Pick<PointSummary, 'alpha'>[] };

/**
 * α₅₀ from the fit of the success curve, with its 95% profile-likelihood interval: "4.17 [4.03, 4.29]". An interval end
 * the data do not bound inside the α range run is written beyond it: "4.17 [4.03, > 4.3]". A fitted α₅₀ outside the
 * range is not a measurement: "> 4.3 (not reached) [4.12, > 4.3]", "< 3.8 (already below ½) [< 3.8, 3.95]". A
 * separated curve (every run solved up to one α, none from the next: no finite fit) is the bracket it is,
 * "4.1–4.2 (separated)", or "> 4.3 (not reached)" when no α had every run unsolved, "< 3.8" when none had every run
 * solved.
 */
export function alpha50Text(c: Alpha50Source): string {
  const alphas = c.points.map((p) => p.alpha);
  const min = Math.min(...alphas);
  const max = Math.max(...alphas);
  const lo = c.alpha50Lo;
  const hi = c.alpha50Hi;
  if (c.alpha50Kind === 'separated') {
    if (lo !== null && hi !== null) return `${formatNumber(lo)}–${formatNumber(hi)} (separated)`;
    if (lo !== null) return `> ${formatNumber(lo)} (not reached)`;
    if (hi !== null) return `< ${formatNumber(hi)}`;
    return '—';
  }
  const interval = `[${lo === null ? `< ${formatNumber(min)}` : formatNumber(lo)}, ${hi === null ? `> ${formatNumber(max)}` : formatNumber(hi)}]`;
  const estimate = c.alpha50;
  if (estimate === null) return `— (no trend in α) ${interval}`;
  if (estimate > max) return lo === null ? `— ${interval}` : `> ${formatNumber(max)} (not reached) ${interval}`;
  if (estimate < min) return hi === null ? `— ${interval}` : `< ${formatNumber(min)} (already below ½) ${interval}`;
  return `${formatNumber(estimate)} ${interval}`;
}

/** What crossingText reads of a curve: the Wilson crossing and each point's rate and Wilson interval. */
export type CrossingSource = Pick<CurveSummary, 'crossing'> & { points: readonly Pick<PointSummary, 'alpha' | 'rate' | 'rateLo' | 'rateHi'>[] };

/**
 * The cross-check: where the success rate and the ends of its Wilson bands cross ½ (linear interpolation), "4.15 [4.05,
 * 4.26]". A curve that does not cross inside the α range run is written on the side where it would: "> 4.3" when it
 * stays at or above ½ to the last α, "< 3.8" when it is below ½ from the first, "—" otherwise; "> 4.3" alone when the
 * rate and both bands stay above ½.
 */
export function crossingText(c: CrossingSource): string {
  const alphas = c.points.map((p) => p.alpha);
  const min = Math.min(...alphas);
  const max = Math.max(...alphas);
  const end = (value: number | null, rates: readonly number[]): string => {
    if (value !== null) return formatNumber(value);
    if (rates.length && rates[rates.length - 1]! >= 0.5) return `> ${formatNumber(max)}`;
    if (rates.length && rates[0]! < 0.5) return `< ${formatNumber(min)}`;
    return '—';
  };
  const sorted = [...c.points].sort((a, b) => a.alpha - b.alpha);
  const [estimate, lo, hi] = [end(c.crossing.alpha50, sorted.map((p) => p.rate)), end(c.crossing.lo, sorted.map((p) => p.rateLo)), end(c.crossing.hi, sorted.map((p) => p.rateHi))];
  // "> 4.2 [> 4.2, > 4.2]" says no more than "> 4.2".
  return estimate === lo && lo === hi ? estimate : `${estimate} [${lo}, ${hi}]`;
}

/** A rank from interval ranking: "3", or "=1" when another entry has the same rank (a tie). */
export function rankText(r: { rank: number; tied: boolean }): string {
  return `${r.tied ? '=' : ''}${r.rank}`;
}

/** A success rate with its 95% Wilson interval: "0.50 [0.15, 0.85]". */
export function rateText(p: Pick<PointSummary, 'rate' | 'rateLo' | 'rateHi'>): string {
  return `${p.rate.toFixed(2)} [${p.rateLo.toFixed(2)}, ${p.rateHi.toFixed(2)}]`;
}

/** An interval end or value that may be +∞ ("∞") or undefined ("—", also for null as JSON writes both). */
function boundText(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '—';
  if (v === Number.POSITIVE_INFINITY) return '∞';
  if (v === Number.NEGATIVE_INFINITY) return '−∞';
  return formatNumber(v);
}

/**
 * A cost (TTS₉₉ or ERT) with its bootstrap 95% interval: "0.133 [0.0871, 0.41]"; "∞" where no run (or no resample)
 * was solved, "—" where a run's cost was not recorded.
 */
export function costText(v: { value: number | null; lo: number | null; hi: number | null }): string {
  if (v.value === null || Number.isNaN(v.value)) return '—';
  if (v.value === Number.POSITIVE_INFINITY) return '∞ (none solved)';
  return `${boundText(v.value)} [${boundText(v.lo)}, ${boundText(v.hi)}]`;
}

/** The mean test error with the half-width of its 95% interval: "0.123 ± 0.01"; "—" when no run measured it. */
export function testErrorText(p: Pick<PointSummary, 'meanTestError' | 'testErrorLo'>): string {
  return `${formatNumber(p.meanTestError)}${p.testErrorLo === null || p.meanTestError === null ? '' : ` ± ${formatNumber(p.meanTestError - p.testErrorLo)}`}`;
}

/** Where a measure was taken: "ksat, K = 3, N = 1024, α = 4.2", each part present when given. */
export function placeText(where: { problem: string; k: number | null; n?: number; alpha?: number | null }): string {
  return `${where.problem}${where.k === null ? '' : `, K = ${where.k}`}${where.n === undefined ? '' : `, N = ${where.n}`}${where.alpha === undefined || where.alpha === null ? '' : `, α = ${where.alpha}`}`;
}
