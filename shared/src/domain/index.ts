export * from './dates.js';
export * from './case-lifecycle.js';
export * from './case-title.js';
export * from './case-reference.js';
export * from './org-number.js';
