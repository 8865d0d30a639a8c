/**
 * Typed rows of the tables the attachments module owns and keeps on raw SQL (see `platform/database/table-owners.ts`):
 * the one home of their row types. Only the attachments module writes these tables; others read them through its service
 * (read models may read them in SQL).
 */
export const ROW_TABLES = ['attachment'] as const;

/** A row of `attachment` as raw SQL returns it (snake_case columns). */
export interface AttachmentRow {
  id: string;
  municipality_id: string;
  case_id: string | null;
  submission_id: string | null;
  round_id: string | null;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Date;
  /** A generated document's file (owned by no case, round or submission; served by the documents module). */
  generated: boolean;
  /** Public in innsyn (offentleglova § 3) unless the officer marks it exempt with its legal basis. */
  public: boolean;
  legal_basis: string | null;
}
