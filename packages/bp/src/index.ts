export * from './special.js';
export * from './perceptron.js';
export * from './local-entropy.js';
