// Local entropy around a configuration W̃ (Baldassi, Ingrosso, Lucibello, Saglietti & Zecchina, PRL 115, 128101,
// 2015; J. Stat. Mech. 023301, 2016), for the binary perceptron and for K-SAT (the J. Stat. Mech. paper treats
// both): BP on the instance with an external field γ W̃_i on every variable gives the
// local free entropy φ(W̃, γ) = (1/N) log Σ_{W solution} exp(γ W̃·W); with ρ = (1/N) Σ_i W̃_i ⟨W_i⟩ and
// d = (1 − ρ)/2, the entropy of solutions at normalized Hamming distance d from W̃ is S(d) = φ − γρ.
import { Rng, type KsatInstance, type PerceptronInstance } from '@densebench/core';
import { KsatBP } from './ksat.js';
import { PerceptronBP, type FactorAccuracy } from './perceptron.js';

export interface LocalEntropyPoint {
  gamma: number;
  /** Overlap ρ = (1/N) Σ W̃_i m_i. */
  overlap: number;
  /** d = (1 − ρ)/2. */
  distance: number;
  /** φ(W̃, γ), per weight. */
  freeEntropy: number;
  /** S(d) = φ − γρ, per weight (nats). */
  localEntropy: number;
  converged: boolean;
  sweeps: number;
}

export interface LocalEntropyOptions {
  epsilon?: number;
  maxSweeps?: number;
  damping?: number;
  accuracy?: FactorAccuracy;
  seed?: string;
}

/**
 * The BP estimate of S(d) around `reference` for each γ (warm-starting each γ from the previous one's messages;
 * give the γ values in increasing order).
 */
export function localEntropyCurve(instance: PerceptronInstance | KsatInstance, reference: Int8Array, gammas: readonly number[], options: LocalEntropyOptions = {}): LocalEntropyPoint[] {
  const { epsilon = 1e-6, maxSweeps = 2000, damping = 0.5, accuracy = 'gaussian', seed = 'densebench:v1:local-entropy' } = options;
  if (reference.length !== instance.n) throw new Error(`reference has length ${reference.length}, the instance has N = ${instance.n}`);
  const rng = new Rng(seed);
  const bp = instance.kind === 'ksat' ? new KsatBP(instance) : new PerceptronBP(instance, accuracy);
  bp.initMessages(rng, 0.01);
  const points: LocalEntropyPoint[] = [];
  for (const gamma of gammas) {
    for (let i = 0; i < instance.n; i++) bp.external[i] = gamma * reference[i]!;
    bp.recomputeTotals();
    let sweeps = 0;
    let change = Number.POSITIVE_INFINITY;
    while (change >= epsilon && sweeps < maxSweeps) {
      change = bp.sweep(rng, 0, 0, damping);
      sweeps++;
    }
    const overlap = bp.overlap(reference);
    const freeEntropy = bp.freeEntropy();
    points.push({ gamma, overlap, distance: (1 - overlap) / 2, freeEntropy, localEntropy: freeEntropy - gamma * overlap, converged: change < epsilon, sweeps });
  }
  return points;
}

/** Exhaustive enumeration for a CNF formula (N ≤ 25): φ = (1/N) log Σ_{x satisfying} exp(γ W̃·x), ρ = (1/N) ⟨W̃·x⟩. */
export function exactLocalEntropyKsat(instance: KsatInstance, reference: Int8Array, gamma: number): Omit<LocalEntropyPoint, 'converged' | 'sweeps'> {
  const { n, m, clauseStart, clauseLiterals } = instance;
  if (n > 25) throw new Error(`exact enumeration needs N ≤ 25, got ${n}`);
  const x = new Int8Array(n);
  let z = 0;
  let zOverlap = 0;
  for (let code = 0; code < 2 ** n; code++) {
    let agreement = 0;
    for (let i = 0; i < n; i++) {
      x[i] = (code >> i) & 1 ? 1 : -1;
      agreement += x[i]! * reference[i]!;
    }
    let satisfied = true;
    for (let a = 0; a < m && satisfied; a++) {
      let clauseTrue = false;
      for (let q = clauseStart[a]!; q < clauseStart[a + 1]! && !clauseTrue; q++) {
        const lit = clauseLiterals[q]!;
        clauseTrue = (lit > 0 ? 1 : -1) === x[Math.abs(lit) - 1];
      }
      satisfied = clauseTrue;
    }
    if (!satisfied) continue;
    const weight = Math.exp(gamma * (agreement - n));
    z += weight;
    zOverlap += weight * agreement;
  }
  const freeEntropy = (Math.log(z) + gamma * n) / n;
  const overlap = zOverlap / z / n;
  return { gamma, overlap, distance: (1 - overlap) / 2, freeEntropy, localEntropy: freeEntropy - gamma * overlap };
}

/**
 * The same quantities by exhaustive enumeration of the 2^N weight vectors (N ≤ 25), for validation:
 * φ = (1/N) log Σ_{W solution} exp(γ W̃·W) and ρ = (1/N) ⟨W̃·W⟩. φ is −∞ when there is no solution.
 */
export function exactLocalEntropy(instance: PerceptronInstance, reference: Int8Array, gamma: number): Omit<LocalEntropyPoint, 'converged' | 'sweeps'> {
  const { n, p, patterns, labels } = instance;
  if (n > 25) throw new Error(`exact enumeration needs N ≤ 25, got ${n}`);
  const stability = new Float64Array(p);
  const w = new Int8Array(n).fill(-1);
  // Start from W = (−1, …, −1) and walk the Gray code, one flip per step.
  for (let mu = 0; mu < p; mu++) {
    let s = 0;
    for (let i = 0; i < n; i++) s -= patterns[mu * n + i]!;
    stability[mu] = labels[mu]! * s;
  }
  let agreement = 0;
  for (let i = 0; i < n; i++) agreement -= reference[i]!;
  let z = 0;
  let zOverlap = 0;
  const total = 2 ** n;
  for (let step = 0; step < total; step++) {
    let ok = true;
    for (let mu = 0; mu < p && ok; mu++) if (stability[mu]! <= 0) ok = false;
    if (ok) {
      // Scaled by exp(−γN) so that nothing overflows.
      const weight = Math.exp(gamma * (agreement - n));
      z += weight;
      zOverlap += weight * agreement;
    }
    if (step + 1 === total) break;
    const i = 31 - Math.clz32((step + 1) & -(step + 1)); // lowest set bit of step + 1
    w[i] = -w[i]!;
    for (let mu = 0; mu < p; mu++) stability[mu] += 2 * w[i]! * labels[mu]! * patterns[mu * n + i]!;
    agreement += 2 * w[i]! * reference[i]!;
  }
  const freeEntropy = (Math.log(z) + gamma * n) / n;
  const overlap = z > 0 ? zOverlap / z / n : Number.NaN;
  return { gamma, overlap, distance: (1 - overlap) / 2, freeEntropy, localEntropy: freeEntropy - gamma * overlap };
}
