// EdMC with γ scoping: one proposed flip of the reference per step of core's search driver, γ raised after every pass of
// N proposals; the answer is the lowest-energy reference seen.
import { BestConfiguration, runSearch, type KsatInstance, type PerceptronInstance, type Rng, type Search, type SolveContext } from '@densebench/core';
import { randomConfiguration } from '@densebench/local-search';
import { EntropyDrivenSearch } from './edmc.js';
import type { LesaParams } from './types.js';

/** The chain as steps: step i proposes a flip at a random site, after raising γ when a new pass begins. */
class ScopedEdmc implements Search {
  /** Proposed moves. */
  work = 0;
  accepted = 0;

  constructor(
    readonly edmc: EntropyDrivenSearch,
    private readonly params: LesaParams,
    private readonly rng: Rng,
  ) {}

  step(proposal: number): void {
    const { edmc, params } = this;
    // γ ← min(γmax, γ · factor) by repeated multiplication, not core's geometricSchedule: the closed form γ0 · factor^p
    // differs in the last bits (from pass 5 on at the defaults), which changes the recorded free entropy and could flip
    // a ΔF ≥ 0 decision.
    if (proposal > 0 && proposal % edmc.n === 0) edmc.setGamma(Math.min(params.gammaMax, edmc.gamma * params.gammaFactor));
    this.work++;
    if (edmc.step(this.rng.nextInt(edmc.n), params.temperature)) this.accepted++;
  }

  offer(best: BestConfiguration): void {
    best.offer(this.edmc.reference.weights, this.edmc.reference.energy);
  }

  get energy(): number {
    return this.edmc.reference.energy;
  }
}

/** Runs EdMC with γ scoping on an instance; returns the lowest-energy reference seen. */
export function runScopedEdmc(instance: PerceptronInstance | KsatInstance, params: LesaParams, ctx: SolveContext) {
  const n = instance.n;
  const edmc = new EntropyDrivenSearch(instance, randomConfiguration(new Int8Array(n), ctx.rng), params, ctx.rng);
  edmc.setGamma(params.gamma0);
  const scoped = new ScopedEdmc(edmc, params, ctx.rng);
  const best = new BestConfiguration(n);
  // Progress after every complete pass, but not after the proposal at which the run stops solved or at the deadline.
  runSearch(scoped, best, { steps: params.passes * n, progressEvery: n, progressFirst: n - 1, progressAtStop: false }, ctx);
  return {
    assignment: best.configuration,
    work: scoped.work,
    energy: best.energy,
    info: {
      bpSweeps: edmc.bpSweeps,
      accepted: scoped.accepted,
      finalGamma: edmc.gamma,
      freeEntropy: edmc.freeEntropy,
      overlap: edmc.overlap(),
      unconvergedMoves: edmc.unconverged,
    },
  };
}
