import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const ADMIN = { ...ME, id: 'u-admin', name: 'Systemadministrator', roles: ['member', 'case_officer', 'admin'] };

describe('Kommunen: integration tokens (#21)', () => {
  it('refuses an empty form on its fields, shows a new token once, and revokes it', async () => {
    const tokens: Record<string, unknown>[] = [];
    let created: unknown;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ADMIN)),
      http.get('/api/integration-tokens', () => HttpResponse.json({ tokens })),
      http.post('/api/integration-tokens', async ({ request }) => {
        created = await request.json();
        const token = {
          id: 't1',
          name: 'Arkivet',
          system: 'Noark 5',
          scopes: ['export_archive'],
          prefix: 'samrad_abcde',
          expiresAt: '2027-06-29T22:00:00.000Z',
          createdAt: '2026-12-04T10:00:00.000Z',
          createdBy: 'Systemadministrator',
          lastUsedAt: null,
          revokedAt: null,
          uses: 0,
        };
        tokens.push(token);
        return HttpResponse.json({ token, secret: 'samrad_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }, { status: 201 });
      }),
      http.post('/api/integration-tokens/:id/revoke', () => {
        tokens[0] = { ...tokens[0], revokedAt: '2026-12-04T11:00:00.000Z' };
        return HttpResponse.json(tokens[0]);
      }),
    );
    renderRoute('/kommune');
    await screen.findByRole('heading', { level: 2, name: 'Integrasjoner' });
    await screen.findByText('Kommunen har ingen integrasjonstokener.');
    await userEvent.click(screen.getByRole('button', { name: 'Lag token' }));
    expect(await screen.findAllByText('Velg minst én tilgang')).not.toHaveLength(0);
    expect(created).toBeUndefined();

    await userEvent.type(screen.getByRole('textbox', { name: 'Navn' }), 'Arkivet');
    await userEvent.type(screen.getByRole('textbox', { name: /^System/ }), 'Noark 5');
    await userEvent.click(screen.getByRole('checkbox', { name: /Hente arkivuttrekk/ }));
    await userEvent.type(screen.getByLabelText('Gyldig til og med'), '2027-06-29');
    await userEvent.click(screen.getByRole('button', { name: 'Lag token' }));
    expect((await screen.findByRole('textbox', { name: 'Token' })).getAttribute('readonly')).not.toBeNull();
    expect(screen.getByRole('textbox', { name: 'Token' })).toHaveProperty('value', 'samrad_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
    expect(created).toEqual({ name: 'Arkivet', system: 'Noark 5', scopes: ['export_archive'], expiresOn: '2027-06-29' });

    const row = (await screen.findByRole('cell', { name: /^Arkivet/ })).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Trekk tilbake Arkivet' }));
    await within(row).findByText(/^Trukket tilbake /);
  });
});
