export * from './spec.js';
export * from './generate.js';
export * from './dimacs.js';
export * from './perceptron-format.js';
export * from './files.js';
export * from './mnist.js';
