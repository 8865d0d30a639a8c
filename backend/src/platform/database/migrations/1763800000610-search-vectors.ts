import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search (`GET /api/search`) on stored vectors: each searched text gets a generated column
 * holding its `to_tsvector('norwegian', …)` (`*_tsv`, written by PostgreSQL alone, never by the app), with
 * a GIN index on it in place of the expression indexes of 1763800000600 (and `decision_search_idx` of
 * 1763800000002), which keep their names. The owners' search fragments match, recheck and rank on these
 * columns, so no question parses text again; only the page of hits shown is highlighted from the text.
 * `search_tsv_agg` concatenates a case's section vectors in order (as `||` does: positions run on).
 */
const COLUMNS: [table: string, column: string, source: string, index: string][] = [
  ['case_file', 'title_tsv', 'title', 'case_file_title_search_idx'],
  ['case_file', 'public_title_tsv', "coalesce(public_title, '')", 'case_file_public_title_search_idx'],
  ['case_section_version', 'text_tsv', 'text', 'case_section_version_search_idx'],
  ['decision', 'text_tsv', 'text', 'decision_search_idx'],
  ['submission_version', 'text_tsv', 'text', 'submission_version_search_idx'],
  ['agenda_item', 'minutes_tsv', "coalesce(minutes, '')", 'agenda_item_minutes_search_idx'],
  ['meeting', 'title_tsv', 'title', 'meeting_title_search_idx'],
  ['protocol_statement', 'text_tsv', 'text', 'protocol_statement_search_idx'],
];

export class SearchVectors1763800000610 implements MigrationInterface {
  name = 'SearchVectors1763800000610';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column, source, index] of COLUMNS) {
      await q.query(`
        DROP INDEX ${index};
        ALTER TABLE ${table} ADD COLUMN ${column} tsvector GENERATED ALWAYS AS (to_tsvector('norwegian', ${source})) STORED NOT NULL;
        CREATE INDEX ${index} ON ${table} USING gin (${column});
      `);
    }
    await q.query(`CREATE AGGREGATE search_tsv_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP AGGREGATE search_tsv_agg(tsvector)`);
    for (const [table, column, source, index] of [...COLUMNS].reverse()) {
      await q.query(`
        DROP INDEX ${index};
        ALTER TABLE ${table} DROP COLUMN ${column};
        CREATE INDEX ${index} ON ${table} USING gin (to_tsvector('norwegian', ${source}));
      `);
    }
  }
}
