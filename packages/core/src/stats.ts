// Statistics for success rates and run times. Unsolved runs count as +∞ in time/work quantiles,
// so a median exists only when more than half of the runs succeeded.

/** Wilson score interval for k successes in n trials (z = 1.96 for 95%). Returns [0, 1] when n = 0. */
export function wilsonInterval(k: number, n: number, z = 1.959963984540054): { lo: number; hi: number } {
  if (n === 0) return { lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At k = 0 or k = n the exact bound is 0 or 1; floating point would give 1e-17 or 0.9999999999999999.
  return { lo: k === 0 ? 0 : Math.max(0, centre - half), hi: k === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Quantile q ∈ [0, 1] of a sample by linear interpolation between order statistics (type 7, as R and numpy default).
 * +∞ entries (unsolved runs) sort last; the result is +∞ when the interpolation touches one. NaN for an empty sample.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  if (lo === hi) return a;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Number.POSITIVE_INFINITY;
  return a + (h - lo) * (b - a);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * Distribution-free 95% interval for the median: the order statistics x₍ⱼ₎ and x₍ₙ₊₁₋ⱼ₎ with the largest j for which
 * P(j ≤ Binomial(n, ½) ≤ n − j) ≥ confidence (Conover, Practical Nonparametric Statistics, §3.2). +∞ entries (unsolved
 * runs) are order statistics like any other, so an end may be +∞. Below 6 values no such pair reaches 95%: (−∞, +∞).
 */
export function medianInterval(values: readonly number[], confidence = 0.95): { lo: number; hi: number } {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  // Cumulative binomial(n, ½) probabilities, in log space so that large n does not underflow 2⁻ⁿ.
  let tail = 0;
  let logTerm = -n * Math.LN2; // log P(B = 0)
  let best = 0;
  for (let j = 1; 2 * j <= n; j++) {
    tail += Math.exp(logTerm); // P(B ≤ j − 1)
    if (1 - 2 * tail < confidence) break;
    best = j;
    logTerm += Math.log((n - j + 1) / j); // log P(B = j)
  }
  if (best === 0) return { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
  return { lo: sorted[best - 1]!, hi: sorted[n - best]! };
}

/** Empirical CDF points (x sorted ascending, y = fraction of the whole sample ≤ x); +∞ entries are left out but counted in the denominator. */
export function ecdf(values: readonly number[]): { x: number[]; y: number[] } {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return { x: finite, y: finite.map((_, i) => (i + 1) / values.length) };
}

/**
 * α at which a success-rate curve crosses 1/2, by linear interpolation between the first point ≥ 1/2 that is
 * followed by a point < 1/2 (points sorted by α). undefined when the curve never reaches or never leaves 1/2.
 */
export function crossingAlpha(points: readonly { alpha: number; rate: number }[], level = 0.5): number | undefined {
  const sorted = [...points].sort((a, b) => a.alpha - b.alpha);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (a.rate >= level && b.rate < level) return a.alpha + ((a.rate - level) / (a.rate - b.rate)) * (b.alpha - a.alpha);
  }
  return undefined;
}

// Two-sided 97.5% quantiles of Student's t for 1…30 degrees of freedom (standard tables).
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** t quantile for a 95% interval with `df` degrees of freedom (table up to 30, then the expansion z + (z³+z)/(4·df)). */
export function studentT975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T_975[df - 1]!;
  const z = 1.959963984540054;
  return z + (z ** 3 + z) / (4 * df);
}

/** Sample mean with its 95% Student-t interval; the interval is NaN for fewer than two values, everything NaN for none. */
export function meanInterval(values: readonly number[]): { mean: number; lo: number; hi: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, lo: Number.NaN, hi: Number.NaN };
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = studentT975(n - 1) * Math.sqrt(variance / n);
  return { mean, lo: mean - half, hi: mean + half };
}

/**
 * Penalised average runtime (PAR-k, k = 2 by default): solved runs count their time, all others k × the time limit.
 */
export function par(times: readonly { solved: boolean; seconds: number; limitSeconds: number }[], k = 2): number {
  if (times.length === 0) return Number.NaN;
  return times.reduce((sum, t) => sum + (t.solved ? t.seconds : k * t.limitSeconds), 0) / times.length;
}

/** H₂(d) = −d log d − (1−d) log(1−d) in nats: the local entropy if every configuration at distance d were a solution. */
export function binaryEntropy(d: number): number {
  if (d <= 0 || d >= 1) return 0;
  return -d * Math.log(d) - (1 - d) * Math.log(1 - d);
}
