import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, moveClock, startTestApp, type Client, type TestApp } from './harness.js';

/**
 * Integration tokens (#21): an administrator makes a token for a system (shown once, stored as its SHA-256); the
 * guard lets `Authorization: Bearer samrad_…` through only where its scopes open the route, only to read, only in its
 * own municipality; every request made with it is logged; a revoked token is refused at once in every API process.
 */
describe('integration tokens', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: Client;
  const inAYear = () => `${new Date().getUTCFullYear() + 1}-06-30`;
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

  beforeAll(async () => {
    // Two API processes (as in production), the first with the test clock; revocation must hold at once in both.
    [a, b] = await Promise.all([startTestApp({ TEST_CLOCK: '1' }), startTestApp({ TEST_CLOCK: '1' })]);
    admin = await login(a.url, DEMO.admin);
  });
  afterEach(() => moveClock(a, { offsetMs: 0 }));
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const make = async (scopes: string[], name = 'Kommunens nettsted', expiresOn = inAYear()) => {
    const res = await admin.request('POST', '/api/integration-tokens', { name, system: 'Nettsted', scopes, expiresOn });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { token: { id: string; prefix: string }; secret: string };
  };
  const get = (base: string, path: string, secret: string, method = 'GET') =>
    fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${secret}`, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      body: method === 'GET' ? undefined : '{}',
    });

  it('is shown once and stored as its SHA-256 only; the list never holds the secret', async () => {
    const { token, secret } = await make(['read_public']);
    expect(secret).toMatch(/^samrad_[\w-]{40,}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const list = await admin.request('GET', '/api/integration-tokens');
    expect(list.status).toBe(200);
    expect(list.body.tokens.map((x: { id: string }) => x.id)).toContain(token.id);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const [row] = await a.db.query(`SELECT * FROM integration_token WHERE id = $1`, [token.id]);
    expect(row.token_sha256).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const audit = await a.db.query(`SELECT action FROM audit_event WHERE entity_type = 'integration_token' AND entity_id = $1`, [token.id]);
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('refuses bad input on the fields, in Norwegian', async () => {
    const res = await admin.request('POST', '/api/integration-tokens', { name: '', system: 'Arkiv', scopes: [], expiresOn: 'i morgen' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['expiresOn', 'name', 'scopes']);
    const past = await admin.request('POST', '/api/integration-tokens', {
      name: 'Arkiv',
      system: 'Arkiv',
      scopes: ['read_public'],
      expiresOn: '2020-01-01',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ path: 'expiresOn', message: 'Utløpsdatoen må være fram i tid' }]);
    const unknown = await admin.request('POST', '/api/integration-tokens', {
      name: 'A',
      system: 'B',
      scopes: ['write_all'],
      expiresOn: inAYear(),
    });
    expect(unknown.body.errors).toEqual([{ path: 'scopes.0', message: 'Ukjent tilgang' }]);
  });

  it('read_public reads its own municipality’s public API, and nothing else; each request is logged', async () => {
    const { token, secret } = await make(['read_public']);
    const cases = await get(a.url, '/api/public/solvik-kommune/cases', secret);
    expect(cases.status).toBe(200);
    expect(((await cases.json()) as { cases: unknown[] }).cases.length).toBeGreaterThan(0);
    expect((await get(a.url, '/api/public/solvik-kommune/decisions.json', secret)).status).toBe(200);
    // Another municipality, the list of municipalities, internal routes, writes: refused.
    expect((await get(a.url, '/api/public/nabovik-kommune/cases', secret)).status).toBe(403);
    expect((await get(a.url, '/api/public/municipalities', secret)).status).toBe(403);
    expect((await get(a.url, '/api/cases', secret)).status).toBe(403);
    expect((await get(a.url, '/api/cases', secret, 'POST')).status).toBe(403);
    expect((await get(a.url, '/api/integration-tokens', secret)).status).toBe(403);
    expect((await get(a.url, '/api/me/personal-data', secret)).status).toBe(403);

    const uses: { method: string; route: string; allowed: boolean }[] = await a.db.query(
      `SELECT method, route, allowed FROM integration_token_use WHERE token_id = $1 ORDER BY id`,
      [token.id],
    );
    expect(uses).toEqual([
      { method: 'GET', route: '/api/public/solvik-kommune/cases', allowed: true },
      { method: 'GET', route: '/api/public/solvik-kommune/decisions.json', allowed: true },
      { method: 'GET', route: '/api/public/nabovik-kommune/cases', allowed: false },
      { method: 'GET', route: '/api/public/municipalities', allowed: false },
      { method: 'GET', route: '/api/cases', allowed: false },
      { method: 'POST', route: '/api/cases', allowed: false },
      { method: 'GET', route: '/api/integration-tokens', allowed: false },
      { method: 'GET', route: '/api/me/personal-data', allowed: false },
    ]);
    const listed = (await admin.request('GET', '/api/integration-tokens')).body.tokens.find((x: { id: string }) => x.id === token.id);
    expect(listed.uses).toBe(8);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('read_municipality reads cases, decisions and meetings as a reader without roles: exempt cases by their screened title only', async () => {
    const { secret } = await make(['read_municipality'], 'Arkivsystemet');
    const officer = await login(a.url, DEMO.officer);
    const secretCase = await officer.request('POST', '/api/cases', {
      title: 'Personalsak ved Nordby skole',
      access: 'exempt',
      legalBasis: 'offentleglova § 13',
      publicTitle: 'Unntatt offentlighet',
    });
    expect(secretCase.status, JSON.stringify(secretCase.body)).toBe(201);
    const full = (await officer.request('GET', '/api/cases')).body.cases as { id: string; title: string; access: string }[];
    const res = await get(a.url, '/api/cases', secret);
    expect(res.status).toBe(200);
    const { cases } = (await res.json()) as { cases: { id: string; access: string; readable: boolean; title: string }[] };
    const exempt = full.filter((c) => c.access === 'exempt');
    expect(exempt.length).toBeGreaterThan(0);
    for (const c of exempt) {
      const seen = cases.find((x) => x.id === c.id)!;
      expect(seen.readable).toBe(false);
      expect(seen.title).not.toBe(c.title);
      const detail = await get(a.url, `/api/cases/${c.id}`, secret);
      expect(detail.status).toBe(403);
    }
    const open = cases.find((c) => c.access === 'public')!;
    expect((await get(a.url, `/api/cases/${open.id}`, secret)).status).toBe(200);
    expect((await get(a.url, '/api/decisions', secret)).status).toBe(200);
    expect((await get(a.url, '/api/meetings', secret)).status).toBe(200);
    // Not the rest: people, bodies (members), input, personal data, the archive export, the public API.
    for (const path of [
      '/api/users',
      '/api/bodies',
      '/api/me/tasks',
      '/api/auth/me',
      `/api/cases/${open.id}/arkivuttrekk`,
      '/api/public/solvik-kommune/cases',
    ])
      expect((await get(a.url, path, secret)).status, path).toBe(403);
  });

  it('export_archive fetches the arkivuttrekk of a closed case of its municipality only', async () => {
    const { secret } = await make(['export_archive'], 'Arkiv (Noark 5)');
    const officer = await login(a.url, DEMO.officer);
    const closed = await officer.request('POST', '/api/cases', { title: 'Avsluttet sak til arkivet via integrasjon' });
    await a.db.query(`UPDATE case_file SET status = 'closed' WHERE id = $1`, [closed.body.id]);
    const res = await get(a.url, `/api/cases/${closed.body.id}/arkivuttrekk`, secret);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect((await get(a.url, '/api/cases', secret)).status).toBe(403);
    // Another municipality's case: not found in the token's municipality.
    const other = await login(a.url, DEMO.otherAdmin);
    const theirs = await other.request('POST', '/api/cases', { title: 'Nabovik-sak' });
    await a.db.query(`UPDATE case_file SET status = 'closed' WHERE id = $1`, [theirs.body.id]);
    expect((await get(a.url, `/api/cases/${theirs.body.id}/arkivuttrekk`, secret)).status).toBe(404);
  });

  it('an unknown or expired token is refused with 401', async () => {
    expect((await get(a.url, '/api/public/solvik-kommune/cases', 'samrad_ukjent-token-som-ikke-finnes')).status).toBe(401);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    const { secret } = await make(['read_public'], 'Kortvarig', today);
    expect((await get(a.url, '/api/public/solvik-kommune/cases', secret)).status).toBe(200);
    await moveClock(a, { advanceMs: 2 * 24 * 3600_000 });
    const expired = await get(a.url, '/api/public/solvik-kommune/cases', secret);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { message: string }).message).toBe('Tokenet er ugyldig, utløpt eller trukket tilbake');
  });

  it('a revoked token is refused at once, in this API process and the other', async () => {
    const { token, secret } = await make(['read_public'], 'Skal trekkes tilbake');
    expect((await get(a.url, '/api/public/solvik-kommune/meetings', secret)).status).toBe(200);
    expect((await get(b.url, '/api/public/solvik-kommune/meetings', secret)).status).toBe(200);
    const revoked = await admin.request('POST', `/api/integration-tokens/${token.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await get(b.url, '/api/public/solvik-kommune/meetings', secret)).status).toBe(401);
    expect((await get(a.url, '/api/public/solvik-kommune/meetings', secret)).status).toBe(401);
    // Again is no change; the trail holds the revocation once.
    expect((await admin.request('POST', `/api/integration-tokens/${token.id}/revoke`)).status).toBe(200);
    const audit = await a.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'integration_token' AND entity_id = $1 ORDER BY id`,
      [token.id],
    );
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }]);
  });

  it('only an administrator of the municipality makes, lists and revokes tokens', async () => {
    const { token } = await make(['read_public'], 'Bare for administrator');
    for (const email of [DEMO.officer, DEMO.fau]) {
      const who = await login(a.url, email);
      expect((await who.request('GET', '/api/integration-tokens')).status).toBe(403);
      expect(
        (await who.request('POST', '/api/integration-tokens', { name: 'X', system: 'Y', scopes: ['read_public'], expiresOn: inAYear() }))
          .status,
      ).toBe(403);
      expect((await who.request('POST', `/api/integration-tokens/${token.id}/revoke`)).status).toBe(403);
    }
    const other = await login(a.url, DEMO.otherAdmin);
    expect((await other.request('POST', `/api/integration-tokens/${token.id}/revoke`)).status).toBe(404);
    expect((await other.request('GET', '/api/integration-tokens')).body.tokens.some((x: { id: string }) => x.id === token.id)).toBe(false);
  });
});
