import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const MEMBER = {
  ...ME,
  id: 'u-fau',
  name: 'FAU-leder, Nordby skole',
  roles: ['member'],
  memberships: [{ bodyId: 'b2', bodyName: 'KFU', role: 'member', capacity: 'parent_representative' }],
};

const CASE = {
  id: 'c1',
  number: '2026/12',
  title: 'Ny ressursfordelingsmodell',
  status: 'input_round',
  access: 'public',
  legalBasis: null,
  publicTitle: null,
  version: 3,
  mandateItem: { id: 'i3', number: 3, title: 'Ressursfordeling' },
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
  rounds: [{ id: 'r1', title: 'Innspill til modellen', closesAt: '2026-12-01T11:00:00.000Z', open: true }],
  phase: { phase: 'input_round', body: null },
  phases: [
    { phase: 'draft', body: null, enteredAt: '2026-11-02T09:00:00.000Z', actor: 'Rådgiver, oppvekst', reason: null },
    { phase: 'in_preparation', body: null, enteredAt: '2026-11-10T09:00:00.000Z', actor: 'Rådgiver, oppvekst', reason: null },
    { phase: 'input_round', body: null, enteredAt: '2026-11-17T09:00:00.000Z', actor: 'Rådgiver, oppvekst', reason: null },
  ],
  allowedMoves: [] as { to: string; back: boolean; body: string | null }[],
  openInput: 'Innspillsrunden «Innspill til modellen» er fortsatt åpen.',
};

function caseApi(me: object, attachments: object[] = []) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(me)),
    http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    http.get('/api/cases/c1/comments', () => HttpResponse.json({ comments: [] })),
    http.get('/api/cases/c1/input-summary', () => HttpResponse.json({ caseId: 'c1', total: 0, handled: 0, items: [], text: '' })),
    http.get('/api/cases/c1/attachments', () => HttpResponse.json({ attachments })),
    http.get('/api/allocation-cases', () => HttpResponse.json({ allocationCases: [] })),
    http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
    http.get('/api/users', () => HttpResponse.json({ users: [] })),
  );
}

describe('Profil og varsler', () => {
  it('shows the person’s settings and saves a change', async () => {
    let saved: Record<string, unknown> | undefined;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/me/notification-settings', () => HttpResponse.json({ emailNotifications: true, digest: 'off' })),
      http.put('/api/me/notification-settings', async ({ request }) => {
        saved = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(saved);
      }),
    );
    renderRoute('/profil');
    await screen.findByRole('heading', { level: 1, name: 'Profil og varsler' });
    const each = await screen.findByRole('checkbox', { name: 'Send meg e-post for hvert varsel' });
    expect(each).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Nei takk' })).toHaveProperty('checked', true);
    await userEvent.click(each);
    await userEvent.click(screen.getByRole('radio', { name: 'Ja, send meg daglig oppsummering' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lagre innstillingene' }));
    expect((await screen.findByRole('status')).textContent).toContain('Innstillingene er lagret.');
    expect(saved).toEqual({ emailNotifications: false, digest: 'daily' });
  });

  it('a refused save shows the error in the summary, linked to the field', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/me/notification-settings', () => HttpResponse.json({ emailNotifications: false, digest: 'daily' })),
      http.put('/api/me/notification-settings', () =>
        HttpResponse.json({ errors: [{ path: 'digest', message: 'Velg om du vil ha daglig oppsummering' }] }, { status: 400 }),
      ),
    );
    renderRoute('/profil');
    await userEvent.click(await screen.findByRole('button', { name: 'Lagre innstillingene' }));
    expect(await screen.findByRole('link', { name: 'Velg om du vil ha daglig oppsummering' })).toHaveProperty(
      'hash',
      '#settings-digest-off',
    );
  });

  it('changes the password; an easily guessed one is refused on its field', async () => {
    const message =
      'Passordet er blant de mest brukte. Velg et passord som er vanskeligere å gjette, for eksempel flere ord som ikke hører sammen.';
    const sent: unknown[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/me/notification-settings', () => HttpResponse.json({ emailNotifications: true, digest: 'off' })),
      http.post('/api/auth/change-password', async ({ request }) => {
        const body = (await request.json()) as { password: string };
        sent.push(body);
        return body.password === '123456789012'
          ? HttpResponse.json({ errors: [{ path: 'password', message }] }, { status: 400 })
          : HttpResponse.json({ ok: true });
      }),
    );
    renderRoute('/profil');
    const current = await screen.findByLabelText('Passordet du har nå');
    const next = screen.getByLabelText(/^Nytt passord/);
    await userEvent.type(current, 'det gamle passordet');
    await userEvent.type(next, '123456789012');
    await userEvent.click(screen.getByRole('button', { name: 'Bytt passord' }));
    expect((await screen.findAllByText(message)).length).toBeGreaterThanOrEqual(1);
    expect(next.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(next);
    await userEvent.type(next, 'tre epler under brua');
    await userEvent.click(screen.getByRole('button', { name: 'Bytt passord' }));
    expect((await screen.findByRole('status')).textContent).toContain('Passordet er byttet.');
    expect(sent).toEqual([
      { currentPassword: 'det gamle passordet', password: '123456789012' },
      { currentPassword: 'det gamle passordet', password: 'tre epler under brua' },
    ]);
  });

  it('is reached from the name in the header', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/me/tasks', () => HttpResponse.json({ openRounds: [], meetings: [], decisions: [], unreadNotifications: 0 })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
    );
    renderRoute('/');
    expect(await screen.findByRole('link', { name: 'Profil og varsler for FAU-leder, Nordby skole' })).toHaveProperty(
      'pathname',
      '/profil',
    );
  });
});

