import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bodies, memberships, the mandate and its items. */
export class Organisation1763800000001 implements MigrationInterface {
  name = 'Organisation1763800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        kind text NOT NULL CHECK (kind IN ('political_committee','council','steering_group','working_group','reference_group','administration')),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        parent_id uuid REFERENCES body(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX body_municipality_idx ON body (municipality_id);
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        body_id uuid NOT NULL REFERENCES body(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        role text NOT NULL CHECK (role IN ('chair','deputy_chair','member','secretary','observer')),
        capacity text NOT NULL CHECK (capacity IN ('politician','union_representative','parent_representative','youth_representative','administration','other')),
        party text,
        side text CHECK (side IN ('posisjon','opposisjon')),
        "union" text,
        school text,
        valid_from date NOT NULL,
        valid_to date,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      );
      CREATE INDEX membership_body_idx ON membership (body_id);
      CREATE INDEX membership_user_idx ON membership (user_id);
      CREATE TABLE mandate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        adopted_by_body_id uuid REFERENCES body(id),
        adopted_case_number text,
        adopted_date date,
        end_date date NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mandate_municipality_idx ON mandate (municipality_id);
      CREATE TABLE mandate_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        mandate_id uuid NOT NULL REFERENCES mandate(id) ON DELETE CASCADE,
        number int NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        owner_id uuid REFERENCES app_user(id),
        due_date date,
        status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','in_review','done')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (mandate_id, number)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mandate_item; DROP TABLE mandate; DROP TABLE membership; DROP TABLE body;`);
  }
}
