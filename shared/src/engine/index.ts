export * from './allocation/index.js';
export * from './analysis/index.js';
