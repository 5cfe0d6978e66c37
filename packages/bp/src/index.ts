// @densebench/bp: belief-propagation kernels for the message-passing plugins (fbp, rbp, lesa) and the local-entropy
// estimator. docs/plugins.md, "What a plugin can import", lists these. The special functions the messages use (erf,
// log erfc, log 2cosh …) are @densebench/core's.

// Factor graphs with a focusing (or reinforcement) field per variable
export { focusingGraph, type FocusingGraph } from './graph.js';
export { FocusingGraphBase } from './focusing.js';
export { PerceptronBP, type FactorAccuracy } from './perceptron.js';
export { CommitteeBP } from './committee.js';
export { KsatBP } from './ksat.js';
export { atanhClamped, clampField, FIELD_MAX } from './fields.js';

// The local entropy around a configuration: BP with an external field, and exact values on small instances
export { exactLocalEntropy, exactLocalEntropyKsat, localEntropyCurve, type LocalEntropyOptions, type LocalEntropyPoint } from './local-entropy.js';
