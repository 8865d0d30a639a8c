import { useQuery } from '@tanstack/react-query';
import { searchQuerySchema, type Answer, type SearchKind } from '@samrad/shared/contracts';
import { paths } from '../../config/paths.js';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type SearchAnswer = Answer<'GET /api/search'>;
export type SearchHitView = SearchAnswer['hits'][number];

/** Hits per page on the search page. */
export const SEARCH_PAGE_SIZE = 20;

/** The question's problem in the contract's Norwegian words (too short, too long), or null when it may be sent. */
export function queryProblem(q: string): string | null {
  const r = searchQuerySchema.shape.q.safeParse(q);
  return r.success ? null : (r.error.issues[0]?.message ?? null);
}

/** `GET /api/search`: asked only for a question the contract accepts (the page shows the problem instead). */
export function useSearch(q: string, kind: SearchKind | null, offset: number) {
  const params = new URLSearchParams({ q: q.trim(), limit: String(SEARCH_PAGE_SIZE), offset: String(offset) });
  if (kind) params.set('kind', kind);
  return useQuery({
    queryKey: keys.search(q.trim(), kind, offset),
    queryFn: () => api<SearchAnswer>(`/api/search?${params}`),
    enabled: queryProblem(q) === null,
  });
}

/** Where a hit is read: its case, round or meeting. */
export function hitLink(h: SearchHitView): string {
  switch (h.kind) {
    case 'meeting':
      return h.meeting ? paths.meeting(h.meeting.id) : paths.meetings;
    case 'input':
      return h.roundId ? paths.round(h.roundId) : h.case ? paths.case(h.case.id) : paths.mandate;
    default:
      return h.case ? paths.case(h.case.id) : paths.cases;
  }
}
