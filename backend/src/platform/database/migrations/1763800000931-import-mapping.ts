import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A large import of the municipality's own spreadsheet keeps its column mapping (which column fills which
 * field) until the worker has read the file; null for the template's headers and for JSON.
 */
export class ImportMapping1763800000931 implements MigrationInterface {
  name = 'ImportMapping1763800000931';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job ADD COLUMN mapping jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_job DROP COLUMN mapping`);
  }
}
