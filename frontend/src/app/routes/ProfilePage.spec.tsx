import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Profil og varsler', () => {
  it('makes a private calendar address, shows it once, and revokes it', async () => {
    const tokens: { id: string; createdAt: string }[] = [];
    let revoked: string | undefined;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/me/notification-settings', () => HttpResponse.json({ emailNotifications: true, digest: 'off' })),
      http.get('/api/calendar-tokens', () => HttpResponse.json({ tokens })),
      http.post('/api/calendar-tokens', () => {
        const made = { id: '5d2c1a9e-1111-4a4a-8b8b-000000000001', createdAt: '2026-12-04T10:00:00.000Z' };
        tokens.push(made);
        return HttpResponse.json({ ...made, url: 'https://samrad.example/api/calendar-feeds/hemmelig-nokkel' }, { status: 201 });
      }),
      http.delete('/api/calendar-tokens/:id', ({ params }) => {
        revoked = params.id as string;
        tokens.splice(0);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/profil');
    await userEvent.click(await screen.findByRole('button', { name: 'Lag ny kalenderadresse' }));
    const url = await screen.findByRole('textbox', { name: 'Din private kalenderadresse' });
    expect(url).toHaveProperty('value', 'https://samrad.example/api/calendar-feeds/hemmelig-nokkel');
    await userEvent.click(await screen.findByRole('button', { name: 'Trekk tilbake' }));
    await screen.findByText('Kalenderadressen er trukket tilbake og virker ikke lenger.');
    expect(revoked).toBe('5d2c1a9e-1111-4a4a-8b8b-000000000001');
    expect(screen.queryByRole('textbox', { name: 'Din private kalenderadresse' })).toBeNull();
  });

  it('shows the person’s settings and saves a change', async () => {
    let saved: Record<string, unknown> | undefined;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/calendar-tokens', () => HttpResponse.json({ tokens: [] })),
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
      http.get('/api/calendar-tokens', () => HttpResponse.json({ tokens: [] })),
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
      http.get('/api/calendar-tokens', () => HttpResponse.json({ tokens: [] })),
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
      http.get('/api/calendar-tokens', () => HttpResponse.json({ tokens: [] })),
      http.get('/api/me/tasks', () =>
        HttpResponse.json({ openRounds: [], meetings: [], decisions: [], followUps: [], unreadNotifications: 0 }),
      ),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
    );
    renderRoute('/');
    expect(await screen.findByRole('link', { name: 'Profil og varsler for FAU-leder, Nordby skole' })).toHaveProperty(
      'pathname',
      '/profil',
    );
  });
});
