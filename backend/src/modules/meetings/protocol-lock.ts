import { ConflictState } from '../../platform/http/errors.js';
import type { MeetingRow } from './meetings.rows.js';

/** What every change to an approved protocol answers: it is locked until reopened (audited). */
const PROTOCOL_LOCKED = 'Protokollen er godkjent og låst. Åpne den for retting først (med begrunnelse).';

/** Refuses a change to the protocol of a meeting whose protocol is approved (its minutes, attendance, statements, agenda). */
export function assertProtocolOpen(r: Pick<MeetingRow, 'minutes_approved_at'>): void {
  if (r.minutes_approved_at) throw new ConflictState(PROTOCOL_LOCKED);
}
