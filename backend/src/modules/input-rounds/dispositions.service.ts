import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { InputKind, dispositionSchema } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';

/**
 * Dispositions: how each input was handled, and the section of the case it affected. The one path for
 * every kind of input: an answer to a round, continuous input (on a case or a mandate item) and input
 * from a school conference. The author is told (a `disposition` notice) and sees it on their input.
 */
@Injectable()
export class DispositionsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {}

  async dispose(ctx: RequestContext, submissionId: string, input: z.infer<typeof dispositionSchema>) {
    return this.db.transaction(async (m) => {
      const rows: { id: string; author_id: string; case_id: string | null; round_id: string | null; meeting_id: string | null }[] =
        await m.query(
          `SELECT id, author_id, case_id, round_id, meeting_id FROM submission WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
          [submissionId, ctx.municipalityId],
        );
      const s = rows[0];
      if (!s) throw new NotFound('Fant ikke innspillet');
      const kind: InputKind = s.round_id ? 'round' : s.meeting_id ? 'conference' : 'continuous';
      if (input.sectionId) {
        if (!s.case_id)
          throw ValidationFailed.field(
            'sectionId',
            'Innspillet gjelder et mandatpunkt uten sak, så det kan ikke ha endret en del av et saksframlegg',
          );
        const ok = await m.query(`SELECT 1 FROM case_section WHERE id = $1 AND case_id = $2`, [input.sectionId, s.case_id]);
        if (ok.length === 0) throw ValidationFailed.field('sectionId', 'Delen av saksframlegget hører ikke til innspillets sak');
      }
      const before: Record<string, unknown>[] = await m.query(
        `SELECT outcome, reason, section_id FROM disposition WHERE submission_id = $1`,
        [submissionId],
      );
      const recorded: { version: number }[] = await m.query(
        `INSERT INTO disposition (submission_id, outcome, reason, section_id, recorded_by) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (submission_id) DO UPDATE SET outcome = EXCLUDED.outcome, reason = EXCLUDED.reason, section_id = EXCLUDED.section_id,
           recorded_by = EXCLUDED.recorded_by, recorded_at = now(), version = disposition.version + 1
         RETURNING version`,
        [submissionId, input.outcome, input.reason, input.sectionId, ctx.userId],
      );
      await this.audit.record(m, ctx, before[0] ? 'update' : 'create', 'disposition', submissionId, before[0] ?? null, { ...input, kind });
      await this.notifications.send(
        m,
        'disposition',
        { municipalityId: ctx.municipalityId, userIds: [s.author_id], caseId: s.case_id },
        {
          submissionId,
          version: Number(recorded[0]!.version),
          outcome: input.outcome,
          reason: input.reason,
          roundId: s.round_id,
          caseId: s.case_id,
          kind,
        },
      );
    });
  }
}
