/**
 * SQL for "the title of this case its reader may see": its own title when the case is public or the
 * reader may read it (`readable`, an SQL boolean such as caseReadableSql), else its screened public
 * title. Notices and e-mail, which leave the system and may reach people who may not read the case,
 * pass `'false'`. caseTitleFor is the same rule in TS; every place that names a case uses one of them
 * (the backend through `modules/cases/cases.service.ts`, which re-exports both; the notice catalogue
 * imports them from here, since the cases module sends notices and may not be imported back).
 */
export function caseTitleSql(c: string, readable: string): string {
  return caseTitleChoiceSql(c, readable, 'title', 'public_title');
}

/**
 * The rule of caseTitleSql choosing between two other columns of the case that stand for its title and its
 * screened title: the search's stored tsvectors of them (`title_tsv`, `public_title_tsv`).
 */
export function caseTitleChoiceSql(c: string, readable: string, title: string, publicTitle: string): string {
  return `(CASE WHEN ${c}.access = 'public' OR (${readable}) THEN ${c}.${title} ELSE ${c}.${publicTitle} END)`;
}

/** The rule of caseTitleSql in TS: `readable` from canRead, or false for notices and e-mail. */
export function caseTitleFor(c: { access: string; title: string; publicTitle: string | null }, readable: boolean): string {
  return c.access === 'public' || readable ? c.title : (c.publicTitle ?? '');
}
