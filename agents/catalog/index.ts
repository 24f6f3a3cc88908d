export * from './lenses.js';
export * from './pals.js';
export * from './suffixscape-patterns.js';
