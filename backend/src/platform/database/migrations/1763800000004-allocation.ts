import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Allocation cases: datasets, immutable model versions, scenarios with stored results, sweeps. */
export class Allocation1763800000004 implements MigrationInterface {
  name = 'Allocation1763800000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE allocation_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid NOT NULL UNIQUE REFERENCES case_file(id),
        budget_year int NOT NULL,
        title text NOT NULL,
        adopted_scenario_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE allocation_dataset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        allocation_case_id uuid NOT NULL REFERENCES allocation_case(id) ON DELETE CASCADE,
        name text NOT NULL,
        source text NOT NULL CHECK (source IN ('csv','xlsx','json')),
        units jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE model_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        allocation_case_id uuid NOT NULL REFERENCES allocation_case(id) ON DELETE CASCADE,
        number int NOT NULL,
        label text NOT NULL,
        model jsonb NOT NULL,
        adopted_by_decision_id uuid REFERENCES decision(id),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (allocation_case_id, number)
      );
      -- A model version never changes once made; only the decision that adopted it may be recorded.
      CREATE FUNCTION model_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.model IS DISTINCT FROM OLD.model OR NEW.number <> OLD.number THEN
          RAISE EXCEPTION 'En modellversjon kan ikke endres' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER model_version_no_change BEFORE UPDATE OR DELETE ON model_version
        FOR EACH ROW EXECUTE FUNCTION model_version_immutable();
      CREATE TABLE scenario (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        allocation_case_id uuid NOT NULL REFERENCES allocation_case(id) ON DELETE CASCADE,
        name text NOT NULL,
        model_version_id uuid NOT NULL REFERENCES model_version(id),
        dataset_id uuid NOT NULL REFERENCES allocation_dataset(id),
        frame numeric(16,2),
        frame_change numeric(16,2),
        overrides jsonb NOT NULL DEFAULT '[]',
        adjustments jsonb NOT NULL DEFAULT '[]',
        revises_scenario_id uuid REFERENCES scenario(id),
        adopted_at timestamptz,
        adopted_by_decision_id uuid REFERENCES decision(id),
        version int NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (frame IS NULL OR frame_change IS NULL)
      );
      ALTER TABLE allocation_case ADD CONSTRAINT allocation_case_adopted_fk FOREIGN KEY (adopted_scenario_id) REFERENCES scenario(id);
      CREATE TABLE scenario_result (
        id bigserial PRIMARY KEY,
        scenario_id uuid NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        scenario_version int NOT NULL,
        engine_version text NOT NULL,
        input_hash text NOT NULL,
        input jsonb NOT NULL,
        result jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scenario_id, scenario_version)
      );
      CREATE TABLE sweep (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        scenario_id uuid NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        parameter jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        progress int NOT NULL DEFAULT 0,
        result jsonb,
        error text,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      ALTER TABLE comment ADD COLUMN scenario_id uuid REFERENCES scenario(id), ADD COLUMN unit_id text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE comment DROP COLUMN scenario_id, DROP COLUMN unit_id;
      DROP TABLE sweep; DROP TABLE scenario_result;
      ALTER TABLE allocation_case DROP CONSTRAINT allocation_case_adopted_fk;
      DROP TABLE scenario; DROP TABLE model_version; DROP FUNCTION model_version_immutable(); DROP TABLE allocation_dataset; DROP TABLE allocation_case;
    `);
  }
}
