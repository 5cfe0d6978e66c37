export * from './rng.js';
export * from './instance.js';
export * from './energy.js';
export * from './stats.js';
export * from './plugin.js';
export * from './params.js';
export * from './record.js';
export * from './schema.js';
