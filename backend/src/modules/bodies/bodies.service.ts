import { afterSessionChange } from '../../platform/auth/session-resolver.js';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { osloDate } from '@samrad/shared/domain';
import {
  membershipProblems,
  type CreateBody,
  type CreateMembership,
  type UpdateBody,
  type UpdateMembership,
} from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import {
  createAudited,
  deleteAudited,
  findOwnForUpdate,
  presentFields,
  updateVersioned,
} from '../../platform/database/tenant-repository.js';
import { NotFound, StaleVersion, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { Body, Membership } from './body.entity.js';

const bodyView = (b: Body) => ({
  id: b.id,
  kind: b.kind,
  name: b.name,
  description: b.description,
  parentId: b.parentId,
  closedOn: b.closedOn,
  version: b.version,
});

@Injectable()
export class BodiesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext) {
    const rows: (Record<string, unknown> & { member_count: number })[] = await this.db.query(
      `SELECT b.id, b.kind, b.name, b.description, b.parent_id, b.closed_on, b.version,
              (SELECT count(*)::int FROM current_membership m WHERE m.body_id = b.id) AS member_count
         FROM body b WHERE b.municipality_id = $1 ORDER BY b.closed_on IS NOT NULL, b.name`,
      [ctx.municipalityId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      description: r.description,
      parentId: r.parent_id,
      closedOn: r.closed_on,
      version: r.version,
      memberCount: r.member_count,
    }));
  }

  async get(ctx: RequestContext, id: string) {
    const body = await this.db.getRepository(Body).findOneBy({ id, municipalityId: ctx.municipalityId });
    if (!body) throw new NotFound('Fant ikke organet');
    const members: Record<string, unknown>[] = await this.db.query(
      `SELECT m.id, m.user_id, u.name, u.title, ${ctx.roles.has('case_officer') ? 'u.email' : 'NULL AS email'},
              m.role, m.capacity, m.party, m.side, m."union", m.school, m.valid_from, m.valid_to, m.version
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.body_id = $1 AND m.municipality_id = $2
        ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'deputy_chair' THEN 1 WHEN 'member' THEN 2 WHEN 'secretary' THEN 3 ELSE 4 END, u.name`,
      [id, ctx.municipalityId],
    );
    return {
      ...bodyView(body),
      members: members.map((m) => ({
        id: m.id,
        userId: m.user_id,
        name: m.name,
        title: m.title,
        email: m.email ?? undefined,
        role: m.role,
        capacity: m.capacity,
        party: m.party,
        side: m.side,
        union: m.union,
        school: m.school,
        validFrom: m.valid_from,
        validTo: m.valid_to,
        version: m.version,
      })),
    };
  }

  private async assertParent(ctx: RequestContext, parentId: string | null | undefined, selfId?: string) {
    if (!parentId) return;
    if (parentId === selfId) throw ValidationFailed.field('parentId', 'Et organ kan ikke være sitt eget overordnede organ');
    const exists = await this.db.getRepository(Body).existsBy({ id: parentId, municipalityId: ctx.municipalityId });
    if (!exists) throw ValidationFailed.field('parentId', 'Fant ikke det overordnede organet');
  }

  async create(ctx: RequestContext, input: CreateBody) {
    await this.assertParent(ctx, input.parentId);
    return this.db.transaction(async (m) => bodyView(await createAudited(m, this.audit, ctx, Body, 'body', input)));
  }

  async update(ctx: RequestContext, id: string, input: UpdateBody) {
    await this.assertParent(ctx, input.parentId, id);
    const { version, ...patch } = input;
    return this.db.transaction(async (m) => bodyView(await updateVersioned(m, this.audit, ctx, Body, 'body', id, version, patch)));
  }

  /**
   * Closes the body (lagt ned): it is kept, with its meetings, rounds, decisions and the memberships it
   * had, and shown as closed. Memberships still running end today; one that had not begun is removed.
   * A body with open bodies under it is closed after them.
   */
  async close(ctx: RequestContext, id: string) {
    await afterSessionChange(
      this.db.transaction(async (m) => {
        const body = await findOwnForUpdate(m, Body, ctx, id);
        if (body.closedOn) throw ValidationFailed.field('id', 'Organet er allerede lagt ned');
        const children = await m.countBy(Body, { parentId: id, municipalityId: ctx.municipalityId, closedOn: IsNull() });
        if (children > 0) throw ValidationFailed.field('id', 'Organet har underordnede organer som ikke er lagt ned. Legg ned dem først.');
        const today = osloDate(new Date());
        const running: Membership[] = await m
          .getRepository(Membership)
          .createQueryBuilder('ms')
          .where('ms.body_id = :id AND ms.municipality_id = :municipality', { id, municipality: ctx.municipalityId })
          .andWhere('(ms.valid_to IS NULL OR ms.valid_to > :today)', { today })
          .getMany();
        for (const ms of running) {
          if (ms.validFrom > today) await deleteAudited(m, this.audit, ctx, Membership, 'membership', ms.id);
          else await updateVersioned(m, this.audit, ctx, Membership, 'membership', ms.id, ms.version, { validTo: today });
        }
        await updateVersioned(m, this.audit, ctx, Body, 'body', id, body.version, { closedOn: today });
      }),
    );
  }

  async addMember(ctx: RequestContext, bodyId: string, input: CreateMembership) {
    return afterSessionChange(
      this.db.transaction(async (m) => {
        const body = await findOwnForUpdate(m, Body, ctx, bodyId);
        if (body.closedOn) throw ValidationFailed.field('userId', 'Organet er lagt ned og kan ikke få nye medlemmer');
        const user = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND municipality_id = $2`, [input.userId, ctx.municipalityId]);
        if (user.length === 0) throw ValidationFailed.field('userId', 'Fant ikke personen');
        const saved = await createAudited(m, this.audit, ctx, Membership, 'membership', { ...input, bodyId });
        return { id: saved.id, version: saved.version };
      }),
    );
  }

  async updateMember(ctx: RequestContext, bodyId: string, id: string, input: UpdateMembership) {
    const { version, ...patch } = input;
    return afterSessionChange(
      this.db.transaction(async (m) => {
        const current = await findOwnForUpdate(m, Membership, ctx, id);
        if (current.bodyId !== bodyId) throw new NotFound();
        await this.assertNotClosed(m, ctx, bodyId, 'validTo');
        if (current.version !== version) throw new StaleVersion(current);
        // The rules across fields hold for the membership as it will be stored, not for the patch alone.
        const problems = membershipProblems({ ...current, ...presentFields(patch) });
        if (problems.length > 0) throw new ValidationFailed(problems);
        const saved = await updateVersioned(m, this.audit, ctx, Membership, 'membership', id, version, patch);
        return { id: saved.id, version: saved.version };
      }),
    );
  }

  /**
   * A closed body's memberships are its history: they are neither changed nor removed (a membership made
   * current again would give its person the body's access back).
   */
  private async assertNotClosed(m: EntityManager, ctx: RequestContext, bodyId: string, field: string) {
    const body = await findOwnForUpdate(m, Body, ctx, bodyId);
    if (body.closedOn) throw ValidationFailed.field(field, 'Organet er lagt ned. Medlemskapene er historikk og kan ikke endres.');
  }

  async removeMember(ctx: RequestContext, bodyId: string, id: string) {
    await afterSessionChange(
      this.db.transaction(async (m) => {
        const current = await findOwnForUpdate(m, Membership, ctx, id);
        if (current.bodyId !== bodyId) throw new NotFound();
        await this.assertNotClosed(m, ctx, bodyId, 'id');
        await deleteAudited(m, this.audit, ctx, Membership, 'membership', id);
      }),
    );
  }
}
