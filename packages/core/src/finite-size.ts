// Finite-size scaling of the threshold. Near a sharp transition the finite-N threshold approaches its limit as
//
//   α₅₀(N) = α∞ + a·N^(−1/ν)
//
// (Kirkpatrick & Selman, "Critical behavior in the satisfiability of random Boolean expressions", Science 264, 1297
// (1994); Wilson, "On the critical exponents of random k-SAT", Random Struct. Alg. 21, 182 (2002), on how far such fits
// can be trusted at accessible N). Given α₅₀ at several N, each with a 95% interval [lo, hi], we minimise the weighted
// sum of squares
//
//   χ²(α∞, a, ν) = Σᵢ wᵢ (α₅₀,ᵢ − α∞ − a·Nᵢ^(−1/ν))²,   wᵢ = 1/σᵢ²,   σᵢ = (hiᵢ − loᵢ)/(2·1.96),
//
// over ν in a stated range (default [0.5, 10]). For fixed ν the model is linear in (α∞, a), solved in closed form; ν
// is found by a grid over log ν refined by golden-section search. α∞'s 95% interval is the profile set
// { c : min_{a,ν} χ²(c, a, ν) − χ²_min ≤ 3.84 · max(1, χ²_min/dof) } — the profile-likelihood interval for Gaussian
// errors of known σ, widened by the Birge ratio χ²_min/dof when the points scatter about the fit more than their
// intervals say (Birge, Phys. Rev. 40, 207 (1932); the Particle Data Group's scale factor). An end that is not reached
// within 10 × the α span of the points is open (±∞).
//
// Warnings say when the fit does not constrain α∞: fewer points than parameters + 1 (χ² then has no degrees of freedom
// to test the form, and 3 points always fit exactly); ν at an end of its range; α∞'s interval wider than the span of the
// points' own intervals; points left out (no finite interval).
import { CHI2_1_95 } from './success-fit.js';

/** α₅₀ at one size N with its 95% interval (±∞ or NaN ends: the point cannot be weighted and is left out). */
export interface SizePoint {
  n: number;
  alpha50: number;
  lo: number;
  hi: number;
}

export interface FiniteSizeFit {
  kind: 'fit';
  alphaInfinity: number;
  /** 95% profile interval of α∞; ±∞ where the profile does not rise by the threshold within 10 × the points' α span. */
  lo: number;
  hi: number;
  a: number;
  nu: number;
  chi2: number;
  /** Points used − 3. */
  dof: number;
  /** The points that were fitted (finite intervals), sorted by N. */
  points: SizePoint[];
  /** Why the fit does not constrain α∞; empty when it does. */
  warnings: string[];
}

/** Fewer than 3 sizes with a finite interval: nothing is fitted. */
export interface FiniteSizeTooFew {
  kind: 'too-few-sizes';
  sizes: number;
  warnings: string[];
}

const Z_975 = 1.959963984540054;
const GRID_STEPS = 120;
const SCAN_STEPS = 400;
const SEARCH_SPANS = 10;

/**
 * Weighted least-squares fit of α₅₀(N) = α∞ + a·N^(−1/ν) (weights 1/σ², σ from each interval's width / 3.92) with a 95%
 * profile interval for α∞ (Δχ² = 3.84, widened by the Birge ratio when χ²/dof > 1) and warnings when the fit is
 * unconstrained. Needs ≥ 3 sizes with finite intervals. Kirkpatrick & Selman, Science 264, 1297 (1994).
 */
