// @densebench/harness. Three sides (README, "Layout"): host/ is the main side — plans, the worker pool and its thread,
// verification, the result store; worker/ is what runs inside a worker process, the only place plugin code runs; what
// both use is protocol/ (the channel and the messages that cross it) and plugin/ (finding and loading a plugin, and
// external programs as plugins). host/ and worker/ never import each other.

// Main side
export * from './host/plan.js';
export * from './host/manifest.js';
export * from './host/sweep.js';
export * from './host/runner.js';
export * from './host/pool.js';
export * from './host/outcome.js';
export * from './host/verify.js';
export * from './host/store.js';
export * from './host/merge.js';
export * from './host/machine.js';
export * from './host/kernels.js';
export * from './host/paired-kernels.js';
export * from './host/finite.js';
export * from './host/secret-check.js';

// Shared by both sides
export * from './protocol/task.js';
export * from './plugin/load.js';
export * from './plugin/external-manifest.js';
export { ProgramCrashError } from './plugin/external-process.js';
export * from './plugin/external-plugin.js';
export * from './plugin/process-tree.js';
