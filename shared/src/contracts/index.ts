export * from './common.js';
export * from './auth.js';
export * from './organisation.js';
export * from './cases.js';
export * from './allocation.js';
