/**
 * Typed rows of the tables the platform owns and keeps on raw SQL (see `platform/database/table-owners.ts`):
 * the one home of their row types. Only the platform writes these tables; others read them through its service
 * (read models may read them in SQL).
 */
export const ROW_TABLES = ['job_done', 'number_counter'] as const;

/** A row of `job_done` as raw SQL returns it (snake_case columns). */
export interface JobDoneRow {
  key: string;
  done_at: Date;
}

/** A row of `number_counter` as raw SQL returns it (snake_case columns). */
export interface NumberCounterRow {
  scope: string;
  owner_id: string;
  year: number;
  last: number;
}
