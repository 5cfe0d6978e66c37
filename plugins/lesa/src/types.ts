export interface LesaParams {
  gamma0: number;
  gammaFactor: number;
  gammaMax: number;
  temperature: number;
  passes: number;
  sweepsPerMove: number;
  sweepsPerGamma: number;
  epsilon: number;
  damping: number;
}
