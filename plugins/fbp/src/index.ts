// Focusing belief propagation (fBP): Baldassi, Borgs, Chayes, Ingrosso, Lucibello, Saglietti & Zecchina,
// "Unreasonable effectiveness of learning neural networks", PNAS 113, E7655 (2016). BP on y replicas coupled with
// strength γ reduces, in the replica-symmetric ansatz, to ordinary BP plus one focusing message per weight,
//   m★_j = tanh γ · tanh( (y−1) · atanh( tanh γ · m_{j→★} ) );
// a protocol raises (γ, y) step by step and the weights sign(m) are tested after every step.
import { BestConfiguration, definePlugin, energy, runSearch, type Instance, type KernelStep, type Rng, type Search, type SolveContext } from '@densebench/core';
import { focusingGraph, type FocusingGraph } from '@densebench/bp';
import { focusingProtocol, type FocusingStep, type ProtocolParams } from './protocol.js';

export { focusingProtocol, type FocusingStep, type ProtocolParams } from './protocol.js';

export interface FbpParams extends Omit<ProtocolParams, 'step'> {
  /** Grid step; when absent, the per-problem default of STEP_BY_KIND. */
  step?: number;
  /** Sweeps per protocol step; when absent, the per-problem default of MAX_SWEEPS_BY_KIND. */
  maxSweeps?: number;
  epsilon: number;
  damping: number;
  randfact: number;
}

/**
 * Default grid step of the standard and pseudo protocols per kind of instance, measured with densebench (README):
 * one damped sweep per step needs a slower protocol on committee machines and K-SAT than on the perceptron.
 */
export const STEP_BY_KIND = { perceptron: 0.01, committee: 0.005, ksat: 0.001 } as const;

/**
 * Default sweeps per protocol step, measured with densebench (README): on the perceptron at N = 1001, up to ten
 * damped sweeps per step reach α = 0.74 on 6/10 instances against 1/10 with one sweep; the committee machine and
 * K-SAT keep the authors' documented one sweep per step.
 */
export const MAX_SWEEPS_BY_KIND = { perceptron: 10, committee: 1, ksat: 1 } as const;

/** fBP as steps: step k runs protocol step k (sweeps until converged, `maxSweeps` or the deadline), then reads sign(m). */
class FocusingSearch implements Search {
  /** Sweeps. */
  work = 0;
  /** Violated constraints of the current signs; +∞ before the first step. */
  energy = Number.POSITIVE_INFINITY;
  unconvergedSteps = 0;
  private readonly weights: Int8Array;

  constructor(
    private readonly instance: Instance,
    private readonly bp: FocusingGraph,
    private readonly protocol: readonly FocusingStep[],
    private readonly maxSweeps: number,
    private readonly params: FbpParams,
    private readonly rng: Rng,
  ) {
    this.weights = new Int8Array(bp.n);
  }

  step(index: number, shouldStop: () => boolean): void {
    const { bp, params } = this;
    const step = this.protocol[index]!;
    let change = Number.POSITIVE_INFINITY;
    let stepSweeps = 0;
    while (change >= params.epsilon && stepSweeps < this.maxSweeps && !shouldStop()) {
      change = bp.sweep(this.rng, step.r, step.tanhGamma, params.damping);
      stepSweeps++;
    }
    this.work += stepSweeps;
    if (change >= params.epsilon) this.unconvergedSteps++;
    this.energy = energy(this.instance, bp.signs(this.weights));
  }

  offer(best: BestConfiguration): void {
    // Nothing to offer before the first step: the initial messages' signs are not a candidate.
    if (this.energy !== Number.POSITIVE_INFINITY) best.offer(this.weights, this.energy);
  }
}

