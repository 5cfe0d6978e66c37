export * from './plan.js';
export * from './plugins.js';
export * from './task.js';
export * from './verify.js';
export * from './machine.js';
export * from './store.js';
export * from './runner.js';
