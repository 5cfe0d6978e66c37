import type { Rng } from '@densebench/core';

/**
 * A model trained by gradient steps on a fixed training set. The optimizer owns the parameters (a Float64Array of
 * `parameterCount` entries) and the gradient buffer; the model only reads parameters and adds gradients.
 *
 * Binary-weight models keep continuous hidden parameters H and evaluate with W = sign(H) (H > 0 → +1, else −1, as in
 * the authors' binary committee-machine code); their gradient is the loss's gradient with respect to W evaluated at
 * W = sign(H) and applied to H (the straight-through rule).
 */
export interface TrainableModel {
  readonly parameterCount: number;
  /** Training examples (patterns) the batches index into. */
  readonly exampleCount: number;
  /** Draws initial parameters. */
  initialize(params: Float64Array, rng: Rng): void;
  /**
   * Adds to `grad` the gradient of the loss SUMMED over the examples batch[0..size) at `params` (grad is not
   * zeroed). Returns how many of those examples the model misclassifies at `params`.
   */
  accumulateGradient(params: Float64Array, batch: Int32Array, size: number, grad: Float64Array): number;
  /** The loss summed over the examples batch[0..size) (what accumulateGradient differentiates). */
  loss(params: Float64Array, batch: Int32Array, size: number): number;
  /** Misclassified training examples at `params`, over the whole training set. */
  trainingErrors(params: Float64Array): number;
}
