import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each person's notification settings (e-mail per notice, daily digest), and the case a notification concerns. */
export class NotificationSettings1763800000007 implements MigrationInterface {
  name = 'NotificationSettings1763800000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN email_notifications boolean NOT NULL DEFAULT true,
        ADD COLUMN digest text NOT NULL DEFAULT 'off' CHECK (digest IN ('off', 'daily'));
      ALTER TABLE notification ADD COLUMN case_id uuid REFERENCES case_file(id) ON DELETE SET NULL;
      CREATE INDEX notification_digest_idx ON notification (user_id, created_at) WHERE read_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX notification_digest_idx;
      ALTER TABLE notification DROP COLUMN case_id;
      ALTER TABLE app_user DROP COLUMN digest, DROP COLUMN email_notifications;
    `);
  }
}
