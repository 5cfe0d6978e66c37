// Focusing protocols of Baldassi et al., PNAS 113, E7655 (2016), as implemented in
// carlobaldassi/BinaryCommitteeMachineFBP.jl: sequences of (γ, y) at β = ∞.

export interface FocusingStep {
  /** tanh γ (1 for γ = ∞). */
  tanhGamma: number;
  /** y − 1, the number of other replicas (0 turns the focusing node off). */
  r: number;
  /** For the trace: γ and y themselves. */
  gamma: number;
  y: number;
}

export type ProtocolName = 'standard' | 'scoping' | 'pseudo' | 'free';

export interface ProtocolParams {
  protocol: ProtocolName;
  /** standard and pseudo: grid step of x (resp. ρ) over [0, 1 − step]. */
  step: number;
  /** scoping: γ from gammaStart to gammaEnd by gammaStep at fixed y. */
  gammaStart: number;
  gammaEnd: number;
  gammaStep: number;
  y: number;
  /** free: "γ,y;γ,y;…" (γ may be "inf"). */
  steps: string;
}

const step = (gamma: number, y: number): FocusingStep => ({ gamma, y, tanhGamma: gamma === Number.POSITIVE_INFINITY ? 1 : Math.tanh(gamma), r: y - 1 });

/** k·dr for k = 0, 1, … while ≤ end, without accumulating floating-point drift. */
function grid(start: number, end: number, dr: number): number[] {
  const count = Math.floor((end - start) / dr + 1e-9) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, k) => Number((start + k * dr).toPrecision(12)));
}

/** The (γ, y) sequence of a protocol. */
export function focusingProtocol(params: ProtocolParams): FocusingStep[] {
  switch (params.protocol) {
    case 'standard':
      // StandardReinforcement(dr): x = 0, dr, …, 1 − dr; γ = ∞, y = 1/(1 − x).
      return grid(0, 1 - params.step, params.step).map((x) => step(Number.POSITIVE_INFINITY, 1 / (1 - x)));
    case 'pseudo':
      // PseudoReinforcement(dr) with x = 1/2: ρ = 0, dr, …, 1 − dr; γ = atanh √ρ, y = (2 − ρ)/(1 − ρ).
      return grid(0, 1 - params.step, params.step).map((rho) => step(Math.atanh(Math.sqrt(rho)), (2 - rho) / (1 - rho)));
    case 'scoping':
      return grid(params.gammaStart, params.gammaEnd, params.gammaStep).map((gamma) => step(gamma, params.y));
    case 'free':
      return parseFreeSteps(params.steps);
  }
}

function parseFreeSteps(text: string): FocusingStep[] {
  const steps = text
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair, index) => {
      const [g, y] = pair.split(',').map((x) => x.trim());
      const gamma = g === 'inf' ? Number.POSITIVE_INFINITY : Number(g);
      const yValue = Number(y);
      if (!(gamma >= 0) || !(yValue >= 1)) throw new Error(`param "steps": pair ${index + 1} "${pair}" must be "γ,y" with γ ≥ 0 (or inf) and y ≥ 1`);
      return step(gamma, yValue);
    });
  if (steps.length === 0) throw new Error('param "steps": the free protocol needs at least one "γ,y" pair');
  return steps;
}
