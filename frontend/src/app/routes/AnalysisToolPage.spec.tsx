import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { computeAnalysis, GRIMSTAD_2009 } from '@samrad/shared/engine';
import { CASE, MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const savingsInput = {
  ...GRIMSTAD_2009.savings,
  measures: GRIMSTAD_2009.savings.measures.map((m) => ({
    ...m,
    owner: 'Kommunalsjef oppvekst',
    mandateItemId: null,
    status: 'recommended',
    assessment: { pupils: '', parents: m.id === 'sfo' ? 'Høyere pris for hel plass.' : '', staff: '' },
    scenarioId: null,
  })),
};

const base = {
  caseId: 'c1',
  caseNumber: '2026/12',
  caseTitle: 'Ny ressursfordelingsmodell',
  mandateItem: { id: 'i3', number: 3, title: 'Ressursfordeling' },
  version: 2,
  updatedAt: '2026-11-20T09:00:00.000Z',
  engineVersion: '1.0.0',
  adoptions: [],
  mayAssess: [],
};
const SAVINGS = {
  ...base,
  id: 'a1',
  kind: 'savings',
  title: 'Innsparingskrav og tiltak',
  input: savingsInput,
  result: computeAnalysis('savings', savingsInput),
};
const PEERS = {
  ...base,
  id: 'a2',
  kind: 'peers',
  title: 'KOSTRA 2008',
  input: GRIMSTAD_2009.peers,
  result: computeAnalysis('peers', GRIMSTAD_2009.peers),
};

/** The text of an element with its non-breaking spaces (Intl's thousands separator) as spaces. */
const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

function api(me: object, tool: typeof SAVINGS | typeof PEERS) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(me)),
    http.get(`/api/analysis-tools/${tool.id}`, () => HttpResponse.json(tool)),
    http.get(`/api/analysis-tools/${tool.id}/versions`, () =>
      HttpResponse.json({ versions: [{ version: 2, createdAt: '2026-11-20T09:00:00.000Z', author: 'Rådgiver, oppvekst' }] }),
    ),
    http.get(`/api/analysis-tools/${tool.id}/comments`, () => HttpResponse.json({ comments: [] })),
    http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
    http.get('/api/users', () => HttpResponse.json({ users: [PERSON] })),
    http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
  );
}

const PERSON = {
  id: '0b7a3c1e-2f4d-4e5a-9b6c-7d8e9f0a1b2c',
  email: 'rektor.nordby@solvik.kommune.test',
  name: 'Rektor, Nordby skole',
  title: 'Rektor',
  status: 'active',
  isAdmin: false,
  isCaseOfficer: false,
  version: 1,
};

