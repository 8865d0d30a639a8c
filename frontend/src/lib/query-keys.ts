/**
 * The query keys of every API read, in one place. Keys nest: invalidating `keys.cases.detail(id)`
 * refreshes the case and everything under it (its comments, attachments, sections, summary).
 */
export const keys = {
  me: ['me'] as const,
  tasks: ['tasks'] as const,
  notifications: ['notifications'] as const,
  notificationSettings: ['me', 'notification-settings'] as const,
  decisions: {
    all: ['decisions'] as const,
    /** By the search's query string. */
    search: (query: string) => ['decisions', query] as const,
  },
  /** The search page: by question, kind and offset. */
  search: (q: string, kind: string | null, offset: number) => ['search', q, kind, offset] as const,
  users: ['users'] as const,
  mandate: ['mandate'] as const,
  mandateReport: ['mandate', 'report'] as const,
  followUps: (caseId: string) => ['cases', caseId, 'follow-ups'] as const,
  bodies: {
    all: ['bodies'] as const,
    detail: (id: string) => ['bodies', id] as const,
  },
  cases: {
    all: ['cases'] as const,
    detail: (id: string) => ['cases', id] as const,
    attachments: (id: string) => ['cases', id, 'attachments'] as const,
    documents: (id: string) => ['cases', id, 'documents'] as const,
    comments: (id: string) => ['cases', id, 'comments'] as const,
    history: (id: string) => ['cases', id, 'history'] as const,
    summary: (id: string) => ['cases', id, 'summary'] as const,
    sectionVersions: (id: string, sectionId: string) => ['cases', id, 'sections', sectionId, 'versions'] as const,
    sectionDiff: (id: string, sectionId: string, from: number, to: number) =>
      ['cases', id, 'sections', sectionId, 'diff', from, to] as const,
  },
  rounds: {
    detail: (id: string) => ['rounds', id] as const,
  },
  submissions: {
    versions: (id: string) => ['submissions', id, 'versions'] as const,
  },
  inputs: {
    /** One's own inputs on a case or a mandate item. */
    mine: (scope: { caseId?: string; mandateItemId?: string }) =>
      ['inputs', 'mine', scope.caseId ?? null, scope.mandateItemId ?? null] as const,
    all: ['inputs'] as const,
  },
  meetings: {
    all: ['meetings'] as const,
    detail: (id: string) => ['meetings', id] as const,
    /** A case's protokolltilførsler (under meetings: a new statement refreshes them). */
    caseStatements: (caseId: string) => ['meetings', 'case-statements', caseId] as const,
  },
  allocation: {
    all: ['allocation'] as const,
    detail: (id: string) => ['allocation', id] as const,
    import: (importId: string | null) => ['import', importId] as const,
    dataset: (id: string | undefined) => ['allocation', 'dataset', id] as const,
  },
  analysis: {
    all: ['analysis'] as const,
    detail: (id: string) => ['analysis', id] as const,
    comments: (id: string) => ['analysis', id, 'comments'] as const,
    versions: (id: string) => ['analysis', id, 'versions'] as const,
  },
  scenarios: {
    all: ['scenario'] as const,
    detail: (id: string | undefined) => ['scenario', id] as const,
    compare: (id: string | undefined, against: string) => ['scenario', id, 'compare', against] as const,
    comments: (id: string | undefined) => ['scenario', id, 'comments'] as const,
    sweep: (sweepId: string | null) => ['sweep', sweepId] as const,
  },
};
