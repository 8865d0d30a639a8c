import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Large dataset imports run as jobs with progress; the file waits here until the worker has read it. */
export class ImportJobs1763800000005 implements MigrationInterface {
  name = 'ImportJobs1763800000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        allocation_case_id uuid NOT NULL REFERENCES allocation_case(id) ON DELETE CASCADE,
        name text NOT NULL,
        format text NOT NULL,
        content text,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        progress int NOT NULL DEFAULT 0,
        errors jsonb,
        dataset_id uuid REFERENCES allocation_dataset(id),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_job`);
  }
}