describe('Analyse: one tool', { timeout: 20_000 }, () => {
  it('a parent reads the savings plan against the target and comments on a measure, without the officer’s tools', async () => {
    api(MEMBER, SAVINGS);
    let sent: unknown;
    server.use(
      http.post('/api/analysis-tools/a1/comments', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: 'k1' }, { status: 201 });
      }),
    );
    renderRoute('/analyse/a1');
    const plan = (await screen.findAllByRole('region', { name: 'Krav mot tiltak per år' }, { timeout: 5000 })).at(-1)!;
    const row2010 = within(plan).getByRole('row', { name: /2010/ });
    expect(text(row2010)).toContain('4 300 000 kr');
    expect(text(row2010)).toContain('3 583 333 kr');
    expect(text(row2010)).toContain('Mangler 716 667 kr');
    expect(text(within(plan).getByRole('row', { name: /2011/ }))).toContain('Kravet er dekket');
    expect(screen.getByRole('heading', { level: 3, name: 'Høyere foreldrebetaling i SFO' })).toBeTruthy();
    expect(screen.getByText('Høyere pris for hel plass.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Legg til tiltak' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lagre og regn ut' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Innsparingskrav per år' })).toBeNull();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Gjelder'), 'sfo');
    await user.type(screen.getByLabelText('Merknad'), 'Hva med søskenmoderasjon?');
    await user.click(screen.getByRole('button', { name: 'Legg inn merknad' }));
    await waitFor(() => expect(sent).toEqual({ measureId: 'sfo', text: 'Hva med søskenmoderasjon?' }));
  });

  it('an officer adds a measure: the whole plan is saved with the version it was read at', async () => {
    api(ME, SAVINGS);
    let sent: { version: number; input: typeof savingsInput } | undefined;
    server.use(
      http.patch('/api/analysis-tools/a1', async ({ request }) => {
        sent = (await request.json()) as typeof sent;
        return HttpResponse.json({ id: 'a1', version: 3 });
      }),
    );
    renderRoute('/analyse/a1');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Legg til tiltak' }, { timeout: 5000 });
    await user.type(screen.getByRole('textbox', { name: 'Tiltak' }), 'Færre assistenter');
    await user.type(screen.getByLabelText('Helårseffekt (kr)'), '600000');
    await user.type(screen.getByLabelText('Start (måned)'), '2011-01');
    // The assessment is not the officer's to write: the measure names who does (its owner, the rektor of its school).
    expect(screen.queryByLabelText('For de ansatte')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Ansvarlig person (skriver konsekvensvurderingen)'), PERSON.id);
    await user.type(screen.getByLabelText('Skolen tiltaket gjelder (rektor skriver konsekvensvurderingen)'), 'Nordby skole');
    await user.click(screen.getByRole('button', { name: 'Legg til tiltak' }));
    await waitFor(() => expect(sent?.version).toBe(2));
    expect(sent!.input.measures).toHaveLength(5);
    expect(sent!.input.measures[4]).toMatchObject({
      title: 'Færre assistenter',
      fullYearEffect: '600000',
      startMonth: '2011-01',
      status: 'proposed',
      ownerId: PERSON.id,
      school: 'Nordby skole',
      assessment: { pupils: '', parents: '', staff: '' },
    });
  });

  it('the contract’s message shows on a bad start month before anything is sent', async () => {
    api(ME, SAVINGS);
    renderRoute('/analyse/a1');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Legg til tiltak' });
    await user.type(screen.getByRole('textbox', { name: 'Tiltak' }), 'X');
    await user.type(screen.getByLabelText('Helårseffekt (kr)'), '1');
    await user.type(screen.getByLabelText('Start (måned)'), 'august');
    await user.click(screen.getByRole('button', { name: 'Legg til tiltak' }));
    expect(await screen.findAllByText('Startmåneden må skrives ÅÅÅÅ-MM, f.eks. 2010-08')).not.toHaveLength(0);
  });

  it('shows the peer comparison with the effect at each peer’s cost level and a chart', async () => {
    api(MEMBER, PEERS);
    renderRoute('/analyse/a2');
    const table = (await screen.findAllByRole('region', { name: 'Kostnad per innbygger 6–15 år' })).at(-1)!;
    expect(text(within(table).getByRole('row', { name: /Stjørdal/ }))).toContain('−30 493 500 kr');
    expect(text(within(table).getByRole('row', { name: /Fjell/ }))).toContain('+7 020 900 kr');
    expect(screen.getByRole('img', { name: /Kostnad per barn mot elever per skole/ })).toBeTruthy();
    expect(screen.getByText(/R² = 0,18/)).toBeTruthy();
  });

  it('a stale save of the input tells the officer someone else saved first', async () => {
    api(ME, PEERS);
    server.use(
      http.patch('/api/analysis-tools/a2', () =>
        HttpResponse.json({ message: 'Noen andre har endret dette', current: {} }, { status: 409 }),
      ),
    );
    renderRoute('/analyse/a2');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Lagre og regn ut' }));
    expect(await screen.findByText(/Noen andre har lagret analysen/)).toBeTruthy();
  });
});
