/**
 * Typed rows of the tables the cases module owns and keeps on raw SQL (see `platform/database/table-owners.ts`):
 * the one home of their row types. Only the cases module writes these tables; others read them through its service
 * (read models may read them in SQL).
 */
export const ROW_TABLES = [
  'case_phase',
  'case_section',
  'case_section_version',
  'case_route_step',
  'recommendation',
  'decision',
  'comment',
] as const;

/** A row of `case_phase` as raw SQL returns it (snake_case columns). */
export interface CasePhaseRow {
  id: string;
  municipality_id: string;
  case_id: string;
  phase: 'draft' | 'in_preparation' | 'input_round' | 'working_group' | 'recommended' | 'before_body' | 'decided' | 'follow_up' | 'closed';
  body_id: string | null;
  entered_at: Date;
  actor_id: string | null;
  reason: string | null;
}

/** A row of `case_section` as raw SQL returns it (snake_case columns). */
export interface CaseSectionRow {
  id: string;
  case_id: string;
  kind: 'background' | 'facts' | 'assessment' | 'proposal';
  position: number;
  current_version: number;
}

/** A row of `case_section_version` as raw SQL returns it (snake_case columns). */
export interface CaseSectionVersionRow {
  section_id: string;
  version: number;
  text: string;
  author_id: string | null;
  created_at: Date;
}

/** A row of `case_route_step` as raw SQL returns it (snake_case columns). */
export interface CaseRouteStepRow {
  id: string;
  case_id: string;
  body_id: string;
  position: number;
  meeting_date: string | null;
  committee_number: string | null;
}

/** A row of `recommendation` as raw SQL returns it (snake_case columns). */
export interface RecommendationRow {
  id: string;
  municipality_id: string;
  case_id: string;
  body_id: string;
  text: string;
  recorded_by: string | null;
  recorded_at: Date;
}

/** A row of `decision` as raw SQL returns it (snake_case columns). */
export interface DecisionRow {
  id: string;
  municipality_id: string;
  case_id: string;
  body_id: string;
  committee_number: string | null;
  decided_on: string;
  text: string;
  motions: unknown;
  recorded_by: string | null;
  created_at: Date;
  meeting_id: string | null;
  open_input_reason: string | null;
}

/** A row of `comment` as raw SQL returns it (snake_case columns). */
export interface CommentRow {
  id: string;
  municipality_id: string;
  case_id: string;
  section_id: string | null;
  submission_id: string | null;
  parent_id: string | null;
  author_id: string;
  text: string;
  created_at: Date;
  scenario_id: string | null;
  unit_id: string | null;
}
