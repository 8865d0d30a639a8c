import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import type { JobPayload } from '../../platform/queue/jobs.js';
import { MailService } from '../mail/mail.service.js';
import { deliverNotice, renderNotice } from '../notifications/notifications.service.js';

/**
 * Closes a round at its deadline. Idempotent and safe with several workers: the UPDATE closes the
 * round only once, and only while the deadline is the one the job was scheduled for.
 */
export async function closeRound(
  db: DataSource,
  mail: MailService,
  appUrl: string,
  p: JobPayload<'round.close'>,
  now = new Date(),
): Promise<boolean> {
  const [rows]: [{ id: string; municipality_id: string; case_id: string | null; title: string; created_by: string | null }[], number] =
    await db.query(
      `UPDATE input_round SET closed_at = $3, updated_at = now()
      WHERE id = $1 AND closed_at IS NULL AND closes_at = $2 AND closes_at <= $3
      RETURNING id, municipality_id, case_id, title, created_by`,
      [p.roundId, p.closesAt, now],
    );
  const round = rows[0];
  if (!round) {
    // A delayed job can fire a moment early: retry (with backoff) rather than leave the round open.
    const early: unknown[] = await db.query(
      `SELECT 1 FROM input_round WHERE id = $1 AND closed_at IS NULL AND closes_at = $2 AND closes_at > $3`,
      [p.roundId, p.closesAt, now],
    );
    if (early.length) throw new Error('Runden er ikke utløpt ennå');
    return false;
  }
  if (round.created_by) {
    const to = { municipalityId: round.municipality_id, userIds: [round.created_by], caseId: round.case_id };
    await deliverNotice(db, mail, appUrl, renderNotice('round_closed', to, { roundId: round.id, roundTitle: round.title }));
  }
  return true;
}

/**
 * Reminds the members of every invited body that has not answered (and has no extension), and every
 * personally invited person who has not. Each is reminded once per reminder time: a retried or
 * duplicated job sends nothing twice. Returns the bodies reminded.
 */
export async function remindRound(db: DataSource, mail: MailService, appUrl: string, p: JobPayload<'round.remind'>): Promise<string[]> {
  const rounds: { id: string; municipality_id: string; case_id: string | null; title: string; closes_at: Date; closed_at: Date | null }[] =
    await db.query(`SELECT id, municipality_id, case_id, title, closes_at, closed_at FROM input_round WHERE id = $1`, [p.roundId]);
  const round = rounds[0];
  if (!round || round.closed_at || round.closes_at.toISOString() !== p.closesAt) return [];
  const reminder = { roundId: round.id, roundTitle: round.title, closesAt: round.closes_at, minutes: p.minutes };
  const bodies: { body_id: string; name: string }[] = await db.query(
    `SELECT i.body_id, b.name FROM round_invitation i JOIN body b ON b.id = i.body_id
      WHERE i.round_id = $1 AND i.status = 'not_answered' AND i.extended_until IS NULL`,
    [p.roundId],
  );
  for (const body of bodies) {
    const members: { user_id: string }[] = await db.query(`SELECT DISTINCT user_id FROM current_membership WHERE body_id = $1`, [
      body.body_id,
    ]);
    const to = { municipalityId: round.municipality_id, userIds: members.map((m) => m.user_id), caseId: round.case_id };
    await deliverNotice(db, mail, appUrl, renderNotice('reminder', to, { ...reminder, to: { bodyId: body.body_id, bodyName: body.name } }));
    await db.query(`INSERT INTO round_reminder (round_id, body_id, minutes) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`, [
      round.id,
      body.body_id,
      p.minutes,
    ]);
  }
  const persons: { user_id: string }[] = await db.query(
    `SELECT user_id FROM round_person_invitation WHERE round_id = $1 AND status = 'not_answered'`,
    [p.roundId],
  );
  for (const person of persons) {
    const to = { municipalityId: round.municipality_id, userIds: [person.user_id], caseId: round.case_id };
    await deliverNotice(db, mail, appUrl, renderNotice('reminder', to, { ...reminder, to: { userId: person.user_id } }));
    await db.query(`INSERT INTO round_reminder (round_id, user_id, minutes) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`, [
      round.id,
      person.user_id,
      p.minutes,
    ]);
  }
  return bodies.map((b) => b.body_id);
}

/** The round jobs with their dependencies injected (the worker's CloseRoundJob and RemindRoundJob call it). */
@Injectable()
export class RoundJobsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Closes the round at its deadline (as read from the clock, the test clock in tests). */
  close(p: JobPayload<'round.close'>): Promise<boolean> {
    return closeRound(this.db, this.mail, this.config.APP_URL, p, this.clock.now());
  }

  remind(p: JobPayload<'round.remind'>): Promise<string[]> {
    return remindRound(this.db, this.mail, this.config.APP_URL, p);
  }
}
