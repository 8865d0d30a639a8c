import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/platform/http/route-table.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

/** Responses match the shared contracts they declare with @Returns. */
describe('response contracts', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.url, DEMO.admin);
  });
  afterAll(() => t.close());

  it('every declared GET response parses with its contract', async () => {
    const bodyId = (await admin.request('GET', '/api/bodies')).body.bodies[0].id;
    const mandateId = (await admin.request('GET', '/api/mandates')).body.mandates[0].id;
    const ids: Record<string, string> = { id: bodyId, entityType: 'body', entityId: bodyId };
    const routes = routeTable(t.app).filter((r) => r.method === 'GET' && r.returns);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
        route.path.startsWith('/api/mandates') && name === 'id' ? mandateId : ids[name]!,
      );
      const res = await admin.request('GET', path);
      expect(res.status, path).toBe(200);
      const parsed = route.returns!.safeParse(res.body);
      expect(parsed.success, `${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('write responses match too', async () => {
    const routes = routeTable(t.app);
    const create = routes.find((r) => r.method === 'POST' && r.path === '/api/bodies')!;
    const res = await admin.request('POST', '/api/bodies', { kind: 'reference_group', name: 'Kontraktsorgan' });
    expect(create.returns!.safeParse(res.body).success).toBe(true);
  });
});
