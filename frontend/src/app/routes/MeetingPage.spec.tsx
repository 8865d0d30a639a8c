import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

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
  minutesApproval: null,
  administrationPosition: null,
  agenda: [
    {
      id: 'a1',
      position: 1,
      committeeNumber: null,
      case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell' },
      minutes: null,
      decision: null,
      dissent: [],
      absences: [],
      openInput: null,
      exemptBasis: null,
      impartiality: [],
      eligibleVoters: [],
      excludedVoters: [],
      voters: [],
    },
  ],
  attendance: [],
  statements: [],
  myStatementUnion: null as string | null,
  conference: {
    registrationOpen: true,
    inputOpen: false,
    registrationCount: 1,
    registered: false,
    myRepresenting: null as string | null,
    registrations: null,
  },
};

// The meeting page asks for the meeting's impartiality declarations alongside the meeting.
beforeEach(() =>
  server.use(
    http.get('/api/meetings/m1/impartiality', () =>
      HttpResponse.json({ declarations: [], mayDeclare: false, mayRecord: false, people: [], substitutes: [] }),
    ),
  ),
);

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
      itemAbsences: [],
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
        decision: null as unknown,
        dissent: [] as unknown[],
        absences: [] as unknown[],
        exemptBasis: null,
        openInput: null,
        impartiality: [] as unknown[],
        eligibleVoters: [] as unknown[],
        excludedVoters: [] as unknown[],
        voters: [] as unknown[],
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
        decision: {
          text: 'Driftsutvalget vedtar modellen.',
          motions: [],
          dissent: [],
          voterIds: [],
          confirmOpenInput: { reason: 'Budsjettfristen' },
        },
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
            decision: { id: 'd1', text: 'Driftsutvalget vedtar modellen.', openInputReason: 'Budsjettfristen', motions: [] },
          },
        ],
      }),
    );
    renderRoute('/moter/m1');
    await screen.findByText('Vedtatt med åpne innspill. Begrunnelse: Budsjettfristen');
  });

  it('records the motions and the vote; the adopted motion is the vedtak (not typed twice), with dissens', async () => {
    let sent: unknown;
    meetingApi(
      ordinary({
        attendance: [
          { userId: 'u1', name: 'Leder, Driftsutvalget', status: 'present', substituteName: null },
          { userId: 'u2', name: 'Medlem, Driftsutvalget', status: 'substitute', substituteName: 'Vara, Parti D' },
        ],
      }),
    );
    server.use(
      http.put('/api/meetings/m1/agenda/a1/minutes', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ decisionId: 'd1' });
      }),
    );
    renderRoute('/moter/m1');
    const form = await screen.findByRole('form', { name: 'Protokoll for Ny ressursfordelingsmodell' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Protokolltekst' }), 'Saken ble drøftet.');
    await userEvent.click(within(form).getByRole('button', { name: 'Legg til forslag' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Legg til forslag' }));
    // With motions, the vedtak is not written on its own.
    expect(within(form).queryByRole('textbox', { name: 'Vedtak' })).toBeNull();
    const first = within(form).getByRole('group', { name: 'Forslag 1' });
    await userEvent.type(within(first).getByRole('textbox', { name: 'Forslagets tekst' }), 'Driftsutvalget vedtar modellen.');
    await userEvent.type(within(first).getByRole('textbox', { name: 'Forslagsstiller' }), 'Leder');
    await userEvent.type(within(first).getByRole('textbox', { name: 'Parti' }), 'Ap');
    await userEvent.type(within(first).getByRole('spinbutton', { name: 'Stemmer for' }), '1');
    await userEvent.type(within(first).getByRole('spinbutton', { name: 'Stemmer mot' }), '1');
    await userEvent.click(within(first).getByRole('button', { name: 'Legg til stemmer per parti' }));
    await userEvent.type(within(first).getByRole('textbox', { name: 'Parti 1' }), 'Ap');
    await userEvent.type(within(first).getByRole('spinbutton', { name: 'For, parti 1' }), '1');
    await userEvent.click(within(first).getByRole('button', { name: 'Legg til stemmer per parti' }));
    await userEvent.type(within(first).getByRole('textbox', { name: 'Parti 2' }), 'H');
    await userEvent.type(within(first).getByRole('spinbutton', { name: 'Mot, parti 2' }), '1');
    const second = within(form).getByRole('group', { name: 'Forslag 2' });
    await userEvent.type(within(second).getByRole('textbox', { name: 'Forslagets tekst' }), 'Saken utsettes.');
    await userEvent.type(within(second).getByRole('spinbutton', { name: 'Stemmer for' }), '1');
    await userEvent.type(within(second).getByRole('spinbutton', { name: 'Stemmer mot' }), '1');
    // No motion chosen as adopted: the contract's message, before anything is sent.
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre protokoll og vedtak' }));
    expect((await within(form).findAllByText('Velg hvilket forslag som ble vedtatt')).length).toBeGreaterThan(0);
    expect(sent).toBeUndefined();
    await userEvent.click(within(first).getByRole('radio', { name: 'Dette forslaget ble vedtatt' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Legg til dissens' }));
    await userEvent.type(within(form).getByRole('combobox', { name: 'Hvem (dissens 1)' }), 'Vara, Parti D');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Kort begrunnelse (dissens 1)' }), 'Modellen rammer små skoler.');
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre protokoll og vedtak' }));
    await waitFor(() =>
      expect(sent).toEqual({
        minutes: 'Saken ble drøftet.',
        decision: {
          text: null,
          motions: [
            {
              motion: 'Driftsutvalget vedtar modellen.',
              proposedBy: 'Leder',
              party: 'Ap',
              for: 1,
              against: 1,
              blank: 0,
              byParty: [
                { party: 'Ap', for: 1, against: 0, blank: 0 },
                { party: 'H', for: 0, against: 1, blank: 0 },
              ],
              adopted: true,
            },
            { motion: 'Saken utsettes.', proposedBy: '', party: '', for: 1, against: 1, blank: 0, byParty: [], adopted: false },
          ],
          dissent: [{ name: 'Vara, Parti D', reason: 'Modellen rammer små skoler.' }],
          voterIds: [],
          confirmOpenInput: null,
        },
      }),
    );
  }, 30_000); // many fields typed one key at a time

  it('the server’s vote check is shown on the motion’s field', async () => {
    meetingApi(ordinary());
    server.use(
      http.put('/api/meetings/m1/agenda/a1/minutes', () =>
        HttpResponse.json(
          { errors: [{ path: 'decision.motions.0.for', message: 'Forslaget har 9 stemmer, men bare 5 kunne stemme i saken' }] },
          { status: 400 },
        ),
      ),
    );
    renderRoute('/moter/m1');
    const form = await screen.findByRole('form', { name: 'Protokoll for Ny ressursfordelingsmodell' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Protokolltekst' }), 'Drøftet.');
    await userEvent.click(within(form).getByRole('button', { name: 'Legg til forslag' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'Forslagets tekst' }), 'Modellen vedtas.');
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Stemmer for' }), '9');
    await userEvent.type(within(form).getByRole('spinbutton', { name: 'Stemmer mot' }), '0');
    await userEvent.click(within(form).getByRole('radio', { name: 'Dette forslaget ble vedtatt' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre protokoll og vedtak' }));
    const field = within(form).getByRole('spinbutton', { name: 'Stemmer for' });
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('link', { name: 'Forslaget har 9 stemmer, men bare 5 kunne stemme i saken' })).toBeTruthy();
  });

  it('the protocol shows the vote, dissens, vara and who was not there for the case', async () => {
    meetingApi(
      ordinary({
        attendance: [{ userId: 'u2', name: 'Medlem, Driftsutvalget', status: 'substitute', substituteName: 'Vara, Parti D' }],
        agenda: [
          {
            ...ordinary().agenda[0],
            minutes: 'Drøftet.',
            decision: {
              id: 'd1',
              text: 'Driftsutvalget vedtar modellen.',
              openInputReason: null,
              motions: [
                {
                  motion: 'Driftsutvalget vedtar modellen.',
                  proposedBy: 'Leder',
                  party: 'Ap',
                  for: 4,
                  against: 1,
                  blank: 0,
                  byParty: [{ party: 'Ap', for: 4, against: 1, blank: 0 }],
                  adopted: true,
                },
                { motion: 'Saken utsettes.', proposedBy: '', party: '', for: 1, against: 4, blank: 0, byParty: [], adopted: false },
              ],
            },
            dissent: [{ name: 'Vara, Parti D', reason: 'Rammer små skoler.' }],
            absences: [{ userId: 'u3', name: 'Medlem 3', reason: 'disqualified', note: 'Gift med rektor' }],
          },
        ],
      }),
    );
    renderRoute('/moter/m1');
    const vote = await screen.findByRole('list', { name: 'Votering i Ny ressursfordelingsmodell' });
    expect(within(vote).getByText('Forslag 1 fra Leder (Ap):')).toBeTruthy();
    expect(within(vote).getByText('Vedtatt')).toBeTruthy();
    expect(within(vote).getByText('Falt')).toBeTruthy();
    expect(within(vote).getByRole('list', { name: 'Stemmer per parti, forslag 1' }).textContent).toBe('Ap: For: 4, mot: 1, blanke: 0.');
    expect(screen.getByText('Vara, Parti D: Rammer små skoler.')).toBeTruthy();
    expect(screen.getByText('Ikke med i behandlingen av saken: Medlem 3 (inhabil: Gift med rektor)')).toBeTruthy();
    expect(screen.getByText('Vara, Parti D møtte som vara for Medlem, Driftsutvalget')).toBeTruthy();
  });

  it('records who of those who met was not there for one case', async () => {
    let saved: unknown;
    meetingApi(ordinary({ attendance: [{ userId: 'u1', name: 'Leder, Driftsutvalget', status: 'present', substituteName: null }] }));
    server.use(
      http.get('/api/bodies/b1', () =>
        HttpResponse.json({
          ...BODY_B1,
          members: [{ ...MEMBERSHIP, id: 'ms1', userId: 'u1', name: 'Leder, Driftsutvalget', role: 'chair' }],
        }),
      ),
      http.put('/api/meetings/m1/attendance', async ({ request }) => {
        saved = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/moter/m1');
    const away = await screen.findByRole('group', { name: '41/26 Ny ressursfordelingsmodell' });
    await userEvent.selectOptions(within(away).getByRole('combobox', { name: 'Leder, Driftsutvalget' }), 'Inhabil');
    await userEvent.type(within(away).getByRole('textbox', { name: 'Merknad for Leder, Driftsutvalget (valgfritt)' }), 'Eier tomten');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre oppmøte' }));
    await screen.findByText('Oppmøtet er lagret.');
    expect(saved).toEqual({
      attendance: [{ userId: 'u1', status: 'present', substituteName: null }],
      itemAbsences: [{ itemId: 'a1', userId: 'u1', reason: 'disqualified', note: 'Eier tomten' }],
    });
  });

  it('the officer approves a held meeting’s protocol; it is locked, and reopening asks for a reason', async () => {
    const held = { startsAt: new Date(Date.now() - 3600_000).toISOString() };
    let approved = false;
    let reopened: unknown;
    meetingApi(ordinary(held));
    server.use(
      http.post('/api/meetings/m1/minutes/approval', () => {
        approved = true;
        meetingApi(ordinary({ ...held, minutesApproval: { at: new Date().toISOString(), by: 'Rådgiver, oppvekst' } }));
        return new HttpResponse(null, { status: 204 });
      }),
      http.post('/api/meetings/m1/minutes/reopening', async ({ request }) => {
        reopened = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/moter/m1');
    const approval = await screen.findByRole('region', { name: 'Godkjenning av protokollen' });
    expect(within(approval).getByText('Protokollen er ikke godkjent ennå.')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Protokoll for Ny ressursfordelingsmodell' })).toBeTruthy();
    await userEvent.click(within(approval).getByRole('button', { name: 'Godkjenn protokollen' }));
    await within(approval).findByText(/^Protokollen ble godkjent .* av Rådgiver, oppvekst\. Den er låst for endringer\.$/);
    expect(approved).toBe(true);
    // Locked: no form changes the protocol.
    expect(screen.queryByRole('form', { name: 'Protokoll for Ny ressursfordelingsmodell' })).toBeNull();
    await userEvent.click(within(approval).getByRole('button', { name: 'Åpne protokollen for retting' }));
    const form = within(approval).getByRole('form', { name: 'Åpne protokollen for retting' });
    await userEvent.click(within(form).getByRole('button', { name: 'Åpne for retting' }));
    expect(await within(form).findAllByText('Begrunnelsen må fylles ut')).not.toHaveLength(0);
    expect(reopened).toBeUndefined();
    await userEvent.type(within(form).getByRole('textbox', { name: 'Begrunnelse for å åpne protokollen' }), 'Feil i vedtaksteksten');
    await userEvent.click(within(form).getByRole('button', { name: 'Åpne for retting' }));
    await waitFor(() => expect(reopened).toEqual({ reason: 'Feil i vedtaksteksten' }));
  });
});

describe('Habilitet', () => {
  const item = {
    id: 'a1',
    position: 1,
    committeeNumber: '41/26',
    case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell' },
    minutes: null,
    decision: null,
    dissent: [],
    absences: [],
    exemptBasis: null,
    openInput: null,
    impartiality: [
      {
        name: 'Medlem 3',
        declaredBy: 'self',
        reason: 'Gift med rektor',
        legalBasis: 'fvl_6_1_c',
        decision: 'disqualified',
        decisionText: 'Medlem 3 er inhabil og fratrer.',
        substituteName: 'Vara 1',
      },
    ],
    eligibleVoters: [
      { userId: 'u1', name: 'Leder', substitute: false },
      { userId: 'v1', name: 'Vara 1', substitute: true },
    ],
    excludedVoters: [{ userId: 'u3', name: 'Medlem 3', reason: 'disqualified', note: 'Gift med rektor' }],
    voters: [],
  };
  it('the protocol states the declaration and the decision; the vote form refuses the disqualified member', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/cases', () => HttpResponse.json({ cases: [] })),
      http.get('/api/bodies/b1', () => HttpResponse.json({ ...BODY_B1, members: [] })),
      http.get('/api/meetings/m1/impartiality', () =>
        HttpResponse.json({ declarations: [], mayDeclare: false, mayRecord: false, people: [], substitutes: [] }),
      ),
      http.get('/api/meetings/m1', () =>
        HttpResponse.json({
          ...MEETING,
          kind: 'ordinary',
          mayDecide: true,
          conference: null,
          body: { id: 'b1', name: 'Driftsutvalget' },
          attendance: [
            { userId: 'u1', name: 'Leder', status: 'present', substituteName: null },
            { userId: 'u3', name: 'Medlem 3', status: 'present', substituteName: null },
          ],
          agenda: [item],
        }),
      ),
    );
    renderRoute('/moter/m1');
    expect(
      await screen.findByText(
        'Medlem 3 erklærte seg inhabil etter forvaltningsloven § 6 første ledd bokstav c (gift, samboer eller forlovet med en part): Gift med rektor. Driftsutvalget vedtok: Medlem 3 er inhabil og fratrer. Medlem 3 fratrådte under behandlingen av saken og stemte ikke. Vara Vara 1 tiltrådte.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Medlem 3 fratrådte under behandlingen av sak 41/26.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Protokoll for Ny ressursfordelingsmodell' });
    await userEvent.click(within(form).getByRole('button', { name: 'Legg til forslag' }));
    const voters = await within(form).findByRole('group', { name: /^Hvem stemte/ });
    expect((within(voters).getByRole('checkbox', { name: 'Vara 1' }) as HTMLInputElement).checked).toBe(true);
    const refused = within(voters).getByRole('checkbox', {
      name: 'Medlem 3 – kan ikke stemme: inhabil (Gift med rektor)',
    }) as HTMLInputElement;
    expect(refused.disabled).toBe(true);
  });
});

describe('Habilitet: a member declares', () => {
  const ITEM_ID = '0b7f3a52-4a55-4b8e-9c39-2f7d2f0c1a11';
  it('a member of the body declares themselves disqualified with the legal basis and a reason', async () => {
    let sent: unknown;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/cases', () => HttpResponse.json({ cases: [] })),
      http.get('/api/meetings/m1/impartiality', () =>
        HttpResponse.json({ declarations: [], mayDeclare: true, mayRecord: false, people: [], substitutes: [] }),
      ),
      http.post('/api/meetings/m1/impartiality', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: 'd1' }, { status: 201 });
      }),
      http.get('/api/meetings/m1', () =>
        HttpResponse.json({
          ...MEETING,
          kind: 'ordinary',
          mayDecide: true,
          conference: null,
          body: { id: 'b1', name: 'Driftsutvalget' },
          agenda: [{ ...MEETING.agenda[0], id: ITEM_ID, committeeNumber: '41/26' }],
        }),
      ),
    );
    renderRoute('/moter/m1');
    const form = await screen.findByRole('form', { name: 'Erklær meg inhabil' });
    await userEvent.click(within(form).getByRole('button', { name: 'Send erklæringen' }));
    expect(await within(form).findAllByText('Velg lovgrunnlaget for inhabiliteten')).toBeTruthy();
    await userEvent.selectOptions(within(form).getByLabelText('Lovgrunnlag'), 'fvl_6_2');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Begrunnelse' }), 'Nabo til skolen.');
    await userEvent.click(within(form).getByRole('button', { name: 'Send erklæringen' }));
    await waitFor(() => expect(sent).toEqual({ agendaItemId: ITEM_ID, userId: null, reason: 'Nabo til skolen.', legalBasis: 'fvl_6_2' }));
  });
});

describe('Protokolltilførsel', () => {
  const ITEM = '00000000-0000-4000-8000-0000000000a1';
  const consultation = (myStatementUnion: string | null, me: object) => {
    const meeting = {
      ...MEETING,
      kind: 'consultation',
      conference: null,
      body: { id: 'b3', name: 'Arbeidsgruppen' },
      agenda: [{ ...MEETING.agenda[0], id: ITEM, committeeNumber: '3/26' }],
      myStatementUnion,
    };
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(me)),
      http.get('/api/cases', () => HttpResponse.json({ cases: [] })),
      http.get('/api/meetings/m1', () => HttpResponse.json(meeting)),
    );
  };

  it('a union representative on the body writes one about a case on the agenda', async () => {
    let sent: unknown;
    consultation('Utdanningsforbundet', MEMBER);
    server.use(
      http.post('/api/meetings/m1/statements', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: 's1' }, { status: 201 });
      }),
    );
    renderRoute('/moter/m1');
    await screen.findByRole('heading', { level: 2, name: 'Gi protokolltilførsel' });
    await userEvent.click(screen.getByRole('button', { name: 'Legg til protokolltilførsel' }));
    expect((await screen.findAllByText('Protokolltilførselen må fylles ut')).length).toBeGreaterThan(0);
    expect(sent).toBeUndefined();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Gjelder' }), '3/26 Ny ressursfordelingsmodell');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Protokolltilførsel fra Utdanningsforbundet' }),
      'Utdanningsforbundet kan ikke slutte seg til kuttet.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Legg til protokolltilførsel' }));
    await screen.findByText('Protokolltilførselen er ført inn i protokollen.');
    expect(sent).toEqual({ text: 'Utdanningsforbundet kan ikke slutte seg til kuttet.', agendaItemId: ITEM });
  });

  it('no form for those who may not write one (the meeting says so)', async () => {
    consultation(null, MEMBER);
    renderRoute('/moter/m1');
    await screen.findByRole('heading', { level: 1, name: 'Arbeidsgruppen: Skolekonferanse om ny modell' });
    expect(screen.queryByRole('heading', { name: 'Gi protokolltilførsel' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /Protokolltilførsel fra/ })).toBeNull();
  });
});
