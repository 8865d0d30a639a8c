import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_MUNICIPALITY_ROUTES } from '@samrad/shared/contracts';
import { routeTable, type RouteEntry } from '../src/platform/http/route-table.js';
import { DEMO, anonymous, login, startTestApp, type Client, type TestApp } from './harness.js';

type Who = 'anonymous' | 'member' | 'case_officer' | 'admin';

/** Whether a caller passes a route's rule (what the server must enforce). */
function allowed(rules: string[], who: Who): boolean {
  if (rules.includes('public')) return true;
  if (who === 'anonymous') return false;
  // Installation-wide routes are for operators (OPERATOR_EMAILS, none here) and the scrape token only.
  if (rules.every((r) => r === 'operator' || r === 'metrics_scraper')) return false;
  if (who === 'admin' || rules.includes('authenticated')) return true;
  if (who === 'case_officer') return rules.includes('case_officer') || rules.includes('member');
  return rules.includes('member');
}

const concrete = (path: string) => path.replace(/:entityType/g, 'body').replace(/:[a-zA-Z]+/g, () => randomUUID());

describe('role × endpoint permission matrix (generated from the route table)', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  const clients = {} as Record<Who, Client>;

  beforeAll(async () => {
    t = await startTestApp();
    routes = routeTable(t.app);
    clients.anonymous = anonymous(t.url);
    clients.member = await login(t.url, DEMO.fau);
    clients.case_officer = await login(t.url, DEMO.officer);
    clients.admin = await login(t.url, DEMO.admin);
  });
  afterAll(() => t.close());

  it('every route has an access rule', () => {
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((r) => !r.rules || r.rules.length === 0);
    expect(missing, 'routes without @Access/@Public').toEqual([]);
  });

  it('refuses every caller a route does not allow, and lets through those it does', async () => {
    const rows: string[] = [];
    for (const route of routes) {
      if (route.path === '/api/auth/logout') continue; // would end the shared sessions; covered in auth.spec
      for (const who of ['anonymous', 'member', 'case_officer', 'admin'] as Who[]) {
        const res = await clients[who].request(route.method, concrete(route.path), route.method === 'GET' ? undefined : {});
        const denied = res.status === 401 || res.status === 403;
        const expected = allowed(route.rules ?? [], who);
        if (denied === expected)
          rows.push(`${route.method} ${route.path} as ${who}: got ${res.status}, expected ${expected ? 'allowed' : 'denied'}`);
        if (!expected) expect(res.status, `${route.method} ${route.path} as ${who}`).toBe(who === 'anonymous' ? 401 : 403);
      }
    }
    expect(rows).toEqual([]);
    // Every route four times: more than the default 30 s on a busy machine.
  }, 120_000);

  it('a member cannot create bodies, invite users or edit the mandate', async () => {
    const fau = clients.member;
    expect((await fau.request('POST', '/api/bodies', { kind: 'reference_group', name: 'Ny' })).status).toBe(403);
    expect((await fau.request('POST', '/api/users', { email: 'x@y.no', name: 'X' })).status).toBe(403);
    expect((await fau.request('GET', '/api/users')).status).toBe(403);
    const { body } = await fau.request('GET', '/api/mandates');
    expect((await fau.request('PATCH', `/api/mandates/${body.mandates[0].id}`, { version: 1, title: 'Endret' })).status).toBe(403);
  });

  it('a case officer cannot invite users or delete bodies (administrator only)', async () => {
    const officer = clients.case_officer;
    expect((await officer.request('POST', '/api/users', { email: 'x@y.no', name: 'X' })).status).toBe(403);
    const { body } = await officer.request('GET', '/api/bodies');
    expect((await officer.request('DELETE', `/api/bodies/${body.bodies[0].id}`)).status).toBe(403);
  });

  it('a member cannot approve or reopen a protocol, mark a vedlegg exempt, or change another’s consent to publish', async () => {
    const fau = clients.member;
    const meetings = (await fau.request('GET', '/api/meetings')).body.meetings as { id: string }[];
    expect((await fau.request('POST', `/api/meetings/${meetings[0]!.id}/minutes/approval`)).status).toBe(403);
    expect((await fau.request('POST', `/api/meetings/${meetings[0]!.id}/minutes/reopening`, { reason: 'Retting' })).status).toBe(403);
    expect((await fau.request('PUT', `/api/attachments/${randomUUID()}/publicity`, { public: true })).status).toBe(403);
    const [other] = await t.db.query(`SELECT s.id FROM submission s JOIN app_user u ON u.id = s.author_id WHERE u.email <> $1 LIMIT 1`, [
      DEMO.fau,
    ]);
    expect((await fau.request('PUT', `/api/submissions/${other.id}/publish-consent`, { publishConsent: false })).status).toBe(403);
  });

  it('a reference-group member cannot record impartiality for others, decide it, or disqualify an officer', async () => {
    const fau = clients.member;
    const { body } = await clients.case_officer.request('GET', '/api/meetings');
    const meeting = (await fau.request('GET', `/api/meetings/${body.meetings[0].id}`)).body;
    const item = meeting.agenda[0]?.id ?? randomUUID();
    const other = { agendaItemId: item, userId: clients.case_officer.userId, reason: 'x', legalBasis: 'fvl_6_2' };
    expect((await fau.request('POST', `/api/meetings/${meeting.id}/impartiality`, other)).status).toBe(403);
    const decision = { decision: 'disqualified', decisionText: 'x' };
    expect((await fau.request('PUT', `/api/meetings/${meeting.id}/impartiality/${randomUUID()}/decision`, decision)).status).toBe(403);
    const caseId = meeting.agenda[0]?.case.id ?? randomUUID();
    const disq = { userId: clients.case_officer.userId, reason: 'x', legalBasis: 'fvl_6_2' };
    expect((await fau.request('POST', `/api/cases/${caseId}/officer-disqualifications`, disq)).status).toBe(403);
    expect((await fau.request('PUT', `/api/cases/${caseId}/officer`, { officerId: clients.case_officer.userId })).status).toBe(403);
  });

  it('state changes without the CSRF token are refused', async () => {
    const res = await fetch(`${t.url}/api/bodies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    const officer = clients.case_officer;
    const noCsrf = await officer.request('POST', '/api/bodies', { kind: 'reference_group', name: 'Uten CSRF' }, { 'x-csrf-token': 'feil' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.message).toMatch(/CSRF/);
  });

  it('an integration token with every scope reads only what its scopes open, and never writes (#21)', async () => {
    const made = await clients.admin.request('POST', '/api/integration-tokens', {
      name: 'Matrisen',
      system: 'Test',
      scopes: ['read_public', 'read_municipality', 'export_archive'],
      expiresOn: `${new Date().getUTCFullYear() + 1}-01-31`,
    });
    expect(made.status).toBe(201);
    const opened = (method: string, path: string) =>
      method === 'GET' &&
      (path.startsWith('/api/public/:slug/') || READ_MUNICIPALITY_ROUTES.includes(path as never) || path === '/api/cases/:id/arkivuttrekk');
    const rows: string[] = [];
    for (const route of routes) {
      const res = await fetch(t.url + concrete(route.path.replace(':slug', 'solvik-kommune')), {
        method: route.method,
        headers: { authorization: `Bearer ${made.body.secret}`, ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        body: route.method === 'GET' ? undefined : '{}',
      });
      const expected = opened(route.method, route.path);
      if ((res.status === 401 || res.status === 403) === expected) rows.push(`${route.method} ${route.path}: got ${res.status}`);
      if (!expected && res.status !== 403) rows.push(`${route.method} ${route.path}: got ${res.status}, expected 403`);
    }
    expect(rows).toEqual([]);
    await clients.admin.request('POST', `/api/integration-tokens/${made.body.token.id}/revoke`);
  }, 60_000);

  it('only an administrator makes integration tokens or anonymises a person (#21)', async () => {
    for (const who of [clients.member, clients.case_officer]) {
      expect((await who.request('GET', '/api/integration-tokens')).status).toBe(403);
      expect(
        (await who.request('POST', '/api/integration-tokens', { name: 'X', system: 'Y', scopes: ['read_public'], expiresOn: '2027-01-01' }))
          .status,
      ).toBe(403);
      expect((await who.request('POST', `/api/users/${clients.admin.userId}/anonymise`)).status).toBe(403);
    }
  });
});
