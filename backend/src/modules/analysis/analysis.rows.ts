/**
 * Typed rows of the tables the analysis module owns and keeps on raw SQL (see `platform/database/table-owners.ts`).
 * Only the analysis module writes them; others read them through its service.
 */
import type { AnalysisKind } from '@samrad/shared/contracts';

export const ROW_TABLES = ['analysis_tool', 'analysis_tool_version', 'analysis_comment', 'analysis_adoption'] as const;

/** A row of `analysis_tool` as raw SQL returns it (snake_case columns). */
export interface AnalysisToolRow {
  id: string;
  municipality_id: string;
  case_id: string;
  mandate_item_id: string | null;
  kind: AnalysisKind;
  title: string;
  input: Record<string, unknown>;
  result: Record<string, unknown>;
  engine_version: string;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A row of `analysis_tool_version`: every saved version of a tool's input and result. */
export interface AnalysisToolVersionRow {
  id: string;
  tool_id: string;
  version: number;
  title: string;
  input: Record<string, unknown>;
  result: Record<string, unknown>;
  engine_version: string;
  created_by: string | null;
  created_at: Date;
}

/** A row of `analysis_comment`: a comment on a tool or one of its measures. */
export interface AnalysisCommentRow {
  id: string;
  municipality_id: string;
  tool_id: string;
  measure_id: string | null;
  author_id: string;
  text: string;
  created_at: Date;
}

/** A row of `analysis_adoption`: the vedtak that adopted a measure of a savings plan, or a structure scenario (measure_id null). */
export interface AnalysisAdoptionRow {
  id: string;
  municipality_id: string;
  tool_id: string;
  measure_id: string | null;
  decision_id: string;
  adopted_by: string | null;
  adopted_at: Date;
}
