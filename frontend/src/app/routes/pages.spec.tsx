import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const MEMBER = { ...ME, id: 'u-fau', name: 'FAU-leder, Nordby skole', roles: ['member'], memberships: [{ bodyId: 'b2', bodyName: 'KFU', role: 'member', capacity: 'parent_representative' }] };

const CASE = {
  id: 'c1',
  number: '2026/12',
  title: 'Ny ressursfordelingsmodell',
  status: 'input_round',
  access: 'public',
  legalBasis: null,
  version: 3,
  mandateItem: { id: 'i3', number: 3, title: 'Ressursfordeling' },
  sections: [{ id: 's1', kind: 'background', version: 2, text: 'Analysen viste store forskjeller mellom skolene.' }],
  route: [{ bodyId: 'b1', bodyName: 'Driftsutvalget', meetingDate: '2026-12-08', committeeNumber: '41/26' }],
  recommendations: [],
  decisions: [],
  rounds: [{ id: 'r1', title: 'Innspill til modellen', closesAt: '2026-12-01T11:00:00.000Z', open: true }],
};

function caseApi(me: object, attachments: object[] = []) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(me)),
    http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    http.get('/api/cases/c1/comments', () => HttpResponse.json({ comments: [] })),
    http.get('/api/cases/c1/input-summary', () => HttpResponse.json({ total: 0, handled: 0, text: '' })),
    http.get('/api/cases/c1/attachments', () => HttpResponse.json({ attachments })),
    http.get('/api/allocation-cases', () => HttpResponse.json({ allocationCases: [] })),
    http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
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
      http.put('/api/me/notification-settings', () => HttpResponse.json({ errors: [{ path: 'digest', message: 'Velg om du vil ha daglig oppsummering' }] }, { status: 400 })),
    );
    renderRoute('/profil');
    await userEvent.click(await screen.findByRole('button', { name: 'Lagre innstillingene' }));
    expect(await screen.findByRole('link', { name: 'Velg om du vil ha daglig oppsummering' })).toHaveProperty('hash', '#settings-digest-off');
  });

  it('is reached from the name in the header', async () => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json(MEMBER)), http.get('/api/me/tasks', () => HttpResponse.json({ openRounds: [], meetings: [], decisions: [], unreadNotifications: 0 })), http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })));
    renderRoute('/');
    expect(await screen.findByRole('link', { name: 'Profil og varsler for FAU-leder, Nordby skole' })).toHaveProperty('pathname', '/profil');
  });
});

describe('Sak', () => {
  it('shows the document, route, rounds and attachments; a member gets download links but no upload', async () => {
    caseApi(MEMBER, [{ id: 'a1', filename: 'Analyse.pdf', mediaType: 'application/pdf', size: 204800, sha256: 'ab'.repeat(32) }]);
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
        return HttpResponse.json({ errors: [{ path: 'file', message: 'Filtypen til «virus.pdf» støttes ikke (innholdet er EXE).' }] }, { status: 400 });
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

  it('an exempt case the person may not read says so', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/cases/c1', () => HttpResponse.json({ message: 'Saken er unntatt offentlighet. Du har ikke tilgang til innholdet.' }, { status: 403 })),
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
    server.use(http.get('/api/auth/me', () => HttpResponse.json(MEMBER)), http.get('/api/notifications', () => HttpResponse.json({ notifications: [], unread: 0 })));
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
