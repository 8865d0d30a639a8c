import { z } from 'zod';

/** Norwegian messages for zod's built-in checks; pass as `{ error: noErrorMap }` or use {@link parseWith}. */
export const noErrorMap = z.locales.no().localeError;

export interface FieldError {
  path: string;
  message: string;
}

/** The error body of every 400: one entry per bad field. */
export const errorResponseSchema = z.object({
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** The body of a 409: someone else changed the record first. */
export const conflictResponseSchema = z.object({
  message: z.string(),
  current: z.unknown(),
});

export const uuid = z.uuid({ error: 'Ugyldig id' });
export const isoDate = z.iso.date({ error: 'Må være en dato (ÅÅÅÅ-MM-DD)' });
export const nonEmpty = (label: string, max = 500) =>
  z
    .string({ error: `${label} må fylles ut` })
    .trim()
    .min(1, { error: `${label} må fylles ut` })
    .max(max, { error: `${label} kan ha høyst ${max} tegn` });
export const optionalText = (max = 20000) => z.string().max(max, { error: `Teksten kan ha høyst ${max} tegn` });
export const version = z.number({ error: 'Versjonen redigeringen bygger på mangler' }).int().positive();

/** A field's schema with its create-time default removed (a default is for creating, never for changing). */
type WithoutDefault<T> = T extends z.ZodDefault<infer I> ? WithoutDefault<I> : T extends z.ZodPrefault<infer I> ? WithoutDefault<I> : T;
function withoutDefault(t: z.ZodType): z.ZodType {
  if (t instanceof z.ZodDefault || t instanceof z.ZodPrefault) return withoutDefault(t.unwrap() as z.ZodType);
  if (t instanceof z.ZodNullable) return withoutDefault(t.unwrap() as z.ZodType).nullable();
  if (t instanceof z.ZodOptional) return withoutDefault(t.unwrap() as z.ZodType).optional();
  return t;
}

export type PatchShape<S extends z.ZodRawShape> = { version: typeof version } & { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/**
 * The owner of "a PATCH changes only the fields it is sent": the body of every PATCH route is built
 * here from the fields it may change (usually the create schema's `.shape`). Each field is optional
 * and loses its create-time default, so a missing field stays missing (never read as its default or
 * as null); an explicit null clears a nullable field. `version` is required. Any other key is refused
 * with a field error (see parseWith); `elsewhere` names keys that are changed by another action, with the message
 * that points to it. Services then apply only the keys present (`updateVersioned`).
 */
export function patchSchema<S extends z.ZodRawShape>(fields: S, options: { elsewhere?: Record<string, string> } = {}) {
  const optional = Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, withoutDefault(t as z.ZodType).optional()]));
  const refused = Object.fromEntries(Object.entries(options.elsewhere ?? {}).map(([k, message]) => [k, z.never({ error: message }).optional()]));
  return z.strictObject({ ...refused, version, ...optional } as unknown as PatchShape<S>);
}

export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

export const UNKNOWN_FIELD = 'Feltet finnes ikke eller kan ikke endres her';

/** Validates with Norwegian messages and returns field errors. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): ParseResult<z.infer<S>> {
  const r = schema.safeParse(value, { error: noErrorMap });
  if (r.success) return { ok: true, data: r.data };
  return {
    ok: false,
    errors: r.error.issues.flatMap((i) =>
      // A key a strict schema does not know is an error of that field, not of the whole body.
      i.code === 'unrecognized_keys'
        ? i.keys.map((key) => ({ path: formatIssuePath([...i.path, key]), message: UNKNOWN_FIELD }))
        : [{ path: formatIssuePath(i.path), message: i.message }],
    ),
  };
}
