import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CASE, inputFixture, MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Innspillsrunde', () => {
  it('after sending, the form gives way to the receipt and the way to make a new version', async () => {
    let posted: unknown;
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
      invitations: [],
      myBodyIds: [],
      invitedPersons: [{ userId: 'u-principal', name: 'Rektor, Nordby skole', title: 'Rektor', status: 'not_answered' }],
      invitedMe: true,
      documents: [],
      submissions: [],
    };
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ ...MEMBER, id: 'u-principal', name: 'Rektor, Nordby skole', memberships: [] })),
      http.get('/api/rounds/r1', () => HttpResponse.json(round)),
      http.post('/api/rounds/r1/submissions', async ({ request }) => {
        posted = await request.json();
        return HttpResponse.json(
          { id: 'sub-7', version: 1, submittedAt: '2026-12-04T10:00:00.000Z', sha256: 'ab'.repeat(32), late: false },
          { status: 201 },
        );
      }),
    );
    renderRoute('/innspill/r1');
    await screen.findByRole('heading', { level: 1, name: 'Innspill fra rektorene' }, { timeout: 5000 });
    await userEvent.type(screen.getByRole('textbox', { name: 'Innspill' }), 'Skolen trenger mer til spesialundervisning.');
    await userEvent.click(screen.getByRole('button', { name: 'Send innspill' }));
    await screen.findByRole('heading', { name: 'Innspillet er sendt' });
    expect(posted).toMatchObject({ bodyId: null, text: 'Skolen trenger mer til spesialundervisning.' });
    expect(screen.getByText('Kvitteringsnummer: sub-7')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send innspill' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Lag en ny versjon av innspillet' })).toBeTruthy();
  }, 20_000);

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

describe('Tidligere versjoner', () => {
  it('lists the versions before the current one, not the current one again', async () => {
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
      invitations: [],
      myBodyIds: [],
      invitedPersons: [],
      invitedMe: false,
      documents: [],
      submissions: [
        inputFixture({
          id: 's1',
          kind: 'round',
          roundId: 'r1',
          author: { id: 'u-fau', name: 'FAU-leder, Nordby skole', title: 'FAU-leder' },
          version: 2,
          text: 'Andre utkast.',
        }),
      ],
    };
    const versions = {
      versions: [
        { version: 1, text: 'Første utkast.', sha256: 'cd'.repeat(32), createdAt: '2026-11-19T09:00:00.000Z' },
        { version: 2, text: 'Andre utkast.', sha256: 'ab'.repeat(32), createdAt: '2026-11-20T09:00:00.000Z' },
      ],
    };
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ ...MEMBER, id: 'u-fau' })),
      http.get('/api/rounds/r1', () => HttpResponse.json(round)),
      http.get('/api/submissions/s1/versions', () => HttpResponse.json(versions)),
    );
    renderRoute('/innspill/r1');
    await userEvent.click(await screen.findByText('Tidligere versjoner', {}, { timeout: 5000 }));
    const list = (await screen.findByText('Første utkast.')).closest('ol')!;
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).queryByText('Andre utkast.')).toBeNull();
  }, 20_000);
});

describe('Samtykke til publisering', () => {
  it('the author withdraws consent to publish from their own input; the switch follows the server', async () => {
    let consent = true;
    const sent: unknown[] = [];
    const round = () => ({
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
      publishAfterClose: true,
      remindersSent: null,
      latePolicy: 'refuse',
      invitations: [],
      myBodyIds: [],
      invitedPersons: [],
      invitedMe: false,
      documents: [],
      submissions: [
        inputFixture({ id: 's1', kind: 'round', roundId: 'r1', text: 'Mitt innspill.', publishConsent: consent }),
        inputFixture({ id: 's2', kind: 'round', roundId: 'r1', author: { id: 'u-other', name: 'En annen', title: '' }, text: 'Et annet.' }),
      ],
    });
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ ...MEMBER, id: 'u-fau' })),
      http.get('/api/rounds/r1', () => HttpResponse.json(round())),
      http.put('/api/submissions/s1/publish-consent', async ({ request }) => {
        const body = (await request.json()) as { publishConsent: boolean };
        sent.push(body);
        consent = body.publishConsent;
        return HttpResponse.json(body);
      }),
    );
    renderRoute('/innspill/r1');
    const toggle = await screen.findByRole('switch', { name: 'Innspillet kan publiseres i innsyn' }, { timeout: 5000 });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    // Only on one's own input.
    expect(screen.getAllByRole('switch', { name: 'Innspillet kan publiseres i innsyn' })).toHaveLength(1);
    await userEvent.click(toggle);
    await waitFor(() => expect(sent).toEqual([{ publishConsent: false }]));
    await waitFor(() =>
      expect((screen.getByRole('switch', { name: 'Innspillet kan publiseres i innsyn' }) as HTMLInputElement).checked).toBe(false),
    );
  }, 20_000);
});

describe('Officer views: reminders sent', () => {
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
});
