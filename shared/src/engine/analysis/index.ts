export { AnalysisInputError, parseAnalysis } from './common.js';
export * from './savings.js';
export * from './sfo.js';
export * from './structure.js';
export * from './peers.js';
export { GRIMSTAD_2009 } from './grimstad-2009.js';
