export * from './allocation/index.js';
