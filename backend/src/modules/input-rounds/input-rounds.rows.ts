/**
 * Typed rows of the tables the input-rounds module owns and keeps on raw SQL (see `platform/database/table-owners.ts`):
 * the one home of their row types. Only the input-rounds module writes these tables; others read them through its service
 * (read models may read them in SQL).
 */
export const ROW_TABLES = [
  'input_round',
  'round_invitation',
  'round_person_invitation',
  'round_reminder',
  'submission',
  'submission_version',
  'disposition',
] as const;

/** A row of `input_round` as raw SQL returns it (snake_case columns). */
export interface InputRoundRow {
  id: string;
  municipality_id: string;
  case_id: string | null;
  mandate_item_id: string | null;
  title: string;
  questions: string;
  opens_at: Date;
  closes_at: Date;
  late_policy: 'refuse' | 'accept_late';
  publish_after_close: boolean;
  reminder_minutes: number[];
  closed_at: Date | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A row of `round_invitation` as raw SQL returns it (snake_case columns). */
export interface RoundInvitationRow {
  round_id: string;
  body_id: string;
  status: 'not_answered' | 'answered' | 'no_comment';
  extended_until: Date | null;
}

/** A row of `round_person_invitation` as raw SQL returns it (snake_case columns). */
export interface RoundPersonInvitationRow {
  round_id: string;
  user_id: string;
  status: 'not_answered' | 'answered' | 'no_comment';
}

/** A row of `round_reminder` as raw SQL returns it (snake_case columns). */
export interface RoundReminderRow {
  round_id: string;
  body_id: string | null;
  user_id: string | null;
  minutes: number;
  sent_at: Date;
}

/** A row of `submission` as raw SQL returns it (snake_case columns). */
export interface SubmissionRow {
  id: string;
  municipality_id: string;
  round_id: string | null;
  case_id: string | null;
  mandate_item_id: string | null;
  body_id: string | null;
  author_id: string;
  capacity: string;
  current_version: number;
  late: boolean;
  idempotency_key: string;
  submitted_at: Date;
  updated_at: Date;
  meeting_id: string | null;
}

/** A row of `submission_version` as raw SQL returns it (snake_case columns). */
export interface SubmissionVersionRow {
  submission_id: string;
  version: number;
  text: string;
  sha256: string;
  created_at: Date;
}

/** A row of `disposition` as raw SQL returns it (snake_case columns). */
export interface DispositionRow {
  submission_id: string;
  outcome: 'adopted' | 'partly_adopted' | 'not_adopted' | 'noted';
  reason: string;
  section_id: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  version: number;
}
