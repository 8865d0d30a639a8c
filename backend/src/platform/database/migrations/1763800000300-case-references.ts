import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * References from a case to earlier cases and decisions («sak 7/21», «sak 2026/12»), as the officer
 * wrote them, in order. They are resolved when the case is read (a link where the case or decision is
 * in Samråd and the reader may read it, the text otherwise), so nothing here points at another row.
 */
export class CaseReferences1763800000300 implements MigrationInterface {
  name = 'CaseReferences1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file ADD COLUMN reference_texts text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file DROP COLUMN reference_texts`);
  }
}