describe('Sak', () => {
  it('shows the document, route, rounds and attachments; a member gets download links but no upload', async () => {
    caseApi(MEMBER, [
      {
        id: 'a1',
        filename: 'Analyse.pdf',
        mediaType: 'application/pdf',
        size: 204800,
        sha256: 'ab'.repeat(32),
        uploadedAt: '2026-11-20T09:00:00.000Z',
      },
    ]);
    renderRoute('/saker/c1');
    await screen.findByRole('heading', { level: 1, name: 'Saksnr. 2026/12: Ny ressursfordelingsmodell' });
    expect(screen.getByText('Analysen viste store forskjeller mellom skolene.')).toBeTruthy();
    expect(screen.getByRole('cell', { name: '41/26' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Innspill til modellen' })).toHaveProperty('pathname', '/innspill/r1');
    const list = await screen.findByRole('list', { name: 'Vedlegg' });
    expect(within(list).getByRole('link', { name: 'Analyse.pdf' })).toHaveProperty('pathname', '/api/attachments/a1');
    expect(within(list).getByText(/200 kB/)).toBeTruthy();
    expect(screen.queryByLabelText('Legg til vedlegg')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Fjern Analyse.pdf' })).toBeNull();
  });

  it('an officer uploads an attachment; a refused file shows the server’s message on the field', async () => {
    caseApi(ME);
    let sent: { type: string | null; name: string | null } | undefined;
    server.use(
      http.post('/api/cases/c1/attachments', ({ request }) => {
        sent = { type: request.headers.get('content-type'), name: new URL(request.url).searchParams.get('filename') };
        return HttpResponse.json(
          { errors: [{ path: 'file', message: 'Filtypen til «virus.pdf» støttes ikke (innholdet er EXE).' }] },
          { status: 400 },
        );
      }),
    );
    renderRoute('/saker/c1');
    const input = await screen.findByLabelText('Legg til vedlegg');
    await userEvent.upload(input, new File(['MZ'], 'virus.pdf', { type: 'application/pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Last opp' }));
    await screen.findByText('Filtypen til «virus.pdf» støttes ikke (innholdet er EXE).');
    expect(sent).toEqual({ type: 'application/octet-stream', name: 'virus.pdf' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
  });

  it('an officer makes the case exempt with its own action; missing legal basis and screened title get field errors', async () => {
    caseApi(ME);
    const sent: unknown[] = [];
    server.use(
      http.post('/api/cases/c1/access', async ({ request }) => {
        const body = (await request.json()) as { legalBasis?: string | null };
        sent.push(body);
        if (!body.legalBasis) {
          return HttpResponse.json(
            {
              errors: [
                { path: 'legalBasis', message: 'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)' },
                { path: 'publicTitle', message: 'Oppgi en skjermet tittel som kan vises offentlig' },
              ],
            },
            { status: 400 },
          );
        }
        return HttpResponse.json({
          id: 'c1',
          version: 4,
          access: 'exempt',
          legalBasis: 'offentleglova § 14',
          publicTitle: 'Organinternt',
        });
      }),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByText('Tilgang og offentlighet'));
    expect((screen.getByRole('combobox', { name: 'Ny tilgang' }) as HTMLSelectElement).value).toBe('exempt');
    await userEvent.click(screen.getByRole('button', { name: 'Endre tilgang' }));
    const basis = screen.getByLabelText('Hjemmel for unntak');
    await waitFor(() => expect(basis.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('link', { name: 'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)' })).toBeTruthy();
    expect(screen.getByLabelText('Skjermet tittel').getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(basis, 'offentleglova § 25');
    await userEvent.type(screen.getByLabelText('Skjermet tittel'), 'Tilsettingssak');
    await userEvent.type(screen.getByLabelText('Begrunnelse (valgfritt)'), 'Gjelder søkere');
    await userEvent.click(screen.getByRole('button', { name: 'Endre tilgang' }));
    await screen.findByText('Tilgangen er endret.');
    expect(sent.at(-1)).toEqual({
      version: 3,
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: 'Tilsettingssak',
      reason: 'Gjelder søkere',
    });
  });

  it('an officer makes an exempt case public again, with the reason the server asks for', async () => {
    caseApi(ME);
    server.use(
      http.get('/api/cases/c1', () =>
        HttpResponse.json({ ...CASE, access: 'exempt', legalBasis: 'offentleglova § 14', publicTitle: 'Organinternt' }),
      ),
      http.post('/api/cases/c1/access', () =>
        HttpResponse.json(
          { errors: [{ path: 'reason', message: 'Begrunn hvorfor saken ikke lenger er unntatt offentlighet' }] },
          { status: 400 },
        ),
      ),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByText('Tilgang og offentlighet'));
    expect((screen.getByRole('combobox', { name: 'Ny tilgang' }) as HTMLSelectElement).value).toBe('public');
    expect(screen.queryByLabelText('Hjemmel for unntak')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Endre tilgang' }));
    await waitFor(() => expect(screen.getByLabelText('Begrunnelse').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('link', { name: 'Begrunn hvorfor saken ikke lenger er unntatt offentlighet' })).toBeTruthy();
  });

  it('members get no access form', async () => {
    caseApi(MEMBER);
    renderRoute('/saker/c1');
    await screen.findByRole('heading', { level: 1, name: 'Saksnr. 2026/12: Ny ressursfordelingsmodell' });
    expect(screen.queryByText('Tilgang og offentlighet')).toBeNull();
  });

  it('lists the phases with their dates, the current one marked; a member gets no moves', async () => {
    caseApi(MEMBER);
    renderRoute('/saker/c1');
    const phases = await screen.findByRole('list', { name: 'Fasene saken har vært i' });
    const items = within(phases).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Utkast', 'Under utredning', 'Innspillsrunde']);
    expect(items[0]!.textContent).toContain('Fra 2. november 2026 kl. 10:00 av Rådgiver, oppvekst');
    expect(items[2]!.getAttribute('aria-current')).toBe('step');
    expect(items[1]!.getAttribute('aria-current')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Flytt saken' })).toBeNull();
  });

  it('an officer moves the case with the moves the lifecycle allows; a refusal shows the server’s reason', async () => {
    caseApi(ME);
    const moves: unknown[] = [];
    server.use(
      http.get('/api/cases/c1', () =>
        HttpResponse.json({
          ...CASE,
          allowedMoves: [
            { to: 'in_preparation', back: true, body: null },
            { to: 'working_group', back: false, body: null },
          ],
        }),
      ),
      http.post('/api/cases/c1/moves', async ({ request }) => {
        const body = (await request.json()) as { to: string };
        moves.push(body);
        return body.to === 'working_group'
          ? HttpResponse.json({ id: 'c1', status: 'working_group', bodyPosition: null, version: 4 }, { status: 201 })
          : HttpResponse.json(
              { errors: [{ path: 'to', message: 'Saken kan ikke flyttes fra «Innspillsrunde» til «Under utredning».' }] },
              { status: 400 },
            );
      }),
    );
    renderRoute('/saker/c1');
    await screen.findByRole('heading', { name: 'Flytt saken' });
    expect(screen.queryByRole('button', { name: 'Avslutt saken' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Tilbake til utredning' }));
    expect((await screen.findAllByText('Saken kan ikke flyttes fra «Innspillsrunde» til «Under utredning».')).length).toBeGreaterThan(0);
    await userEvent.type(screen.getByRole('textbox', { name: 'Begrunnelse (valgfri)' }), 'Trenger drøfting');
    await userEvent.click(screen.getByRole('button', { name: 'Send til arbeidsgruppen' }));
    await screen.findByText('Saken er flyttet til «I arbeidsgruppen».');
    expect(moves).toEqual([
      { to: 'in_preparation', reason: null },
      { to: 'working_group', reason: 'Trenger drøfting' },
    ]);
  });

  it('an exempt case the person may not read says so', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/cases/c1', () =>
        HttpResponse.json({ message: 'Saken er unntatt offentlighet. Du har ikke tilgang til innholdet.' }, { status: 403 }),
      ),
      http.get('/api/cases/c1/comments', () => HttpResponse.json({ message: 'Nei' }, { status: 403 })),
      http.get('/api/cases/c1/input-summary', () => HttpResponse.json({ message: 'Nei' }, { status: 403 })),
      http.get('/api/cases/c1/attachments', () => HttpResponse.json({ message: 'Nei' }, { status: 403 })),
      http.get('/api/allocation-cases', () => HttpResponse.json({ allocationCases: [] })),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
    );
    renderRoute('/saker/c1');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('unntatt offentlighet'));
  });
});

describe('Varsler and pages that do not exist', () => {
  it('says when there are no notifications', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/notifications', () => HttpResponse.json({ notifications: [], unread: 0 })),
    );
    renderRoute('/varsler');
    await screen.findByRole('heading', { level: 1, name: 'Varsler' });
    await screen.findByText('Ingen varsler.');
  });

  it('an unknown address gets a page that says so', async () => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json(MEMBER)));
    renderRoute('/finnes-ikke');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Fant ikke siden');
  });
});

const BODY_B1 = {
  id: 'b1',
  name: 'Driftsutvalget',
  kind: 'political_committee',
  description: '',
  parentId: null,
  version: 1,
};
/** A politician's membership; tests set who, and the role. */
const MEMBERSHIP = {
  title: '',
  capacity: 'politician',
  party: null,
  side: 'posisjon',
  union: null,
  school: null,
  validFrom: '2023-10-01',
  validTo: null,
  version: 1,
};

const MEETING = {
  id: 'm1',
  body: { id: 'b2', name: 'KFU' },
  kind: 'school_conference',
  title: 'Skolekonferanse om ny modell',
  startsAt: new Date(Date.now() + 4 * 86400000).toISOString(),
  endsAt: null,
  place: 'Nordby skole, aulaen',
  videoLink: null,
  open: true,
  closedBasis: null,
  agendaPublished: true,
  agendaDueAt: new Date(Date.now() - 3 * 86400000).toISOString(),
  mayDecide: false,
  administrationPosition: null,
  agenda: [
    {
      id: 'a1',
      position: 1,
      committeeNumber: null,
      case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell' },
      minutes: null,
      decision: null,
      openInput: null,
      exemptBasis: null,
    },
  ],
  attendance: [],
  statements: [],
  conference: {
    registrationOpen: true,
    inputOpen: false,
    registrationCount: 1,
    registered: false,
    myRepresenting: null as string | null,
    registrations: null,
  },
};

describe('Møte', () => {
  it('a parent registers for a school conference, saying whom they come for', async () => {
    let registration: unknown;
    let meeting: typeof MEETING = MEETING;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/cases', () => HttpResponse.json({ cases: [] })),
      http.get('/api/meetings/m1', () => HttpResponse.json(meeting)),
      http.put('/api/meetings/m1/registrations/me', async ({ request }) => {
        registration = await request.json();
        meeting = {
          ...MEETING,
          conference: { ...MEETING.conference, registered: true, registrationCount: 2, myRepresenting: 'FAU Nordby skole' },
        };
        return HttpResponse.json({ registered: true, representing: 'FAU Nordby skole' });
      }),
    );
    renderRoute('/moter/m1');
    await screen.findByRole('heading', { level: 1, name: 'KFU: Skolekonferanse om ny modell' });
    expect(screen.getByText('Skolekonferanse')).toBeTruthy();
    expect(screen.getByText('1 påmeldt.')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Hvem kommer du for? (valgfritt)' }), 'FAU Nordby skole');
    await userEvent.click(screen.getByRole('button', { name: 'Meld meg på' }));
    await screen.findByText('Du er påmeldt for FAU Nordby skole.');
    expect(registration).toEqual({ representing: 'FAU Nordby skole' });
    expect(screen.getByText('2 påmeldte.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Meld meg av' })).toBeTruthy();
    // Members do not see who else comes, and cannot record attendance.
    expect(screen.queryByRole('table', { name: 'Påmeldte' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Registrer oppmøte' })).toBeNull();
  });

  it('the secretary records attendance with a named substitute', async () => {
    let saved: unknown;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/cases', () => HttpResponse.json({ cases: [] })),
      http.get('/api/meetings/m1', () =>
        HttpResponse.json({
          ...MEETING,
          kind: 'ordinary',
          conference: null,
          body: { id: 'b1', name: 'Driftsutvalget' },
          agendaPublished: false,
          agendaDueAt: new Date(Date.now() + 2 * 86400000).toISOString(),
        }),
      ),
      http.get('/api/bodies/b1', () =>
        HttpResponse.json({
          ...BODY_B1,
          members: [
            { ...MEMBERSHIP, id: 'ms1', userId: 'u1', name: 'Leder, Driftsutvalget', role: 'chair' },
            { ...MEMBERSHIP, id: 'ms2', userId: 'u2', name: 'Medlem, Driftsutvalget', role: 'member' },
          ],
        }),
      ),
      http.put('/api/meetings/m1/attendance', async ({ request }) => {
        saved = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/moter/m1');
    await screen.findByRole('heading', { name: 'Registrer oppmøte' });
    expect(screen.getByText(/^Sakslisten publiseres automatisk .*, hvis du ikke publiserer den før\.$/)).toBeTruthy();
    const leader = screen.getByRole('group', { name: 'Leder, Driftsutvalget' });
    await userEvent.click(within(leader).getByRole('radio', { name: 'Til stede' }));
    const member = screen.getByRole('group', { name: 'Medlem, Driftsutvalget' });
    await userEvent.click(within(member).getByRole('radio', { name: 'Vara møter' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Navn på vara for Medlem, Driftsutvalget' }), 'Vararepresentant, Parti D');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre oppmøte' }));
    await screen.findByText('Oppmøtet er lagret.');
    expect(saved).toEqual({
      attendance: [
        { userId: 'u1', status: 'present', substituteName: null },
        { userId: 'u2', status: 'substitute', substituteName: 'Vararepresentant, Parti D' },
      ],
    });
  });
});

describe('Møteprotokoll', () => {
  const ordinary = (extra: object = {}) => ({
    ...MEETING,
    kind: 'ordinary',
    mayDecide: true,
    conference: null,
    body: { id: 'b1', name: 'Driftsutvalget' },
    agenda: [
      {
        id: 'a1',
        position: 1,
        committeeNumber: '41/26',
        case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell' },
        minutes: null,
        decision: null,
        exemptBasis: null,
        openInput: null,
      },
    ],
    ...extra,
  });
  const meetingApi = (meeting: object) =>
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/cases', () => HttpResponse.json({ cases: [] })),
      http.get('/api/meetings/m1', () => HttpResponse.json(meeting)),
      http.get('/api/bodies/b1', () => HttpResponse.json({ ...BODY_B1, members: [] })),
    );

  it('a drøftingsmøte’s protocol has no vedtak field', async () => {
    meetingApi(ordinary({ kind: 'consultation', mayDecide: false }));
    renderRoute('/moter/m1');
    const form = await screen.findByRole('form', { name: 'Protokoll for Ny ressursfordelingsmodell' });
    expect(within(form).getByRole('textbox', { name: 'Protokolltekst' })).toBeTruthy();
    expect(within(form).queryByRole('textbox', { name: 'Vedtak' })).toBeNull();
    expect(within(form).getByRole('button', { name: 'Lagre protokoll' })).toBeTruthy();
  });

  it('a deciding vedtak while input is open: a confirmation with a reason, sent with the vedtak', async () => {
    let sent: unknown;
    meetingApi(ordinary({ agenda: [{ ...ordinary().agenda[0], openInput: 'Ett innspill mangler behandling.' }] }));
    server.use(
      http.put('/api/meetings/m1/agenda/a1/minutes', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ decisionId: 'd1' });
      }),
    );
    renderRoute('/moter/m1');
    const form = await screen.findByRole('form', { name: 'Protokoll for Ny ressursfordelingsmodell' });
    expect(within(form).getByRole('group', { name: 'Åpne innspill: Ett innspill mangler behandling.' })).toBeTruthy();
    await userEvent.type(within(form).getByRole('textbox', { name: 'Protokolltekst' }), 'Vedtatt.');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Vedtak' }), 'Driftsutvalget vedtar modellen.');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Fatt vedtaket selv om innspill ikke er ferdig behandlet' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'Begrunnelse for å fatte vedtak nå' }), 'Budsjettfristen');
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre protokoll og vedtak' }));
    await waitFor(() =>
      expect(sent).toEqual({
        minutes: 'Vedtatt.',
        decision: { text: 'Driftsutvalget vedtar modellen.', motions: [], confirmOpenInput: { reason: 'Budsjettfristen' } },
      }),
    );
  });

  it('when the server says input is open, the form asks for the confirmation', async () => {
    meetingApi(ordinary());
    server.use(
      http.put('/api/meetings/m1/agenda/a1/minutes', () =>
        HttpResponse.json(
          {
            message: 'x',
            errors: [
              {
                path: 'confirmOpenInput',
                message: 'Innspillsrunden «Innspill» er fortsatt åpen. Bekreft med en begrunnelse at vedtaket likevel skal fattes.',
              },
            ],
          },
          { status: 409 },
        ),
      ),
    );
    renderRoute('/moter/m1');
    const form = await screen.findByRole('form', { name: 'Protokoll for Ny ressursfordelingsmodell' });
    expect(within(form).queryByRole('checkbox')).toBeNull();
    await userEvent.type(within(form).getByRole('textbox', { name: 'Protokolltekst' }), 'Vedtatt.');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Vedtak' }), 'Vedtatt.');
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre protokoll og vedtak' }));
    expect(await within(form).findByRole('checkbox', { name: 'Fatt vedtaket selv om innspill ikke er ferdig behandlet' })).toBeTruthy();
  });

  it('shows the reason a vedtak was made while input was open', async () => {
    meetingApi(
      ordinary({
        agenda: [
          {
            ...ordinary().agenda[0],
            minutes: 'Vedtatt.',
            decision: { id: 'd1', text: 'Driftsutvalget vedtar modellen.', openInputReason: 'Budsjettfristen' },
          },
        ],
      }),
    );
    renderRoute('/moter/m1');
    await screen.findByText('Vedtatt med åpne innspill. Begrunnelse: Budsjettfristen');
  });
});

describe('Innspillsrunde', () => {
  it('a person invited in their own right can answer for themselves or say «no comment»', async () => {
    let noComment: unknown;
    const round = {
      id: 'r1',
      title: 'Innspill fra rektorene',
      questions: 'Hva betyr forslaget for din skole?',
      caseId: null,
      case: null,
      mandateItemId: null,
      opensAt: new Date(Date.now() - 86400000).toISOString(),
      closesAt: new Date(Date.now() + 86400000).toISOString(),
      open: true,
      closedAt: null,
      publishAfterClose: false,
      remindersSent: null,
      latePolicy: 'refuse',
      invitations: [{ bodyId: 'b9', bodyName: 'Utdanningsforbundet', status: 'not_answered', extendedUntil: null }],
      myBodyIds: [],
      invitedPersons: [{ userId: 'u-principal', name: 'Rektor, Nordby skole', title: 'Rektor', status: 'not_answered' }],
      invitedMe: true,
      documents: [{ id: 'a9', filename: 'Utredning.pdf', mediaType: 'application/pdf', size: 4096, sha256: 'cd'.repeat(32) }],
      submissions: [],
    };
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ ...MEMBER, id: 'u-principal', name: 'Rektor, Nordby skole', memberships: [] })),
      http.get('/api/rounds/r1', () => HttpResponse.json(round)),
      http.post('/api/rounds/r1/no-comment', async ({ request }) => {
        noComment = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/innspill/r1');
    await screen.findByRole('heading', { level: 1, name: 'Innspill fra rektorene' });
    expect(screen.getByText('Rektor, Nordby skole (Rektor): Ikke svart')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Dokumenter' })).getByRole('link', { name: 'Utredning.pdf' })).toHaveProperty(
      'pathname',
      '/api/attachments/a9',
    );
    expect(screen.getByRole('combobox', { name: 'Sendes på vegne av' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Meg selv (personlig invitert)' })).toBeTruthy();
    // A draft survives leaving the page (kept in this browser until it is sent).
    await userEvent.type(screen.getByRole('textbox', { name: 'Innspill' }), 'Halvferdig tanke');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre utkast' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Utkastet er lagret i denne nettleseren/);
    expect(localStorage.getItem('samrad:utkast:r1')).toBe('Halvferdig tanke');
    await userEvent.click(screen.getByRole('button', { name: 'Ingen merknad fra meg' }));
    await screen.findByText('Registrert: ingen merknad fra deg selv.');
    expect(noComment).toEqual({ bodyId: null });
  });
});

describe('Organer: administration', () => {
  const BODY = {
    id: 'b1',
    kind: 'working_group',
    name: 'Arbeidsgruppen',
    description: 'Drøfter det administrasjonen forbereder.',
    parentId: null,
    memberCount: 1,
    version: 1,
    members: [
      {
        id: 'ms1',
        userId: 'u1',
        name: 'Hovedtillitsvalgt, Utdanningsforbundet',
        title: '',
        role: 'member',
        capacity: 'union_representative',
        party: null,
        side: null,
        union: 'Utdanningsforbundet',
        school: null,
        validFrom: '2026-01-01',
        validTo: null,
        version: 3,
      },
    ],
  };

  it('an officer adds a member (a politician needs a side) and ends a membership', async () => {
    const calls: { method: string; body: unknown }[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/bodies/b1', () => HttpResponse.json(BODY)),
      http.get('/api/users', () =>
        HttpResponse.json({
          users: [
            {
              id: 'u7',
              name: 'Kommunestyremedlem, posisjon',
              title: '',
              email: 'k@x',
              status: 'active',
              isAdmin: false,
              isCaseOfficer: false,
              version: 1,
            },
          ],
        }),
      ),
      http.post('/api/bodies/b1/members', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        calls.push({ method: 'POST', body });
        return body.side
          ? HttpResponse.json({ id: 'ms2', version: 1 }, { status: 201 })
          : HttpResponse.json(
              { errors: [{ path: 'side', message: 'En politiker må ha side (posisjon eller opposisjon)' }] },
              { status: 400 },
            );
      }),
      http.patch('/api/bodies/b1/members/ms1', async ({ request }) => {
        calls.push({ method: 'PATCH', body: await request.json() });
        return HttpResponse.json({ id: 'ms1', version: 4 });
      }),
    );
    renderRoute('/organer/b1');
    await screen.findByRole('heading', { level: 1, name: 'Arbeidsgruppen' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Parti' }), 'Parti A');
    await userEvent.click(screen.getByRole('button', { name: 'Legg til' }));
    expect(await screen.findByRole('link', { name: 'En politiker må ha side (posisjon eller opposisjon)' })).toHaveProperty(
      'hash',
      '#member-side',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Side' }), 'Posisjon');
    await userEvent.click(screen.getByRole('button', { name: 'Legg til' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'Avslutt medlemskapet til Hovedtillitsvalgt, Utdanningsforbundet i dag' }));
    await waitFor(() => expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'PATCH']));
    expect(calls[0]!.body).toMatchObject({ userId: 'u7', role: 'chair', capacity: 'politician', party: 'Parti A', side: null });
    expect(calls[1]!.body).toMatchObject({ userId: 'u7', capacity: 'politician', party: 'Parti A', side: 'posisjon' });
    expect(calls[2]!.body).toMatchObject({ version: 3, validTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('members see the list but no administration', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies/b1', () => HttpResponse.json(BODY)),
    );
    renderRoute('/organer/b1');
    await screen.findByRole('cell', { name: /Hovedtillitsvalgt, Utdanningsforbundet/ });
    expect(screen.queryByRole('heading', { name: 'Legg til medlem' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Avslutt medlemskapet/ })).toBeNull();
  });
});

describe('Møter: list and calendar', () => {
  it('switches to a month calendar with each meeting on its Oslo date, and moves between months', async () => {
    const now = new Date();
    const inMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 15, 17, 0));
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/meetings', () =>
        HttpResponse.json({
          meetings: [
            {
              id: 'm1',
              body: { id: 'b1', name: 'Driftsutvalget' },
              kind: 'ordinary',
              title: 'Møte om budsjett',
              startsAt: inMonth.toISOString(),
              endsAt: null,
              place: 'Rådhuset',
              videoLink: null,
              open: true,
              closedBasis: null,
              agendaPublished: true,
              agendaDueAt: inMonth.toISOString(),
            },
          ],
        }),
      ),
    );
    renderRoute('/moter');
    await screen.findByRole('link', { name: 'Driftsutvalget: Møte om budsjett' });
    await userEvent.click(screen.getByRole('button', { name: 'Kalender' }));
    expect(screen.getByRole('button', { name: 'Kalender' }).getAttribute('aria-pressed')).toBe('true');
    const table = screen.getByRole('table');
    const month = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(now);
    expect(within(table).getByText(month)).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag']);
    const link = within(table).getByRole('link', { name: /Driftsutvalget: Møte om budsjett/ });
    expect(link.closest('td')!.textContent).toMatch(/^15/);
    expect(link.textContent).toMatch(/^(18|19):00/);
    await userEvent.click(screen.getByRole('button', { name: 'Neste måned' }));
    expect(within(screen.getByRole('table')).queryByRole('link')).toBeNull();
  });
});

const MANDATE_SUMMARY = {
  id: 'md1',
  title: 'Oppfølging',
  description: '',
  adoptedByBodyId: null,
  adoptedCaseNumber: null,
  adoptedDate: null,
  endDate: '2026-11-30',
  version: 1,
};

describe('Mandatet: the work under each item', () => {
  it('lists an item’s cases, rounds and meetings as links', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [MANDATE_SUMMARY] })),
      http.get('/api/mandates/md1', () =>
        HttpResponse.json({
          ...MANDATE_SUMMARY,
          adoptedBy: null,
          items: [
            {
              id: 'i3',
              number: 3,
              title: 'Ressursfordeling',
              description: '',
              owner: null,
              dueDate: '2026-12-31',
              status: 'in_progress',
              late: false,
              version: 1,
              work: {
                cases: [{ id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell', status: 'input_round' }],
                rounds: [{ id: 'r1', title: 'Innspill til modellen', closesAt: '2026-12-01T11:00:00.000Z', open: true }],
                meetings: [{ id: 'm1', title: 'Skolekonferanse', startsAt: '2026-11-20T17:00:00.000Z', bodyName: 'KFU' }],
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
});

describe('Fordeling', () => {
  const input = {
    format: 'samrad.allocation-input/v1' as const,
    mode: 'allocation' as const,
    teachingWeeks: 38,
    hourCost: { barnetrinn: 765.8 },
    criteria: [
      { id: 'perPupil', label: 'Per elev', driver: 'pupils', rate: { barnetrinn: { nok: 44240 } } },
      { id: 'perUnit', label: 'Per skole', driver: 'unit', rate: { barnetrinn: { nok: 930400 } } },
    ],
    units: [
      { id: 'a', name: 'Fevik', stage: 'barnetrinn' as const, counts: { pupils: 200 }, currentBudget: 10_000_000 },
      { id: 'b', name: 'Landvik', stage: 'barnetrinn' as const, counts: { pupils: 120 }, currentBudget: 6_500_000 },
    ],
  };

  async function open(me: object) {
    const { computeAllocation, parseAllocationInput } = await import('@samrad/shared/engine');
    const parsed = parseAllocationInput(input);
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(me)),
      http.get('/api/allocation-cases/ac1', () =>
        HttpResponse.json({
          id: 'ac1',
          caseId: 'c1',
          budgetYear: 2027,
          title: 'Ressursfordeling 2027',
          adoptedScenarioId: null,
          datasets: [{ id: 'd1', name: 'Elevtall', source: 'csv', unitCount: 2, createdAt: '2026-11-01T09:00:00.000Z' }],
          modelVersions: [{ id: 'mv1', number: 1, label: 'Modell 1', adoptedByDecisionId: null }],
          scenarios: [
            {
              id: 's1',
              name: 'Dagens satser',
              adopted: false,
              total: 0,
              modelVersionId: 'mv1',
              datasetId: 'd1',
              frame: null,
              frameChange: null,
              revisesScenarioId: null,
              scale: 1,
              version: 1,
            },
          ],
        }),
      ),
      http.get('/api/scenarios/s1', () =>
        HttpResponse.json({
          id: 's1',
          allocationCaseId: 'ac1',
          name: 'Dagens satser',
          caseId: 'c1',
          adopted: false,
          adoptedByDecisionId: null,
          revisesScenarioId: null,
          computedAt: '2026-11-01T09:00:00.000Z',
          version: 1,
          modelVersionId: 'mv1',
          datasetId: 'd1',
          frame: null,
          frameChange: null,
          overrides: [],
          adjustments: [],
          engineVersion: '2.0.0',
          inputHash: 'x',
          input: parsed,
          result: computeAllocation(input),
        }),
      ),
      http.get('/api/scenarios/s1/comments', () => HttpResponse.json({ comments: [] })),
      http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    );
    renderRoute('/fordeling/ac1');
    await screen.findByRole('heading', { level: 1, name: 'Ressursfordeling 2027' });
  }

  it('shows units × criteria, and recomputes a frame change live in the browser with the shared engine', async () => {
    await open(ME);
    const table = await screen.findByRole('table', { name: 'Dagens satser' });
    expect(within(table).getByRole('rowheader', { name: /Fevik/ })).toBeTruthy();
    const editor = screen.getByRole('region', { name: 'Prøv et scenario' });
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }), '-1000000');
    const live = await screen.findByRole('table', { name: 'Dagens satser *' });
    // 200 × 44,240 + 930,400 and 120 × 44,240 + 930,400, less one million, distributed by one factor.
    const frame = 200 * 44240 + 930400 + 120 * 44240 + 930400 - 1_000_000;
    expect(screen.getByText(new RegExp(`Ramme: ${new Intl.NumberFormat('nb-NO').format(frame).replace(/\s/g, '\\s')} kr`))).toBeTruthy();
    expect(within(live).getAllByRole('row').length).toBeGreaterThan(2);
  });

  it('edits a rate live, and an officer saves it as a new scenario with the rate as an override', async () => {
    await open(ME);
    let saved: Record<string, unknown> | undefined;
    server.use(
      http.post('/api/allocation-cases/ac1/scenarios', async ({ request }) => {
        saved = (await request.json()) as Record<string, unknown>;
        const { computeAllocation } = await import('@samrad/shared/engine');
        return HttpResponse.json({ id: 's2', version: 1, result: computeAllocation(input) }, { status: 201 });
      }),
      http.get('/api/scenarios/s2', () => HttpResponse.json({ message: 'Fant ikke scenarioet' }, { status: 404 })),
      http.get('/api/scenarios/s2/comments', () => HttpResponse.json({ comments: [] })),
    );
    const editor = await screen.findByRole('region', { name: 'Prøv et scenario' });
    await userEvent.click(within(editor).getByText('Endre satser'));
    const perPupil = within(within(editor).getByRole('group', { name: 'Per elev' })).getByRole('textbox', {
      name: 'Barnetrinn (kr per enhet)',
    });
    expect((perPupil as HTMLInputElement).value).toBe('44240');
    await userEvent.clear(perPupil);
    await userEvent.type(perPupil, '-5');
    expect(await within(editor).findByText('«-5» er ikke en gyldig sats for Per elev. Skriv et tall som ikke er negativt.')).toBeTruthy();
    expect(perPupil.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(perPupil);
    await userEvent.type(perPupil, '50000');
    const live = await screen.findByRole('table', { name: 'Dagens satser *' });
    // Allocation mode: Fevik gets 200 × 50,000 per pupil plus its 930,400 per school.
    expect(within(live).getByRole('row', { name: /Fevik/ }).textContent).toMatch(/10\s?930\s?400/);
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Navn på nytt scenario' }), 'Høyere elevsats');
    await userEvent.click(within(editor).getByRole('button', { name: 'Lagre som nytt scenario' }));
    await waitFor(() =>
      expect(saved).toMatchObject({
        name: 'Høyere elevsats',
        frame: null,
        frameChange: null,
        adjustments: [],
        overrides: [{ criterion: 'perPupil', stage: 'barnetrinn', rate: { nok: 50000 } }],
      }),
    );
  });

  it('an officer imports a workbook as the raw file, and sees the import’s progress until it is done', async () => {
    await open(ME);
    let sent: { type: string | null; query: string; bytes: number } | undefined;
    let polls = 0;
    server.use(
      http.post('/api/allocation-cases/ac1/datasets/file', async ({ request }) => {
        sent = {
          type: request.headers.get('content-type'),
          query: new URL(request.url).search,
          bytes: (await request.arrayBuffer()).byteLength,
        };
        return HttpResponse.json({ importId: 'i1', status: 'queued' }, { status: 202 });
      }),
      http.get('/api/imports/i1', () =>
        HttpResponse.json({
          id: 'i1',
          status: ++polls > 1 ? 'done' : 'running',
          progress: polls > 1 ? 100 : 40,
          errors: [],
          datasetId: polls > 1 ? 'd2' : null,
        }),
      ),
    );
    // Larger than a spread of String.fromCharCode can take (the old page threw at about 200 KB).
    const workbook = new File([new Uint8Array(512 * 1024).fill(80)], 'elevtall.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    await userEvent.type(screen.getByRole('textbox', { name: 'Navn på datasettet' }), 'Oktober');
    await userEvent.upload(screen.getByLabelText('Fil (CSV, XLSX eller JSON)'), workbook);
    await userEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await screen.findByText('Datasettet er importert.', undefined, { timeout: 3000 });
    expect(sent).toEqual({ type: 'application/octet-stream', query: '?filename=elevtall.xlsx&name=Oktober', bytes: 512 * 1024 });
  });

  it('a bad frame change gets the engine’s Norwegian message on the field', async () => {
    await open(ME);
    const editor = await screen.findByRole('region', { name: 'Prøv et scenario' });
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }), '-99999999');
    expect(await screen.findByText(/Rammen .* må være større enn summen av justeringene/)).toBeTruthy();
  });

  it('members try scenarios in the browser too, but cannot save them or import data', async () => {
    await open(MEMBER);
    await screen.findByRole('table', { name: 'Dagens satser' });
    const editor = screen.getByRole('region', { name: 'Prøv et scenario' });
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }), '-500000');
    await screen.findByRole('table', { name: 'Dagens satser *' });
    expect(screen.queryByRole('button', { name: 'Lagre som nytt scenario' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Importer datasett' })).toBeNull();
  });
});

describe('Glemt passord and Vedtak', () => {
  it('asking for a reset link always answers the same, and a bad e-mail gets a field error', async () => {
    let asked: unknown;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })),
      http.post('/api/auth/request-reset', async ({ request }) => {
        asked = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/glemt-passord');
    const email = await screen.findByRole('textbox', { name: 'E-postadresse' });
    await userEvent.type(email, 'ikke-en-adresse');
    await userEvent.click(screen.getByRole('button'));
    await screen.findAllByText('Skriv inn en gyldig e-postadresse');
    await userEvent.clear(email);
    await userEvent.type(email, 'fau.nordby@solvik.kommune.test');
    await userEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(asked).toEqual({ email: 'fau.nordby@solvik.kommune.test' }));
  });

  it('the decisions register searches by text and lists each decision with its case', async () => {
    const seen: string[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
      http.get('/api/decisions', ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json({
          decisions: [
            {
              id: 'd1',
              decidedOn: '2026-11-05',
              committeeNumber: '41/26',
              body: { id: 'b3', name: 'Kommunestyret' },
              text: 'Kommunestyret vedtar ny ressursmodell.',
              motions: [],
              exemptBasis: null,
              case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell', access: 'public' },
              mandateItem: null,
              inputs: 3,
              adoptedScenario: null,
            },
          ],
        });
      }),
    );
    renderRoute('/vedtak');
    await screen.findByText('Kommunestyret vedtar ny ressursmodell.');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Søkeord' }), 'ressursmodell');
    await userEvent.click(screen.getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(seen.at(-1)).toContain('q=ressursmodell'));
  });
});

