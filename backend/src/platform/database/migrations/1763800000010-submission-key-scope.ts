import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idempotency key names one submission of one person in one round (or, with no round, among their
 * continuous inputs): the same key in another round is another submission.
 */
export class SubmissionKeyScope1763800000010 implements MigrationInterface {
  name = 'SubmissionKeyScope1763800000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE submission DROP CONSTRAINT submission_author_id_idempotency_key_key;
      CREATE UNIQUE INDEX submission_idempotency_key ON submission (author_id, round_id, idempotency_key) NULLS NOT DISTINCT;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX submission_idempotency_key;
      ALTER TABLE submission ADD CONSTRAINT submission_author_id_idempotency_key_key UNIQUE (author_id, idempotency_key);
    `);
  }
}
