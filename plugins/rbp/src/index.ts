// Reinforced belief propagation (Braunstein & Zecchina, PRL 96, 030201, 2006), as implemented by the same group
// (ArtLabBocconi/BeliefPropagation.jl, perceptron): after each sweep over the patterns every weight gets an extra
// field equal to r_t times its current total field, and r_{t+1} = 1 − (1 − r_t)(1 − rstep) after a waiting period.
// With constant r the fixed point has total field (Σ messages)/(1 − r), the y = 1/(1 − r) of fBP's standard protocol.
import { BestConfiguration, definePlugin, energy, runSearch, type Instance, type Rng, type Search } from '@densebench/core';
import { focusingGraph, type FocusingGraph } from '@densebench/bp';

export interface RbpParams {
  r0?: number;
  rstep?: number;
  wait: number;
  maxSweeps?: number;
  damping: number;
  randfact: number;
}

/**
 * Schedules when not given: the group's perceptron example (r0 0.5, rstep 0.01, 500 sweeps; BeliefPropagation.jl
 * README), also used for committee machines, and SAT.jl's defaults for K-SAT (r0 0, rstep 0.001, 5000 sweeps).
 */
export const SCHEDULE_BY_KIND = {
  perceptron: { r0: 0.5, rstep: 0.01, maxSweeps: 500 },
  committee: { r0: 0.5, rstep: 0.01, maxSweeps: 500 },
  ksat: { r0: 0, rstep: 0.001, maxSweeps: 5000 },
} as const;

/** Reinforced BP as steps: step t is one sweep over the factors, then the reinforcement fields, then sign(m). */
class ReinforcedSearch implements Search {
  /** Sweeps. */
  work = 0;
  /** Violated constraints of the current signs; +∞ before the first sweep. */
  energy = Number.POSITIVE_INFINITY;
  /** Reinforcement r_t. */
  r: number;
  readonly weights: Int8Array;
  private readonly previousTotal: Float64Array;

  constructor(
    private readonly instance: Instance,
    private readonly bp: FocusingGraph,
    r0: number,
    private readonly rstep: number,
    private readonly params: RbpParams,
    private readonly rng: Rng,
  ) {
    this.r = r0;
    this.weights = new Int8Array(bp.n);
    this.previousTotal = new Float64Array(bp.n);
  }

  step(): void {
    const { bp, previousTotal, r } = this;
    previousTotal.set(bp.total);
    bp.sweepFactors(this.rng, this.params.damping);
    // h_i ← Σ_μ u_μi + r·h_i(previous sweep), as BeliefPropagation.jl does.
    for (let i = 0; i < bp.n; i++) bp.setReinforcement(i, r * previousTotal[i]!);
    this.work++;
    // 1 − r shrinks geometrically, by the recursion of the header: a closed form from core's geometricSchedule would
    // differ in the last bits of r.
    if (this.work > this.params.wait) this.r = 1 - (1 - r) * (1 - this.rstep);
    this.energy = energy(this.instance, bp.signs(this.weights));
  }

  offer(best: BestConfiguration): void {
    // Nothing to offer before the first sweep (the initial signs are only the answer of a run stopped before it).
    if (this.energy !== Number.POSITIVE_INFINITY) best.offer(this.weights, this.energy);
  }
}

export default definePlugin<RbpParams>({
  name: 'rbp',
  version: '0.1.1',
  description: 'reinforced belief propagation (PRL 2006): BP whose extra field is r_t × the current total field, r_t → 1',
  problems: ['perceptron', 'teacher-student', 'committee', 'committee-teacher-student', 'ksat', 'planted-ksat'],
  workUnit: 'sweeps',
  params: {
    type: 'object',
    properties: {
      r0: { type: 'number', minimum: 0, exclusiveMaximum: 1, description: 'initial reinforcement r; default 0.5 (perceptron, committee), 0 (K-SAT)' },
      rstep: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'r ← 1 − (1 − r)(1 − rstep) after every sweep past the waiting period; default 0.01 (perceptron, committee), 0.001 (K-SAT)' },
      wait: { type: 'integer', minimum: 0, default: 10, description: 'sweeps before r starts to grow' },
      maxSweeps: { type: 'integer', minimum: 1, description: 'sweeps in all; default 500 (perceptron, committee), 5000 (K-SAT)' },
      damping: { type: 'number', minimum: 0, exclusiveMaximum: 1, default: 0, description: 'new field = (1 − damping)·computed + damping·old' },
      randfact: { type: 'number', minimum: 0, maximum: 1, default: 0.01, description: 'initial messages uniform in ±randfact (magnetization)' },
    },
  },
  solve(instance, params, ctx) {
    const schedule = SCHEDULE_BY_KIND[instance.kind];
    const rstep = params.rstep ?? schedule.rstep;
    const maxSweeps = params.maxSweeps ?? schedule.maxSweeps;
    const bp = focusingGraph(instance);
    bp.initMessages(ctx.rng, params.randfact);
    const search = new ReinforcedSearch(instance, bp, params.r0 ?? schedule.r0, rstep, params, ctx.rng);
    const best = new BestConfiguration(bp.n);
    // A run stopped before its first sweep answers with the signs of the initial messages. They are not offered: the
    // first sweep's signs replace them whatever their energy.
    best.configuration.set(bp.signs(search.weights));
    // The deadline is polled before every sweep, the first included.
    runSearch(search, best, { steps: maxSweeps, progressEvery: 1, pollBeforeFirstStep: true }, ctx);
    const sweeps = search.work;
    return { assignment: best.configuration, energy: sweeps === 0 ? energy(instance, best.configuration) : best.energy, work: sweeps, info: { finalR: search.r } };
  },
});