describe('Invitasjon and nytt passord', () => {
  it('accepts an invitation with a new password, refusing a short one on the field', async () => {
    let sent: unknown;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })),
      http.post('/api/auth/accept-invite', async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/invitasjon?token=abcdefghijklmnop');
    await screen.findByRole('heading', { level: 1, name: 'Velg passord' });
    const password = screen.getByLabelText(/^Nytt passord/);
    await userEvent.type(password, 'kort');
    await userEvent.click(screen.getByRole('button', { name: 'Ta imot invitasjonen' }));
    expect(sent).toBeUndefined();
    await userEvent.clear(password);
    await userEvent.type(password, 'en lang og god passordsetning');
    await userEvent.click(screen.getByRole('button', { name: 'Ta imot invitasjonen' }));
    await waitFor(() => expect(sent).toEqual({ token: 'abcdefghijklmnop', password: 'en lang og god passordsetning' }));
  });

  it('shows the server’s refusal of an easily guessed password on the field', async () => {
    const message =
      'Passordet er blant de mest brukte. Velg et passord som er vanskeligere å gjette, for eksempel flere ord som ikke hører sammen.';
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })),
      http.post('/api/auth/reset-password', () => HttpResponse.json({ errors: [{ path: 'password', message }] }, { status: 400 })),
    );
    renderRoute('/nytt-passord?token=abcdefghijklmnop');
    await screen.findByRole('heading', { level: 1, name: 'Velg nytt passord' });
    const password = screen.getByLabelText(/^Nytt passord/);
    await userEvent.type(password, '123456789012');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre nytt passord' }));
    expect((await screen.findAllByText(message)).length).toBeGreaterThanOrEqual(1);
    expect(password.getAttribute('aria-invalid')).toBe('true');
  });

  it('says so when the link has no token', async () => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })));
    renderRoute('/nytt-passord');
    await screen.findByText('Lenken mangler nøkkel. Åpne lenken fra e-posten på nytt.');
  });
});

