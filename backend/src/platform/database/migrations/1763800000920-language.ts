import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nynorsk and English (#20): a municipality's official written form (målform), the default language of its
 * people, documents and innsyn; and each person's own choice of language (null follows the målform).
 */
export class Language1763800000920 implements MigrationInterface {
  name = 'Language1763800000920';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE municipality ADD COLUMN language_form text NOT NULL DEFAULT 'nb' CHECK (language_form IN ('nb', 'nn'));
      ALTER TABLE app_user ADD COLUMN language text CHECK (language IN ('nb', 'nn', 'en'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user DROP COLUMN language;
      ALTER TABLE municipality DROP COLUMN language_form;
    `);
  }
}
