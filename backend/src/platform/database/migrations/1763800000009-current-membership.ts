import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Who sits in a body today" in one place: memberships valid on today's date in Oslo. Every query
 * that asks for current members (the session's bodies, reminders, invitations, digests) reads this view.
 */
export class CurrentMembership1763800000009 implements MigrationInterface {
  name = 'CurrentMembership1763800000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW current_membership AS
        SELECT * FROM membership
         WHERE valid_from <= (now() AT TIME ZONE 'Europe/Oslo')::date
           AND (valid_to IS NULL OR valid_to >= (now() AT TIME ZONE 'Europe/Oslo')::date);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW current_membership`);
  }
}
