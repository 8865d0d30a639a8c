import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The part of the meetings module that log-in needs: revoking a person's calendar feed tokens. Kept apart
 * from `MeetingsService` so the auth module (and the operator command, which has no Redis or clock) does
 * not pull in meetings, cases and rounds to end a person's feeds.
 */
@Injectable()
export class CalendarTokensService {
  /**
   * Revokes every calendar feed token of a person, in the caller's transaction: a new or reset password (or a
   * disabled account) ends the sessions, and a feed address is a key to the person's calendar as a session is.
   */
  async revokeAll(m: EntityManager, userId: string): Promise<void> {
    await m.query(`DELETE FROM calendar_token WHERE user_id = $1`, [userId]);
  }
}
