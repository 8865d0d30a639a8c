import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices in each reader's language (#20): a notice keeps the parameters it is said with, so the app, the e-mail
 * and the digest say it in the reader's language. Null for the notices from before (their stored text is bokmål).
 */
export class NoticeLanguage1763800000960 implements MigrationInterface {
  name = 'NoticeLanguage1763800000960';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN params jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP COLUMN params`);
  }
}
