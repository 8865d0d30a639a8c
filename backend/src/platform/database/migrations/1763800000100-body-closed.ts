import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A body is closed (lagt ned), never erased: its meetings, rounds, decisions and past memberships stay
 * readable. `closed_on` is the date it was closed; an open body has none.
 */
export class BodyClosed1763800000100 implements MigrationInterface {
  name = 'BodyClosed1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE body ADD COLUMN closed_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE body DROP COLUMN closed_on`);
  }
}
