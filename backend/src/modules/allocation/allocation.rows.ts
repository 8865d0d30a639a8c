/**
 * Typed rows of the tables the allocation module owns and keeps on raw SQL (see `platform/database/table-owners.ts`):
 * the one home of their row types. Only the allocation module writes these tables; others read them through its service
 * (read models may read them in SQL).
 */

import type { ScenarioParts } from './allocation-input.js';
export const ROW_TABLES = [
  'allocation_case',
  'allocation_dataset',
  'model_version',
  'scenario',
  'scenario_result',
  'sweep',
  'import_job',
] as const;

/** A row of `allocation_case` as raw SQL returns it (snake_case columns). */
export interface AllocationCaseRow {
  id: string;
  municipality_id: string;
  case_id: string;
  budget_year: number;
  title: string;
  adopted_scenario_id: string | null;
  created_at: Date;
  /** The scenario the page opens on, chosen by an officer (the adopted one when empty). */
  main_scenario_id: string | null;
}

/** A row of `allocation_dataset` as raw SQL returns it (snake_case columns). */
export interface AllocationDatasetRow {
  id: string;
  allocation_case_id: string;
  name: string;
  source: 'csv' | 'xlsx' | 'json';
  units: unknown;
  created_by: string | null;
  created_at: Date;
}

/** A row of `model_version` as raw SQL returns it (snake_case columns). */
export interface ModelVersionRow {
  id: string;
  allocation_case_id: string;
  number: number;
  label: string;
  model: unknown;
  adopted_by_decision_id: string | null;
  created_by: string | null;
  created_at: Date;
}

/** A row of `scenario` as raw SQL returns it (snake_case columns). */
export interface ScenarioRow {
  id: string;
  allocation_case_id: string;
  name: string;
  model_version_id: string;
  dataset_id: string;
  frame: string | null;
  frame_change: string | null;
  overrides: ScenarioParts['overrides'];
  adjustments: ScenarioParts['adjustments'];
  revises_scenario_id: string | null;
  adopted_at: Date | null;
  adopted_by_decision_id: string | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A row of `scenario_result` as raw SQL returns it (snake_case columns). */
export interface ScenarioResultRow {
  id: string;
  scenario_id: string;
  scenario_version: number;
  engine_version: string;
  input_hash: string;
  input: unknown;
  result: unknown;
  computed_at: Date;
}

/** A row of `sweep` as raw SQL returns it (snake_case columns). */
export interface SweepRow {
  id: string;
  municipality_id: string;
  scenario_id: string;
  parameter: unknown;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  result: unknown | null;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** A row of `import_job` as raw SQL returns it (snake_case columns). */
export interface ImportJobRow {
  id: string;
  municipality_id: string;
  allocation_case_id: string;
  name: string;
  format: string;
  content: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  errors: unknown | null;
  dataset_id: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
  /** The column mapping of the municipality's own headers (null: the template's headers, or JSON). */
  mapping: Record<string, number> | null;
}
