import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The meeting protocol in full: dissens with the vedtak of an agenda item, members who met but were not
 * there for one case (inhabil, or left the meeting), and a protokolltilførsel about one case on the agenda.
 */
export class MeetingProtocol1763800000500 implements MigrationInterface {
  name = 'MeetingProtocol1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agenda_item ADD COLUMN dissent jsonb NOT NULL DEFAULT '[]';
      CREATE TABLE agenda_item_absence (
        agenda_item_id uuid NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        reason text NOT NULL CHECK (reason IN ('disqualified','left')),
        note text,
        PRIMARY KEY (agenda_item_id, user_id)
      );
      ALTER TABLE protocol_statement ADD COLUMN agenda_item_id uuid REFERENCES agenda_item(id) ON DELETE SET NULL;
      CREATE INDEX protocol_statement_item_idx ON protocol_statement (agenda_item_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE protocol_statement DROP COLUMN agenda_item_id; DROP TABLE agenda_item_absence; ALTER TABLE agenda_item DROP COLUMN dissent;`,
    );
  }
}
