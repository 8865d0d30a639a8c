import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An allocation case's main scenario (hovedscenario): the one its page opens on and others are read
 * against. Chosen by a case officer; adoption makes the adopted scenario the main one. Empty until
 * chosen, when the adopted scenario (if any) is the main one.
 */
export class AllocationMainScenario1763800000910 implements MigrationInterface {
  name = 'AllocationMainScenario1763800000910';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE allocation_case ADD COLUMN main_scenario_id uuid REFERENCES scenario(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE allocation_case DROP COLUMN main_scenario_id`);
  }
}
