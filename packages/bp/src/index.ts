export * from './special.js';
export * from './focusing.js';
export * from './perceptron.js';
export * from './ksat.js';
export * from './committee.js';
export * from './graph.js';
export * from './local-entropy.js';
