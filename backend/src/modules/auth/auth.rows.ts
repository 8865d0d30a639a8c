/**
 * Typed rows of the tables the auth module owns and keeps on raw SQL (see `platform/database/table-owners.ts`):
 * the one home of their row types. Only the auth module writes these tables; others read them through its service
 * (read models may read them in SQL).
 */
export const ROW_TABLES = ['login_attempt'] as const;

/** A row of `login_attempt` as raw SQL returns it (snake_case columns). */
export interface LoginAttemptRow {
  id: string;
  email: string;
  ip: string;
  success: boolean;
  at: Date;
}
