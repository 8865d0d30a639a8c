import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../../platform/auth/context.js';
import type { AuditEvent, FieldChanges } from './audit-event.entity.js';

const IGNORED = new Set(['createdAt', 'updatedAt', 'version', 'passwordHash']);

function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Field-by-field difference between two versions of a record (secrets and bookkeeping left out). */
export function diffFields(before: object | null, after: object | null): FieldChanges {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED.has(key)) continue;
    const x = plain(b[key]) ?? null;
    const y = plain(a[key]) ?? null;
    if (JSON.stringify(x) !== JSON.stringify(y)) changes[key] = { before: before ? x : null, after: after ? y : null };
  }
  return changes;
}

@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** Writes the audit event inside the caller's transaction, so the change and its trail commit together. */
  async record(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'municipalityId' | 'userId'> | { municipalityId: string; userId: null },
    action: AuditEvent['action'],
    entityType: string,
    entityId: string,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    // Plain SQL: this runs inside every audited change, including each submission of a deadline burst.
    await manager.query(
      `INSERT INTO audit_event (municipality_id, actor_id, action, entity_type, entity_id, changes) VALUES ($1, $2, $3, $4, $5, $6)`,
      [ctx.municipalityId, ctx.userId, action, entityType, entityId, JSON.stringify(diffFields(before, after))],
    );
  }

  async history(municipalityId: string, entityType: string, entityId: string) {
    const rows: { id: string; action: string; changes: FieldChanges; at: Date; actor_id: string | null; actor_name: string | null }[] =
      await this.db.query(
        `SELECT e.id, e.action, e.changes, e.at, e.actor_id, u.name AS actor_name
           FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
          WHERE e.municipality_id = $1 AND e.entity_type = $2 AND e.entity_id = $3
          ORDER BY e.id`,
        [municipalityId, entityType, entityId],
      );
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      changes: r.changes,
      at: r.at.toISOString(),
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
    }));
  }
}
