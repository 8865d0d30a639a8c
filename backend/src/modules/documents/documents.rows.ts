/**
 * Typed rows of the tables the documents module owns and keeps on raw SQL (see `platform/database/table-owners.ts`).
 * Only the documents module writes `generated_document`; the bytes of each document are a generated attachment
 * (written through `AttachmentsService.storeGenerated`).
 */
export const ROW_TABLES = ['generated_document'] as const;

/** A row of `generated_document` as raw SQL returns it (snake_case columns). */
export interface GeneratedDocumentRow {
  id: string;
  municipality_id: string;
  kind: 'case_presentation' | 'input_report' | 'meeting_notice' | 'meeting_minutes' | 'receipt';
  case_id: string | null;
  meeting_id: string | null;
  submission_id: string | null;
  version: number;
  language: 'nb' | 'nn' | 'en';
  title: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  attachment_id: string;
  created_by: string | null;
  created_at: Date;
  /** A meeting document's cases: those it names, and those it shows in full (NULL: made before these were kept). */
  case_ids: string[] | null;
  full_case_ids: string[] | null;
}
