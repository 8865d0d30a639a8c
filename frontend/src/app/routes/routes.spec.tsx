import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { mandateDetailResponseSchema, mandateListResponseSchema, meResponseSchema, tasksResponseSchema } from '@samrad/shared/contracts';
import type { z } from 'zod';
import { json } from '../../testing/contracts.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const NO_WORK = { cases: [], rounds: [], meetings: [], tools: [] };
const MANDATE_SUMMARY = {
  id: 'md1',
  title: 'Oppfølging av analysen av ressursbruk i skolen',
  description: 'Beskrivelse',
  adoptedByBodyId: 'c1',
  adoptedCaseNumber: '11/26',
  adoptedDate: '2026-03-24',
  adoptedDecisionId: null,
  endDate: '2026-11-30',
  version: 1,
};
const MANDATE: z.input<typeof mandateDetailResponseSchema> = {
  ...MANDATE_SUMMARY,
  adoptedBy: { id: 'c1', name: 'Kommunestyret' },
  adoptedDecision: null,
  items: [
    {
      id: 'i1',
      number: 1,
      title: 'Samarbeid',
      description: '',
      owner: { id: 'u-officer', name: 'Rådgiver, oppvekst', title: 'Saksbehandler' },
      dueDate: '2026-09-30',
      status: 'in_progress',
      position: 1,
      late: true,
      version: 1,
      work: NO_WORK,
    },
    {
      id: 'i2',
      number: 2,
      title: 'Skolestruktur',
      description: '',
      owner: null,
      dueDate: '2026-12-31',
      status: 'done',
      position: 2,
      late: false,
      version: 1,
      work: NO_WORK,
    },
  ],
};

function loggedIn(me: typeof ME = ME) {
  server.use(
    http.get('/api/auth/me', () => json(meResponseSchema, me)),
    http.get('/api/mandates', () => json(mandateListResponseSchema, { mandates: [MANDATE_SUMMARY] })),
    http.get('/api/mandates/md1', () => json(mandateDetailResponseSchema, MANDATE)),
    http.get('/api/me/tasks', () => json(tasksResponseSchema, TASKS)),
    http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
    http.get('/api/users', () => HttpResponse.json({ users: [] })),
    http.get('/api/decisions', () => HttpResponse.json({ decisions: [] })),
  );
}

const TASKS: z.input<typeof tasksResponseSchema> = {
  openRounds: [
    {
      id: 'r1',
      title: 'Innspill til ny ressursfordelingsmodell',
      deadline: new Date(Date.now() + 3 * 86400000).toISOString(),
      body: { id: 'b2', name: 'KFU' },
      status: 'not_answered',
      extended: false,
      case: null,
    },
  ],
  meetings: [],
  decisions: [],
  followUps: [],
  unreadNotifications: 2,
};

describe('log-in page', () => {
  it('sends anonymous visitors to log in, and shows field errors in a summary', async () => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })));
    const { router } = renderRoute('/mandat');
    await screen.findByRole('heading', { level: 1, name: 'Logg inn i Samråd' });
    expect(router.state.location.pathname).toBe('/logg-inn');
    expect(router.state.location.search).toBe('?neste=%2Fmandat');
    await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
    expect(await screen.findByRole('link', { name: 'Skriv inn en gyldig e-postadresse' })).toHaveProperty('hash', '#login-email');
  });

  it('shows the server’s message for a wrong password', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })),
      http.post('/api/auth/login', () => HttpResponse.json({ message: 'Feil e-postadresse eller passord' }, { status: 401 })),
    );
    renderRoute('/logg-inn');
    await userEvent.type(await screen.findByRole('textbox', { name: 'E-postadresse' }), 'a@b.no');
    await userEvent.type(screen.getByLabelText('Passord'), 'feil');
    await userEvent.click(screen.getByRole('button', { name: 'Logg inn' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Feil e-postadresse eller passord');
  });
});

