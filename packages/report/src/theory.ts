// Replica-symmetric theory of Gibbs learning for the binary (Ising) teacher–student perceptron: student and
// teacher weights W ∈ {±1}^N, labels y = sign(W·x/√N), Gaussian inputs, P = αN examples, the student drawn
// uniformly from the version space. On the Nishimori line the student–teacher overlap R equals the
// student–student overlap q.
//
//   G. Györgyi, "First-order transition to perfect generalization in a neural network with binary synapses",
//     Phys. Rev. A 41, 7097 (1990).
//   H. S. Seung, H. Sompolinsky, N. Tishby, "Statistical mechanics of learning from examples",
//     Phys. Rev. A 45, 6056 (1992).
//   A. Engel, C. Van den Broeck, "Statistical Mechanics of Learning" (CUP 2001), ch. 7.
//   J. Barbier, F. Krzakala, N. Macris, L. Miolane, L. Zdeborová, "Optimal errors and phase transitions in
//     high-dimensional generalized linear models", PNAS 116, 5451 (2019) — Bayes-optimal form, AMP threshold.
//
// With Dz the standard Gaussian measure, H(x) = ½ erfc(x/√2) and κ = √(R/(1−R)), the quenched entropy of the
// version space per weight is
//
//   φ(α) = extr_{R,R̂} [ −R̂(1+R)/2 + ∫Dz ln 2cosh(√R̂ z + R̂) + 2α ∫Dz H(−κz) ln H(−κz) ]
//
// (the −R̂(1+R)/2 is −q̂(1−q)/2 − R R̂ of the general RS entropy with q = R, q̂ = R̂). Its saddle point is
//
//   R  = ∫Dz tanh(√R̂ z + R̂)                       ( = ∫Dz tanh²(√R̂ z + R̂) by the Nishimori identity)
//   R̂ = α/(π√(1−R)) ∫Dt e^{−R t²/2} / H(−√R t)     ( = 2α dΨ/dR, Ψ(R) = 2∫Dz H(−κz) ln H(−κz) )
//
// and ε = arccos(R)/π. The continuous ("poorly generalizing") solution starts at R = 0 for α = 0; its entropy
// vanishes at α_c ≈ 1.245 (first-order transition to perfect learning, R = 1, whose entropy is 0), it stays
// metastable up to the spinodal α_sp ≈ 1.493 where it merges with the unstable branch and disappears. α_sp
// is the threshold of AMP started from an uninformative point. Past α_sp the fixed-point iteration started
// from small R runs away to R = 1.

import { log2cosh, logGaussianTail } from '@densebench/core';

/** Published thresholds (constants); `teacherStudentCriticalPoints()` recomputes both from the equations. */
export const TEACHER_STUDENT_THRESHOLDS = {
  /** First-order transition to perfect learning: entropy of the RS branch vanishes (Györgyi 1990; Seung et al. 1992). */
  perfectLearning: 1.245,
  /** Algorithmic (AMP) threshold = spinodal of the poorly generalizing branch (Barbier et al., PNAS 2019). */
  amp: 1.493,
} as const;

/** Regime of the poorly generalizing RS branch at a given α. */
export type TeacherStudentPhase =
  /** α < α_c: the branch exists and is the equilibrium state (φ > 0). */
  | 'poor'
  /** α_c ≤ α < α_sp: the branch exists but is metastable (φ < 0); the equilibrium is perfect learning. */
  | 'metastable'
  /** α ≥ α_sp: the branch no longer exists; the fixed point is R = 1 (ε = 0, φ = 0). */
  | 'perfect';

export interface TeacherStudentTheoryPoint {
  alpha: number;
  /** Student–teacher overlap R (= student–student overlap q on the Nishimori line). */
  overlap: number;
  /** Conjugate order parameter R̂ (+∞ for the perfect-learning state). */
  conjugate: number;
  /** Generalization error ε = arccos(R)/π of the branch (0 once the branch has disappeared). */
  error: number;
  /** Quenched entropy (free entropy) per weight φ of the branch, in nats; 0 for perfect learning. */
  freeEntropy: number;
  phase: TeacherStudentPhase;
  /** Thermodynamic (equilibrium) Gibbs error: the branch's ε while φ > 0, else 0 (perfect learning). */
  equilibriumError: number;
}

export interface TeacherStudentCriticalPoints {
  /** α_c: zero of the branch's free entropy (first-order transition). */
  perfectLearning: number;
  /** ε on the branch at α_c (just before the jump to 0). */
  perfectLearningError: number;
  /** α_sp: spinodal, largest α at which the poorly generalizing branch exists (AMP threshold). */
  spinodal: number;
  /** Overlap R at the spinodal. */
  spinodalOverlap: number;
  /** ε at the spinodal. */
  spinodalError: number;
}

