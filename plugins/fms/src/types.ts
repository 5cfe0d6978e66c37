// Parameters of Focused Metropolis Search (Seitz, Alava & Orponen, J. Stat. Mech. P06006, 2005).

export interface FmsParams {
  /** Acceptance base: a move that raises E by ΔE > 0 is accepted with probability η^ΔE. Default by K (search.ts). */
  eta?: number;
  /** Budget of attempted flips; default 1000·N². */
  maxFlips?: number;
}
