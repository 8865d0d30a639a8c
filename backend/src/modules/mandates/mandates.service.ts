import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { createMandateItemSchema, createMandateSchema, updateMandateItemSchema, updateMandateSchema } from '@samrad/shared/contracts';
import { isLate } from '@samrad/shared/domain';
import type { RequestContext } from '../../platform/auth/context.js';
import { createAudited, findOwnForUpdate, updateVersioned } from '../../platform/database/tenant-repository.js';
import { NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { AnalysisService } from '../analysis/analysis.service.js';
import { AuditService } from '../audit/audit.service.js';
import { caseKnownSql, caseReadableSql, caseTitleSql } from '../cases/cases.service.js';
import { roundReadableSql } from '../input-rounds/input-rounds.service.js';
import { Mandate, MandateItem } from './mandate.entity.js';

type CreateMandate = z.infer<typeof createMandateSchema>;
type UpdateMandate = z.infer<typeof updateMandateSchema>;
type CreateItem = z.infer<typeof createMandateItemSchema>;
type UpdateItem = z.infer<typeof updateMandateItemSchema>;
type FollowUpRow = {
  id: string;
  decision_id: string;
  title: string;
  owner_id: string | null;
  owner_name: string | null;
  owner_title: string | null;
  due_date: string | null;
  status: 'not_started' | 'in_progress' | 'done';
  notes: string;
  version: number;
};

const mandateView = (m: Mandate) => ({
  id: m.id,
  title: m.title,
  description: m.description,
  adoptedByBodyId: m.adoptedByBodyId,
  adoptedCaseNumber: m.adoptedCaseNumber,
  adoptedDate: m.adoptedDate,
  adoptedDecisionId: m.adoptedDecisionId,
  endDate: m.endDate,
  version: m.version,
});

@Injectable()
export class MandatesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AnalysisService) private readonly analysis: AnalysisService,
  ) {}

  async list(ctx: RequestContext) {
    const rows = await this.db.getRepository(Mandate).find({ where: { municipalityId: ctx.municipalityId }, order: { createdAt: 'ASC' } });
    return rows.map(mandateView);
  }

  async get(ctx: RequestContext, id: string, now = this.clock.now()) {
    const mandate = await this.db.getRepository(Mandate).findOneBy({ id, municipalityId: ctx.municipalityId });
    if (!mandate) throw new NotFound('Fant ikke mandatet');
    const items: Record<string, unknown>[] = await this.db.query(
      `SELECT i.*, u.name AS owner_name, u.title AS owner_title
         FROM mandate_item i LEFT JOIN app_user u ON u.id = i.owner_id
        WHERE i.mandate_id = $1 AND i.municipality_id = $2 ORDER BY i.position, i.number`,
      [id, ctx.municipalityId],
    );
    const [work, tools] = await Promise.all([this.workByItem(ctx, id, now), this.analysis.statesByItem(ctx, id)]);
    const adoptedBy = mandate.adoptedByBodyId
      ? ((
          (await this.db.query(`SELECT id, name FROM body WHERE id = $1`, [mandate.adoptedByBodyId])) as { id: string; name: string }[]
        )[0] ?? null)
      : null;
    return {
      ...mandateView(mandate),
      adoptedBy,
      adoptedDecision: mandate.adoptedDecisionId ? await this.adoptedDecision(ctx, mandate.adoptedDecisionId) : null,
      items: items.map((i) => {
        const view = {
          id: i.id as string,
          number: i.number as number,
          title: i.title as string,
          description: i.description as string,
          owner: i.owner_id ? { id: i.owner_id as string, name: i.owner_name as string, title: i.owner_title as string } : null,
          dueDate: i.due_date as string | null,
          status: i.status as string,
          position: i.position as number,
          version: i.version as number,
        };
        return {
          ...view,
          late: isLate(view, now),
          work: { ...(work.get(view.id) ?? { cases: [], rounds: [], meetings: [] }), tools: tools.get(view.id) ?? [] },
        };
      }),
    };
  }

  /** Cases, rounds and meetings per mandate item, in three queries. Exempt cases show their screened title unless readable. */
  private async workByItem(ctx: RequestContext, mandateId: string, now: Date) {
    const params = [mandateId, ctx.municipalityId];
    const [cases, rounds, meetings] = await Promise.all([
      this.db.query(
        `SELECT c.mandate_item_id AS item, c.id, c.archive_year || '/' || c.archive_seq AS number, c.status,
                ${caseTitleSql('c', caseReadableSql('c', '$3', '$4', ctx))} AS title
           FROM case_file c JOIN mandate_item i ON i.id = c.mandate_item_id
          WHERE i.mandate_id = $1 AND c.municipality_id = $2 AND ${caseKnownSql('c', ctx)} ORDER BY c.archive_year, c.archive_seq`,
        [...params, ctx.roles.has('case_officer'), [...ctx.bodyIds]],
      ) as Promise<{ item: string; id: string; number: string; status: string; title: string }[]>,
      this.db.query(
        `SELECT coalesce(r.mandate_item_id, c.mandate_item_id) AS item, r.id, r.title, r.closes_at, r.closed_at
           FROM input_round r LEFT JOIN case_file c ON c.id = r.case_id
           JOIN mandate_item i ON i.id = coalesce(r.mandate_item_id, c.mandate_item_id)
          WHERE i.mandate_id = $1 AND r.municipality_id = $2
            AND ${roundReadableSql('r', { officer: '$3', bodyIds: '$4', userId: '$5', anonymous: ctx.anonymous })}
          ORDER BY r.closes_at`,
        [...params, ctx.roles.has('case_officer'), [...ctx.bodyIds], ctx.userId],
      ) as Promise<{ item: string; id: string; title: string; closes_at: Date; closed_at: Date | null }[]>,
      this.db.query(
        `SELECT DISTINCT c.mandate_item_id AS item, mt.id, mt.title, mt.starts_at, b.name AS body_name
           FROM agenda_item a JOIN meeting mt ON mt.id = a.meeting_id JOIN body b ON b.id = mt.body_id
           JOIN case_file c ON c.id = a.case_id JOIN mandate_item i ON i.id = c.mandate_item_id
          WHERE i.mandate_id = $1 AND mt.municipality_id = $2${ctx.anonymous ? ' AND mt.open' : ''} ORDER BY mt.starts_at`,
        params,
      ) as Promise<{ item: string; id: string; title: string; starts_at: Date; body_name: string }[]>,
    ]);
    const work = new Map<
      string,
      {
        cases: { id: string; number: string; title: string; status: string }[];
        rounds: { id: string; title: string; closesAt: string; open: boolean }[];
        meetings: { id: string; title: string; startsAt: string; bodyName: string }[];
      }
    >();
    const of = (item: string) => {
      let w = work.get(item);
      if (!w) work.set(item, (w = { cases: [], rounds: [], meetings: [] }));
      return w;
    };
    for (const c of cases) of(c.item).cases.push({ id: c.id, number: c.number, title: c.title, status: c.status });
    for (const r of rounds)
      of(r.item).rounds.push({
        id: r.id,
        title: r.title,
        closesAt: r.closes_at.toISOString(),
        open: r.closed_at === null && r.closes_at > now,
      });
    for (const m of meetings)
      of(m.item).meetings.push({ id: m.id, title: m.title, startsAt: m.starts_at.toISOString(), bodyName: m.body_name });
    return work;
  }

  /** The adopting vedtak by its case as the reader may see it (caseTitleSql). */
  private async adoptedDecision(ctx: RequestContext, decisionId: string) {
    const [d] = (await this.db.query(
      `SELECT d.id, d.committee_number, d.decided_on, b.name AS body_name, c.id AS case_id, c.archive_year || '/' || c.archive_seq AS number,
              ${caseTitleSql('c', caseReadableSql('c', '$3', '$4', ctx))} AS title
         FROM decision d JOIN body b ON b.id = d.body_id JOIN case_file c ON c.id = d.case_id
        WHERE d.id = $1 AND d.municipality_id = $2`,
      [decisionId, ctx.municipalityId, ctx.roles.has('case_officer'), [...ctx.bodyIds]],
    )) as {
      id: string;
      committee_number: string | null;
      decided_on: string;
      body_name: string;
      case_id: string;
      number: string;
      title: string;
    }[];
    if (!d) return null;
    return {
      id: d.id,
      body: d.body_name,
      committeeNumber: d.committee_number,
      decidedOn: d.decided_on,
      case: { id: d.case_id, number: d.number, title: d.title },
    };
  }

  private async assertRefs(ctx: RequestContext, refs: { bodyId?: string | null; ownerId?: string | null; decisionId?: string | null }) {
    if (refs.decisionId) {
      const ok = await this.db.query(`SELECT 1 FROM decision WHERE id = $1 AND municipality_id = $2`, [
        refs.decisionId,
        ctx.municipalityId,
      ]);
      if (ok.length === 0) throw ValidationFailed.field('adoptedDecisionId', 'Fant ikke vedtaket');
    }
    if (refs.bodyId) {
      const ok = await this.db.query(`SELECT 1 FROM body WHERE id = $1 AND municipality_id = $2`, [refs.bodyId, ctx.municipalityId]);
      if (ok.length === 0) throw ValidationFailed.field('adoptedByBodyId', 'Fant ikke organet');
    }
    if (refs.ownerId) {
      const ok = await this.db.query(`SELECT 1 FROM app_user WHERE id = $1 AND municipality_id = $2 AND (is_case_officer OR is_admin)`, [
        refs.ownerId,
        ctx.municipalityId,
      ]);
      if (ok.length === 0) throw ValidationFailed.field('ownerId', 'Ansvarlig må være en saksbehandler i administrasjonen');
    }
  }

  async create(ctx: RequestContext, input: CreateMandate) {
    await this.assertRefs(ctx, { bodyId: input.adoptedByBodyId, decisionId: input.adoptedDecisionId });
    return this.db.transaction(async (m) => mandateView(await createAudited(m, this.audit, ctx, Mandate, 'mandate', input)));
  }

  async update(ctx: RequestContext, id: string, input: UpdateMandate) {
    await this.assertRefs(ctx, { bodyId: input.adoptedByBodyId, decisionId: input.adoptedDecisionId });
    const { version, ...patch } = input;
    return this.db.transaction(async (m) => mandateView(await updateVersioned(m, this.audit, ctx, Mandate, 'mandate', id, version, patch)));
  }

  async addItem(ctx: RequestContext, mandateId: string, input: CreateItem) {
    await this.assertRefs(ctx, { ownerId: input.ownerId });
    return this.db.transaction(async (m) => {
      await findOwnForUpdate(m, Mandate, ctx, mandateId);
      const taken = await m.existsBy(MandateItem, { mandateId, number: input.number });
      if (taken) throw ValidationFailed.field('number', `Punkt ${input.number} finnes allerede i mandatet`);
      // A new item goes last in the mandate's order.
      const [last] = (await m.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM mandate_item WHERE mandate_id = $1`, [
        mandateId,
      ])) as { next: number }[];
      const saved = await createAudited(m, this.audit, ctx, MandateItem, 'mandate_item', { ...input, mandateId, position: last!.next });
      return { id: saved.id, version: saved.version };
    });
  }

  /**
   * The items' order, in one transaction: the mandate is locked, the list must name every item of the
   * mandate once (a list built on a stale page is refused), and the change is one audit event.
   */
  async reorder(ctx: RequestContext, mandateId: string, itemIds: string[]) {
    return this.db.transaction(async (m) => {
      await findOwnForUpdate(m, Mandate, ctx, mandateId);
      const items = await m.find(MandateItem, {
        where: { mandateId, municipalityId: ctx.municipalityId },
        order: { position: 'ASC', number: 'ASC' },
      });
      const known = new Set(items.map((i) => i.id));
      if (items.length !== itemIds.length || !itemIds.every((id) => known.has(id)))
        throw ValidationFailed.field(
          'itemIds',
          'Rekkefølgen må ha med hvert punkt i mandatet nøyaktig én gang. Last siden på nytt og prøv igjen.',
        );
      const before = items.map((i) => i.id);
      for (const [index, id] of itemIds.entries()) {
        const item = items.find((i) => i.id === id)!;
        if (item.position !== index + 1) await m.update(MandateItem, { id }, { position: index + 1 });
      }
      await this.audit.record(m, ctx, 'update', 'mandate', mandateId, { itemOrder: before }, { itemOrder: itemIds });
      return { itemIds };
    });
  }

  /**
   * The mandate's final report (a read model): per item its cases, their vedtak and each vedtak's
   * follow-up tasks. An exempt case the reader may not read is named by its public title
   * (caseTitleSql), and its vedtak's text and tasks are withheld with the legal basis.
   */
  async report(ctx: RequestContext, id: string, now = this.clock.now()) {
    const mandate = await this.db.getRepository(Mandate).findOneBy({ id, municipalityId: ctx.municipalityId });
    if (!mandate) throw new NotFound('Fant ikke mandatet');
    const officer = ctx.roles.has('case_officer');
    const bodyIds = [...ctx.bodyIds];
    const [items, cases, decisions, tasks] = await Promise.all([
      this.db.query(
        `SELECT i.id, i.number, i.title, i.status, i.due_date, i.owner_id, u.name AS owner_name, u.title AS owner_title
           FROM mandate_item i LEFT JOIN app_user u ON u.id = i.owner_id
          WHERE i.mandate_id = $1 AND i.municipality_id = $2 ORDER BY i.position, i.number`,
        [id, ctx.municipalityId],
      ) as Promise<Record<string, unknown>[]>,
      this.db.query(
        `SELECT c.id, c.mandate_item_id AS item, c.archive_year || '/' || c.archive_seq AS number, c.status, c.legal_basis, v.readable,
                ${caseTitleSql('c', 'v.readable')} AS title
           FROM case_file c JOIN mandate_item i ON i.id = c.mandate_item_id
          CROSS JOIN LATERAL (SELECT ${caseReadableSql('c', '$3', '$4', ctx)} AS readable) v
          WHERE i.mandate_id = $1 AND c.municipality_id = $2 AND ${caseKnownSql('c', ctx)} ORDER BY c.archive_year, c.archive_seq`,
        [id, ctx.municipalityId, officer, bodyIds],
      ) as Promise<
        { id: string; item: string; number: string; status: string; legal_basis: string | null; readable: boolean; title: string }[]
      >,
      this.db.query(
        `SELECT d.id, d.case_id, d.committee_number, d.decided_on, d.text, b.name AS body_name
           FROM decision d JOIN body b ON b.id = d.body_id JOIN case_file c ON c.id = d.case_id JOIN mandate_item i ON i.id = c.mandate_item_id
          WHERE i.mandate_id = $1 AND d.municipality_id = $2 ORDER BY d.decided_on, d.created_at`,
        [id, ctx.municipalityId],
      ) as Promise<{ id: string; case_id: string; committee_number: string | null; decided_on: string; text: string; body_name: string }[]>,
      this.db.query(
        `SELECT f.*, u.name AS owner_name, u.title AS owner_title
           FROM decision_follow_up f JOIN decision d ON d.id = f.decision_id JOIN case_file c ON c.id = d.case_id
           JOIN mandate_item i ON i.id = c.mandate_item_id LEFT JOIN app_user u ON u.id = f.owner_id
          WHERE i.mandate_id = $1 AND f.municipality_id = $2 ORDER BY f.due_date NULLS LAST, f.created_at`,
        [id, ctx.municipalityId],
      ) as Promise<FollowUpRow[]>,
    ]);
    const taskView = (f: FollowUpRow) => {
      const view = {
        id: f.id,
        decisionId: f.decision_id,
        title: f.title,
        owner: f.owner_id ? { id: f.owner_id, name: f.owner_name ?? '', title: f.owner_title ?? '' } : null,
        dueDate: f.due_date,
        status: f.status,
        notes: f.notes,
        version: f.version,
      };
      return { ...view, late: isLate(view, now) };
    };
    return {
      mandate: { id: mandate.id, title: mandate.title, description: mandate.description, endDate: mandate.endDate },
      items: items.map((i) => ({
        id: i.id as string,
        number: i.number as number,
        title: i.title as string,
        status: i.status as MandateItem['status'],
        owner: i.owner_id ? { id: i.owner_id as string, name: i.owner_name as string, title: i.owner_title as string } : null,
        dueDate: i.due_date as string | null,
        cases: cases
          .filter((c) => c.item === i.id)
          .map((c) => ({
            id: c.id,
            number: c.number,
            title: c.title,
            status: c.status,
            // What the reader may not read is withheld, with the legal basis (as in the decisions register).
            exemptBasis: c.readable ? null : c.legal_basis,
            decisions: decisions
              .filter((d) => d.case_id === c.id)
              .map((d) => ({
                id: d.id,
                body: d.body_name,
                committeeNumber: d.committee_number,
                decidedOn: d.decided_on,
                text: c.readable ? d.text : null,
                tasks: c.readable ? tasks.filter((f) => f.decision_id === d.id).map(taskView) : [],
              })),
          })),
      })),
    };
  }

  async updateItem(ctx: RequestContext, mandateId: string, id: string, input: UpdateItem) {
    await this.assertRefs(ctx, { ownerId: input.ownerId });
    const { version, ...patch } = input;
    return this.db.transaction(async (m) => {
      const current = await findOwnForUpdate(m, MandateItem, ctx, id);
      if (current.mandateId !== mandateId) throw new NotFound();
      if (
        patch.number !== undefined &&
        patch.number !== current.number &&
        (await m.existsBy(MandateItem, { mandateId, number: patch.number }))
      ) {
        throw ValidationFailed.field('number', `Punkt ${patch.number} finnes allerede i mandatet`);
      }
      const saved = await updateVersioned(m, this.audit, ctx, MandateItem, 'mandate_item', id, version, patch);
      return { id: saved.id, version: saved.version, status: saved.status };
    });
  }
}
