import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (vedlegg) to a case, an input round (its documents) or a submission. The content lives in PostgreSQL (bytea), so it is in
 * the same transactions and the same backup as the case it belongs to; the type is the sniffed one.
 */
export class Attachments1763800000006 implements MigrationInterface {
  name = 'Attachments1763800000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid REFERENCES case_file(id) ON DELETE CASCADE,
        submission_id uuid REFERENCES submission(id) ON DELETE CASCADE,
        round_id uuid REFERENCES input_round(id) ON DELETE CASCADE,
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
        media_type text NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(case_id, submission_id, round_id) = 1)
      );
      CREATE INDEX attachment_case ON attachment (case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX attachment_submission ON attachment (submission_id) WHERE submission_id IS NOT NULL;
      CREATE INDEX attachment_round ON attachment (round_id) WHERE round_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment`);
  }
}
