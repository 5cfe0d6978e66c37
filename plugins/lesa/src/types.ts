// A type alias (not an interface) so that SolverPlugin<LesaParams> is assignable to SolverPlugin.
export type LesaParams = {
  gamma0: number;
  gammaFactor: number;
  gammaMax: number;
  temperature: number;
  passes: number;
  sweepsPerMove: number;
  sweepsPerGamma: number;
  epsilon: number;
  damping: number;
};
