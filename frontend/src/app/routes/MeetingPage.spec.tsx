import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
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
        decision: { text: 'Driftsutvalget vedtar modellen.', motions: [], dissent: [], confirmOpenInput: { reason: 'Budsjettfristen' } },
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
});
