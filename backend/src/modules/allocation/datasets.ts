import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { hasNul, NUL_MESSAGE } from '@samrad/shared/contracts';
import { allocationInputSchema, type Stage, type UnitInput } from '@samrad/shared/engine';
import type { UnitsTableOptions } from '@samrad/shared/formats';
import type { RequestContext } from '../../platform/auth/context.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import type { AuditService } from '../audit/audit.service.js';

export interface ParsedUnits {
  units: UnitInput[];
  model: Record<string, unknown> | null;
}

type Actor = Pick<RequestContext, 'municipalityId' | 'userId'>;

/** A new, immutable model version (criteria, rates, pots …) of an allocation case. */
export async function insertModelVersion(
  m: EntityManager,
  audit: AuditService,
  ctx: Actor,
  caseId: string,
  label: string,
  model: Record<string, unknown>,
) {
  const shape = allocationInputSchema.omit({ units: true, format: true }).safeParse(model, { error: z.locales.no().localeError });
  if (!shape.success)
    throw new ValidationFailed(shape.error.issues.map((i) => ({ path: `model.${i.path.join('.')}`, message: i.message })));
  if (hasNul(model)) throw ValidationFailed.field('model', NUL_MESSAGE);
  const [{ n }] = await m.query(`SELECT coalesce(max(number), 0) + 1 AS n FROM model_version WHERE allocation_case_id = $1`, [caseId]);
  const [row] = await m.query(
    `INSERT INTO model_version (allocation_case_id, number, label, model, created_by) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [caseId, n, label, JSON.stringify(model), ctx.userId],
  );
  await audit.record(m, ctx, 'create', 'model_version', row.id, null, { label, number: n });
  return { id: row.id as string, number: n as number };
}

/** Stores a clean dataset (and the model of an interchange file as a new model version). */
export async function storeDataset(
  m: EntityManager,
  audit: AuditService,
  ctx: Actor,
  caseId: string,
  name: string,
  format: string,
  parsed: ParsedUnits,
) {
  // A file's text may carry NUL in an escape (JSON "\u0000", an XLSX cell): the same rule as every text field.
  if (hasNul(parsed.units) || hasNul(parsed.model)) throw ValidationFailed.field('content', NUL_MESSAGE);
  const [row] = await m.query(
    `INSERT INTO allocation_dataset (allocation_case_id, name, source, units, created_by) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [caseId, name, format, JSON.stringify(parsed.units), ctx.userId],
  );
  await audit.record(m, ctx, 'create', 'allocation_dataset', row.id, null, { name, units: parsed.units.length });
  const modelVersionId = parsed.model ? (await insertModelVersion(m, audit, ctx, caseId, `Modell fra ${name}`, parsed.model)).id : null;
  return { id: row.id as string, units: parsed.units.length, modelVersionId };
}

/**
 * What reading a spreadsheet for this case needs to know: the custom drivers its model versions declare
 * (with their names), and the units of its earlier datasets by organisation number and stage (the newest
 * dataset's id wins), so a unit keeps its id from one year's counts to the next.
 */
export async function tableContext(
  m: Pick<EntityManager, 'query'>,
  caseId: string,
): Promise<Required<UnitsTableOptions> & { driverLabels: { id: string; label: string }[] }> {
  // One after the other: in a transaction both go through the same connection.
  const drivers: { id: string; label: string }[] = await m.query(
    `SELECT DISTINCT ON (d->>'id') d->>'id' AS id, coalesce(d->>'label', d->>'id') AS label
       FROM model_version mv,
            jsonb_array_elements(CASE WHEN jsonb_typeof(mv.model->'customDrivers') = 'array' THEN mv.model->'customDrivers' ELSE '[]'::jsonb END) d
      WHERE mv.allocation_case_id = $1 AND d->>'id' IS NOT NULL ORDER BY d->>'id', mv.number DESC`,
    [caseId],
  );
  const known: { id: string; org_number: string; stage: Stage }[] = await m.query(
    `SELECT DISTINCT ON (u->>'orgNumber', u->>'stage') u->>'id' AS id, u->>'orgNumber' AS org_number, u->>'stage' AS stage
       FROM allocation_dataset ds, jsonb_array_elements(ds.units) u
      WHERE ds.allocation_case_id = $1 AND u ? 'orgNumber'
      ORDER BY u->>'orgNumber', u->>'stage', ds.created_at DESC`,
    [caseId],
  );
  return {
    customDrivers: drivers.map((d) => d.id),
    driverLabels: drivers,
    known: known.map((k) => ({ id: k.id, orgNumber: k.org_number, stage: k.stage })),
  };
}
