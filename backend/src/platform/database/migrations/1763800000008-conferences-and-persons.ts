import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Persons invited to an input round in their own right (besides bodies), the reminders sent, registrations for school
 * conferences, and the conference an input was given at.
 */
export class ConferencesAndPersons1763800000008 implements MigrationInterface {
  name = 'ConferencesAndPersons1763800000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE round_person_invitation (
        round_id uuid NOT NULL REFERENCES input_round(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'not_answered' CHECK (status IN ('not_answered', 'answered', 'no_comment')),
        PRIMARY KEY (round_id, user_id)
      );
      CREATE INDEX round_person_invitation_user ON round_person_invitation (user_id);
      -- Each reminder sent: to an invited body or an invited person, per reminder time.
      CREATE TABLE round_reminder (
        round_id uuid NOT NULL REFERENCES input_round(id) ON DELETE CASCADE,
        body_id uuid REFERENCES body(id),
        user_id uuid REFERENCES app_user(id),
        minutes int NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(body_id, user_id) = 1)
      );
      CREATE UNIQUE INDEX round_reminder_once ON round_reminder (round_id, minutes, coalesce(body_id, user_id));
      CREATE TABLE meeting_registration (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        representing text CHECK (length(representing) <= 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, user_id)
      );
      ALTER TABLE submission ADD COLUMN meeting_id uuid REFERENCES meeting(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE submission DROP COLUMN meeting_id;
      DROP TABLE meeting_registration;
      DROP TABLE round_reminder;
      DROP TABLE round_person_invitation;
    `);
  }
}
