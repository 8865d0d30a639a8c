import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case documents as files (#20): each generated PDF is a `generated_document` (its kind, what it is of,
 * version, language, SHA-256, size) whose bytes live in the attachment store as a `generated` attachment,
 * one that no case, round or submission owns (so it is never listed or removed as an uploaded vedlegg).
 */
export class Documents1763800000900 implements MigrationInterface {
  name = 'Documents1763800000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attachment ADD COLUMN generated boolean NOT NULL DEFAULT false;
      ALTER TABLE attachment DROP CONSTRAINT attachment_check;
      ALTER TABLE attachment ADD CONSTRAINT attachment_owner
        CHECK (num_nonnulls(case_id, submission_id, round_id) = CASE WHEN generated THEN 0 ELSE 1 END);

      CREATE TABLE generated_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        kind text NOT NULL CHECK (kind IN ('case_presentation', 'input_report', 'meeting_notice', 'meeting_minutes', 'receipt')),
        case_id uuid REFERENCES case_file(id) ON DELETE CASCADE,
        meeting_id uuid REFERENCES meeting(id) ON DELETE CASCADE,
        submission_id uuid REFERENCES submission(id) ON DELETE CASCADE,
        version int NOT NULL CHECK (version > 0),
        language text NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
        media_type text NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        attachment_id uuid NOT NULL UNIQUE REFERENCES attachment(id),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (CASE
          WHEN kind IN ('case_presentation', 'input_report') THEN case_id IS NOT NULL AND meeting_id IS NULL AND submission_id IS NULL
          WHEN kind IN ('meeting_notice', 'meeting_minutes') THEN meeting_id IS NOT NULL AND case_id IS NULL AND submission_id IS NULL
          ELSE submission_id IS NOT NULL AND meeting_id IS NULL END),
        UNIQUE NULLS NOT DISTINCT (kind, case_id, meeting_id, submission_id, version)
      );
      CREATE INDEX generated_document_case ON generated_document (case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX generated_document_meeting ON generated_document (meeting_id) WHERE meeting_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE generated_document;
      DELETE FROM attachment WHERE generated;
      ALTER TABLE attachment DROP CONSTRAINT attachment_owner;
      ALTER TABLE attachment ADD CONSTRAINT attachment_check CHECK (num_nonnulls(case_id, submission_id, round_id) = 1);
      ALTER TABLE attachment DROP COLUMN generated;
    `);
  }
}
