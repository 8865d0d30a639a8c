import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Impartiality (habilitet, forvaltningsloven § 6 and kommuneloven § 11-11) on record: a member's declaration for a
 * case on a meeting's agenda with the body's decision on it and the substitute called in; who voted on an item (the
 * disqualified never); and an officer disqualified from preparing a case.
 */
export class Impartiality1763800001010 implements MigrationInterface {
  name = 'Impartiality1763800001010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE impartiality_declaration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES case_file(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        declared_by text NOT NULL CHECK (declared_by IN ('self','officer')),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        reason text NOT NULL,
        legal_basis text NOT NULL CHECK (legal_basis IN ('fvl_6_1_a','fvl_6_1_b','fvl_6_1_c','fvl_6_1_d','fvl_6_1_e','fvl_6_2','koml_11_11')),
        decision text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending','disqualified','not_disqualified')),
        decision_text text,
        decided_at timestamptz,
        decided_by uuid REFERENCES app_user(id),
        substitute_user_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agenda_item_id, user_id),
        CHECK (substitute_user_id IS NULL OR decision = 'disqualified'),
        CHECK ((decision = 'pending') = (decided_at IS NULL))
      );
      CREATE INDEX impartiality_declaration_case_idx ON impartiality_declaration (case_id);
      CREATE INDEX impartiality_declaration_meeting_idx ON impartiality_declaration (meeting_id);
      ALTER TABLE agenda_item ADD COLUMN voter_ids uuid[] NOT NULL DEFAULT '{}';
      CREATE TABLE case_officer_disqualification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        reason text NOT NULL,
        legal_basis text NOT NULL CHECK (legal_basis IN ('fvl_6_1_a','fvl_6_1_b','fvl_6_1_c','fvl_6_1_d','fvl_6_1_e','fvl_6_2','koml_11_11')),
        decided_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, user_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE case_officer_disqualification; ALTER TABLE agenda_item DROP COLUMN voter_ids; DROP TABLE impartiality_declaration;`,
    );
  }
}
