import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The analysis workbench tied to the mandate and its decisions (#19):
 * - `analysis_adoption`: the vedtak (of the tool's case) that adopted a savings plan's measure (`measure_id`) or a
 *   school-structure scenario (`measure_id` NULL); once per measure or scenario, never changed afterwards.
 * - the membership capacity `unit_leader` (a rektor or styrer; `school` names the unit they lead): the unit leaders
 *   of a measure's school write its consequence assessment.
 */
export class AnalysisAdoption1763800000820 implements MigrationInterface {
  name = 'AnalysisAdoption1763800000820';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE analysis_adoption (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        tool_id uuid NOT NULL REFERENCES analysis_tool(id) ON DELETE CASCADE,
        measure_id text CHECK (length(measure_id) BETWEEN 1 AND 100),
        decision_id uuid NOT NULL REFERENCES decision(id),
        adopted_by uuid REFERENCES app_user(id),
        adopted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX analysis_adoption_measure ON analysis_adoption (tool_id, measure_id) WHERE measure_id IS NOT NULL;
      CREATE UNIQUE INDEX analysis_adoption_tool ON analysis_adoption (tool_id) WHERE measure_id IS NULL;
      CREATE FUNCTION analysis_adoption_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'Et vedtak om et tiltak eller et scenario kan ikke endres' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER analysis_adoption_no_change BEFORE UPDATE ON analysis_adoption
        FOR EACH ROW EXECUTE FUNCTION analysis_adoption_immutable();
      ALTER TABLE membership DROP CONSTRAINT membership_capacity_check;
      ALTER TABLE membership ADD CONSTRAINT membership_capacity_check
        CHECK (capacity IN ('politician','union_representative','parent_representative','youth_representative','unit_leader','administration','other'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE analysis_adoption; DROP FUNCTION analysis_adoption_immutable();
      ALTER TABLE membership DROP CONSTRAINT membership_capacity_check;
      ALTER TABLE membership ADD CONSTRAINT membership_capacity_check
        CHECK (capacity IN ('politician','union_representative','parent_representative','youth_representative','administration','other'));
    `);
  }
}
