export { AnalysisInputError, parseAnalysis } from './common.js';
export * from './savings.js';
export * from './sfo.js';
export * from './structure.js';
export * from './peers.js';
export { GRIMSTAD_2009 } from './grimstad-2009.js';

import { computePeerComparison, type PeerComparisonResult } from './peers.js';
import { computeSavingsPlan, type SavingsPlanResult } from './savings.js';
import { computeSfoScenario, type SfoScenarioResult } from './sfo.js';
import { computeStructureScenario, type StructureScenarioResult } from './structure.js';

/** Stored with every computed analysis result. */
export const ANALYSIS_ENGINE_VERSION = '1.0.0';

export interface AnalysisResults {
  savings: SavingsPlanResult;
  sfo: SfoScenarioResult;
  structure: StructureScenarioResult;
  peers: PeerComparisonResult;
}

const MEASURE_FIELDS = ['id', 'title', 'fullYearEffect', 'startMonth', 'monthsFirstYear'] as const;

/**
 * Computes a tool by its kind. A stored savings plan carries more per measure (owner, status, assessment,
 * links) than the calculation needs; only the calculation's fields are given to it.
 */
export function computeAnalysis<K extends keyof AnalysisResults>(kind: K, input: unknown): AnalysisResults[K] {
  switch (kind) {
    case 'savings': {
      const doc = (input ?? {}) as { measures?: unknown };
      const measures = Array.isArray(doc.measures)
        ? doc.measures.map((m: Record<string, unknown>) =>
            Object.fromEntries(MEASURE_FIELDS.filter((f) => m?.[f] !== undefined).map((f) => [f, m[f]])),
          )
        : doc.measures;
      const { baseBudget, targets } = doc as { baseBudget?: unknown; targets?: unknown };
      return computeSavingsPlan({ baseBudget, targets, measures }) as AnalysisResults[K];
    }
    case 'sfo':
      return computeSfoScenario(input) as AnalysisResults[K];
    case 'structure':
      return computeStructureScenario(input) as AnalysisResults[K];
    case 'peers':
      return computePeerComparison(input) as AnalysisResults[K];
    default:
      throw new Error(`Ukjent analyseverktøy: ${String(kind)}`);
  }
}
