export * from './model.js';
export * from './binary.js';
export * from './mlp.js';
export * from './task.js';
export * from './settings.js';
export * from './loop.js';
export * from './kernels.js';
export * from './plugin.js';
