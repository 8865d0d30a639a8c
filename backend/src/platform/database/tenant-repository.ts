import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { RequestContext } from '../auth/context.js';
import { NotFound, StaleVersion } from '../http/errors.js';
import type { TenantEntity } from './base.entity.js';

/** Who makes the change: a person, or the operator command (no person: `userId` null). */
type Actor = Pick<RequestContext, 'municipalityId'> & { userId: string | null };
type Auditor = {
  record(
    m: EntityManager,
    ctx: Actor,
    action: 'create' | 'update' | 'delete',
    type: string,
    id: string,
    before: object | null,
    after: object | null,
  ): Promise<void>;
};

/** Loads a row of the caller's municipality, locked for the rest of the transaction; 404 otherwise. */
export async function findOwnForUpdate<T extends TenantEntity>(
  m: EntityManager,
  entity: EntityTarget<T>,
  ctx: Actor,
  id: string,
): Promise<T> {
  const row = await m.findOne(entity, {
    where: { id, municipalityId: ctx.municipalityId } as FindOptionsWhere<T>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) throw new NotFound();
  return row;
}

/** Creates a row in the caller's municipality and writes its audit event in the same transaction. */
export async function createAudited<T extends TenantEntity>(
  m: EntityManager,
  audit: Auditor,
  ctx: Actor,
  entity: EntityTarget<T>,
  entityType: string,
  values: Partial<T>,
): Promise<T> {
  const row = m.create(entity, { ...values, municipalityId: ctx.municipalityId } as T);
  const saved = await m.save(entity, row);
  await audit.record(m, ctx, 'create', entityType, saved.id, null, saved);
  return saved;
}

/**
 * The keys a PATCH was sent, with their values: a key that is absent (or undefined) is not a change,
 * while an explicit null is (it clears the field). With `patchSchema` in shared/contracts/common.ts this
 * owns "a PATCH changes only the fields it is sent"; every update applies its patch through it.
 */
export function presentFields<P extends object>(patch: P): Partial<P> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<P>;
}

/**
 * Applies the fields present in `patch` (see presentFields) when the caller's version is the stored one (409 with the current row otherwise),
 * bumps the version and writes the audit event, all in the caller's transaction.
 */
export async function updateVersioned<T extends TenantEntity>(
  m: EntityManager,
  audit: Auditor,
  ctx: Actor,
  entity: EntityTarget<T>,
  entityType: string,
  id: string,
  expectedVersion: number,
  patch: Partial<T>,
): Promise<T> {
  const current = await findOwnForUpdate(m, entity, ctx, id);
  if (current.version !== expectedVersion) throw new StaleVersion(current);
  const before = { ...current };
  Object.assign(current, presentFields(patch), { version: current.version + 1 });
  const saved = await m.save(entity, current);
  await audit.record(m, ctx, 'update', entityType, id, before, saved);
  return saved;
}

export async function deleteAudited<T extends TenantEntity>(
  m: EntityManager,
  audit: Auditor,
  ctx: Actor,
  entity: EntityTarget<T>,
  entityType: string,
  id: string,
): Promise<void> {
  const current = await findOwnForUpdate(m, entity, ctx, id);
  await m.remove(entity, current);
  await audit.record(m, ctx, 'delete', entityType, id, current, null);
}
