export * from './input-schema.js';
export * from './validate.js';
export * from './allocate.js';
export * from './result.js';
export * from './figure.js';
export { largestRemainder } from './rounding.js';
export * from './explain.js';
export { ruleHoursPerDriver, controlPurposes } from './control.js';
export * from './tables.js';