describe('Mine oppgaver', () => {
  it('lists my bodies and the late mandate items', async () => {
    loggedIn();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Mine oppgaver' });
    expect(await screen.findByRole('link', { name: 'Driftsutvalget' })).toBeTruthy();
    // A late item links to its anchor on the mandate page; an item that is done is not late.
    const late = within(screen.getByRole('region', { name: 'Forsinkede mandatpunkter' }));
    const link = await late.findByRole('link', { name: '1. Samarbeid' });
    expect(link).toHaveProperty('pathname', '/mandat');
    expect(link).toHaveProperty('hash', '#punkt-i1');
    expect(late.queryByRole('link', { name: '2. Skolestruktur' })).toBeNull();
    expect(await screen.findByRole('link', { name: 'Innspill til ny ressursfordelingsmodell' })).toHaveProperty('pathname', '/innspill/r1');
    expect(screen.getByText(/Tid igjen: 2 d|Tid igjen: 3 d/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Du har 2 uleste varsler.' })).toBeTruthy();
  });
});

describe('Mandatet', () => {
  it('shows items with owner, status and the late marker', async () => {
    loggedIn();
    renderRoute('/mandat');
    await screen.findByRole('heading', { level: 1, name: MANDATE.title });
    await screen.findByText('1 punkt er forsinket');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('Forsinket')).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Ikke fordelt' })).toBeTruthy();
  });

  it('shows an error with a retry when the server is unavailable', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/users', () => HttpResponse.json({ users: [] })),
      http.get('/api/decisions', () => HttpResponse.json({ decisions: [] })),
      http.get('/api/mandates', () => HttpResponse.json({ message: 'Tjenesten er midlertidig utilgjengelig.' }, { status: 503 })),
    );
    renderRoute('/mandat');
    expect((await screen.findByRole('alert')).textContent).toContain('midlertidig utilgjengelig');
    expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeTruthy();
  });

  it('says so when there is no mandate yet (to someone who is not a case officer)', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ ...ME, roles: ['member'] })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
    );
    renderRoute('/mandat');
    await screen.findByText('Det er ikke registrert noe mandat ennå.');
    expect(screen.queryByRole('button', { name: 'Opprett mandatet' })).toBeNull();
  });
});

describe('Organer and Brukere', () => {
  it('lists bodies with their kind and member count', async () => {
    loggedIn();
    server.use(
      http.get('/api/bodies', () =>
        HttpResponse.json({
          bodies: [
            { id: 'b1', kind: 'political_committee', name: 'Driftsutvalget', description: '', parentId: null, memberCount: 6, version: 1 },
          ],
        }),
      ),
    );
    renderRoute('/organer');
    const card = (await screen.findByRole('link', { name: 'Driftsutvalget' })).closest('li')!;
    expect(within(card).getByText('Politisk utvalg')).toBeTruthy();
    expect(within(card).getByText(/6 medlemmer/)).toBeTruthy();
    // An officer also gets the form for a new body.
    expect(screen.getByRole('heading', { name: 'Nytt organ' })).toBeTruthy();
  });

  it('offers user administration to administrators only', async () => {
    loggedIn();
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Mine oppgaver' });
    expect(screen.queryByRole('link', { name: 'Brukere' })).toBeNull();
  });

  it('an administrator invites a user; a server field error is shown on the field', async () => {
    loggedIn({ ...ME, roles: ['admin', 'case_officer'] });
    server.use(
      http.get('/api/users', () => HttpResponse.json({ users: [] })),
      http.post('/api/users', () =>
        HttpResponse.json(
          { errors: [{ path: 'email', message: 'Det finnes allerede en bruker med denne e-postadressen' }] },
          { status: 400 },
        ),
      ),
    );
    renderRoute('/brukere');
    await userEvent.type(await screen.findByRole('textbox', { name: 'Navn' }), 'Ny person');
    await userEvent.type(screen.getByRole('textbox', { name: 'E-postadresse' }), 'finnes@solvik.no');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitasjon' }));
    await waitFor(() =>
      expect(screen.getAllByText('Det finnes allerede en bruker med denne e-postadressen').length).toBeGreaterThanOrEqual(1),
    );
  });
});

describe('focus management', () => {
  it('moves focus to the new page’s heading after navigation, not on the first page', async () => {
    loggedIn();
    server.use(http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })));
    renderRoute('/');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Mine oppgaver' });
    expect(document.activeElement).not.toBe(heading);
    await userEvent.click(screen.getByRole('link', { name: 'Organer' }));
    const next = await screen.findByRole('heading', { level: 1, name: 'Organer' });
    await waitFor(() => expect(document.activeElement).toBe(next));
    expect(document.title).toBe('Organer – Samråd');
  });
});
