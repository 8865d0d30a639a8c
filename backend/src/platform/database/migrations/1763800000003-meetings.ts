import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings of bodies: agenda, attendance, minutes, and union statements in consultation meetings. */
export class Meetings1763800000003 implements MigrationInterface {
  name = 'Meetings1763800000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        body_id uuid NOT NULL REFERENCES body(id),
        kind text NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary','school_conference','consultation')),
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        place text,
        video_link text,
        open boolean NOT NULL DEFAULT true,
        closed_basis text,
        administration_position text,
        agenda_published_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (open OR closed_basis IS NOT NULL)
      );
      CREATE INDEX meeting_body_idx ON meeting (body_id, starts_at);
      CREATE TABLE agenda_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES case_file(id),
        position int NOT NULL,
        committee_number text,
        minutes text,
        decision_id uuid REFERENCES decision(id),
        UNIQUE (meeting_id, case_id)
      );
      CREATE TABLE attendance (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        status text NOT NULL CHECK (status IN ('present','absent','substitute')),
        substitute_name text,
        PRIMARY KEY (meeting_id, user_id)
      );
      CREATE TABLE protocol_statement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id),
        "union" text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE decision ADD COLUMN meeting_id uuid REFERENCES meeting(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE decision DROP COLUMN meeting_id; DROP TABLE protocol_statement; DROP TABLE attendance; DROP TABLE agenda_item; DROP TABLE meeting;`,
    );
  }
}
