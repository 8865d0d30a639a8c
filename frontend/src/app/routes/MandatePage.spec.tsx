import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const MANDATE_SUMMARY = {
  id: 'md1',
  title: 'Oppfølging',
  description: '',
  adoptedByBodyId: null,
  adoptedCaseNumber: null,
  adoptedDate: null,
  adoptedDecisionId: null,
  endDate: '2026-11-30',
  version: 1,
};

describe('Mandatet: the work under each item', () => {
  it('lists an item’s cases, rounds and meetings as links', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [MANDATE_SUMMARY] })),
      http.get('/api/mandates/md1', () =>
        HttpResponse.json({
          ...MANDATE_SUMMARY,
          adoptedBy: null,
          adoptedDecision: null,
          items: [
            {
              id: 'i3',
              number: 3,
              title: 'Ressursfordeling',
              description: '',
              owner: null,
              dueDate: '2026-12-31',
              status: 'in_progress',
              position: 1,
              late: false,
              version: 1,
              work: {
                cases: [{ id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell', status: 'input_round' }],
                rounds: [{ id: 'r1', title: 'Innspill til modellen', closesAt: '2026-12-01T11:00:00.000Z', open: true }],
                meetings: [{ id: 'm1', title: 'Skolekonferanse', startsAt: '2026-11-20T17:00:00.000Z', bodyName: 'KFU' }],
                tools: TOOLS,
              },
            },
          ],
        }),
      ),
    );
    renderRoute('/mandat');
    await userEvent.click(await screen.findByText('Arbeidet under «Ressursfordeling»: 1 sak, 1 innspillsrunde, 1 møte'));
    expect(screen.getByRole('link', { name: '2026/12 Ny ressursfordelingsmodell' })).toHaveProperty('pathname', '/saker/c1');
    expect(screen.getByRole('link', { name: 'Innspill til modellen' })).toHaveProperty('pathname', '/innspill/r1');
    expect(screen.getByRole('link', { name: 'KFU: Skolekonferanse' })).toHaveProperty('pathname', '/moter/m1');
  });

  it('shows each analysis tool’s state under its item: the plan against its target, the SFO scenario, an adopted structure', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [MANDATE_SUMMARY] })),
      http.get('/api/mandates/md1', () =>
        HttpResponse.json({
          ...MANDATE_SUMMARY,
          adoptedBy: null,
          adoptedDecision: null,
          items: [{ ...item('i3', 3, 'Ressursfordeling', 1), work: { cases: [], rounds: [], meetings: [], tools: TOOLS } }],
        }),
      ),
    );
    renderRoute('/mandat');
    const tools = await screen.findByRole('region', { name: 'Analyser og tiltak under «Ressursfordeling»' });
    const line = (name: string) => (within(tools).getByRole('link', { name }).closest('li')!.textContent ?? '').replace(/\s/g, ' ');
    expect(line('Innsparingsplan 2010–2011')).toBe(
      'Innsparingsplan 2010–2011 – Innsparingsplan: 3,58 av 4,3 mill. i 2010, gap 0,72 mill. · 1 av 4 tiltak vedtatt Delvis vedtatt',
    );
    expect(within(tools).getByRole('link', { name: 'Innsparingsplan 2010–2011' })).toHaveProperty('pathname', '/analyse/t1');
    expect(line('Foreldrebetaling i SFO')).toBe('Foreldrebetaling i SFO – SFO-scenario: +1,16 mill. ');
    expect(line('Skolestruktur')).toBe(
      'Skolestruktur – Skolestruktur: ledig kapasitet 163 før, 93 etter Vedtatt Vedtatt i Kommunestyret 10. desember 2026 (sak 41/26)',
    );
  });
});

