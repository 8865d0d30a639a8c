import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

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
