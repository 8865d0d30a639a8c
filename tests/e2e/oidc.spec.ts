import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_OIDC_CLIENT_ID, DEMO_OIDC_NAME, startDemoOidcProvider } from '../../infra/src/demo-oidc-provider.js';
import { DEMO_PASSWORD, expectAccessible, launchChromium, logIn, newJourney } from '../support/browser.js';

const base = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR;

async function checked(page: Page, name: string) {
  await expectAccessible(page, name);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The administrator's API session (cookie and CSRF token), to set up and put back the provider. */
async function adminApi() {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@solvik.kommune.test', password: DEMO_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
}

/**
 * Log-in through the municipality's OpenID provider, as `npm start` offers it: the demo provider (a real
 * `oidc-provider`) set up for Solvik, its button on the log-in page, its own log-in page, back to Samråd logged in, and
 * log-out at both. A person without an account is refused with a Norwegian message. axe on every page.
 */
describe('log-in through the demo OpenID provider', () => {
  let browser: Browser;
  let provider: Awaited<ReturnType<typeof startDemoOidcProvider>>;
  let providerId: string;
  let api: Awaited<ReturnType<typeof adminApi>>;

  beforeAll(async () => {
    browser = await launchChromium();
    provider = await startDemoOidcProvider({ port: 0, appUrl: base });
    api = await adminApi();
    const res = await api('POST', '/api/oidc-providers', {
      name: DEMO_OIDC_NAME,
      kind: 'generic',
      issuer: provider.issuer,
      clientId: DEMO_OIDC_CLIENT_ID,
      scopes: 'openid email profile',
      claim: 'email',
      allowedRoles: ['admin', 'case_officer', 'member', 'participant'],
    });
    expect(res.status).toBe(201);
    providerId = ((await res.json()) as { id: string }).id;
  });
  afterAll(async () => {
    // The other journeys find the log-in page as it was.
    if (providerId) await api('PATCH', `/api/oidc-providers/${providerId}`, { version: 1, enabled: false });
    await provider?.stop();
    await browser?.close();
  });

  it('a case officer logs in with the provider’s button and its own log-in page, and logs out at both', async () => {
    const { page } = await newJourney(browser, 'oidc-login');
    await page.goto(`${base}/logg-inn?kommune=solvik-kommune`);
    await page.getByRole('heading', { level: 2, name: 'Logg inn med kommunens innlogging' }).waitFor();
    await checked(page, 'oidc-1-login-page');
    await page.getByRole('link', { name: `Logg inn med ${DEMO_OIDC_NAME}` }).click();

    await page.getByRole('heading', { level: 1, name: 'Demo-innlogging' }).waitFor();
    expect(page.url().startsWith(provider.issuer)).toBe(true);
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill('saksbehandler@solvik.kommune.test');
    await checked(page, 'oidc-2-provider-login');
    await page.getByRole('button', { name: 'Logg inn' }).click();

    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(base).origin);
    await checked(page, 'oidc-3-logged-in');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg ut av demo-innloggingen?' }).waitFor();
    await checked(page, 'oidc-4-provider-logout');
    await page.getByRole('button', { name: 'Ja, logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Samråd' }).waitFor();
    expect((await page.request.get(`${base}/api/auth/me`)).status()).toBe(401);
  });

  it('an administrator sees the municipality’s log-in settings, and a bad issuer is refused on its field', async () => {
    const { page } = await newJourney(browser, 'oidc-admin');
    await logIn(page, base, 'admin@solvik.kommune.test');
    await page.goto(`${base}/kommune`);
    const table = page.getByRole('table', { name: 'Innlogging' });
    await table.getByRole('cell', { name: DEMO_OIDC_NAME, exact: true }).waitFor();
    await checked(page, 'oidc-6-admin-list');
    await page.getByRole('button', { name: `Endre ${DEMO_OIDC_NAME}` }).click();
    const form = page.getByRole('region', { name: `Endre ${DEMO_OIDC_NAME}` });
    const issuer = form.getByRole('textbox', { name: 'Utsteder (issuer)' });
    expect(await issuer.inputValue()).toBe(provider.issuer);
    await issuer.fill('ftp://feil.example');
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await form.getByRole('link', { name: /Utstederen må være en https-adresse/ }).waitFor();
    await checked(page, 'oidc-7-admin-field-error');
    await form.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('a person without an account is sent back to the log-in page with a Norwegian explanation', async () => {
    const { page } = await newJourney(browser, 'oidc-refused');
    await page.goto(`${base}/logg-inn`);
    await page.getByRole('link', { name: `Logg inn med ${DEMO_OIDC_NAME}` }).click();
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill('ukjent@solvik.kommune.test');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'ingen konto i Samråd' });
    await alert.waitFor();
    expect(new URL(page.url()).searchParams.get('feil')).toBe('no-account');
    await checked(page, 'oidc-5-no-account');
  });
});
