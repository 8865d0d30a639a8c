import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  meResponseSchema,
  oidcProviderResponseSchema,
  oidcSettingsResponseSchema,
  okResponseSchema,
  userListResponseSchema,
} from '@samrad/shared/contracts';
import { json } from '../../testing/contracts.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const ADMIN = { ...ME, roles: ['admin' as const, 'case_officer' as const] };
const ENTRA = {
  id: 'p1',
  name: 'Entra ID (ansatte)',
  kind: 'entra' as const,
  issuer: 'https://login.microsoftonline.com/tenant/v2.0',
  clientId: 'samrad',
  hasSecret: true,
  scopes: 'openid email profile',
  claim: 'email',
  allowedRoles: ['admin' as const, 'case_officer' as const],
  autoCreate: false,
  defaultRole: null,
  enabled: true,
  version: 1,
};

describe('the municipality’s log-in (administrators)', () => {
  it('lists the providers, checks a new one against the contract, and sends it without echoing any secret', async () => {
    let sent: any;
    server.use(
      http.get('/api/auth/me', () => json(meResponseSchema, ADMIN)),
      http.get('/api/integration-tokens', () => HttpResponse.json({ tokens: [] })),
      http.get('/api/oidc-providers', () =>
        json(oidcSettingsResponseSchema, {
          providers: [ENTRA],
          passwordLogin: true,
          redirectUri: 'https://samrad.solvik.kommune.no/api/auth/oidc/callback',
        }),
      ),
      http.post('/api/oidc-providers', async ({ request }) => {
        sent = await request.json();
        return json(oidcProviderResponseSchema, { ...ENTRA, ...sent, id: 'p2', hasSecret: !!sent.clientSecret, clientSecret: undefined });
      }),
    );
    renderRoute('/kommune');
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Entra ID (ansatte)')).toBeTruthy();
    expect(within(table).getByText('Administratorer, Saksbehandlere')).toBeTruthy();
    expect(screen.getByText('https://samrad.solvik.kommune.no/api/auth/oidc/callback')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Legg til innlogging' }));
    const form = within(screen.getByRole('region', { name: 'Legg til innlogging' }));
    await userEvent.selectOptions(form.getByRole('combobox', { name: 'Type' }), 'idporten');
    expect((form.getByRole('textbox', { name: /Krav som identifiserer/ }) as HTMLInputElement).value).toBe('pid');
    await userEvent.click(form.getByRole('button', { name: 'Lagre' }));
    // The contract's messages, linked from the summary, before anything is sent.
    expect(await screen.findByRole('link', { name: 'Navnet må fylles ut' })).toBeTruthy();
    expect(sent).toBeUndefined();

    await userEvent.type(form.getByRole('textbox', { name: 'Navn' }), 'ID-porten');
    await userEvent.type(form.getByRole('textbox', { name: /Utsteder/ }), 'https://idporten.no');
    await userEvent.type(form.getByRole('textbox', { name: 'Klient-id' }), 'samrad-idporten');
    await userEvent.type(form.getByLabelText('Klienthemmelighet'), 'hemmelig');
    await userEvent.click(form.getByRole('button', { name: 'Lagre' }));
    await waitFor(() =>
      expect(sent).toEqual({
        name: 'ID-porten',
        kind: 'idporten',
        issuer: 'https://idporten.no',
        clientId: 'samrad-idporten',
        clientSecret: 'hemmelig',
        scopes: 'openid profile',
        claim: 'pid',
        allowedRoles: ['member', 'participant'],
        autoCreate: false,
        defaultRole: null,
        enabled: true,
      }),
    );
  });

  it('links a person to a national identity number where ID-porten is in use', async () => {
    let put: { url: string; body: unknown } | undefined;
    server.use(
      http.get('/api/auth/me', () => json(meResponseSchema, ADMIN)),
      http.get('/api/integration-tokens', () => HttpResponse.json({ tokens: [] })),
      http.get('/api/oidc-providers', () =>
        json(oidcSettingsResponseSchema, {
          providers: [{ ...ENTRA, id: 'p3', name: 'ID-porten', kind: 'idporten', claim: 'pid', allowedRoles: ['participant'] }],
          passwordLogin: true,
          redirectUri: 'https://samrad.solvik.kommune.no/api/auth/oidc/callback',
        }),
      ),
      http.get('/api/users', () =>
        json(userListResponseSchema, {
          users: [
            {
              id: 'u-fau',
              email: 'fau.nordby@solvik.kommune.test',
              name: 'FAU-leder, Nordby skole',
              title: '',
              status: 'active',
              isAdmin: false,
              isCaseOfficer: false,
              version: 1,
            },
          ],
        }),
      ),
      http.put('/api/oidc-providers/national-ids/:userId', async ({ request }) => {
        put = { url: new URL(request.url).pathname, body: await request.json() };
        return json(okResponseSchema, { ok: true });
      }),
    );
    renderRoute('/kommune');
    const number = await screen.findByRole('textbox', { name: 'Fødselsnummer (11 siffer)' });
    await userEvent.type(number, '123');
    await userEvent.click(screen.getByRole('button', { name: 'Knytt til personen' }));
    expect(await screen.findByRole('link', { name: 'Fødselsnummeret må ha 11 siffer' })).toBeTruthy();
    await userEvent.clear(number);
    await userEvent.type(number, '01017012345');
    await userEvent.click(screen.getByRole('button', { name: 'Knytt til personen' }));
    await waitFor(() => expect(put).toEqual({ url: '/api/oidc-providers/national-ids/u-fau', body: { nationalId: '01017012345' } }));
    expect(await screen.findByText('Fødselsnummeret er knyttet til personen.')).toBeTruthy();
  });
});
