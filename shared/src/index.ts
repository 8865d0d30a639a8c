export * from './engine/index.js';
export * from './contracts/index.js';
export * from './domain/index.js';
export * from './i18n/index.js';
