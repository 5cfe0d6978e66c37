// α₅₀ by a fit of the success curve. Every run of one (plugin, problem, N) is a Bernoulli outcome y ∈ {0, 1} (solved
// = 1, every other status 0) at its constraint density α, with
//
//   P(y = 1 | α) = F(β·(α − α₅₀)),   F logistic (1/(1 + e^−η)) or probit (Φ, the standard normal CDF),
//
// so p(α₅₀) = ½ and β = 1/s is the slope of the linear predictor (β < 0 when success falls with α; the success rate
// falls at rate β·F′(0) at α₅₀: β/4 for the logistic, β/√(2π) for the probit). The runs at one α pool into a binomial
// count k of n, and the log-likelihood is
//
//   ℓ(α₅₀, β) = Σᵢ kᵢ log F(ηᵢ) + (nᵢ − kᵢ) log F(−ηᵢ),   ηᵢ = β·(αᵢ − α₅₀)   (both links are symmetric: 1 − F(η) = F(−η)).
//
// Maximum likelihood: Fisher scoring on the linear form η = a + b·α (McCullagh & Nelder, Generalized Linear Models,
// 2nd ed., §4.4; log F and log(1 − F) are concave for both links, so the maximum is unique when it exists), then
// α₅₀ = −a/b. Its 95% interval is the profile-likelihood set (Venzon & Moolgavkar, Appl. Statist. 37, 87 (1988)):
//
//   { c : ℓ̂ − max_β ℓ(c, β) ≤ χ²₁(0.95)/2 = 1.92 },
//
// searched inside a stated α range (the α range run, by default); an end that is not reached inside it is open (±∞).
//
// Separation (Albert & Anderson, Biometrika 71, 1 (1984)): when every run at α ≤ x is solved and every run above x
// is not (or the outcomes overlap at one α only), the likelihood grows without bound as |β| → ∞ and no MLE exists —
// a fitted "α₅₀" there is an artefact of the iteration's stopping rule. Such a curve is reported as the interval
// between the last all-solved and the first all-unsolved α, flagged `kind: 'separated'`; so is a curve that never
// leaves one outcome (all solved: α₅₀ above the largest α run; none solved: below the smallest).
//
// The older heuristic — where the success rate and the ends of its Wilson bands cross ½ — stays available as a
// cross-check (wilsonCrossingAlpha50).
import type { RunStatus } from './record.js';
import { crossingAlpha, wilsonInterval } from './stats.js';

/** χ²₁ quantile at 0.95 (= 1.959964²): a profile log-likelihood within half of it of its maximum is in the 95% set. */
export const CHI2_1_95 = 3.841458820694124;

/** The runs at one α: how many were solved of how many. */
export interface SuccessCount {
  alpha: number;
  solved: number;
  runs: number;
}

export type SuccessLink = 'logistic' | 'probit';

/** An α₅₀ fitted by maximum likelihood, with its 95% profile-likelihood interval. */
export interface SuccessCurveMle {
  kind: 'fit';
  link: SuccessLink;
  /** Maximum-likelihood α₅₀ (may lie outside `range` when the data only reach one side of ½); NaN when β̂ = 0. */
  alpha50: number;
  /** 95% profile-likelihood interval; −∞ / +∞ where the profile stays within 1.92 of its maximum to the end of `range`. */
  lo: number;
  hi: number;
  /** β̂ in p = F(β(α − α₅₀)): negative when success falls with α. */
  slope: number;
  /** ℓ̂ (binomial coefficients left out). */
  logLikelihood: number;
  /** Where the interval was searched. */
  range: { lo: number; hi: number };
  runs: number;
  solved: number;
}

/**
 * A (quasi-)separated curve: no finite MLE. α₅₀ lies between the last all-solved α (`lo`; −∞ when no α had every run
 * solved) and the first all-unsolved α (`hi`; +∞ when none had every run unsolved). For a curve that rises with α the
 * roles swap (last all-unsolved, first all-solved); `falling` says which.
 */
export interface SuccessCurveSeparated {
  kind: 'separated';
  link: SuccessLink;
  lo: number;
  hi: number;
  falling: boolean;
  range: { lo: number; hi: number };
  runs: number;
  solved: number;
}

export type SuccessCurveFit = SuccessCurveMle | SuccessCurveSeparated;

