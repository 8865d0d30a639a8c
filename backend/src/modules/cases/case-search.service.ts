import { SIGNED_IN_READER, caseReadableSql, caseTitleChoiceSql, caseTitleSql } from './cases.service.js';

/*
 * The cases module's part of the search (`GET /api/search`, modules/search): SQL fragments that find the
 * cases and decisions a reader may see, written here beside the rules they apply (caseReadableSql,
 * caseTitleSql), so the search module never reads case_file, case_section or decision itself. A public
 * file (`*.service.ts`) because the search module imports it; it holds no provider.
 */

/**
 * The placeholders of a search query, shared by every module's fragment: the municipality (uuid), the
 * question (a tsquery expression), the reader (officer boolean, user uuid, bodies uuid[]) and now.
 */
export interface SearchSqlParams {
  municipalityId: string;
  query: string;
  officer: string;
  userId: string;
  bodyIds: string;
  now: string;
}

/**
 * The columns every fragment yields, in this order: `kind`, `id`, `title` and `body` (the texts the
 * reader may see: the hit's heading and its searched text), `case_id`, `case_number`, `case_title` (the
 * case by the title the reader may see), `meeting_id`, `meeting_title`, `round_id`, `at`, and `doc`: the
 * weighted tsvector of exactly the visible texts, built from the owners' stored vectors (`*_tsv`, migration
 * 1763800000610), never by parsing text. A fragment keeps a row only when `doc` matches the
 * question, so nothing the reader may not see can make a row match; the index conditions before it
 * only narrow the candidates.
 */
export const SEARCH_COLUMNS = 'kind, id, title, body, case_id, case_number, case_title, meeting_id, meeting_title, round_id, at, doc';

/*
 * `OFFSET 0` keeps a LATERAL subquery from being flattened into its referrers: the visible texts are
 * computed once per row, not once for each column that uses them.
 */

/** The text of a case's sections as they stand now (current versions, in order). */
const currentSections = (c: string) =>
  `(SELECT string_agg(sv.text, E'\\n\\n' ORDER BY cs.position)
      FROM case_section cs JOIN case_section_version sv ON sv.section_id = cs.id AND sv.version = cs.current_version
     WHERE cs.case_id = ${c}.id)`;

/**
 * The stored tsvector of the same sections (each version's `text_tsv`, concatenated in order by
 * `search_tsv_agg` as `||` does), so the search never parses their text again.
 */
const currentSectionsTsv = (c: string) =>
  `(SELECT search_tsv_agg(sv.text_tsv ORDER BY cs.position)
      FROM case_section cs JOIN case_section_version sv ON sv.section_id = cs.id AND sv.version = cs.current_version
     WHERE cs.case_id = ${c}.id)`;

/**
 * The stored tsvector of the case title the reader may see, chosen by the rule of caseTitleSql: an
 * exempt case's real title (`title_tsv`) only for those who may read it, else its screened title's.
 */
export const caseTitleTsvSql = (c: string, readable: string) => caseTitleChoiceSql(c, readable, 'title_tsv', 'public_title_tsv');

/**
 * Cases: the title the reader may see (an exempt case's screened title to those who may not read it)
 * and, for those who may read the case, the text of its sections.
 */
export function caseSearchSql(p: SearchSqlParams): string {
  return `
    SELECT 'case'::text AS kind, c.id, t.title, t.body, c.id AS case_id, c.archive_year || '/' || c.archive_seq AS case_number,
           t.title AS case_title, NULL::uuid AS meeting_id, NULL::text AS meeting_title, NULL::uuid AS round_id, c.updated_at AS at, d.doc
      FROM (SELECT id FROM case_file WHERE municipality_id = ${p.municipalityId} AND title_tsv @@ ${p.query}
            UNION SELECT id FROM case_file WHERE municipality_id = ${p.municipalityId} AND public_title_tsv @@ ${p.query}
            UNION SELECT cs.case_id FROM case_section_version sv JOIN case_section cs ON cs.id = sv.section_id AND cs.current_version = sv.version
                   WHERE sv.text_tsv @@ ${p.query}) candidate
      JOIN case_file c ON c.id = candidate.id AND c.municipality_id = ${p.municipalityId}
     CROSS JOIN LATERAL (SELECT ${caseReadableSql('c', p.officer, p.bodyIds, SIGNED_IN_READER)} AS readable) v
     CROSS JOIN LATERAL (SELECT setweight(${caseTitleTsvSql('c', 'v.readable')}, 'A')
                                || setweight(CASE WHEN v.readable THEN ${currentSectionsTsv('c')} ELSE ''::tsvector END, 'B') AS doc OFFSET 0) d
     CROSS JOIN LATERAL (SELECT coalesce(${caseTitleSql('c', 'v.readable')}, '') AS title,
                                CASE WHEN v.readable THEN coalesce(${currentSections('c')}, '') ELSE '' END AS body OFFSET 0) t
     WHERE d.doc @@ ${p.query}`;
}

/**
 * Decisions (vedtak): their text, for those who may read the case (as in the decisions register, an
 * exempt case's decision is withheld from the others, so it cannot be found by its words either).
 */
export function decisionSearchSql(p: SearchSqlParams): string {
  return `
    SELECT 'decision'::text AS kind, d.id, t.title, t.body, c.id AS case_id, c.archive_year || '/' || c.archive_seq AS case_number,
           t.title AS case_title, d.meeting_id, NULL::text AS meeting_title, NULL::uuid AS round_id, (d.decided_on::timestamp AT TIME ZONE 'Europe/Oslo') AS at, t.doc
      FROM decision d JOIN case_file c ON c.id = d.case_id
     CROSS JOIN LATERAL (SELECT ${caseReadableSql('c', p.officer, p.bodyIds, SIGNED_IN_READER)} AS readable) v
     CROSS JOIN LATERAL (SELECT coalesce(${caseTitleSql('c', 'v.readable')}, '') AS title, CASE WHEN v.readable THEN d.text ELSE '' END AS body,
                                setweight(CASE WHEN v.readable THEN d.text_tsv ELSE ''::tsvector END, 'B') AS doc OFFSET 0) t
     WHERE d.municipality_id = ${p.municipalityId} AND d.text_tsv @@ ${p.query} AND t.doc @@ ${p.query}`;
}
