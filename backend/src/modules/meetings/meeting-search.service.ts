import type { RequestContext } from '../../platform/auth/context.js';
import { SIGNED_IN_READER, caseReadableSql, caseTitleSql } from '../cases/cases.service.js';
import { caseTitleTsvSql, type SearchSqlParams } from '../cases/case-search.service.js';

/*
 * The meetings module's read rule for agendas, and its part of the search (`GET /api/search`). A public
 * file (`*.service.ts`) because the search module imports it; it holds no provider.
 */

/**
 * SQL for "the caller may see this meeting's agenda" (`mt` the meeting alias): once it is published, and
 * before that case officers and the members of the meeting's body. Within it, an exempt case's title,
 * minutes and decision are for those who may read the case (caseReadableSql / caseTitleSql).
 * MeetingsService.get applies the same rule in TS ({@link agendaVisible}).
 */
export function agendaVisibleSql(mt: string, officer: string, bodyIds: string): string {
  return `(${mt}.agenda_published_at IS NOT NULL OR ${officer} OR ${mt}.body_id = ANY(${bodyIds}::uuid[]))`;
}

/** The rule of agendaVisibleSql in TS, for a meeting already loaded. */
export function agendaVisible(ctx: RequestContext, mt: { agenda_published_at: Date | null; body_id: string }): boolean {
  return mt.agenda_published_at !== null || ctx.roles.has('case_officer') || ctx.bodyIds.has(mt.body_id);
}

/**
 * Meetings, in three parts (columns as SEARCH_COLUMNS in case-search.service.ts): a meeting by its
 * title (every meeting of the municipality is listed for everyone); an agenda item, where the reader
 * may see the agenda, by its case's title as the reader may see it and, for those who may read the
 * case, its minutes (protocol text); and a protokolltilførsel, shown in the protocol to all who see
 * the meeting, except one about a case the reader may not read (as MeetingsService.get withholds it).
 */
export function meetingSearchSql(p: SearchSqlParams): string {
  return `
    SELECT 'meeting'::text AS kind, mt.id, mt.title, ''::text AS body, NULL::uuid AS case_id, NULL::text AS case_number, NULL::text AS case_title,
           mt.id AS meeting_id, mt.title AS meeting_title, NULL::uuid AS round_id, mt.starts_at AS at,
           setweight(mt.title_tsv, 'A') AS doc
      FROM meeting mt
     WHERE mt.municipality_id = ${p.municipalityId} AND mt.title_tsv @@ ${p.query}
    UNION ALL
    SELECT 'meeting'::text AS kind, a.id, shown.title, shown.body, c.id AS case_id, c.archive_year || '/' || c.archive_seq AS case_number,
           shown.title AS case_title, mt.id AS meeting_id, mt.title AS meeting_title, NULL::uuid AS round_id, mt.starts_at AS at, shown.doc
      FROM (SELECT a.id FROM agenda_item a WHERE a.minutes_tsv @@ ${p.query}
            UNION SELECT a.id FROM agenda_item a JOIN case_file c ON c.id = a.case_id
                   WHERE c.municipality_id = ${p.municipalityId}
                     AND (c.title_tsv @@ ${p.query} OR c.public_title_tsv @@ ${p.query})) candidate
      JOIN agenda_item a ON a.id = candidate.id
      JOIN meeting mt ON mt.id = a.meeting_id AND mt.municipality_id = ${p.municipalityId}
      JOIN case_file c ON c.id = a.case_id
     CROSS JOIN LATERAL (SELECT ${caseReadableSql('c', p.officer, p.bodyIds, SIGNED_IN_READER)} AS readable) v
     CROSS JOIN LATERAL (SELECT coalesce(${caseTitleSql('c', 'v.readable')}, '') AS title,
                                CASE WHEN v.readable THEN coalesce(a.minutes, '') ELSE '' END AS body,
                                setweight(${caseTitleTsvSql('c', 'v.readable')}, 'A')
                                || setweight(CASE WHEN v.readable THEN a.minutes_tsv ELSE ''::tsvector END, 'B') AS doc OFFSET 0) shown
     WHERE ${agendaVisibleSql('mt', p.officer, p.bodyIds)} AND shown.doc @@ ${p.query}
    UNION ALL
    SELECT 'meeting'::text AS kind, ps.id, mt.title, ps.text AS body, NULL::uuid AS case_id, NULL::text AS case_number, NULL::text AS case_title,
           mt.id AS meeting_id, mt.title AS meeting_title, NULL::uuid AS round_id, ps.created_at AS at,
           setweight(ps.text_tsv, 'B') AS doc
      FROM protocol_statement ps JOIN meeting mt ON mt.id = ps.meeting_id
      LEFT JOIN agenda_item a ON a.id = ps.agenda_item_id
      LEFT JOIN case_file c ON c.id = a.case_id
     WHERE mt.municipality_id = ${p.municipalityId} AND ps.text_tsv @@ ${p.query}
       AND (ps.agenda_item_id IS NULL OR ${caseReadableSql('c', p.officer, p.bodyIds, SIGNED_IN_READER)})`;
}