describe('Saker and Fordeling lists', () => {
  const LISTED = { mandateItemId: null, updatedAt: '2026-11-20T09:00:00.000Z' };
  it('lists cases with the screened title of an exempt case the person may not read', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
      http.get('/api/cases', () =>
        HttpResponse.json({
          cases: [
            {
              ...LISTED,
              id: 'c1',
              number: '2026/12',
              title: 'Ny ressursfordelingsmodell',
              status: 'input_round',
              access: 'public',
              readable: true,
            },
            { ...LISTED, id: 'c2', number: '2026/13', title: 'Personalsak', status: 'in_preparation', access: 'exempt', readable: false },
          ],
        }),
      ),
    );
    renderRoute('/saker');
    expect(await screen.findByRole('link', { name: /Ny ressursfordelingsmodell/ })).toHaveProperty('pathname', '/saker/c1');
    expect(screen.getByText(/Personalsak/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Ny sak' })).toBeNull();
  });

  it('lists allocation cases, and says so when there are none', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/allocation-cases', () => HttpResponse.json({ allocationCases: [] })),
    );
    renderRoute('/fordeling');
    await screen.findByText('Ingen fordelingssaker.');
  });
});

describe('Officer views: reminders sent and the case history', () => {
  it('shows which bodies were reminded, and when', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
      http.get('/api/rounds/r1', () =>
        HttpResponse.json({
          id: 'r1',
          title: 'Innspill til modellen',
          questions: 'Hva mener dere?',
          caseId: 'c1',
          case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell' },
          mandateItemId: null,
          opensAt: new Date(Date.now() - 86400000).toISOString(),
          closesAt: new Date(Date.now() + 86400000).toISOString(),
          open: true,
          closedAt: null,
          publishAfterClose: false,
          latePolicy: 'refuse',
          invitations: [
            { bodyId: 'b2', bodyName: 'KFU', status: 'not_answered', extendedUntil: null },
            { bodyId: 'b3', bodyName: 'Fagforbundet', status: 'answered', extendedUntil: null },
          ],
          myBodyIds: [],
          invitedPersons: [],
          invitedMe: false,
          documents: [],
          remindersSent: [{ bodyId: 'b2', userId: null, sentAt: '2026-11-24T06:00:00.000Z' }],
          submissions: [],
        }),
      ),
    );
    let extension: unknown;
    server.use(
      http.post('/api/rounds/r1/extensions', async ({ request }) => {
        extension = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/innspill/r1');
    await screen.findByRole('columnheader', { name: 'Påminnelser sendt' });
    // Only bodies that have not answered can be given an extension.
    const body = screen.getByRole('combobox', { name: 'Organ' });
    expect(
      within(body)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['KFU']);
    await userEvent.type(screen.getByLabelText('Ny frist (norsk tid)'), '2026-12-10T12:00');
    await userEvent.click(screen.getByRole('button', { name: 'Gi utsettelse' }));
    await screen.findByText('KFU har fått utsatt frist.');
    expect(extension).toEqual({ bodyId: 'b2', until: '2026-12-10T12:00:00+01:00' });
    const kfu = screen.getByRole('row', { name: /KFU/ });
    expect(within(kfu).getByText(/24\. november 2026/)).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Fagforbundet/ })).getByText('Ingen')).toBeTruthy();
  });

  it('opens the case’s audit history for officers', async () => {
    caseApi(ME);
    server.use(
      http.get('/api/audit/case/c1', () =>
        HttpResponse.json({
          events: [
            {
              id: 'e1',
              action: 'update',
              changes: { status: { before: 'in_preparation', after: 'input_round' } },
              at: '2026-11-20T10:00:00.000Z',
              actor: { id: 'u-officer', name: 'Rådgiver, oppvekst' },
            },
          ],
        }),
      ),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByText('Historikk (hvem endret hva, og når)'));
    expect(await screen.findByText('status: in_preparation → input_round')).toBeTruthy();
    expect(screen.getByText(/Endret av Rådgiver, oppvekst/)).toBeTruthy();
  });
});