export function fitFiniteSize(points: readonly SizePoint[], options: { nuRange?: { lo: number; hi: number } } = {}): FiniteSizeFit | FiniteSizeTooFew {
  const nuRange = options.nuRange ?? { lo: 0.5, hi: 10 };
  if (!(nuRange.lo > 0 && nuRange.hi > nuRange.lo)) throw new RangeError(`fitFiniteSize: bad ν range [${nuRange.lo}, ${nuRange.hi}]`);
  const warnings: string[] = [];
  const used = points
    .filter((p) => {
      if (!(Number.isFinite(p.alpha50) && Number.isFinite(p.lo) && Number.isFinite(p.hi) && p.n > 0)) {
        warnings.push(`N = ${p.n} left out: its α₅₀ has no finite interval`);
        return false;
      }
      if (!(p.hi > p.lo)) {
        warnings.push(`N = ${p.n} left out: its α₅₀ interval has no width to weight it by`);
        return false;
      }
      return true;
    })
    .sort((a, b) => a.n - b.n);
  const sizes = new Set(used.map((p) => p.n)).size;
  if (sizes < 3) return { kind: 'too-few-sizes', sizes, warnings: [...warnings, `${sizes} size(s) with a finite α₅₀ interval; a finite-size fit needs at least 3`] };

  const y = Float64Array.from(used, (p) => p.alpha50);
  const w = Float64Array.from(used, (p) => ((2 * Z_975) / (p.hi - p.lo)) ** 2);
  const logN = Float64Array.from(used, (p) => Math.log(p.n));
  const x = new Float64Array(used.length);
  // θ = 1/ν, searched on a log scale.
  const logThetaLo = Math.log(1 / nuRange.hi);
  const logThetaHi = Math.log(1 / nuRange.lo);
  const setX = (logTheta: number): void => {
    const theta = Math.exp(logTheta);
    for (let i = 0; i < x.length; i++) x[i] = Math.exp(-theta * logN[i]!);
  };

  // Weighted least squares in (α∞, a) at fixed θ, or in a alone at a fixed α∞ = c.
  const free = (logTheta: number): { chi2: number; alphaInfinity: number; a: number } => {
    setX(logTheta);
    let sw = 0, sx = 0, sy = 0;
    for (let i = 0; i < x.length; i++) {
      sw += w[i]!;
      sx += w[i]! * x[i]!;
      sy += w[i]! * y[i]!;
    }
    const mx = sx / sw, my = sy / sw;
    let sxx = 0, sxy = 0;
    for (let i = 0; i < x.length; i++) {
      sxx += w[i]! * (x[i]! - mx) ** 2;
      sxy += w[i]! * (x[i]! - mx) * (y[i]! - my);
    }
    const a = sxx > 0 ? sxy / sxx : 0;
    const alphaInfinity = my - a * mx;
    return { chi2: chi2Of(alphaInfinity, a), alphaInfinity, a };
  };
  const fixed = (c: number) => (logTheta: number): { chi2: number; alphaInfinity: number; a: number } => {
    setX(logTheta);
    let sxx = 0, sxy = 0;
    for (let i = 0; i < x.length; i++) {
      sxx += w[i]! * x[i]! * x[i]!;
      sxy += w[i]! * x[i]! * (y[i]! - c);
    }
    const a = sxy / sxx;
    return { chi2: chi2Of(c, a), alphaInfinity: c, a };
  };
  const chi2Of = (alphaInfinity: number, a: number): number => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += w[i]! * (y[i]! - alphaInfinity - a * x[i]!) ** 2;
    return sum;
  };

  const best = minimizeOverTheta(free, logThetaLo, logThetaHi);
  const dof = used.length - 3;
  const birge = dof > 0 ? Math.max(1, best.chi2 / dof) : 1;
  const threshold = CHI2_1_95 * birge;
  const profile = (c: number): number => minimizeOverTheta(fixed(c), logThetaLo, logThetaHi).chi2 - best.chi2;

  const span = Math.max(...used.map((p) => p.hi)) - Math.min(...used.map((p) => p.lo));
  const lo = profileEnd(profile, best.alphaInfinity, threshold, span, -1);
  const hi = profileEnd(profile, best.alphaInfinity, threshold, span, +1);
  const nu = 1 / Math.exp(best.logTheta);

  if (used.length < 4) warnings.push(`${used.length} points for 3 parameters: the fit is exact and does not test the form; α∞ is not constrained`);
  const edge = 1e-3 * (logThetaHi - logThetaLo);
  if (best.logTheta - logThetaLo < edge || logThetaHi - best.logTheta < edge) warnings.push(`ν = ${Number(nu.toPrecision(3))} is at an end of its range [${nuRange.lo}, ${nuRange.hi}]: the data do not determine the exponent`);
  if (!(hi - lo <= span)) warnings.push(`α∞'s 95% interval (${fmt(lo)}, ${fmt(hi)}) is wider than the span of the measured α₅₀ intervals (${fmt(span)})`);
  return { kind: 'fit', alphaInfinity: best.alphaInfinity, lo, hi, a: best.a, nu, chi2: best.chi2, dof, points: used, warnings };
}

/** α₅₀(N) = α∞ + a·N^(−1/ν) of a fit, for drawing it. */
export function finiteSizeCurve(fit: Pick<FiniteSizeFit, 'alphaInfinity' | 'a' | 'nu'>, n: number): number {
  return fit.alphaInfinity + fit.a * n ** (-1 / fit.nu);
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : v > 0 ? '+∞' : '−∞';
}

/** Minimum of χ²(θ) over log θ ∈ [lo, hi]: the best of a grid, refined by golden-section search between its neighbours. */
function minimizeOverTheta<R extends { chi2: number }>(chi2At: (logTheta: number) => R, lo: number, hi: number): R & { logTheta: number } {
  const step = (hi - lo) / GRID_STEPS;
  let bestIndex = 0;
  let bestChi2 = Number.POSITIVE_INFINITY;
  for (let j = 0; j <= GRID_STEPS; j++) {
    const chi2 = chi2At(lo + j * step).chi2;
    if (chi2 < bestChi2) {
      bestChi2 = chi2;
      bestIndex = j;
    }
  }
  let a = lo + Math.max(0, bestIndex - 1) * step;
  let b = lo + Math.min(GRID_STEPS, bestIndex + 1) * step;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a), d = a + g * (b - a);
  let fc = chi2At(c).chi2, fd = chi2At(d).chi2;
  while (b - a > 1e-9 * (hi - lo)) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = chi2At(c).chi2;
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = chi2At(d).chi2;
    }
  }
  // The grid point may beat the refinement when the minimum sits on an end of the range.
  const candidates = [lo + bestIndex * step, 0.5 * (a + b)];
  let result: (R & { logTheta: number }) | null = null;
  for (const logTheta of candidates) {
    const r = chi2At(logTheta);
    if (result === null || r.chi2 < result.chi2) result = { ...r, logTheta };
  }
  return result!;
}

/** Scan from α̂∞ outward until the profile Δχ² exceeds the threshold, then bisect; ±∞ beyond SEARCH_SPANS spans. */
function profileEnd(profile: (c: number) => number, start: number, threshold: number, span: number, direction: -1 | 1): number {
  const step = span / (SCAN_STEPS / SEARCH_SPANS);
  let inside = start;
  for (let s = 1; s <= SCAN_STEPS; s++) {
    const c = start + direction * s * step;
    if (profile(c) > threshold) {
      let outside = c;
      while (Math.abs(outside - inside) > 1e-9 * span) {
        const mid = 0.5 * (inside + outside);
        if (profile(mid) > threshold) outside = mid;
        else inside = mid;
      }
      return 0.5 * (inside + outside);
    }
    inside = c;
  }
  return direction < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}
