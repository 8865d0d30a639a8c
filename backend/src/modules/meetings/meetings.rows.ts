/**
 * Typed rows of the tables the meetings module owns and keeps on raw SQL (see `platform/database/table-owners.ts`):
 * the one home of their row types. Only the meetings module writes these tables; others read them through its service
 * (read models may read them in SQL).
 */
export const ROW_TABLES = [
  'meeting',
  'agenda_item',
  'agenda_item_absence',
  'attendance',
  'protocol_statement',
  'meeting_registration',
] as const;

/** A row of `meeting` as raw SQL returns it (snake_case columns). */
export interface MeetingRow {
  id: string;
  municipality_id: string;
  body_id: string;
  kind: 'ordinary' | 'school_conference' | 'consultation';
  title: string;
  starts_at: Date;
  ends_at: Date | null;
  place: string | null;
  video_link: string | null;
  open: boolean;
  closed_basis: string | null;
  administration_position: string | null;
  agenda_published_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A row of `agenda_item` as raw SQL returns it (snake_case columns). */
export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  case_id: string;
  position: number;
  committee_number: string | null;
  minutes: string | null;
  decision_id: string | null;
  dissent: unknown;
}

/** A row of `agenda_item_absence` as raw SQL returns it: a member who met but was not there for one case. */
export interface AgendaItemAbsenceRow {
  agenda_item_id: string;
  user_id: string;
  reason: 'disqualified' | 'left';
  note: string | null;
}

/** A row of `attendance` as raw SQL returns it (snake_case columns). */
export interface AttendanceRow {
  meeting_id: string;
  user_id: string;
  status: 'present' | 'absent' | 'substitute';
  substitute_name: string | null;
}

/** A row of `protocol_statement` as raw SQL returns it (snake_case columns). */
export interface ProtocolStatementRow {
  id: string;
  meeting_id: string;
  author_id: string;
  union: string;
  text: string;
  created_at: Date;
  agenda_item_id: string | null;
}

/** A row of `meeting_registration` as raw SQL returns it (snake_case columns). */
export interface MeetingRegistrationRow {
  meeting_id: string;
  user_id: string;
  municipality_id: string;
  representing: string | null;
  created_at: Date;
}
