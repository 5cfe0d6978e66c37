// Special functions of the Gaussian and binary-spin calculations (BP messages, the theory curves of the report, the
// replicated chain's coupling), evaluated in log space so that saturated arguments do not underflow.

/**
 * log erfc(z). For z ≥ 0 the Chebyshev fit of Numerical Recipes (erfcc, fractional error < 1.2e-7 everywhere) is
 * used in log form, log t − z² + P(t), so it never underflows; for z < 0, erfc(z) = 2 − erfc(−z).
 */
export function logErfc(z: number): number {
  const x = z < 0 ? -z : z;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const logErfcAbs = Math.log(t) - x * x + poly;
  return z >= 0 ? logErfcAbs : Math.log(2 - Math.exp(logErfcAbs));
}

/** 1 + erf(x) = erfc(−x), relatively accurate for x < 0 (same fit, one exp). Underflows to 0 below x ≈ −26. */
export function onePlusErf(x: number): number {
  const a = x < 0 ? -x : x;
  const t = 1 / (1 + 0.5 * a);
  const erfcAbs =
    t * Math.exp(-a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x < 0 ? erfcAbs : 2 - erfcAbs;
}

/** erf(z) from the same fit. */
export function erf(z: number): number {
  return 1 - Math.exp(logErfc(z));
}

/** log H(x) with H(x) = ½ erfc(x/√2), the Gaussian tail probability; log1p keeps H ≈ 1 (x ≪ 0) accurate. */
export function logGaussianTail(x: number): number {
  return x >= 0 ? logErfc(x * Math.SQRT1_2) - Math.LN2 : Math.log1p(-0.5 * Math.exp(logErfc(-x * Math.SQRT1_2)));
}

/** log(2 cosh x), stable for large |x|. */
export function log2cosh(x: number): number {
  const a = x < 0 ? -x : x;
  return a + Math.log1p(Math.exp(-2 * a));
}

/** log(1 + e^x), stable for large |x|. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
