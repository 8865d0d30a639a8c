import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CASE, MEMBER, caseApi, inputFixture } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const ITEMS = [
  inputFixture({
    id: 's1',
    kind: 'round',
    roundId: 'r1',
    round: { id: 'r1', name: 'Innspill til modellen' },
    body: { id: 'b2', name: 'KFU' },
    capacity: 'on_behalf_of_body',
    text: 'Behold basisressursen.',
    disposition: {
      outcome: 'adopted',
      reason: 'Tatt inn i forslaget.',
      sectionId: 's1',
      sectionKind: 'proposal',
      recordedAt: '2026-11-25T09:00:00.000Z',
    },
  }),
  inputFixture({ id: 's2', kind: 'continuous', text: 'Husk skyss.' }),
  inputFixture({
    id: 's3',
    kind: 'conference',
    meeting: { id: 'm1', title: 'Skolekonferanse sør' },
    representing: 'FAU Nordby skole',
    text: 'Fra salen: behold skolen.',
  }),
];

function inputsApi(me: object) {
  caseApi(me);
  server.use(
    http.get('/api/cases/c1/input-summary', () =>
      HttpResponse.json({ caseId: 'c1', case: { number: CASE.number, title: CASE.title }, total: 3, handled: 1, items: ITEMS, text: '' }),
    ),
  );
}

