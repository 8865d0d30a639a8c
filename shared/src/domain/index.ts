export * from './dates.js';
export * from './case-lifecycle.js';