const TOOLS = [
  {
    toolId: 't1',
    kind: 'savings' as const,
    title: 'Innsparingsplan 2010–2011',
    status: 'partly_adopted' as const,
    adoption: null,
    figures: { year: 2010, effect: 3_583_333.33, target: 4_300_000, gap: 716_666.67, measures: 4, adoptedMeasures: 1 },
  },
  {
    toolId: 't2',
    kind: 'sfo' as const,
    title: 'Foreldrebetaling i SFO',
    status: 'draft' as const,
    adoption: null,
    figures: { extraIncome: 1_160_000 },
  },
  {
    toolId: 't3',
    kind: 'structure' as const,
    title: 'Skolestruktur',
    status: 'adopted' as const,
    adoption: {
      measureId: null,
      decisionId: 'd1',
      body: 'Kommunestyret',
      decidedOn: '2026-12-10',
      committeeNumber: '41/26',
      adoptedAt: '2026-12-11T09:00:00.000Z',
    },
    figures: { freeBefore: 163, freeAfter: 93 },
  },
];

/** The vedtak that adopted the mandate (an id the request contract accepts). */
const DECISION_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

const item = (id: string, number: number, title: string, position: number) => ({
  id,
  number,
  title,
  description: '',
  owner: { id: 'u-officer', name: 'Rådgiver, oppvekst', title: 'Saksbehandler' },
  dueDate: '2026-12-31',
  status: 'in_progress' as const,
  position,
  late: false,
  version: 1,
  work: { cases: [], rounds: [], meetings: [], tools: [] },
});

function officerWith(mandates: (typeof MANDATE_SUMMARY)[], detail?: object) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(ME)),
    http.get('/api/mandates', () => HttpResponse.json({ mandates })),
    http.get('/api/bodies', () =>
      HttpResponse.json({
        bodies: [
          { id: 'b1', kind: 'political_committee', name: 'Driftsutvalget', description: '', parentId: null, version: 1, memberCount: 9 },
        ],
      }),
    ),
    http.get('/api/users', () =>
      HttpResponse.json({
        users: [
          {
            id: 'u-officer',
            email: 'saksbehandler@solvik.kommune.test',
            name: 'Rådgiver, oppvekst',
            title: 'Saksbehandler',
            status: 'active',
            isAdmin: false,
            isCaseOfficer: true,
            version: 1,
          },
        ],
      }),
    ),
    http.get('/api/decisions', () =>
      HttpResponse.json({
        decisions: [
          {
            id: DECISION_ID,
            body: { id: 'b1', name: 'Driftsutvalget' },
            committeeNumber: '24/09',
            decidedOn: '2026-03-24',
            text: 'Mandatet vedtas.',
            motions: [],
            exemptBasis: null,
            case: { id: 'c9', number: '2026/3', title: 'Mandat for oppfølgingen', access: 'public' },
            mandateItem: null,
            inputs: 0,
          },
        ],
      }),
    ),
  );
  if (detail) server.use(http.get('/api/mandates/md1', () => HttpResponse.json(detail)));
}

describe('Mandatet: an empty municipality', () => {
  it('offers a case officer to create the mandate, linked to the vedtak that adopted it', async () => {
    officerWith([]);
    let sent: unknown;
    server.use(
      http.post('/api/mandates', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ ...MANDATE_SUMMARY, adoptedDecisionId: DECISION_ID }, { status: 201 });
      }),
    );
    renderRoute('/mandat');
    await screen.findByText(/Kommunen har ikke registrert noe mandat ennå/);
    const form = within(screen.getByRole('region', { name: 'Opprett mandatet' }));
    // A required title is checked against the contract before anything is sent.
    await userEvent.click(form.getByRole('button', { name: 'Opprett mandatet' }));
    expect(await form.findByText('Tittel må fylles ut', { selector: 'a' })).toBeTruthy();
    expect(sent).toBeUndefined();

    await userEvent.type(form.getByLabelText('Tittel'), 'Oppfølging av analysen');
    await userEvent.type(form.getByLabelText('Frist for hele mandatet'), '2027-11-30');
    await userEvent.selectOptions(
      await form.findByLabelText('Vedtak i Samråd'),
      await form.findByRole('option', { name: /^Driftsutvalget 24\/09 .*: 2026\/3 Mandat for oppfølgingen$/ }),
    );
    await userEvent.click(form.getByRole('button', { name: 'Opprett mandatet' }));
    await waitFor(() =>
      expect(sent).toMatchObject({
        title: 'Oppfølging av analysen',
        endDate: '2027-11-30',
        adoptedDecisionId: DECISION_ID,
        adoptedCaseNumber: null,
      }),
    );
  });
});

