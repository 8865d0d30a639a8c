import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents and approved protocols in innsyn (#20):
 * - `attachment.public` / `attachment.legal_basis`: a case's uploaded vedlegg is public (offentleglova § 3: the
 *   main rule) unless the case officer marks it exempt, with its legal basis (hjemmel). Only the vedlegg of a
 *   public case are shown in innsyn, and only the public ones; an exempt case's are never.
 * - `meeting.minutes_approved_at` / `minutes_approved_by`: the protocol is approved (godkjent). From then on its
 *   minutes, attendance and statements are locked; reopening it (audited) clears both. Innsyn shows an open
 *   meeting's protocol only once approved.
 * - `generated_document.case_ids` / `full_case_ids`: the cases a meeting document names, and those it shows in full
 *   (as every reader then could read them). It is read only by a reader who may still read each one shown in full and
 *   know each one named: a case made exempt (or put back to draft) later withholds the old PDF until a new version is
 *   made. NULL for documents made before this: then every case on the meeting's agenda counts as shown in full.
 */
export class InnsynDocuments1763800000950 implements MigrationInterface {
  name = 'InnsynDocuments1763800000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attachment ADD COLUMN public boolean NOT NULL DEFAULT true, ADD COLUMN legal_basis text,
        ADD CONSTRAINT attachment_exempt_basis CHECK (public OR legal_basis IS NOT NULL);
      ALTER TABLE meeting ADD COLUMN minutes_approved_at timestamptz, ADD COLUMN minutes_approved_by uuid REFERENCES app_user(id),
        ADD CONSTRAINT meeting_minutes_approved_by CHECK ((minutes_approved_at IS NULL) = (minutes_approved_by IS NULL));
      ALTER TABLE generated_document ADD COLUMN case_ids uuid[], ADD COLUMN full_case_ids uuid[];
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE generated_document DROP COLUMN case_ids, DROP COLUMN full_case_ids;
      ALTER TABLE meeting DROP CONSTRAINT meeting_minutes_approved_by, DROP COLUMN minutes_approved_at, DROP COLUMN minutes_approved_by;
      ALTER TABLE attachment DROP CONSTRAINT attachment_exempt_basis, DROP COLUMN public, DROP COLUMN legal_basis;
    `);
  }
}