describe('A stale edit (409)', () => {
  it('shows what the other person saved, keeps the draft, and loads the new version on request', async () => {
    caseApi(ME);
    let version = 2;
    server.use(
      http.get('/api/cases/c1', () =>
        HttpResponse.json({
          ...CASE,
          sections: [{ ...CASE.sections[0], version, text: version === 2 ? CASE.sections[0]!.text : 'Ny tekst fra en kollega.' }],
        }),
      ),
      http.put('/api/cases/c1/sections/s1', () => {
        version = 3;
        return HttpResponse.json(
          { message: 'Noen andre har endret dette etter at du åpnet det.', current: { version: 3, text: 'Ny tekst fra en kollega.' } },
          { status: 409 },
        );
      }),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByRole('button', { name: 'Rediger: Bakgrunn' }));
    const field = screen.getByRole('textbox', { name: 'Bakgrunn' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Min nye tekst');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Noen andre har endret dette');
    expect(within(alert).getByText('Dette er den lagrede versjonen 3:')).toBeTruthy();
    expect(within(alert).getByText('Ny tekst fra en kollega.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Bakgrunn' }) as HTMLTextAreaElement).value).toBe('Min nye tekst');
    await userEvent.click(within(alert).getByRole('button', { name: 'Last inn på nytt' }));
    await screen.findByText('(Versjon 3)');
  });
});
