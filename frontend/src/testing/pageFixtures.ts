import { http, HttpResponse } from 'msw';
import { ME } from './render.js';
import { server } from './server.js';

/** Fixtures shared by the page tests: a member (a parent representative in KFU) and a case in its input round. */
export const MEMBER = {
  ...ME,
  id: 'u-fau',
  name: 'FAU-leder, Nordby skole',
  roles: ['member'],
  memberships: [{ bodyId: 'b2', bodyName: 'KFU', role: 'member', capacity: 'parent_representative' }],
};

export const CASE = {
  id: 'c1',
  number: '2026/12',
  title: 'Ny ressursfordelingsmodell',
  status: 'input_round',
  access: 'public',
  legalBasis: null,
  publicTitle: null,
  version: 3,
  mandateItem: { id: 'i3', number: 3, title: 'Ressursfordeling' },
  references: [] as {
    text: string;
    kind: 'case' | 'decision' | null;
    caseId: string | null;
    number: string | null;
    title: string | null;
    body: string | null;
  }[],
  officer: { id: 'u-officer', name: 'Rådgiver, oppvekst' },
  sections: [
    {
      id: 's1',
      kind: 'background',
      version: 2,
      text: 'Analysen viste store forskjeller mellom skolene.',
      updatedAt: '2026-11-20T09:00:00.000Z',
    },
  ],
  route: [{ bodyId: 'b1', bodyName: 'Driftsutvalget', position: 1, meetingDate: '2026-12-08', committeeNumber: '41/26' }],
  recommendations: [],
  decisions: [],
  // Open, and so its deadline is ahead (a past deadline would have the page ask again every second).
  rounds: [{ id: 'r1', title: 'Innspill til modellen', closesAt: '2027-03-01T11:00:00.000Z', open: true }],
  phase: { phase: 'input_round', body: null },
  phases: [
    { phase: 'draft', body: null, enteredAt: '2026-11-02T09:00:00.000Z', actor: 'Rådgiver, oppvekst', reason: null },
    { phase: 'in_preparation', body: null, enteredAt: '2026-11-10T09:00:00.000Z', actor: 'Rådgiver, oppvekst', reason: null },
    { phase: 'input_round', body: null, enteredAt: '2026-11-17T09:00:00.000Z', actor: 'Rådgiver, oppvekst', reason: null },
  ],
  allowedMoves: [] as { to: string; back: boolean; body: string | null }[],
  openInput: 'Innspillsrunden «Innspill til modellen» er fortsatt åpen.',
};

/** The case page's API for `me`, with the case's attachments. */
export function caseApi(me: object, attachments: object[] = []) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(me)),
    http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    http.get('/api/cases/c1/comments', () => HttpResponse.json({ comments: [] })),
    http.get('/api/cases/c1/input-summary', () =>
      HttpResponse.json({ caseId: 'c1', case: { number: CASE.number, title: CASE.title }, total: 0, handled: 0, items: [], text: '' }),
    ),
    http.get('/api/inputs/mine', () => HttpResponse.json({ items: [] })),
    http.get('/api/cases/c1/attachments', () => HttpResponse.json({ attachments })),
    http.get('/api/cases/c1/documents', () =>
      HttpResponse.json({ documents: [], meetings: [], myInputs: [], mayGenerate: false, archivable: false }),
    ),
    http.get('/api/cases/c1/follow-ups', () => HttpResponse.json({ decisions: [] })),
    http.get('/api/cases/c1/statements', () => HttpResponse.json({ statements: [] })),
    http.get('/api/cases/c1/impartiality', () =>
      HttpResponse.json({ declarations: [], officerDisqualifications: [], needsReassignment: false, officers: [] }),
    ),
    http.get('/api/allocation-cases', () => HttpResponse.json({ allocationCases: [] })),
    http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
    http.get('/api/users', () => HttpResponse.json({ users: [] })),
    http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
  );
}

/** An input as «Innspill og behandling» shows it; `kind` and the rest as given. */
export function inputFixture(over: Record<string, unknown> & { id: string; kind: 'round' | 'continuous' | 'conference' }) {
  return {
    roundId: null,
    round: null,
    caseId: 'c1',
    mandateItemId: 'i3',
    representing: null,
    body: null,
    author: { id: 'u-fau', name: 'FAU-leder, Nordby skole', title: 'FAU-leder' },
    capacity: 'own_capacity',
    version: 1,
    late: false,
    submittedAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    text: 'Et innspill.',
    sha256: 'ab'.repeat(32),
    meeting: null,
    attachments: [],
    publishConsent: null,
    disposition: null,
    ...over,
  };
}
