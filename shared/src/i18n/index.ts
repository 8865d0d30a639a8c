export * from './languages.js';
export * from './messages.js';
