import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search in Norwegian (`GET /api/search`): GIN expression indexes on exactly the expressions
 * the owners' search fragments test first (`to_tsvector('norwegian', …)`): case titles and screened
 * titles, the text of section versions, input versions, agenda minutes, meeting titles and
 * protokolltilførsler. Decisions have had theirs (`decision_search_idx`) since 1763800000002. Expression
 * indexes leave the tables' columns as their owners wrote them.
 */
export class Search1763800000600 implements MigrationInterface {
  name = 'Search1763800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX case_file_title_search_idx ON case_file USING gin (to_tsvector('norwegian', title));
      CREATE INDEX case_file_public_title_search_idx ON case_file USING gin (to_tsvector('norwegian', coalesce(public_title, '')));
      CREATE INDEX case_section_version_search_idx ON case_section_version USING gin (to_tsvector('norwegian', text));
      CREATE INDEX submission_version_search_idx ON submission_version USING gin (to_tsvector('norwegian', text));
      CREATE INDEX agenda_item_minutes_search_idx ON agenda_item USING gin (to_tsvector('norwegian', coalesce(minutes, '')));
      CREATE INDEX meeting_title_search_idx ON meeting USING gin (to_tsvector('norwegian', title));
      CREATE INDEX protocol_statement_search_idx ON protocol_statement USING gin (to_tsvector('norwegian', text));
      CREATE INDEX agenda_item_case_idx ON agenda_item (case_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX agenda_item_case_idx; DROP INDEX protocol_statement_search_idx; DROP INDEX meeting_title_search_idx;
      DROP INDEX agenda_item_minutes_search_idx; DROP INDEX submission_version_search_idx; DROP INDEX case_section_version_search_idx;
      DROP INDEX case_file_public_title_search_idx; DROP INDEX case_file_title_search_idx;
    `);
  }
}
