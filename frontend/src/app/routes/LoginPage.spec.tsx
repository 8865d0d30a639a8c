import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { loginOptionsResponseSchema } from '@samrad/shared/contracts';
import { json } from '../../testing/contracts.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const loggedOut = () => http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 }));

describe('log-in through the municipality’s providers', () => {
  it('shows a button per provider that starts its log-in, keeping where the person was going', async () => {
    let asked = '';
    server.use(
      loggedOut(),
      http.get('/api/auth/oidc/options', ({ request }) => {
        asked = new URL(request.url).search;
        return json(loginOptionsResponseSchema, {
          municipalities: [
            {
              slug: 'solvik-kommune',
              name: 'Solvik kommune',
              passwordLogin: true,
              providers: [
                { id: 'p1', name: 'Entra ID', kind: 'entra' },
                { id: 'p2', name: 'ID-porten', kind: 'idporten' },
              ],
            },
          ],
        });
      }),
    );
    renderRoute('/logg-inn?kommune=solvik-kommune&neste=%2Fsaker');
    const entra = await screen.findByRole('link', { name: 'Logg inn med Entra ID' });
    expect(entra.getAttribute('href')).toBe('/api/auth/oidc/p1/start?neste=%2Fsaker');
    expect(screen.getByRole('link', { name: 'Logg inn med ID-porten' }).getAttribute('href')).toBe(
      '/api/auth/oidc/p2/start?neste=%2Fsaker',
    );
    expect(asked).toBe('?kommune=solvik-kommune');
    // The password form stays for municipalities without a provider (and operators).
    expect(screen.getByRole('textbox', { name: 'E-postadresse' })).toBeTruthy();
  });

  it('says why a provider’s log-in was refused, in Norwegian', async () => {
    server.use(loggedOut());
    renderRoute('/logg-inn?feil=disabled');
    expect((await screen.findByRole('alert')).textContent).toContain('Kontoen din i Samråd er deaktivert');
  });

  it('shows no provider section where none is configured', async () => {
    server.use(loggedOut());
    renderRoute('/logg-inn');
    await screen.findByRole('heading', { level: 1, name: 'Logg inn i Samråd' });
    expect(screen.queryByRole('heading', { name: 'Logg inn med kommunens innlogging' })).toBeNull();
  });
});