// ---------------------------------------------------------------------------------------------------------
// Gaussian quadrature ∫Dz f(z): trapezoid rule on [−10, 10] with step 0.1. For integrands analytic in a strip
// around the real axis the trapezoid rule converges geometrically; on the branch (R ≤ 0.9, R̂ ≲ 4) the error is
// far below the 1e−7 accuracy of erfc.

const Q_STEP = 0.1;
const Q_HALF = 100;
const Q_NODES = new Float64Array(2 * Q_HALF + 1);
const Q_WEIGHTS = new Float64Array(2 * Q_HALF + 1);
for (let i = 0; i <= 2 * Q_HALF; i++) {
  const z = (i - Q_HALF) * Q_STEP;
  Q_NODES[i] = z;
  Q_WEIGHTS[i] = (Q_STEP * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI);
}

// ---------------------------------------------------------------------------------------------------------
// Order-parameter maps.

/** Prior side: R = ∫Dz tanh(√R̂ z + R̂). */
function overlapFromConjugate(rHat: number): number {
  const s = Math.sqrt(rHat);
  let sum = 0;
  for (let i = 0; i < Q_NODES.length; i++) sum += Q_WEIGHTS[i]! * Math.tanh(s * Q_NODES[i]! + rHat);
  return sum;
}

/** Prior side value and derivative dR/dR̂ = ∫Dz sech²(u)(1 − tanh u), u = √R̂ z + R̂ (Stein's lemma). */
function overlapAndSlope(rHat: number): [number, number] {
  const s = Math.sqrt(rHat);
  let m = 0;
  let dm = 0;
  for (let i = 0; i < Q_NODES.length; i++) {
    const t = Math.tanh(s * Q_NODES[i]! + rHat);
    m += Q_WEIGHTS[i]! * t;
    dm += Q_WEIGHTS[i]! * (1 - t * t) * (1 - t);
  }
  return [m, dm];
}

/** Channel side per unit α: R̂/α = 1/(π√(1−R)) ∫Dt e^{−R t²/2} / H(−√R t). */
function conjugatePerAlpha(overlap: number): number {
  const s = Math.sqrt(overlap);
  let sum = 0;
  for (let i = 0; i < Q_NODES.length; i++) {
    const t = Q_NODES[i]!;
    sum += Q_WEIGHTS[i]! * Math.exp(-0.5 * overlap * t * t - logGaussianTail(-s * t));
  }
  return sum / (Math.PI * Math.sqrt(1 - overlap));
}

/** Ψ(R) = 2∫Dz H(−κz) ln H(−κz), κ = √(R/(1−R)): the entropic cost per example. */
function channelEntropy(overlap: number): number {
  const k = Math.sqrt(overlap / (1 - overlap));
  let sum = 0;
  for (let i = 0; i < Q_NODES.length; i++) {
    const l = logGaussianTail(-k * Q_NODES[i]!);
    sum += Q_WEIGHTS[i]! * Math.exp(l) * l;
  }
  return 2 * sum;
}

/** RS free entropy at a saddle point (R, R̂). */
function freeEntropyAt(alpha: number, overlap: number, rHat: number): number {
  const s = Math.sqrt(rHat);
  let prior = 0;
  for (let i = 0; i < Q_NODES.length; i++) prior += Q_WEIGHTS[i]! * log2cosh(s * Q_NODES[i]! + rHat);
  return -0.5 * rHat * (1 + overlap) + prior + alpha * channelEntropy(overlap);
}

/** Inverse of the prior map: the R̂ with ∫Dz tanh(√R̂ z + R̂) = R (safeguarded Newton). */
function conjugateFromOverlap(overlap: number): number {
  let lo = 0;
  let hi = 1;
  while (overlapFromConjugate(hi) < overlap) hi *= 2;
  let x = overlap; // R̂ ≈ R for small R
  if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
  for (let it = 0; it < 100; it++) {
    const [m, dm] = overlapAndSlope(x);
    const f = m - overlap;
    if (f < 0) lo = x;
    else hi = x;
    let next = x - f / dm;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-14 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}

/** α at which R is a fixed point: α(R) = R̂(R) / (R̂/α)(R). Increases on the poor branch up to the spinodal. */
function alphaOfOverlap(overlap: number): number {
  return conjugateFromOverlap(overlap) / conjugatePerAlpha(overlap);
}

/** Illinois (modified regula falsi) root of f on [a, b] with f(a) > 0 > f(b). */
function illinois(f: (x: number) => number, a: number, b: number, fa: number, fb: number, tol: number): number {
  let side = 0;
  for (let it = 0; it < 200 && b - a > tol; it++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (fc === 0) return c;
    if (fc > 0) {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    } else {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    }
  }
  return (a * fb - b * fa) / (fb - fa);
}

// ---------------------------------------------------------------------------------------------------------
// Spinodal (computed once, lazily): maximum of α(R) by golden-section search. α(R) is unimodal on (0, 1): it
// rises from 0 along the poor branch, peaks at the spinodal (R ≈ 0.894) and falls back to 0 as R → 1.

let spinodalCache: { alpha: number; overlap: number } | undefined;

function spinodal(): { alpha: number; overlap: number } {
  if (spinodalCache) return spinodalCache;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = 0.5;
  let b = 0.99;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = alphaOfOverlap(c);
  let fd = alphaOfOverlap(d);
  while (b - a > 1e-7) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = alphaOfOverlap(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = alphaOfOverlap(d);
    }
  }
  const overlap = 0.5 * (a + b);
  spinodalCache = { alpha: alphaOfOverlap(overlap), overlap };
  return spinodalCache;
}

