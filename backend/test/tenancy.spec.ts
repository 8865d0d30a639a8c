import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

/** A user of another municipality gets 404 for every id of this one, read or write. */
describe('tenant isolation', () => {
  let t: TestApp;
  let other: Client;
  let ids: { body: string; membership: string; mandate: string; item: string; user: string };

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await login(t.url, DEMO.officer);
    const bodies = (await officer.request('GET', '/api/bodies')).body.bodies;
    const du = bodies.find((b: { name: string }) => b.name === 'Driftsutvalget');
    const body = (await officer.request('GET', `/api/bodies/${du.id}`)).body;
    const mandateId = (await officer.request('GET', '/api/mandates')).body.mandates[0].id;
    const mandate = (await officer.request('GET', `/api/mandates/${mandateId}`)).body;
    ids = { body: du.id, membership: body.members[0].id, mandate: mandateId, item: mandate.items[0].id, user: officer.userId };
    other = await login(t.url, DEMO.otherAdmin);
  });
  afterAll(() => t.close());

  it('lists show nothing of the other municipality', async () => {
    // Other files may give Nabovik rows of its own (analysis-links.spec.ts makes it a reference group and a
    // parent), so each list must be exactly Nabovik's rows in the database: nothing of Solvik, nothing missing.
    const [nabovik] = await t.db.query(`SELECT municipality_id FROM app_user WHERE email = $1`, [DEMO.otherAdmin]);
    const own = async (table: string) =>
      ((await t.db.query(`SELECT id FROM ${table} WHERE municipality_id = $1`, [nabovik.municipality_id])) as { id: string }[])
        .map((r) => r.id)
        .sort();
    const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    const bodies = (await other.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    expect(idsOf(bodies)).toEqual(await own('body'));
    expect(bodies.map((b) => b.name)).not.toContain('Driftsutvalget');
    const mandates = (await other.request('GET', '/api/mandates')).body.mandates as { id: string }[];
    expect(idsOf(mandates)).toEqual(await own('mandate'));
    const users = (await other.request('GET', '/api/users')).body.users as { id: string; email: string }[];
    expect(idsOf(users)).toEqual(await own('app_user'));
    expect(users.map((u) => u.email)).toContain(DEMO.otherAdmin);
    expect(users.map((u) => u.email)).not.toContain(DEMO.officer);
  });

  it('every endpoint with another municipality’s id is refused', async () => {
    const table: [string, string, unknown?][] = [
      ['GET', `/api/bodies/${ids.body}`],
      ['PATCH', `/api/bodies/${ids.body}`, { version: 1, name: 'Kapret' }],
      ['DELETE', `/api/bodies/${ids.body}`],
      ['POST', `/api/bodies/${ids.body}/members`, { userId: ids.user, role: 'member', capacity: 'other', validFrom: '2026-01-01' }],
      ['PATCH', `/api/bodies/${ids.body}/members/${ids.membership}`, { version: 1, role: 'observer' }],
      ['DELETE', `/api/bodies/${ids.body}/members/${ids.membership}`],
      ['GET', `/api/mandates/${ids.mandate}`],
      ['PATCH', `/api/mandates/${ids.mandate}`, { version: 1, title: 'Kapret' }],
      ['POST', `/api/mandates/${ids.mandate}/items`, { number: 99, title: 'Kapret' }],
      ['PATCH', `/api/mandates/${ids.mandate}/items/${ids.item}`, { version: 1, status: 'done' }],
      ['PATCH', `/api/users/${ids.user}`, { version: 1, name: 'Kapret' }],
      ['POST', `/api/users/${ids.user}/resend-invite`],
    ];
    for (const [method, path, body] of table) {
      const res = await other.request(method, path, body);
      expect([404, 400], `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
      if (res.status === 400) expect(JSON.stringify(res.body)).toMatch(/Fant ikke/);
    }
    const audit = await other.request('GET', `/api/audit/body/${ids.body}`);
    expect(audit.status === 404 || audit.body.events.length === 0).toBe(true);
    // Nothing changed.
    const officer = await login(t.url, DEMO.officer);
    const body = (await officer.request('GET', `/api/bodies/${ids.body}`)).body;
    expect(body.name).toBe('Driftsutvalget');
    expect(body.members.some((m: { id: string }) => m.id === ids.membership)).toBe(true);
  });
});
