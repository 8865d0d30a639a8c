import type { Stage } from './input-schema.js';

export interface CriterionCell {
  /** NOK, rounded to øre. */
  amount: number;
  /** NOK per pupil, rounded to øre; null for a unit without pupils. */
  perPupil: number | null;
}

export interface UnitAdjustment {
  amount: number;
  reason: string;
}

export interface BudgetDifference {
  budget: number;
  /** model total − budget, NOK. */
  nok: number;
  /** Difference in per cent of the budget, two decimals; null when the budget is 0. */
  pct: number | null;
}

export interface UnitResult {
  id: string;
  name: string;
  school?: string;
  orgNumber?: string;
  stage: Stage;
  /** The budget year's pupil count (weighted over the two school years where given). */
  pupils: number;
  criteria: Record<string, CriterionCell>;
  /** Sum of the criteria (after scaling), NOK to øre. */
  criteriaTotal: number;
  adjustments: UnitAdjustment[];
  adjustmentsTotal: number;
  /** The unit's frame in whole kroner; in distribution mode the totals add up to the frame exactly. */
  total: number;
  totalPerPupil: number | null;
  againstBudget: BudgetDifference | null;
  againstLastYear: BudgetDifference | null;
}

export interface CriterionRate {
  /** The rate as given (NOK per driver unit). */
  base: number;
  /** The rate after the distribution factor. */
  scaled: number;
}

export interface CriterionSummary {
  id: string;
  label: string;
  /** `driver` for a criterion, `pot` for a pot split by keys. */
  kind: 'criterion' | 'pot';
  driver: string;
  amount: number;
  /** Share of the distributed total, in per cent, two decimals. */
  sharePct: number;
  /** Rates per stage; for a pot, per key (fte, unit, pupils). */
  rates: Partial<Record<string, CriterionRate>>;
  /** Average per pupil over all units. */
  perPupil: number | null;
}

/** A purpose of the control calculation (minstetimetall, spesialundervisning, …). */
export interface ControlPurpose {
  id: string;
  label: string;
}

/** One unit in the control calculation; hours are annual hours, to two decimals. */
export interface ControlRow {
  unit: string;
  hourCost: number;
  frameHours: number;
  frameHoursPerPupil: number | null;
  requiredHours: Record<string, number>;
  requiredTotal: number;
  freeHours: number;
  freeHoursPerPupil: number | null;
  belowZero: boolean;
}

export interface TeacherNormRow {
  unit: string;
  grades: '1-4' | '5-10';
  pupilsPerTeacher: number | null;
  limit: number;
  breach: boolean;
}

export interface AllocationResult {
  format: 'samrad.allocation-result/v1';
  engineVersion: string;
  mode: 'allocation' | 'distribution';
  /** The one factor applied to every rate (1 in allocation mode). */
  scale: number;
  /** The scale as an exact decimal string (40 significant digits). */
  scaleExact: string;
  /** The criteria's sum before scaling (NOK). */
  unscaledTotal: number;
  /** The frame distributed, in whole kroner. */
  frame: number;
  /** Sum of the unit totals (whole kroner); equals `frame`. */
  total: number;
  adjustmentsTotal: number;
  pupils: number;
  criteria: CriterionSummary[];
  units: UnitResult[];
  /** Average per pupil for each criterion over all units. */
  average: Record<string, number | null>;
  control: {
    /** The purposes in the order they are shown (results stored before control rules have none). */
    purposes?: ControlPurpose[];
    rows: ControlRow[];
    teacherNorm: TeacherNormRow[];
    flagged: string[];
  } | null;
  warnings: string[];
}
