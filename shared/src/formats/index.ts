export * from './units-table.js';
export * from './csv.js';
export * from './xlsx.js';
export * from './result-xlsx.js';
export * from './analysis-xlsx.js';
export * from './input-report.js';
export * from './peers-table.js';
