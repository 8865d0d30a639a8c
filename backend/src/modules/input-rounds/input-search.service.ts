import { SIGNED_IN_READER, caseReadableSql, caseTitleSql } from '../cases/cases.service.js';
import type { SearchSqlParams } from '../cases/case-search.service.js';
import { submissionVisibleSql } from './input-rounds.service.js';

/*
 * The input-rounds module's part of the search (`GET /api/search`): inputs (a round's submissions,
 * continuous input and input from a school conference) that the reader may see, by the one rule
 * submissionVisibleSql. A public file (`*.service.ts`) because the search module imports it; no provider.
 */

/**
 * Inputs, by the text of their current version, each with who gave it (the body it speaks for, else its
 * author) and its case by the title the reader may see. Columns as SEARCH_COLUMNS (case-search.service.ts).
 */
export function inputSearchSql(p: SearchSqlParams): string {
  return `
    SELECT 'input'::text AS kind, s.id, shown.title, shown.body, c.id AS case_id,
           CASE WHEN c.id IS NULL THEN NULL ELSE c.archive_year || '/' || c.archive_seq END AS case_number,
           ${caseTitleSql('c', caseReadableSql('c', p.officer, p.bodyIds, SIGNED_IN_READER))} AS case_title,
           s.meeting_id, mt.title AS meeting_title, s.round_id, s.submitted_at AS at, shown.doc
      FROM submission_version sv
      JOIN submission s ON s.id = sv.submission_id AND s.current_version = sv.version
      JOIN app_user u ON u.id = s.author_id
      LEFT JOIN body b ON b.id = s.body_id
      LEFT JOIN input_round r ON r.id = s.round_id
      LEFT JOIN case_file c ON c.id = coalesce(s.case_id, r.case_id)
      LEFT JOIN meeting mt ON mt.id = s.meeting_id
     CROSS JOIN LATERAL (SELECT coalesce(b.name, u.name) AS title, sv.text AS body,
                                setweight(sv.text_tsv, 'B') AS doc) shown
     WHERE s.municipality_id = ${p.municipalityId} AND sv.text_tsv @@ ${p.query}
       AND ${submissionVisibleSql('s', p)}`;
}