describe('Mandatet: items for a case officer', () => {
  const DETAIL = {
    ...MANDATE_SUMMARY,
    adoptedBy: null,
    adoptedDecisionId: 'd1',
    adoptedDecision: {
      id: 'd1',
      body: 'Driftsutvalget',
      committeeNumber: '24/09',
      decidedOn: '2026-03-24',
      case: { id: 'c9', number: '2026/3', title: 'Mandat for oppfølgingen' },
    },
    items: [item('i1', 1, 'Samarbeid', 1), item('i2', 2, 'Skolestruktur', 2)],
  };

  it('links the adopting vedtak, shows each owner with their title, and gives each item its anchor', async () => {
    officerWith([MANDATE_SUMMARY], DETAIL);
    renderRoute('/mandat');
    expect(await screen.findByRole('link', { name: '2026/3 Mandat for oppfølgingen' })).toHaveProperty('pathname', '/saker/c9');
    expect(screen.getAllByRole('cell', { name: 'Rådgiver, oppvekst (Saksbehandler)' })).toHaveLength(2);
    expect(document.getElementById('punkt-i2')?.textContent).toContain('Skolestruktur');
    expect(screen.getByRole('link', { name: /Sluttrapport/ })).toHaveProperty('pathname', '/mandat/sluttrapport');
  });

  it('moves an item down with the keyboard in one request with the whole order; focus stays on the button', async () => {
    officerWith([MANDATE_SUMMARY], DETAIL);
    let sent: unknown;
    server.use(
      http.put('/api/mandates/md1/item-order', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(sent as object);
      }),
    );
    renderRoute('/mandat');
    const down = await screen.findByRole('button', { name: 'Flytt «Samarbeid» ned' });
    down.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(sent).toEqual({ itemIds: ['i2', 'i1'] }));
    expect(document.activeElement).toBe(down);
    // At the top, «up» is marked unavailable and sends nothing.
    sent = undefined;
    const up = screen.getByRole('button', { name: 'Flytt «Samarbeid» opp' });
    expect(up.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(up);
    expect(sent).toBeUndefined();
  });

  it('adds an item; the server’s field error is shown on its field', async () => {
    officerWith([MANDATE_SUMMARY], DETAIL);
    server.use(
      http.post('/api/mandates/md1/items', () =>
        HttpResponse.json({ errors: [{ path: 'number', message: 'Punkt 2 finnes allerede i mandatet' }] }, { status: 400 }),
      ),
    );
    renderRoute('/mandat');
    const form = within(await screen.findByRole('form', { name: 'Nytt mandatpunkt' }));
    expect((form.getByLabelText('Nummer') as HTMLInputElement).value).toBe('3');
    await userEvent.clear(form.getByLabelText('Nummer'));
    await userEvent.type(form.getByLabelText('Nummer'), '2');
    await userEvent.type(form.getByLabelText('Punkt'), 'Evaluering');
    await userEvent.click(form.getByRole('button', { name: 'Legg til punktet' }));
    expect((await form.findAllByText('Punkt 2 finnes allerede i mandatet')).length).toBeGreaterThan(0);
  });

  it('closes an item (status done) with its own button', async () => {
    officerWith([MANDATE_SUMMARY], DETAIL);
    let sent: unknown;
    server.use(
      http.patch('/api/mandates/md1/items/i2', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: 'i2', version: 2, status: 'done' });
      }),
    );
    renderRoute('/mandat');
    await userEvent.click(await screen.findByRole('button', { name: 'Lukk punktet «Skolestruktur» (ferdig)' }));
    await waitFor(() => expect(sent).toEqual({ version: 1, status: 'done' }));
  });
});