/** Runs fBP on an instance; returns the best configuration seen (fewest violated constraints). */
export function runFocusingBP(instance: Instance, params: FbpParams, ctx: SolveContext) {
  const step = params.step ?? STEP_BY_KIND[instance.kind];
  const maxSweeps = params.maxSweeps ?? MAX_SWEEPS_BY_KIND[instance.kind];
  const protocol = focusingProtocol({ ...params, step });
  const bp = focusingGraph(instance);
  bp.initMessages(ctx.rng, params.randfact);
  const search = new FocusingSearch(instance, bp, protocol, maxSweeps, params, ctx.rng);
  const best = new BestConfiguration(bp.n);
  const { steps } = runSearch(search, best, { steps: protocol.length, progressEvery: 1 }, ctx);
  return { assignment: best.configuration, energy: best.energy, work: search.work, info: { step, maxSweeps, steps, unconvergedSteps: search.unconvergedSteps } };
}

function sweepKernel(instance: Instance, params: FbpParams, rng: Rng): KernelStep {
  const bp = focusingGraph(instance);
  bp.initMessages(rng, params.randfact);
  return {
    run: () => (bp.sweep(rng, 1, 1, params.damping), 1),
    checksum: () => bp.total.reduce((sum, h) => sum + Math.abs(h), 0),
  };
}

export default definePlugin<FbpParams>({
  name: 'fbp',
  version: '0.2.0',
  description: 'focusing belief propagation (PNAS 2016): BP plus a focusing message per weight, (γ, y) raised by a protocol',
  problems: ['perceptron', 'teacher-student', 'committee', 'committee-teacher-student', 'ksat', 'planted-ksat'],
  workUnit: 'sweeps',
  params: {
    type: 'object',
    properties: {
      protocol: { type: 'string', enum: ['standard', 'scoping', 'pseudo', 'free'], default: 'standard', description: 'standard: γ = ∞, y = 1/(1−x); pseudo: γ = atanh√ρ, y = (2−ρ)/(1−ρ); scoping: γ swept at fixed y; free: the list in "steps"' },
      step: { type: 'number', exclusiveMinimum: 0, maximum: 0.5, description: 'grid step of x (standard) or ρ (pseudo) over [0, 1 − step]; default 0.01 (perceptron), 0.005 (committee), 0.001 (K-SAT)' },
      gammaStart: { type: 'number', minimum: 0, default: 0, description: 'scoping: first γ' },
      gammaEnd: { type: 'number', minimum: 0, default: 10, description: 'scoping: last γ' },
      gammaStep: { type: 'number', exclusiveMinimum: 0, default: 0.1, description: 'scoping: γ increment' },
      y: { type: 'number', minimum: 1, default: 21, description: 'scoping: number of replicas y' },
      steps: { type: 'string', default: '', description: 'free: "γ,y;γ,y;…" (γ may be inf)' },
      maxSweeps: { type: 'integer', minimum: 1, description: 'at most this many sweeps per protocol step (default: 10 perceptron, 1 committee and K-SAT; the authors\' example: 1; their function default: 1000)' },
      epsilon: { type: 'number', exclusiveMinimum: 0, default: 1e-3, description: 'a step has converged when no message changes by more than this (in magnetization)' },
      damping: { type: 'number', minimum: 0, exclusiveMaximum: 1, default: 0.5, description: 'new field = (1 − damping)·computed + damping·old (the authors\' example: 0.5)' },
      randfact: { type: 'number', minimum: 0, maximum: 1, default: 0.01, description: 'initial messages uniform in ±randfact (magnetization)' },
    },
  },
  solve(instance, params, ctx) {
    return runFocusingBP(instance, params, ctx);
  },
  // One sweep (all factor and focusing nodes) in the mid-protocol regime of the standard protocol: γ = ∞, y = 2.
  kernels: [
    { name: 'perceptron BP sweep', unit: 'sweeps', problem: 'perceptron', alpha: 0.7, sizes: [201, 1001], prepare: sweepKernel },
    { name: 'committee BP sweep', unit: 'sweeps', problem: 'committee', k: 5, alpha: 0.3, sizes: [101, 321], prepare: sweepKernel },
    { name: '3-SAT BP sweep', unit: 'sweeps', problem: 'ksat', k: 3, alpha: 4.2, sizes: [1000, 10000], prepare: sweepKernel },
  ],
});
