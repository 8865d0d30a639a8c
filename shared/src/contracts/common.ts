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

export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Validates with Norwegian messages and returns field errors. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): ParseResult<z.infer<S>> {
  const r = schema.safeParse(value, { error: noErrorMap });
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })) };
}
