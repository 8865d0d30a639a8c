import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateFollowUp, UpdateFollowUp } from '@samrad/shared/contracts';
import { isLate } from '@samrad/shared/domain';
import type { RequestContext } from '../../platform/auth/context.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { createAudited, updateVersioned } from '../../platform/database/tenant-repository.js';
import { NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { FollowUpTask } from './follow-up.entity.js';

type Person = { id: string; name: string; title: string };
type FollowUpRow = {
  id: string;
  decision_id: string;
  title: string;
  owner_id: string | null;
  due_date: string | null;
  status: FollowUpTask['status'];
  notes: string;
  version: number;
  owner_name: string | null;
  owner_title: string | null;
};

/**
 * The follow-up of a vedtak (`decision_follow_up`, owned by the decisions module): case officers write
 * the tasks; everyone who may read the case reads them (`CasesService.readable`, the one read rule).
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private view(
    f: Pick<FollowUpTask, 'id' | 'decisionId' | 'title' | 'ownerId' | 'dueDate' | 'status' | 'notes' | 'version'>,
    owner: Person | null,
    now = this.clock.now(),
  ) {
    const view = {
      id: f.id,
      decisionId: f.decisionId,
      title: f.title,
      owner,
      dueDate: f.dueDate,
      status: f.status,
      notes: f.notes,
      version: f.version,
    };
    return { ...view, late: isLate(view, now) };
  }

  /** A case's vedtak with their follow-up tasks, for whoever may read the case (404/403 otherwise). */
  async forCase(ctx: RequestContext, caseId: string) {
    await this.cases.readable(ctx, caseId);
    const [decisions, tasks] = await Promise.all([
      this.db.query(
        `SELECT d.id, d.committee_number, d.decided_on, b.id AS body_id, b.name AS body_name
           FROM decision d JOIN body b ON b.id = d.body_id
          WHERE d.case_id = $1 AND d.municipality_id = $2 ORDER BY d.decided_on, d.created_at`,
        [caseId, ctx.municipalityId],
      ) as Promise<{ id: string; committee_number: string | null; decided_on: string; body_id: string; body_name: string }[]>,
      this.db.query(
        `SELECT f.id, f.decision_id, f.title, f.owner_id, f.due_date, f.status, f.notes, f.version,
                u.name AS owner_name, u.title AS owner_title
           FROM decision_follow_up f JOIN decision d ON d.id = f.decision_id LEFT JOIN app_user u ON u.id = f.owner_id
          WHERE d.case_id = $1 AND f.municipality_id = $2 ORDER BY f.due_date NULLS LAST, f.created_at`,
        [caseId, ctx.municipalityId],
      ) as Promise<FollowUpRow[]>,
    ]);
    const now = this.clock.now();
    return {
      decisions: decisions.map((d) => ({
        id: d.id,
        body: { id: d.body_id, name: d.body_name },
        committeeNumber: d.committee_number,
        decidedOn: d.decided_on,
        tasks: tasks
          .filter((f) => f.decision_id === d.id)
          .map((f) =>
            this.view(
              {
                id: f.id,
                decisionId: f.decision_id,
                title: f.title,
                ownerId: f.owner_id,
                dueDate: f.due_date,
                status: f.status,
                notes: f.notes,
                version: f.version,
              },
              f.owner_id ? { id: f.owner_id, name: f.owner_name ?? '', title: f.owner_title ?? '' } : null,
              now,
            ),
          ),
      })),
    };
  }

  /** The owner of a task is a person of the municipality who is not disabled. */
  private async owner(m: EntityManager, ctx: RequestContext, ownerId: string | null | undefined): Promise<Person | null> {
    if (!ownerId) return null;
    const [u] = (await m.query(`SELECT id, name, title FROM app_user WHERE id = $1 AND municipality_id = $2 AND status <> 'disabled'`, [
      ownerId,
      ctx.municipalityId,
    ])) as Person[];
    if (!u) throw ValidationFailed.field('ownerId', 'Ansvarlig må være en person i kommunen');
    return u;
  }

  /** A task's stored owner, whatever their status now. */
  private async person(m: EntityManager, id: string | null): Promise<Person | null> {
    if (!id) return null;
    const [u] = (await m.query(`SELECT id, name, title FROM app_user WHERE id = $1`, [id])) as Person[];
    return u ?? null;
  }

  async create(ctx: RequestContext, decisionId: string, input: CreateFollowUp) {
    return this.db.transaction(async (m) => {
      const found = await m.query(`SELECT 1 FROM decision WHERE id = $1 AND municipality_id = $2`, [decisionId, ctx.municipalityId]);
      if (found.length === 0) throw new NotFound('Fant ikke vedtaket');
      const owner = await this.owner(m, ctx, input.ownerId);
      const saved = await createAudited(m, this.audit, ctx, FollowUpTask, 'decision_follow_up', { ...input, decisionId });
      return this.view(saved, owner);
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateFollowUp) {
    const { version, ...patch } = input;
    return this.db.transaction(async (m) => {
      // A new owner is checked; the owner the task keeps is shown as stored (also if disabled since, as lists show them).
      const newOwner = patch.ownerId ? await this.owner(m, ctx, patch.ownerId) : undefined;
      const saved = await updateVersioned(m, this.audit, ctx, FollowUpTask, 'decision_follow_up', id, version, patch);
      return this.view(saved, newOwner ?? (await this.person(m, saved.ownerId)));
    });
  }
}
