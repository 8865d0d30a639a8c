import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/platform/auth/session.js';
import { DEMO_PASSWORD } from '../src/seed/demo-people.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';
import { CookieJar, startTestProvider, type TestProvider } from './oidc-test-provider.js';

/** Samråd's address as the providers know it; the tests send the browser's requests to the test app instead. */
const APP_URL = 'http://samrad.test';

interface Journey {
  /** Where Samråd sent the browser at the end (after the callback, or at once when it refused to start). */
  location: string;
  jar: CookieJar;
  session?: string;
}

/** Sends a request as a browser would (its cookies, no automatic redirects), keeping the cookies it is given. */
async function browse(jar: CookieJar, url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { cookie: jar.header(url), ...(init.headers ?? {}) } });
  jar.store(url, res);
  return res;
}

/**
 * The whole code flow as a browser goes through it: Samråd's start, the provider's authorization endpoint and its
 * log-in form (filled in as `account`), and back to Samråd's callback. `changeRequest` may alter the authorization request.
 */
async function oidcLogin(
  t: TestApp,
  providerId: string,
  account: string,
  changeRequest?: (url: URL) => void,
  jar = new CookieJar(),
): Promise<Journey> {
  let res = await browse(jar, `${t.url}/api/auth/oidc/${providerId}/start?neste=/saker`);
  expect(res.status).toBe(303);
  const first = res.headers.get('location')!;
  if (!first.startsWith('http')) return { location: first, jar };
  const authorization = new URL(first);
  changeRequest?.(authorization);
  let url = authorization.href;
  for (let step = 0; step < 12; step++) {
    res = await browse(jar, url);
    if (res.status === 200) {
      const action = /<form[^>]*action="([^"]+)"/.exec(await res.text())?.[1];
      expect(action, 'the provider shows its log-in form').toBeDefined();
      res = await browse(jar, new URL(action!, url).href, {
        method: 'POST',
        body: new URLSearchParams({ prompt: 'login', login: account, password: 'passord' }),
      });
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${await res.text()}`);
    const next = new URL(location, url);
    if (next.origin === APP_URL) {
      const back = await browse(jar, `${t.url}${next.pathname}${next.search}`);
      expect(back.status).toBe(303);
      return { location: back.headers.get('location')!, jar, session: jar.get(t.url, 'samrad_session') };
    }
    url = next.href;
  }
  throw new Error('the log-in never came back to Samråd');
}

/** An API client with the session a journey ended in. */
async function clientOf(t: TestApp, journey: Journey): Promise<Client & { status: number; me: any }> {
  const cookie = `samrad_session=${journey.session}`;
  const meRes = await fetch(`${t.url}/api/auth/me`, { headers: { cookie } });
  const me = meRes.status === 200 ? ((await meRes.json()) as any) : null;
  return {
    status: meRes.status,
    me,
    csrf: me?.csrfToken ?? '',
    userId: me?.id ?? '',
    request: async (method, path, body) => {
      const res = await fetch(t.url + path, {
        method,
        headers: { cookie, 'x-csrf-token': me?.csrfToken ?? '', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    },
  };
}

describe('OpenID Connect log-in against oidc-provider (Entra-, ID-porten- and Feide-like providers)', () => {
  let t: TestApp;
  let admin: Client;
  let entra: TestProvider;
  let idporten: TestProvider;
  let feide: TestProvider;
  const ids = {} as Record<'entra' | 'idporten' | 'feide', string>;

  beforeAll(async () => {
    t = await startTestApp({ APP_URL, OPERATOR_EMAILS: DEMO.admin });
    admin = await login(t.url, DEMO.admin);
    const backchannelUrl = `${t.url}/api/auth/oidc/backchannel-logout`;
    [entra, idporten, feide] = await Promise.all([
      startTestProvider({
        appUrl: APP_URL,
        backchannelUrl,
        clientId: 'samrad-entra',
        accounts: {
          admin: { email: DEMO.admin, name: 'Systemadministrator' },
          officer: { email: DEMO.officer },
          chair: { email: DEMO.chair },
          stranger: { email: 'ukjent@solvik.kommune.test' },
        },
      }),
      startTestProvider({
        appUrl: APP_URL,
        backchannelUrl,
        clientId: 'samrad-idporten',
        accounts: { linked: { pid: '01017012345' }, newcomer: { pid: '02028054321', name: 'Innbygger (ny konto)' } },
      }),
      startTestProvider({
        appUrl: APP_URL,
        backchannelUrl,
        clientId: 'samrad-feide',
        accounts: {
          fau: { email: DEMO.fau, email_verified: true },
          officer: { email: DEMO.officer, email_verified: true },
          unverified: { email: DEMO.udf, email_verified: false },
          parent: { email: 'forelder.ny@foresatt.test', email_verified: true, name: 'Forelder (ny konto)' },
        },
      }),
    ]);
    const make = async (body: Record<string, unknown>) => {
      const res = await admin.request('POST', '/api/oidc-providers', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    ids.entra = await make({
      name: 'Entra ID (ansatte)',
      kind: 'entra',
      issuer: entra.issuer,
      clientId: entra.clientId,
      clientSecret: entra.clientSecret,
      scopes: 'openid email profile',
      claim: 'email',
      allowedRoles: ['admin', 'case_officer', 'member'],
    });
    ids.idporten = await make({
      name: 'ID-porten',
      kind: 'idporten',
      issuer: idporten.issuer,
      clientId: idporten.clientId,
      clientSecret: idporten.clientSecret,
      scopes: 'openid pid profile',
      claim: 'pid',
      allowedRoles: ['participant', 'member'],
    });
    ids.feide = await make({
      name: 'Feide',
      kind: 'feide',
      issuer: feide.issuer,
      clientId: feide.clientId,
      clientSecret: feide.clientSecret,
      scopes: 'openid email profile',
      claim: 'email',
      allowedRoles: ['member', 'participant'],
    });
  });

  afterAll(async () => {
    // Leave the shared test database as it was found: password log-in on, these providers off.
    await admin.request('PUT', '/api/oidc-providers/password-login', { passwordLogin: true });
    const { body } = await admin.request('GET', '/api/oidc-providers');
    for (const p of body.providers)
      if (p.enabled) await admin.request('PATCH', `/api/oidc-providers/${p.id}`, { version: p.version, enabled: false });
    await Promise.all([entra, idporten, feide].map((p) => p?.close()));
    await t.close();
  });

  it('an administrator configures providers: the secret is write-only, errors are per field, the log-in page lists them', async () => {
    const { body } = await admin.request('GET', '/api/oidc-providers');
    expect(body.redirectUri).toBe(`${APP_URL}/api/auth/oidc/callback`);
    expect(body.passwordLogin).toBe(true);
    const saved = body.providers.find((p: any) => p.id === ids.entra);
    expect(saved).toMatchObject({
      kind: 'entra',
      hasSecret: true,
      issuer: entra.issuer,
      allowedRoles: ['admin', 'case_officer', 'member'],
    });
    expect(JSON.stringify(body)).not.toContain(entra.clientSecret);
    const [row] = await t.db.query(`SELECT client_secret_enc FROM oidc_provider WHERE id = $1`, [ids.entra]);
    expect(row.client_secret_enc).not.toContain(entra.clientSecret);

    const bad = await admin.request('POST', '/api/oidc-providers', {
      name: 'Feil',
      kind: 'generic',
      issuer: 'ftp://feil',
      clientId: '',
      scopes: 'email',
      claim: 'email',
      allowedRoles: [],
      autoCreate: true,
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((e: any) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['allowedRoles', 'clientId', 'issuer', 'scopes']));
    expect(bad.body.errors.find((e: any) => e.path === 'issuer').message).toMatch(/Utstederen må være en https-adresse/);
    const dup = await admin.request('POST', '/api/oidc-providers', {
      name: 'feide',
      kind: 'feide',
      issuer: feide.issuer,
      clientId: 'x',
      scopes: 'openid',
      claim: 'email',
      allowedRoles: ['member'],
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0]).toMatchObject({ path: 'name', message: 'Det finnes allerede en innlogging med dette navnet' });

    const options = await fetch(`${t.url}/api/auth/oidc/options?kommune=solvik-kommune`).then((r) => r.json() as Promise<any>);
    expect(options.municipalities[0].providers.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['Entra ID (ansatte)', 'Feide', 'ID-porten']),
    );
    const audit = await t.db.query(`SELECT changes FROM audit_event WHERE entity_type = 'oidc_provider' AND entity_id = $1`, [ids.entra]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(entra.clientSecret);
  });

  it('only a municipality’s administrators configure its providers (deny matrix of the new routes)', async () => {
    const officer = await login(t.url, DEMO.officer);
    const member = await login(t.url, DEMO.fau);
    const fau = member.userId;
    for (const who of [officer, member]) {
      expect((await who.request('GET', '/api/oidc-providers')).status).toBe(403);
      expect((await who.request('POST', '/api/oidc-providers', { name: 'X' })).status).toBe(403);
      expect((await who.request('PATCH', `/api/oidc-providers/${ids.entra}`, { version: 1, enabled: false })).status).toBe(403);
      expect((await who.request('PUT', '/api/oidc-providers/password-login', { passwordLogin: false })).status).toBe(403);
      expect((await who.request('PUT', `/api/oidc-providers/national-ids/${fau}`, { nationalId: '01017012345' })).status).toBe(403);
    }
    // Another municipality's administrator neither sees nor changes these providers, nor links these people.
    const other = await login(t.url, DEMO.otherAdmin);
    expect((await other.request('GET', '/api/oidc-providers')).body.providers).toEqual([]);
    expect((await other.request('PATCH', `/api/oidc-providers/${ids.entra}`, { version: 1, enabled: false })).status).toBe(404);
    expect((await other.request('PUT', `/api/oidc-providers/national-ids/${fau}`, { nationalId: '01017012345' })).status).toBe(404);
  });

  it('logs a person in through Entra ID by their e-mail, with the same session as the password log-in, and audits it', async () => {
    const journey = await oidcLogin(t, ids.entra, 'officer');
    expect(journey.location).toBe('/saker');
    const officer = await clientOf(t, journey);
    expect(officer.status).toBe(200);
    expect(officer.me.email).toBe(DEMO.officer);
    expect(officer.me.roles).toContain('case_officer');
    // A state change with the session's CSRF token works as after a password log-in.
    expect((await officer.request('PATCH', '/api/auth/me', { version: officer.me.version, language: null })).status).toBe(200);
    const [audit] = await t.db.query(
      `SELECT actor_id, changes FROM audit_event WHERE entity_type = 'oidc_login' AND entity_id = $1 AND actor_id = $2`,
      [ids.entra, officer.userId],
    );
    expect(audit.changes.outcome.after).toBe('innlogget');
  });

  it('refuses an ID token with the wrong nonce, issuer or audience, or one that has expired', async () => {
    const nonce = await oidcLogin(t, ids.entra, 'officer', (url) => url.searchParams.set('nonce', 'en-annen-nonce'));
    expect(nonce.location).toMatch(/^\/logg-inn\?feil=token/);
    expect(nonce.session).toBeUndefined();
    const now = Math.floor(Date.now() / 1000);
    for (const change of [{ iss: 'https://falsk.example' }, { aud: 'en-annen-klient' }, { exp: now - 3600, iat: now - 7200 }]) {
      entra.tamper(change);
      try {
        const refused = await oidcLogin(t, ids.entra, 'officer');
        expect(refused.location, JSON.stringify(change)).toMatch(/^\/logg-inn\?feil=token/);
        expect(refused.session).toBeUndefined();
      } finally {
        entra.tamper(null);
      }
    }
    // The same log-in with the provider's own token goes through.
    expect((await oidcLogin(t, ids.entra, 'officer')).location).toBe('/saker');
  });

  it('refuses a state it did not issue, or one used before', async () => {
    const jar = new CookieJar();
    const res = await browse(jar, `${t.url}/api/auth/oidc/callback?code=abc&state=ukjent`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/logg-inn?feil=state');
  });

  it('creates no account silently: an unknown person is refused unless the provider creates accounts with a default role', async () => {
    expect((await oidcLogin(t, ids.entra, 'stranger')).location).toMatch(/^\/logg-inn\?feil=no-account/);
    const parent = await oidcLogin(t, ids.feide, 'parent');
    expect(parent.location).toMatch(/^\/logg-inn\?feil=no-account/);
    expect(await t.db.query(`SELECT id FROM app_user WHERE email = 'forelder.ny@foresatt.test'`)).toHaveLength(0);

    const { body } = await admin.request('GET', '/api/oidc-providers');
    const current = body.providers.find((p: any) => p.id === ids.feide);
    const noRole = await admin.request('PATCH', `/api/oidc-providers/${ids.feide}`, { version: current.version, autoCreate: true });
    expect(noRole.status).toBe(400);
    expect(noRole.body.errors[0].path).toBe('defaultRole');
    const on = await admin.request('PATCH', `/api/oidc-providers/${ids.feide}`, {
      version: current.version,
      autoCreate: true,
      defaultRole: 'participant',
    });
    expect(on.status).toBe(200);
    const created = await clientOf(t, await oidcLogin(t, ids.feide, 'parent'));
    expect(created.me).toMatchObject({ email: 'forelder.ny@foresatt.test', name: 'Forelder (ny konto)', roles: [] });
    const off = await admin.request('PATCH', `/api/oidc-providers/${ids.feide}`, { version: on.body.version, autoCreate: false });
    expect(off.status).toBe(200);
  });

  it('links by a verified e-mail only, and refuses a person whose roles the provider is not allowed for', async () => {
    expect((await oidcLogin(t, ids.feide, 'unverified')).location).toMatch(/^\/logg-inn\?feil=claim/);
    const member = await clientOf(t, await oidcLogin(t, ids.feide, 'fau'));
    expect(member.me.email).toBe(DEMO.fau);
    // Feide is for members and participants here; a case officer logs in through Entra ID.
    expect((await oidcLogin(t, ids.feide, 'officer')).location).toMatch(/^\/logg-inn\?feil=role/);
  });

  it('links ID-porten by the national identity number, stored only as a keyed hash', async () => {
    expect((await oidcLogin(t, ids.idporten, 'linked')).location).toMatch(/^\/logg-inn\?feil=no-account/);
    const fau = await login(t.url, DEMO.fau);
    const bad = await admin.request('PUT', `/api/oidc-providers/national-ids/${fau.userId}`, { nationalId: '123' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'nationalId', message: 'Fødselsnummeret må ha 11 siffer' });
    expect((await admin.request('PUT', `/api/oidc-providers/national-ids/${fau.userId}`, { nationalId: '01017012345' })).status).toBe(200);
    const stored = await t.db.query(`SELECT pid_hmac FROM oidc_national_id WHERE user_id = $1`, [fau.userId]);
    expect(stored[0].pid_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await t.db.query(`SELECT * FROM oidc_national_id`))).not.toContain('01017012345');
    const linked = await clientOf(t, await oidcLogin(t, ids.idporten, 'linked'));
    expect(linked.me.email).toBe(DEMO.fau);
  });

  it('refuses a person disabled in Samråd at the provider’s return', async () => {
    const users = (await admin.request('GET', '/api/users')).body.users as { id: string; email: string; version: number }[];
    const chair = users.find((u) => u.email === DEMO.chair)!;
    const disabled = await admin.request('PATCH', `/api/users/${chair.id}`, { version: chair.version, status: 'disabled' });
    expect(disabled.status).toBe(200);
    try {
      const refused = await oidcLogin(t, ids.entra, 'chair');
      expect(refused.location).toMatch(/^\/logg-inn\?feil=disabled/);
      expect(refused.session).toBeUndefined();
    } finally {
      await admin.request('PATCH', `/api/users/${chair.id}`, { version: disabled.body.version, status: 'active' });
    }
  });

  it('log-out ends the session here and sends the browser to the provider’s end-session endpoint', async () => {
    const officer = await clientOf(t, await oidcLogin(t, ids.entra, 'officer'));
    const out = await officer.request('POST', '/api/auth/logout');
    expect(out.status).toBe(200);
    const redirect = new URL(out.body.redirect);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(`${entra.issuer}/session/end`);
    expect(redirect.searchParams.get('id_token_hint')).toBeTruthy();
    expect(redirect.searchParams.get('post_logout_redirect_uri')).toBe(`${APP_URL}/logg-inn`);
    expect((await officer.request('GET', '/api/auth/me')).status).toBe(401);
    // A password session has nothing to end at a provider.
    const password = await login(t.url, DEMO.officer);
    expect((await password.request('POST', '/api/auth/logout')).body).toEqual({ ok: true });
  });

  it('the provider’s back-channel log-out ends the sessions of its sid', async () => {
    const journey = await oidcLogin(t, ids.entra, 'admin');
    const viaEntra = await clientOf(t, journey);
    expect(viaEntra.status).toBe(200);
    // The person logs out at the provider (its own confirmation form); it tells Samråd on the back channel.
    const end = await browse(journey.jar, `${entra.issuer}/session/end`);
    const html = await end.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const confirm = await browse(journey.jar, new URL(action, entra.issuer).href, {
      method: 'POST',
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(confirm.status).toBe(303);
    expect((await viaEntra.request('GET', '/api/auth/me')).status).toBe(401);
    const bad = await fetch(`${t.url}/api/auth/oidc/backchannel-logout`, {
      method: 'POST',
      body: new URLSearchParams({ logout_token: 'ikke.et.token' }),
    });
    expect(bad.status).toBe(400);
  });

  it('password log-in can be turned off per municipality once a provider lets administrators in', async () => {
    const off = await admin.request('PUT', '/api/oidc-providers/password-login', { passwordLogin: false });
    expect(off.status).toBe(200);
    expect(off.body.passwordLogin).toBe(false);
    const refused = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.officer, password: DEMO_PASSWORD }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'Kommunen bruker ikke passord. Logg inn med kommunens innlogging.',
    );
    // An invitation accepted meanwhile makes the account active but opens no password session (the link's token
    // is written here as the invitation e-mail would carry it).
    const invited = await admin.request('POST', '/api/users', { email: 'invitert.oidc@solvik.kommune.test', name: 'Invitert (OIDC)' });
    expect(invited.status).toBe(201);
    const token = 'invitasjonsnokkel-for-oidc-testen-0123456789';
    await t.db.query(
      `INSERT INTO auth_token (token_hash, user_id, kind, expires_at) VALUES ($1, $2, 'invite', now() + interval '1 hour')`,
      [hashToken(token), invited.body.id],
    );
    const accepted = await fetch(`${t.url}/api/auth/accept-invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'Lang og uvanlig setning om skolebudsjett 2026' }),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.getSetCookie().filter((c) => c.startsWith('samrad_session='))).toEqual([]);
    // The operator (OPERATOR_EMAILS) keeps a safe way in.
    expect((await login(t.url, DEMO.admin)).userId).toBeTruthy();
    const options = await fetch(`${t.url}/api/auth/oidc/options?kommune=solvik-kommune`).then((r) => r.json() as Promise<any>);
    expect(options.municipalities[0].passwordLogin).toBe(false);
    // The provider that lets administrators in cannot be turned off while passwords are off.
    const { body } = await admin.request('GET', '/api/oidc-providers');
    const current = body.providers.find((p: any) => p.id === ids.entra);
    const lockout = await admin.request('PATCH', `/api/oidc-providers/${ids.entra}`, { version: current.version, enabled: false });
    expect(lockout.status).toBe(400);
    expect((await admin.request('PUT', '/api/oidc-providers/password-login', { passwordLogin: true })).status).toBe(200);
  });
});