/** Pools run records by α (solved = 1, every other status 0), sorted by α. */
export function successCounts(records: readonly { alpha: number; status: RunStatus }[]): SuccessCount[] {
  const byAlpha = new Map<number, SuccessCount>();
  for (const r of records) {
    let c = byAlpha.get(r.alpha);
    if (!c) byAlpha.set(r.alpha, (c = { alpha: r.alpha, solved: 0, runs: 0 }));
    c.runs++;
    if (r.status === 'solved') c.solved++;
  }
  return [...byAlpha.values()].sort((a, b) => a.alpha - b.alpha);
}

/** p(α) = F(β(α − α₅₀)) of a fit. */
export function fittedSuccessRate(fit: Pick<SuccessCurveMle, 'link' | 'alpha50' | 'slope'>, alpha: number): number {
  const eta = fit.slope * (alpha - fit.alpha50);
  return fit.link === 'logistic' ? 1 / (1 + Math.exp(-eta)) : Math.exp(logNormalCdf(eta));
}

/**
 * α₅₀ of a success curve p(α) = F(β(α − α₅₀)), F logistic or probit, by maximum likelihood over all runs (binomial
 * counts per α), with a 95% profile-likelihood interval {c : ℓ̂ − max_β ℓ(c, β) ≤ χ²₁(0.95)/2} searched inside `range`
 * (default: the α range run). Separated data (no finite MLE) come back as `kind: 'separated'` with the bracketing αs.
 * References: McCullagh & Nelder (1989) §4.4; Venzon & Moolgavkar, Appl. Statist. 37, 87 (1988); Albert & Anderson,
 * Biometrika 71, 1 (1984).
 */
export function fitSuccessCurve(points: readonly SuccessCount[], options: { link?: SuccessLink; range?: { lo: number; hi: number } } = {}): SuccessCurveFit {
  const link = options.link ?? 'logistic';
  const data = points.filter((p) => p.runs > 0).sort((a, b) => a.alpha - b.alpha);
  if (data.length === 0) throw new RangeError('fitSuccessCurve: no runs');
  for (const p of data) {
    if (!(Number.isFinite(p.alpha) && Number.isInteger(p.runs) && Number.isInteger(p.solved) && p.solved >= 0 && p.solved <= p.runs)) {
      throw new RangeError(`fitSuccessCurve: bad point ${JSON.stringify(p)}`);
    }
  }
  const range = options.range ?? { lo: data[0]!.alpha, hi: data[data.length - 1]!.alpha };
  if (options.range && !(range.hi > range.lo)) throw new RangeError(`fitSuccessCurve: bad range [${range.lo}, ${range.hi}]`);
  const runs = data.reduce((s, p) => s + p.runs, 0);
  const solved = data.reduce((s, p) => s + p.solved, 0);

  const separated = separation(data);
  if (separated) return { kind: 'separated', link, ...separated, range, runs, solved };

  const f = LINKS[link];
  const mean = data.reduce((s, p) => s + p.alpha * p.runs, 0) / runs;
  const span = data[data.length - 1]!.alpha - data[0]!.alpha;
  // Centred and scaled covariate, for conditioning: η = a + b·u, u = (α − mean)/span.
  const u = Float64Array.from(data, (p) => (p.alpha - mean) / span);
  const k = Float64Array.from(data, (p) => p.solved);
  const n = Float64Array.from(data, (p) => p.runs);
  const { a, b, logLik } = maximizeLinear(f, u, k, n);
  const slope = b / span;
  const alpha50 = b === 0 ? Number.NaN : mean - (a / b) * span;

  // Profile at α₅₀ = c: ηᵢ = β·(αᵢ − c), maximised over β alone (concave in β).
  const x = new Float64Array(data.length);
  let beta = slope;
  const deviance = (c: number): number => {
    for (let i = 0; i < x.length; i++) x[i] = data[i]!.alpha - c;
    const best = maximizeSlope(f, x, k, n, Number.isFinite(beta) ? beta : 0);
    beta = best.beta;
    return 2 * (logLik - best.logLik);
  };
  const lo = profileEnd(deviance, alpha50, range, -1);
  beta = slope;
  const hi = profileEnd(deviance, alpha50, range, +1);
  return { kind: 'fit', link, alpha50, lo, hi, slope, logLikelihood: logLik, range, runs, solved };
}

/**
 * The α₅₀ estimate densebench has reported so far, kept as a cross-check: where the success rate (linear interpolation
 * between the αs run) crosses ½, and where the lower and upper ends of the 95% Wilson bands do. null where that curve
 * does not cross ½ inside the range run. A heuristic: its "interval" has no stated coverage.
 */
