import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The analysis workbench (#19): a tool (savings plan, SFO fee scenario, school structure, peer comparison) belongs to a
 * case and optionally a mandate item; its input and computed result are kept per version; comments (on the tool or one
 * of its measures) by those who may read the case.
 */
export class Analysis1763800000800 implements MigrationInterface {
  name = 'Analysis1763800000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE analysis_tool (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        mandate_item_id uuid REFERENCES mandate_item(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('savings', 'sfo', 'structure', 'peers')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        input jsonb NOT NULL,
        result jsonb NOT NULL,
        engine_version text NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX analysis_tool_case ON analysis_tool (case_id);
      CREATE INDEX analysis_tool_municipality ON analysis_tool (municipality_id, kind);
      CREATE TABLE analysis_tool_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tool_id uuid NOT NULL REFERENCES analysis_tool(id) ON DELETE CASCADE,
        version int NOT NULL,
        title text NOT NULL,
        input jsonb NOT NULL,
        result jsonb NOT NULL,
        engine_version text NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tool_id, version)
      );
      CREATE TABLE analysis_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        tool_id uuid NOT NULL REFERENCES analysis_tool(id) ON DELETE CASCADE,
        measure_id text CHECK (length(measure_id) BETWEEN 1 AND 100),
        author_id uuid NOT NULL REFERENCES app_user(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX analysis_comment_tool ON analysis_comment (tool_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE analysis_comment; DROP TABLE analysis_tool_version; DROP TABLE analysis_tool`);
  }
}
