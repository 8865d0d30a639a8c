import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Innsyn without an account (#20):
 * - `municipality.slug` names the municipality in the public addresses (`/innsyn/<slug>`, `/api/public/<slug>/…`);
 *   written by a trigger from the name when a municipality is created without one (æ → ae, ø → o, å → aa, the
 *   organisation number appended when the name's slug is taken), and `contact_email`, the address the public
 *   reports an accessibility problem to (the tilgjengelighetserklæring).
 * - `submission.publish_consent`: the submitter agreed that the input may be published in innsyn (where the round
 *   publishes its input). Without it an input is never shown to the public.
 * - `calendar_token`: a person's revocable calendar feed token, stored as its SHA-256 only.
 */
export class Innsyn1763800000940 implements MigrationInterface {
  name = 'Innsyn1763800000940';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION municipality_slug(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT trim(both '-' FROM regexp_replace(
          replace(replace(replace(lower(name), 'æ', 'ae'), 'ø', 'o'), 'å', 'aa'), '[^a-z0-9]+', '-', 'g'))
      $$;
      ALTER TABLE municipality ADD COLUMN slug text, ADD COLUMN contact_email text;
      UPDATE municipality SET slug = municipality_slug(name) || CASE
        WHEN EXISTS (SELECT 1 FROM municipality o WHERE o.id < municipality.id AND municipality_slug(o.name) = municipality_slug(municipality.name))
        THEN '-' || org_number ELSE '' END;
      ALTER TABLE municipality ALTER COLUMN slug SET NOT NULL,
        ADD CONSTRAINT municipality_slug_key UNIQUE (slug),
        ADD CONSTRAINT municipality_slug_form CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
      CREATE FUNCTION municipality_set_slug() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.slug IS NULL THEN
          NEW.slug := municipality_slug(NEW.name);
          IF NEW.slug = '' THEN NEW.slug := NEW.org_number; END IF;
          IF EXISTS (SELECT 1 FROM municipality WHERE slug = NEW.slug) THEN NEW.slug := NEW.slug || '-' || NEW.org_number; END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER municipality_slug BEFORE INSERT ON municipality FOR EACH ROW EXECUTE FUNCTION municipality_set_slug();

      ALTER TABLE submission ADD COLUMN publish_consent boolean NOT NULL DEFAULT false;

      CREATE TABLE calendar_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX calendar_token_user ON calendar_token (user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE calendar_token;
      ALTER TABLE submission DROP COLUMN publish_consent;
      DROP TRIGGER municipality_slug ON municipality;
      DROP FUNCTION municipality_set_slug();
      ALTER TABLE municipality DROP COLUMN slug, DROP COLUMN contact_email;
      DROP FUNCTION municipality_slug(text);
    `);
  }
}
