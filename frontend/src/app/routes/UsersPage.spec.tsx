import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const ADMIN = { ...ME, id: 'u-admin', name: 'Systemadministrator', roles: ['member', 'case_officer', 'admin'] };
const user = (over: Record<string, unknown>) => ({
  id: 'u1',
  email: 'x@solvik.kommune.test',
  name: 'X',
  title: '',
  status: 'active',
  isAdmin: false,
  isCaseOfficer: false,
  version: 1,
  ...over,
});
const USERS = [
  user({ id: 'u-admin', name: 'Systemadministrator', email: 'admin@solvik.kommune.test', isAdmin: true, version: 4 }),
  user({ id: 'u-new', name: 'Ny saksbehandler', email: 'ny@solvik.kommune.test', status: 'invited', title: 'Rådgiver', version: 2 }),
  user({ id: 'u-gone', name: 'Sluttet rektor', email: 'sluttet@solvik.kommune.test', status: 'disabled', version: 7 }),
];

describe('Brukere: the administrator manages people', () => {
  function serve(calls: { method: string; url: string; body: unknown }[]) {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ADMIN)),
      http.get('/api/users', () => HttpResponse.json({ users: USERS })),
      http.patch('/api/users/:id', async ({ request, params }) => {
        const body = (await request.json()) as Record<string, unknown>;
        calls.push({ method: 'PATCH', url: String(params.id), body });
        const current = USERS.find((u) => u.id === params.id)!;
        if (params.id === 'u-gone' && body.status === 'active')
          return HttpResponse.json(
            {
              errors: [
                { path: 'status', message: 'Kommunen må ha minst én aktiv administrator. Gi noen andre administratortilgang først.' },
              ],
            },
            { status: 400 },
          );
        return HttpResponse.json({ ...current, ...body, version: (current.version as number) + 1 });
      }),
      http.post('/api/users/:id/resend-invite', ({ params }) => {
        calls.push({ method: 'POST', url: String(params.id), body: null });
        return HttpResponse.json({ ok: true }, { status: 202 });
      }),
    );
  }

  it('shows each person’s invitation status and changes a person’s roles in the form', async () => {
    const calls: { method: string; url: string; body: unknown }[] = [];
    serve(calls);
    renderRoute('/brukere');
    const row = (await screen.findByRole('cell', { name: /^Ny saksbehandler/ })).closest('tr')!;
    expect(within(row).getByText('Invitert')).toBeTruthy();
    expect(within(row).getByText('Har ikke tatt imot invitasjonen ennå')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Endre Ny saksbehandler' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Endre Ny saksbehandler' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const form = heading.closest('section')!;
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Saksbehandler' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre endringene' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      method: 'PATCH',
      url: 'u-new',
      body: { version: 2, name: 'Ny saksbehandler', title: 'Rådgiver', isAdmin: false, isCaseOfficer: true },
    });
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Endre Ny saksbehandler' })).toBeNull());
  });

  it('disables a person, resends an invitation, and shows the server’s refusal; never offers to disable oneself', async () => {
    const calls: { method: string; url: string; body: unknown }[] = [];
    serve(calls);
    renderRoute('/brukere');
    await screen.findByRole('cell', { name: /^Ny saksbehandler/ });
    expect(screen.queryByRole('button', { name: 'Deaktiver Systemadministrator' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Endre Systemadministrator' })).toBeTruthy();
    // Only someone who has not accepted gets a new invitation.
    expect(screen.queryByRole('button', { name: /Send invitasjonen på nytt til (Systemadministrator|Sluttet rektor)/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Deaktiver Ny saksbehandler' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ method: 'PATCH', url: 'u-new', body: { version: 2, status: 'disabled' } });

    await userEvent.click(screen.getByRole('button', { name: 'Send invitasjonen på nytt til Ny saksbehandler' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'En ny invitasjon er sendt til ny@solvik.kommune.test.');
    expect(calls[1]).toEqual({ method: 'POST', url: 'u-new', body: null });

    await userEvent.click(screen.getByRole('button', { name: 'Aktiver Sluttet rektor igjen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Kommunen må ha minst én aktiv administrator. Gi noen andre administratortilgang først.',
    );
    expect(calls[2]).toEqual({ method: 'PATCH', url: 'u-gone', body: { version: 7, status: 'active' } });
  });
});