describe('Innspill og behandling', () => {
  it('lists every kind of input with its handling, filters it, and exports and prints what is shown', async () => {
    inputsApi(MEMBER);
    renderRoute('/saker/c1/innspill');
    await screen.findByRole('heading', { level: 1, name: 'Innspill og behandling – sak 2026/12' }, { timeout: 5000 });
    const table = screen.getByRole('table', { name: 'Innspill og behandling' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Tatt til følge')).toBeTruthy();
    expect(within(table).getByText('Forslag til vedtak')).toBeTruthy();
    expect(within(table).getByText('Representerer: FAU Nordby skole')).toBeTruthy();
    expect(within(table).getByText('Skolekonferanse sør')).toBeTruthy();
    // A member records no dispositions.
    expect(within(table).queryByRole('columnheader', { name: 'Behandling' })).toBeNull();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'conference');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('Viser 1 av 3 innspill.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Last ned som Excel (XLSX)' }).getAttribute('href')).toBe(
      '/api/cases/c1/input-summary/xlsx?kind=conference',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Behandlet' }), 'yes');
    expect(screen.getByText('Ingen innspill passer filtrene.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Last ned som PDF' }).getAttribute('href')).toBe(
      '/api/cases/c1/input-summary/pdf?kind=conference&handled=yes',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Nullstill filtrene' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);

    let printed = false;
    window.print = () => {
      printed = true;
    };
    await userEvent.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(printed).toBe(true);
  });

  it('the officer disposes of conference and continuous input in the same table, with field errors from the contract', async () => {
    inputsApi(ME);
    let sent: unknown;
    const section = '5e0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    server.use(
      http.get('/api/cases/c1', () => HttpResponse.json({ ...CASE, sections: [{ ...CASE.sections[0]!, id: section }] })),
      http.put('/api/submissions/s3/disposition', async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/saker/c1/innspill');
    const table = await screen.findByRole('table', { name: 'Innspill og behandling' }, { timeout: 5000 });
    const form = within(table).getByRole('form', { name: 'Behandling av innspill 3 fra FAU-leder, Nordby skole (på eget vegne)' });
    await userEvent.click(within(table).getAllByText('Behandle')[1]!);
    // The reason is required: the contract says so before anything is sent.
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre behandling' }));
    expect((await within(form).findAllByText('Begrunnelsen må fylles ut')).length).toBeGreaterThan(0);
    expect(sent).toBeUndefined();
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Utfall' }), 'partly_adopted');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Begrunnelse' }), 'Delvis fulgt opp.');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Delen av saksframlegget innspillet endret' }), section);
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre behandling' }));
    await within(form).findByText('Behandlingen er lagret, og den som ga innspillet er varslet.', {}, { timeout: 3000 });
    expect(sent).toEqual({ outcome: 'partly_adopted', reason: 'Delvis fulgt opp.', sectionId: section });
  }, 20_000);

  it('says so when the case may not be read', async () => {
    inputsApi(MEMBER);
    server.use(
      http.get('/api/cases/c1/input-summary', () => HttpResponse.json({ message: 'Saken er unntatt offentlighet.' }, { status: 403 })),
    );
    renderRoute('/saker/c1/innspill');
    expect(await screen.findByText(/Saken er unntatt offentlighet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('continuous input on the case page', () => {
  it('after sending shows the receipt and the way to change it, and the handling of one’s own inputs', async () => {
    const caseId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const bodyId = '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9';
    caseApi({ ...MEMBER, memberships: [{ ...MEMBER.memberships[0]!, bodyId }] });
    server.use(
      http.get(`/api/cases/${caseId}`, () => HttpResponse.json({ ...CASE, id: caseId })),
      http.get(`/api/cases/${caseId}/comments`, () => HttpResponse.json({ comments: [] })),
      http.get(`/api/cases/${caseId}/attachments`, () => HttpResponse.json({ attachments: [] })),
      http.get(`/api/cases/${caseId}/input-summary`, () =>
        HttpResponse.json({ caseId, case: { number: CASE.number, title: CASE.title }, total: 0, handled: 0, items: [], text: '' }),
      ),
    );
    let posted: Record<string, unknown> | undefined;
    let edited: unknown;
    server.use(
      http.get('/api/inputs/mine', () =>
        HttpResponse.json({
          items: [
            inputFixture({
              id: 's9',
              kind: 'conference',
              text: 'Tidligere innspill.',
              disposition: {
                outcome: 'not_adopted',
                reason: 'Utenfor rammen.',
                sectionId: null,
                sectionKind: null,
                recordedAt: '2026-11-25T09:00:00.000Z',
              },
            }),
          ],
        }),
      ),
      http.post('/api/inputs', async ({ request }) => {
        posted = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(
          { id: 'sub-1', version: 1, submittedAt: '2026-12-04T10:00:00.000Z', sha256: 'ef'.repeat(32), late: false },
          { status: 201 },
        );
      }),
      http.put('/api/submissions/sub-1', async ({ request }) => {
        edited = await request.json();
        return HttpResponse.json({
          id: 'sub-1',
          version: 2,
          submittedAt: '2026-12-04T11:00:00.000Z',
          sha256: 'cd'.repeat(32),
          late: false,
        });
      }),
    );
    renderRoute(`/saker/${caseId}`);
    const section = await screen.findByRole('region', { name: 'Gi innspill' }, { timeout: 5000 });
    expect(await within(section).findByText('Behandling: Ikke tatt til følge. Utenfor rammen.')).toBeTruthy();
    await userEvent.selectOptions(within(section).getByRole('combobox', { name: 'Sendes på vegne av' }), bodyId);
    await userEvent.type(within(section).getByRole('textbox', { name: 'Innspill' }), 'Husk skyss for elevene.');
    await userEvent.click(within(section).getByRole('button', { name: 'Send innspill' }));
    await within(section).findByRole('heading', { name: 'Innspillet er sendt' });
    expect(posted).toMatchObject({ caseId, mandateItemId: null, bodyId, text: 'Husk skyss for elevene.' });
    expect(within(section).getByText('Kvitteringsnummer: sub-1')).toBeTruthy();
    expect(within(section).getByText(/^Kvittering: innspillet er mottatt .* \(versjon 1\)\.$/)).toBeTruthy();
    // Not an empty form: the text as sent, and the way to change it.
    expect(within(section).queryByRole('button', { name: 'Send innspill' })).toBeNull();
    await userEvent.click(within(section).getByRole('button', { name: 'Lag en ny versjon av innspillet' }));
    const box = within(section).getByRole('textbox', { name: 'Nytt innhold i innspillet' });
    expect((box as HTMLTextAreaElement).value).toBe('Husk skyss for elevene.');
    await userEvent.type(box, ' Også om vinteren.');
    await userEvent.click(within(section).getByRole('button', { name: 'Lagre ny versjon' }));
    await within(section).findByText(/\(versjon 2\)\.$/);
    expect(edited).toEqual({ version: 1, text: 'Husk skyss for elevene. Også om vinteren.' });
    await userEvent.click(within(section).getByRole('button', { name: 'Gi et nytt innspill' }));
    expect((within(section).getByRole('textbox', { name: 'Innspill' }) as HTMLTextAreaElement).value).toBe('');
  }, 20_000);
});
