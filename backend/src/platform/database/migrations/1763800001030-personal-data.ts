import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data (#21): `app_user.anonymised_at`, when an administrator anonymised a person who has left (name
 * replaced by a label after their role, e-mail address replaced by a placeholder no one can receive at, no
 * password, disabled). Their input and the decisions stay.
 */
export class PersonalData1763800001030 implements MigrationInterface {
  name = 'PersonalData1763800001030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN anonymised_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN anonymised_at`);
  }
}
