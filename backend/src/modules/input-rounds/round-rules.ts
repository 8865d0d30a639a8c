import { formatOsloDateTime } from '@samrad/shared/domain';
import type { EntityManager } from 'typeorm';
import type { InputRoundRow } from './input-rounds.rows.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { Forbidden, NotFound, ValidationFailed } from '../../platform/http/errors.js';

/*
 * The round rules the services of this module share (not for other modules): the round's row, the
 * deadline that applies, and who may answer.
 */

/** The round's row: the table's typed row, from its owner in this module. */
export type RoundRow = InputRoundRow;

/** The round of the caller's municipality (404 otherwise), optionally locked. */
export async function roundRow(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<RoundRow> {
  const rows: RoundRow[] = await m.query(`SELECT * FROM input_round WHERE id = $1 AND municipality_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [
    id,
    ctx.municipalityId,
  ]);
  if (!rows[0]) throw new NotFound('Fant ikke innspillsrunden');
  return rows[0];
}

export async function memberIds(m: EntityManager, bodyIds: string[]): Promise<string[]> {
  const rows: { user_id: string }[] = await m.query(`SELECT DISTINCT user_id FROM current_membership WHERE body_id = ANY($1::uuid[])`, [
    bodyIds,
  ]);
  return rows.map((r) => r.user_id);
}

/** The deadline that applies to a body: its extension, or the round's. */
export async function deadlineFor(m: EntityManager, round: RoundRow, bodyId: string | null): Promise<Date> {
  if (!bodyId) return round.closes_at;
  const rows: { extended_until: Date | null }[] = await m.query(
    `SELECT extended_until FROM round_invitation WHERE round_id = $1 AND body_id = $2`,
    [round.id, bodyId],
  );
  return rows[0]?.extended_until ?? round.closes_at;
}

/**
 * Checks that the caller may answer (for the body, or for themselves) and returns the deadline that
 * applies: the body's extension or the round's. One read of the invitations serves both.
 */
export async function assertCanAnswer(
  m: EntityManager,
  ctx: RequestContext,
  round: RoundRow,
  bodyId: string | null,
  preRead?: { body_id: string; extended_until: Date | null }[],
): Promise<Date> {
  const invited: { body_id: string; extended_until: Date | null }[] =
    preRead ?? (await m.query(`SELECT body_id, extended_until FROM round_invitation WHERE round_id = $1`, [round.id]));
  if (bodyId) {
    const invitation = invited.find((i) => i.body_id === bodyId);
    if (!invitation) throw ValidationFailed.field('bodyId', 'Organet er ikke invitert til denne runden');
    if (!ctx.bodyIds.has(bodyId)) throw new Forbidden('Du kan bare gi innspill på vegne av organer du er medlem av');
    return invitation.extended_until ?? round.closes_at;
  }
  if (!invited.some((i) => ctx.bodyIds.has(i.body_id)) && !(await personallyInvited(m, round.id, ctx.userId))) {
    throw new Forbidden('Du er ikke invitert til denne runden, verken personlig eller gjennom et organ');
  }
  return round.closes_at;
}

export async function personallyInvited(m: EntityManager, roundId: string, userId: string): Promise<boolean> {
  return (await m.query(`SELECT 1 FROM round_person_invitation WHERE round_id = $1 AND user_id = $2`, [roundId, userId])).length > 0;
}

/** Checks the deadline on every write; returns whether the write is late (and accepted as such). */
export function checkDeadline(round: RoundRow, deadline: Date, now: Date, allowLate: boolean): boolean {
  if (now < round.opens_at)
    throw ValidationFailed.field('deadline', `Runden åpner ${formatOsloDateTime(round.opens_at)}. Innspill kan ikke sendes før det.`);
  const late = now > deadline;
  if (late && !(allowLate && round.late_policy === 'accept_late')) {
    throw ValidationFailed.field(
      'deadline',
      `Fristen gikk ut ${formatOsloDateTime(deadline)}. Innspill tas ikke lenger imot i denne runden.`,
    );
  }
  return late;
}
