import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
