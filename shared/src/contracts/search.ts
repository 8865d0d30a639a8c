import { z } from 'zod';
import { text } from './common.js';

/** What the search finds: cases, inputs (round, continuous and conference input), decisions and meetings. */
export const SEARCH_KINDS = ['case', 'input', 'decision', 'meeting'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_MAX = 50;
/** How far one may page: beyond this the question should be narrowed. */
export const SEARCH_OFFSET_MAX = 1000;

/** A whole number from a query string ("20"), with a Norwegian message for anything else. */
const count = (label: string, min: number, max: number, fallback: number) =>
  z
    .union([z.number(), z.string()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = typeof v === 'number' ? v : /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${label} må være et heltall fra ${min} til ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** `GET /api/search?q=…&kind=…&limit=…&offset=…`: the question in Norwegian full-text search (websearch syntax). */
export const searchQuerySchema = z.object({
  q: text('Skriv hva du vil søke etter')
    .trim()
    .min(SEARCH_QUERY_MIN, { error: `Søket må ha minst ${SEARCH_QUERY_MIN} tegn` })
    .max(SEARCH_QUERY_MAX, { error: `Søket kan ha høyst ${SEARCH_QUERY_MAX} tegn` }),
  kind: z.enum(SEARCH_KINDS, { error: 'Velg saker, innspill, vedtak eller møter' }).optional(),
  limit: count('Antall treff per side', 1, SEARCH_LIMIT_MAX, 20),
  offset: count('Startpunktet', 0, SEARCH_OFFSET_MAX, 0),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/**
 * A highlighted text: the parts in order, `hit` where the search matched (shown as <mark>). The
 * server splits PostgreSQL's ts_headline at its sentinels, so no markup ever travels as HTML.
 */
export const highlightSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Highlight = z.infer<typeof highlightSchema>;

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  /** The hit's heading: the title the reader may see (an exempt case's public title to others). */
  title: highlightSchema,
  /** An excerpt of the matched text the reader may see (empty when only the title matched). */
  excerpt: highlightSchema,
  /** Where the hit belongs: the case (by the title the reader may see), and the meeting or round it is in. */
  case: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  meeting: z.object({ id: z.string(), title: z.string() }).nullable(),
  roundId: z.string().nullable(),
  /** When it happened (decided on, submitted, the meeting's start, the case's last change). */
  at: z.string(),
  rank: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** The answer does not repeat the question (the asker has it, and a log or a test of leaks need not see it twice). */
export const searchResponseSchema = z.object({
  kind: z.enum(SEARCH_KINDS).nullable(),
  /** Hits of the chosen kind (or of every kind); `counts` has them per kind, for the filter. */
  total: z.number().int(),
  counts: z.object({ case: z.number().int(), input: z.number().int(), decision: z.number().int(), meeting: z.number().int() }),
  limit: z.number().int(),
  offset: z.number().int(),
  hits: z.array(searchHitSchema),
});

/** ts_headline's StartSel/StopSel: private-use characters, removed from the searched text first. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

/** Splits a ts_headline text at its sentinels into highlighted parts (the sentinels never reach the reader). */
export function splitHighlight(s: string, start = HIGHLIGHT_START, stop = HIGHLIGHT_STOP): Highlight {
  const parts: Highlight = [];
  let rest = s;
  while (rest.length > 0) {
    const a = rest.indexOf(start);
    if (a < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (a > 0) parts.push({ text: rest.slice(0, a), hit: false });
    const b = rest.indexOf(stop, a + start.length);
    const end = b < 0 ? rest.length : b;
    const hit = rest.slice(a + start.length, end);
    if (hit) parts.push({ text: hit, hit: true });
    rest = b < 0 ? '' : rest.slice(b + stop.length);
  }
  // Merge neighbours of the same kind (ts_headline marks each word of a phrase on its own).
  return parts
    .map((p) => ({ ...p, text: p.text.replaceAll(start, '').replaceAll(stop, '') }))
    .reduce<Highlight>((out, p) => {
      const last = out.at(-1);
      if (last && last.hit === p.hit) last.text += p.text;
      else if (p.text) out.push({ ...p });
      return out;
    }, []);
}
