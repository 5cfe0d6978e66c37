export * from './aggregate.js';
export * from './html.js';
export * from './write.js';
export * from './theory.js';
export * from './markdown.js';
export * from './summary-json.js';
