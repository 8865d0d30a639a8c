import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mandate made in the web app and the follow-up of decisions: the vedtak in Samråd that adopted a
 * mandate (a link; the older text fields stay for one taken before Samråd), an explicit order of the
 * mandate's items (backfilled from their numbers), and follow-up tasks of a vedtak (owned by the
 * decisions module).
 */
export class MandateFollowUp1763800000200 implements MigrationInterface {
  name = 'MandateFollowUp1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mandate ADD COLUMN adopted_decision_id uuid REFERENCES decision(id);
      ALTER TABLE mandate_item ADD COLUMN position int;
      UPDATE mandate_item i SET position = o.position
        FROM (SELECT id, row_number() OVER (PARTITION BY mandate_id ORDER BY number) AS position FROM mandate_item) o
       WHERE o.id = i.id;
      ALTER TABLE mandate_item ALTER COLUMN position SET NOT NULL;
      CREATE INDEX mandate_item_order_idx ON mandate_item (mandate_id, position);
      CREATE TABLE decision_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        decision_id uuid NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
        title text NOT NULL,
        owner_id uuid REFERENCES app_user(id),
        due_date date,
        status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','done')),
        notes text NOT NULL DEFAULT '',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX decision_follow_up_decision_idx ON decision_follow_up (decision_id, created_at);
      CREATE INDEX decision_follow_up_owner_idx ON decision_follow_up (owner_id) WHERE status <> 'done';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE decision_follow_up;
      DROP INDEX mandate_item_order_idx;
      ALTER TABLE mandate_item DROP COLUMN position;
      ALTER TABLE mandate DROP COLUMN adopted_decision_id;
    `);
  }
}