export function wilsonCrossingAlpha50(points: readonly SuccessCount[]): { alpha50: number | null; lo: number | null; hi: number | null } {
  const rates = points.filter((p) => p.runs > 0).map((p) => ({ alpha: p.alpha, rate: p.solved / p.runs, ...wilsonInterval(p.solved, p.runs) }));
  return {
    alpha50: crossingAlpha(rates) ?? null,
    lo: crossingAlpha(rates.map((p) => ({ alpha: p.alpha, rate: p.lo }))) ?? null,
    hi: crossingAlpha(rates.map((p) => ({ alpha: p.alpha, rate: p.hi }))) ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Separation. With one covariate and an intercept, the MLE fails to exist exactly when a threshold splits the outcomes:
// every success at α ≤ t and every failure at α ≥ t (falling), or the reverse (rising) — including the cases with
// one outcome only. Falling is checked first: it is densebench's case, and the one a single-outcome curve is read as.
function separation(data: readonly SuccessCount[]): { lo: number; hi: number; falling: boolean } | null {
  const inf = Number.POSITIVE_INFINITY;
  let maxSuccess = -inf, minSuccess = inf, maxFailure = -inf, minFailure = inf;
  for (const p of data) {
    if (p.solved > 0) {
      maxSuccess = Math.max(maxSuccess, p.alpha);
      minSuccess = Math.min(minSuccess, p.alpha);
    }
    if (p.solved < p.runs) {
      maxFailure = Math.max(maxFailure, p.alpha);
      minFailure = Math.min(minFailure, p.alpha);
    }
  }
  const allSolved = data.filter((p) => p.solved === p.runs).map((p) => p.alpha);
  const noneSolved = data.filter((p) => p.solved === 0).map((p) => p.alpha);
  if (maxSuccess <= minFailure) return { lo: Math.max(-inf, ...allSolved), hi: Math.min(inf, ...noneSolved), falling: true };
  if (maxFailure <= minSuccess) return { lo: Math.max(-inf, ...noneSolved), hi: Math.min(inf, ...allSolved), falling: false };
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Links. For a symmetric F: log-likelihood terms log F(η), score d log F/dη, and the Fisher information per trial
// f(η)²/(F(η)(1 − F(η))).
interface Link {
  logCdf(eta: number): number;
  dLogCdf(eta: number): number;
  information(eta: number): number;
}

const logistic: Link = {
  logCdf: (eta) => (eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta))),
  dLogCdf: (eta) => 1 / (1 + Math.exp(eta)),
  information: (eta) => {
    const p = 1 / (1 + Math.exp(-eta));
    return p * (1 - p);
  },
};

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log erfc(z) for z ≥ 0 without underflow: erfc(z) = t·exp(−z² + P(t)), t = 1/(1 + z/2), fractional error below 1.2e−7
 * everywhere (Press et al., Numerical Recipes, 2nd ed., §6.2, erfcc).
 */
function logErfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - z * z + poly;
}

/** log Φ(x), Φ the standard normal CDF: Φ(x) = ½ erfc(−x/√2). */
function logNormalCdf(x: number): number {
  if (x <= 0) return Math.log(0.5) + logErfc(-x / Math.SQRT2);
  return Math.log1p(-0.5 * Math.exp(logErfc(x / Math.SQRT2)));
}

/** Inverse Mills ratio φ(x)/Φ(x). */
function millsRatio(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI - logNormalCdf(x));
}

const probit: Link = {
  logCdf: logNormalCdf,
  dLogCdf: millsRatio,
  information: (eta) => Math.exp(-0.5 * eta * eta - LOG_SQRT_2PI) * (millsRatio(eta) + millsRatio(-eta)),
};

const LINKS: Record<SuccessLink, Link> = { logistic, probit };

function logLikelihood(f: Link, eta: (i: number) => number, k: Float64Array, n: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < k.length; i++) {
    const e = eta(i);
    if (k[i]! > 0) sum += k[i]! * f.logCdf(e);
    if (n[i]! > k[i]!) sum += (n[i]! - k[i]!) * f.logCdf(-e);
  }
  return sum;
}

const MAX_ITERATIONS = 200;

