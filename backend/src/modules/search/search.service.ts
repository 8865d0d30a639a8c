import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, SEARCH_KINDS, splitHighlight, type SearchKind, type SearchQuery } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { SEARCH_COLUMNS, caseSearchSql, decisionSearchSql, type SearchSqlParams } from '../cases/case-search.service.js';
import { inputSearchSql } from '../input-rounds/input-search.service.js';
import { meetingSearchSql } from '../meetings/meeting-search.service.js';

/** The placeholders of the search statement: $1 municipality, $2 the question, $3–$6 the reader, $7 kind, $8 limit, $9 offset, $10–$11 headline options. */
const P: SearchSqlParams = {
  municipalityId: '$1::uuid',
  query: "websearch_to_tsquery('norwegian', $2::text)",
  officer: '$3::boolean',
  userId: '$4::uuid',
  bodyIds: '$5',
  now: '$6::timestamptz',
};

/**
 * ts_headline's parser reads `<…>` as markup and drops it from the excerpt; a `<` is therefore handed to
 * it as this private-use character and given back afterwards, so text is shown as it was written.
 */
const LT = '\uE002';
/** The sentinels (and LT) are taken out of the text before ts_headline puts its own in. */
const clean = (col: string) =>
  `replace(replace(replace(replace(${col}, '${HIGHLIGHT_START}', ''), '${HIGHLIGHT_STOP}', ''), '${LT}', ''), '<', '${LT}')`;
const highlight = (s: string) => splitHighlight(s).map((p) => ({ ...p, text: p.text.replaceAll(LT, '<') }));
const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;
const TITLE_OPTIONS = `${HEADLINE}, HighlightAll=true`;
const EXCERPT_OPTIONS = `${HEADLINE}, MaxFragments=2, MaxWords=28, MinWords=10, ShortWord=2, FragmentDelimiter=" … "`;

/**
 * One statement: every owning module's fragment (each applies its own read rules and yields only rows
 * whose visible text matches), unioned; counted per kind; ranked with ts_rank_cd (normalised by the
 * length of the document); one page of them highlighted with ts_headline over the same visible texts.
 */
export const SEARCH_SQL = `
  WITH hits AS MATERIALIZED (
    SELECT ${SEARCH_COLUMNS} FROM (${caseSearchSql(P)}) cases
    UNION ALL SELECT ${SEARCH_COLUMNS} FROM (${decisionSearchSql(P)}) decisions
    UNION ALL SELECT ${SEARCH_COLUMNS} FROM (${inputSearchSql(P)}) inputs
    UNION ALL SELECT ${SEARCH_COLUMNS} FROM (${meetingSearchSql(P)}) meetings
  ),
  page AS (
    SELECT h.*, ts_rank_cd(h.doc, ${P.query}, 1) AS rank FROM hits h
     WHERE $7::text IS NULL OR h.kind = $7::text
     ORDER BY rank DESC, h.at DESC, h.id
     LIMIT $8 OFFSET $9
  )
  SELECT (SELECT coalesce(json_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int AS n FROM hits GROUP BY kind) k) AS counts,
         (SELECT coalesce(json_agg(json_build_object(
                   'kind', p.kind, 'id', p.id, 'case_id', p.case_id, 'case_number', p.case_number, 'case_title', p.case_title,
                   'meeting_id', p.meeting_id, 'meeting_title', p.meeting_title, 'round_id', p.round_id, 'at', p.at, 'rank', p.rank,
                   'title', ts_headline('norwegian', ${clean('p.title')}, ${P.query}, $10),
                   'excerpt', CASE WHEN p.body = '' THEN '' ELSE ts_headline('norwegian', ${clean('p.body')}, ${P.query}, $11) END
                 ) ORDER BY p.rank DESC, p.at DESC, p.id), '[]')
            FROM page p) AS hits`;

/**
 * How SEARCH_SQL is run: without JIT compilation. The planner prices the per-hit subqueries (a case's
 * sections) high enough to JIT-compile the statement, which on a few thousand hits costs more than
 * running it (measured by test/perf/search-plan.ts, docs/performance.md).
 */
export const SEARCH_SETTINGS = 'SET LOCAL jit = off';

/** The values of SEARCH_SQL's placeholders for a reader and a question. */
export function searchValues(
  ctx: Pick<RequestContext, 'municipalityId' | 'userId' | 'roles' | 'bodyIds'>,
  q: SearchQuery,
  now: Date,
): unknown[] {
  return [
    ctx.municipalityId,
    q.q,
    ctx.roles.has('case_officer'),
    ctx.userId,
    [...ctx.bodyIds],
    now,
    q.kind ?? null,
    q.limit,
    q.offset,
    TITLE_OPTIONS,
    EXCERPT_OPTIONS,
  ];
}

interface HitRow {
  kind: SearchKind;
  id: string;
  case_id: string | null;
  case_number: string | null;
  case_title: string | null;
  meeting_id: string | null;
  meeting_title: string | null;
  round_id: string | null;
  at: string;
  rank: number;
  title: string;
  excerpt: string;
}

/**
 * Search across cases, inputs, decisions and meetings, in Norwegian full-text search. The search module
 * owns no table and no read rule: it unions the fragments the owners contribute (cases, input-rounds,
 * meetings), each written beside the rule it applies.
 */
@Injectable()
export class SearchService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async search(ctx: RequestContext, q: SearchQuery) {
    const [row]: { counts: Partial<Record<SearchKind, number>>; hits: HitRow[] }[] = await this.db.transaction(async (m) => {
      await m.query(SEARCH_SETTINGS);
      return m.query(SEARCH_SQL, searchValues(ctx, q, this.clock.now()));
    });
    const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, row?.counts[k] ?? 0])) as Record<SearchKind, number>;
    return {
      kind: q.kind ?? null,
      total: q.kind ? counts[q.kind] : SEARCH_KINDS.reduce((n, k) => n + counts[k], 0),
      counts,
      limit: q.limit,
      offset: q.offset,
      hits: (row?.hits ?? []).map((h) => ({
        kind: h.kind,
        id: h.id,
        title: highlight(h.title),
        excerpt: highlight(h.excerpt),
        case: h.case_id ? { id: h.case_id, number: h.case_number ?? '', title: h.case_title ?? '' } : null,
        meeting: h.meeting_id ? { id: h.meeting_id, title: h.meeting_title ?? '' } : null,
        roundId: h.round_id,
        at: new Date(h.at).toISOString(),
        rank: h.rank,
      })),
    };
  }
}
