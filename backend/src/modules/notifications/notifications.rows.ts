/**
 * Typed rows of the tables the notifications module owns and keeps on raw SQL (see `platform/database/table-owners.ts`):
 * the one home of their row types. Only the notifications module writes these tables; others read them through its service
 * (read models may read them in SQL).
 */
export const ROW_TABLES = ['notification'] as const;

/** A row of `notification` as raw SQL returns it (snake_case columns). */
export interface NotificationRow {
  id: string;
  municipality_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  dedup_key: string;
  read_at: Date | null;
  created_at: Date;
  case_id: string | null;
  /** The parameters the notice is said with in the reader's language (null: from before they were kept). */
  params: Record<string, unknown> | null;
}
