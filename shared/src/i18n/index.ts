export * from './languages.js';
export * from './messages.js';
export * from './notices.js';