/** Fisher scoring with step halving for η = a + b·u (the data are not separated, so the maximum is finite). */
function maximizeLinear(f: Link, u: Float64Array, k: Float64Array, n: Float64Array): { a: number; b: number; logLik: number } {
  let a = 0, b = 0;
  let logLik = logLikelihood(f, (i) => a + b * u[i]!, k, n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    let s0 = 0, s1 = 0, i00 = 0, i01 = 0, i11 = 0;
    for (let i = 0; i < u.length; i++) {
      const e = a + b * u[i]!;
      const score = k[i]! * f.dLogCdf(e) - (n[i]! - k[i]!) * f.dLogCdf(-e);
      const w = n[i]! * f.information(e);
      s0 += score;
      s1 += score * u[i]!;
      i00 += w;
      i01 += w * u[i]!;
      i11 += w * u[i]! * u[i]!;
    }
    const det = i00 * i11 - i01 * i01;
    if (!(det > 0)) break;
    let da = (i11 * s0 - i01 * s1) / det;
    let db = (i00 * s1 - i01 * s0) / det;
    let next = Number.NEGATIVE_INFINITY;
    for (let halvings = 0; halvings < 60; halvings++) {
      next = logLikelihood(f, (i) => a + da + (b + db) * u[i]!, k, n);
      if (next >= logLik - 1e-12) break;
      da /= 2;
      db /= 2;
    }
    if (!(next >= logLik - 1e-12)) break;
    a += da;
    b += db;
    const gain = next - logLik;
    logLik = next;
    if (Math.abs(da) + Math.abs(db) < 1e-10 * (1 + Math.abs(a) + Math.abs(b)) || gain < 1e-13) break;
  }
  return { a, b, logLik };
}

/** max over β of ℓ with ηᵢ = β·xᵢ (profile at a fixed α₅₀), by Fisher scoring with step halving from `start`. */
function maximizeSlope(f: Link, x: Float64Array, k: Float64Array, n: Float64Array, start: number): { beta: number; logLik: number } {
  let beta = start;
  let logLik = logLikelihood(f, (i) => beta * x[i]!, k, n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    let score = 0, info = 0;
    for (let i = 0; i < x.length; i++) {
      const e = beta * x[i]!;
      score += (k[i]! * f.dLogCdf(e) - (n[i]! - k[i]!) * f.dLogCdf(-e)) * x[i]!;
      info += n[i]! * f.information(e) * x[i]! * x[i]!;
    }
    if (!(info > 0)) break;
    let step = score / info;
    let next = Number.NEGATIVE_INFINITY;
    for (let halvings = 0; halvings < 60; halvings++) {
      next = logLikelihood(f, (i) => (beta + step) * x[i]!, k, n);
      if (next >= logLik - 1e-12) break;
      step /= 2;
    }
    if (!(next >= logLik - 1e-12)) break;
    beta += step;
    const gain = next - logLik;
    logLik = next;
    if (Math.abs(step) < 1e-10 * (1 + Math.abs(beta)) || gain < 1e-13) break;
  }
  return { beta, logLik };
}

// Steps of the outward scan, per range width; a crossing is then bisected to this fraction of the width.
const SCAN_STEPS = 200;
const BISECTION_TOLERANCE = 1e-9;

/**
 * One end of the profile interval: scan from α̂ (clamped into the range) towards `direction` until the deviance
 * 2(ℓ̂ − ℓ_p) reaches χ²₁(0.95), then bisect. ±∞ when the scan leaves the range first. The set is taken to be the
 * connected piece around α̂ (the ratio −a/b can make the profile set disconnected far from the data; not searched).
 */
function profileEnd(deviance: (c: number) => number, alpha50: number, range: { lo: number; hi: number }, direction: -1 | 1): number {
  const open = direction < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (Number.isNaN(alpha50)) return open;
  const edge = direction < 0 ? range.lo : range.hi;
  // α̂ beyond this end of the range: the interval is open on this side.
  if (direction * (alpha50 - edge) >= 0) return open;
  const width = range.hi - range.lo;
  const start = Math.min(range.hi, Math.max(range.lo, alpha50));
  // α̂ beyond the other end: the set inside the range may already have ended at that end.
  if (start !== alpha50 && deviance(start) > CHI2_1_95) return start;
  const step = width / SCAN_STEPS;
  let inside = start;
  for (;;) {
    const c = direction < 0 ? Math.max(edge, inside - step) : Math.min(edge, inside + step);
    if (deviance(c) > CHI2_1_95) {
      let outside = c;
      while (Math.abs(outside - inside) > BISECTION_TOLERANCE * width) {
        const mid = 0.5 * (inside + outside);
        if (deviance(mid) > CHI2_1_95) outside = mid;
        else inside = mid;
      }
      return 0.5 * (inside + outside);
    }
    if (c === edge) return open;
    inside = c;
  }
}
