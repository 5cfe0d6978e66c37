// @densebench/local-search: incremental energies (ΔE of a single flip) and the Metropolis sweep, for plugins that move
// ±1 configurations one flip at a time (sa, rmc, lesa, fms). docs/plugins.md, "What a plugin can import", lists these.

// Incremental energies
export { type IncrementalEnergy, randomConfiguration } from './incremental.js';
export { incrementalEnergy } from './energies.js';
export { IncrementalPerceptron, perceptronLayout, type PerceptronLayout } from './perceptron.js';
export { IncrementalCommittee, type CommitteeLayout } from './committee.js';
export { IncrementalKsat, ksatLayout, type KsatLayout } from './ksat.js';

// The Metropolis sweep: the TypeScript reference, and its kernels in the registry (backends ts, wasm)
export { metropolisSweep } from './metropolis.js';
export { bindMetropolisSweep, committeeSweepKernel, ksatSweepKernel, perceptronSweepKernel, SWEEP_BACKEND_CHOICES, type BoundSweep } from './sweep-kernels.js';
