// Nonparametric bootstrap percentile intervals (Efron & Tibshirani, An Introduction to the Bootstrap, Chapman & Hall
// 1993, ch. 13): resample the observations with replacement B times, recompute the statistic on each resample, and
// take the 2.5% and 97.5% quantiles of the B values as the 95% interval. Seeded, so a report is reproducible.
import { Rng } from './rng.js';
import { quantile } from './stats.js';

export interface BootstrapOptions {
  /** Number of resamples B (default 2000). */
  resamples?: number;
  /** Seed text of the resampling stream (default 'densebench/bootstrap'). */
  seed?: string;
  /** Coverage of the interval (default 0.95). */
  confidence?: number;
}

/**
 * Percentile bootstrap interval of `statistic` over `items`: the (1 ± confidence)/2 quantiles (type 7) of the statistic
 * on B resamples of the same size drawn with replacement. +∞ values (e.g. no success in a resample) sort last, so an
 * end may be +∞; NaN ends when any resample gives NaN or there are no items. Efron & Tibshirani (1993), ch. 13.
 */
export function bootstrapInterval<T>(items: readonly T[], statistic: (sample: readonly T[]) => number, options: BootstrapOptions = {}): { lo: number; hi: number } {
  const resamples = options.resamples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  const n = items.length;
  if (n === 0) return { lo: Number.NaN, hi: Number.NaN };
  const rng = new Rng(options.seed ?? 'densebench/bootstrap');
  const values = new Array<number>(resamples);
  const sample = new Array<T>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = items[rng.nextInt(n)]!;
    const value = statistic(sample);
    if (Number.isNaN(value)) return { lo: Number.NaN, hi: Number.NaN };
    values[b] = value;
  }
  return { lo: quantile(values, (1 - confidence) / 2), hi: quantile(values, (1 + confidence) / 2) };
}
