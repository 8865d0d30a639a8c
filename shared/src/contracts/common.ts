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

// Text ------------------------------------------------------------------------------------------

export const NUL_MESSAGE = 'Teksten kan ikke inneholde nulltegn (U+0000)';

/** Whether a string, or any string or key inside an array or object, holds a NUL character. */
export function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v));
  return false;
}

/**
 * The owner of "what a text field may hold": every text field of every contract is built on this. A
 * NUL character is refused with a Norwegian field error (PostgreSQL cannot store it, in text or jsonb).
 */
export const text = (error?: string) =>
  z.string(error ? { error } : undefined).refine((v) => !v.includes('\u0000'), { error: NUL_MESSAGE });
export const nonEmpty = (label: string, max = 500) =>
  text(`${label} må fylles ut`)
    .trim()
    .min(1, { error: `${label} må fylles ut` })
    .max(max, { error: `${label} kan ha høyst ${max} tegn` });
export const optionalText = (max = 20000) => text().max(max, { error: `Teksten kan ha høyst ${max} tegn` });
/** A short trimmed text that may be empty (a party, a place, a legal basis). */
export const shortText = (max: number, tooLong = `Teksten kan ha høyst ${max} tegn`) => text().trim().max(max, { error: tooLong });
/** A title or a name: required, and on one line (a bare CR or LF is refused). */
export const line = (label: string, max = 300) =>
  nonEmpty(label, max).refine((v) => !/[\r\n]/.test(v), { error: `${label} må stå på én linje` });
/** An optional title on one line (e.g. an exempt case's screened title). */
export const optionalLine = (max = 300) => shortText(max).refine((v) => !/[\r\n]/.test(v), { error: 'Teksten må stå på én linje' });
/** A JSON object given as is (a model): no NUL in any string or key inside it. */
export const jsonObject = () => z.record(z.string(), z.unknown()).refine((v) => !hasNul(v), { error: NUL_MESSAGE });

// Dates -----------------------------------------------------------------------------------------

/** Dates and times are accepted between these years (a deadline in 9999 or a meeting in year 1 is a typing error). */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
const DATE_WINDOW = `Datoen må være mellom år ${YEAR_MIN} og ${YEAR_MAX}`;
/** Year from the text; a text that is not a date at all is left to the format check (one message per field). */
const inWindow = (v: string) => {
  const year = /^(\d{4})-/.exec(v)?.[1];
  return year === undefined || (Number(year) >= YEAR_MIN && Number(year) <= YEAR_MAX);
};

/** The owner of "a date is a sane date": every date field is one of these two. */
export const isoDate = z.iso.date({ error: 'Må være en dato (ÅÅÅÅ-MM-DD)' }).refine(inWindow, { error: DATE_WINDOW });
export const zonedDateTime = z.iso
  .datetime({ offset: true, error: 'Må være tidspunkt med tidssone, f.eks. 2026-12-01T12:00:00+01:00' })
  .refine(inWindow, { error: DATE_WINDOW });

/** A link people open (a meeting's video link): https only, so `javascript:` and other schemes are refused. */
export const httpsUrl = (label: string) =>
  z
    .url({
      protocol: /^https$/,
      hostname: z.regexes.domain,
      error: `${label} må være en https-adresse, f.eks. https://møte.example.no/rom`,
    })
    .max(2000, { error: `${label} kan ha høyst 2000 tegn` });

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
  const refused = Object.fromEntries(
    Object.entries(options.elsewhere ?? {}).map(([k, message]) => [k, z.never({ error: message }).optional()]),
  );
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