/** Overlap on the poor branch, or NaN when α ≥ α_sp (no such branch). */
function branchOverlap(alpha: number): number {
  if (alpha === 0) return 0;
  const sp = spinodal();
  if (alpha >= sp.alpha) return Number.NaN;
  // g(R) = ∫Dz tanh(√R̂ z + R̂) − R with R̂ = α·(R̂/α)(R); g > 0 ⇔ α > α(R), so on [0, R_sp] the unique sign
  // change is the branch (the smallest fixed point, i.e. the limit of the iteration started at R = 0).
  const g = (r: number): number => overlapFromConjugate(alpha * conjugatePerAlpha(r)) - r;
  const g0 = g(0);
  const gsp = g(sp.overlap);
  if (gsp >= 0) return sp.overlap; // α within rounding of α_sp
  return illinois(g, 0, sp.overlap, g0, gsp, 1e-13);
}

// ---------------------------------------------------------------------------------------------------------
// Public API.

function checkAlpha(alpha: number): void {
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new RangeError(`alpha must be a finite number ≥ 0, got ${alpha}`);
}

/**
 * RS solution of Gibbs learning on the poorly generalizing branch at load α. For α ≥ α_sp (≈ 1.493) the branch
 * no longer exists and the point is the perfect-learning state (R = 1, ε = 0, φ = 0, phase 'perfect').
 */
export function teacherStudentTheory(alpha: number): TeacherStudentTheoryPoint {
  checkAlpha(alpha);
  const overlap = branchOverlap(alpha);
  if (Number.isNaN(overlap)) {
    return { alpha, overlap: 1, conjugate: Number.POSITIVE_INFINITY, error: 0, freeEntropy: 0, phase: 'perfect', equilibriumError: 0 };
  }
  const conjugate = alpha * conjugatePerAlpha(overlap);
  const freeEntropy = freeEntropyAt(alpha, overlap, conjugate);
  const error = Math.acos(Math.min(1, Math.max(-1, overlap))) / Math.PI;
  const phase: TeacherStudentPhase = freeEntropy > 0 ? 'poor' : 'metastable';
  return { alpha, overlap, conjugate, error, freeEntropy, phase, equilibriumError: phase === 'poor' ? error : 0 };
}

/**
 * Generalization error ε = arccos(R)/π of Gibbs learning on the poorly generalizing RS branch (metastable for
 * α_c < α < α_sp); 0 beyond the spinodal α_sp, where the branch has merged away and only R = 1 remains.
 */
export function teacherStudentGibbsError(alpha: number): number {
  return teacherStudentTheory(alpha).error;
}

/** Equilibrium Gibbs generalization error: the branch's ε for α < α_c ≈ 1.245, 0 (perfect learning) above. */
export function teacherStudentEquilibriumError(alpha: number): number {
  return teacherStudentTheory(alpha).equilibriumError;
}

/** The branch at each α (for charts and tables). */
export function teacherStudentErrorCurve(alphas: readonly number[]): TeacherStudentTheoryPoint[] {
  return alphas.map((alpha) => teacherStudentTheory(alpha));
}

let criticalCache: TeacherStudentCriticalPoints | undefined;

/** α_c (zero of the branch's free entropy) and α_sp (spinodal), recomputed from the saddle-point equations. */
export function teacherStudentCriticalPoints(): TeacherStudentCriticalPoints {
  if (criticalCache) return criticalCache;
  const sp = spinodal();
  const phi = (alpha: number): number => teacherStudentTheory(alpha).freeEntropy;
  const lo = 1;
  const hi = sp.alpha * (1 - 1e-9);
  const perfectLearning = illinois(phi, lo, hi, phi(lo), phi(hi), 1e-10);
  criticalCache = {
    perfectLearning,
    perfectLearningError: teacherStudentTheory(perfectLearning).error,
    spinodal: sp.alpha,
    spinodalOverlap: sp.overlap,
    spinodalError: Math.acos(sp.overlap) / Math.PI,
  };
  return criticalCache;
}
