import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/platform/http/route-table.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom("'; DROP TABLE body; --", '<script>alert(1)</script>', '\u0000', 'ÆØÅ æøå 🙂 \u202e', '%s%n', '../../etc/passwd', 'null', '{}'),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: nasty,
  node: fc.oneof({ depthSize: 'small' }, nasty, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('node'), { maxKeys: 4 })),
})).node;

/** Bodies that look like the real ones (right keys) with hostile values, and wholly random ones. */
function bodyFor(keys: string[]): fc.Arbitrary<unknown> {
  const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  return fc.oneof(shaped, value);
}

describe('fuzzing every write endpoint', () => {
  let t: TestApp;
  let admin: Client;
  let ids: string[];
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.url, DEMO.admin);
    const bodies = (await admin.request('GET', '/api/bodies')).body.bodies.map((b: { id: string }) => b.id);
    const cases = (await admin.request('GET', '/api/cases')).body.cases.map((c: { id: string }) => c.id);
    ids = [...bodies.slice(0, 3), ...cases.slice(0, 2), '00000000-0000-0000-0000-000000000000', 'ikke-en-id'];
  });
  afterAll(() => t.close());

  it('answers hostile bodies and parameters with a clear 4xx (or success), never a 500', async () => {
    const writes = routeTable(t.app).filter((r) => r.method !== 'GET' && !['/api/auth/logout'].includes(r.path));
    expect(writes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of writes) {
      const keys = route.body && 'shape' in route.body ? Object.keys((route.body as unknown as { shape: object }).shape) : [];
      await fc.assert(
        // Deletes get only ids that name nothing, so the fuzzing leaves the demo data for the other files.
        fc.asyncProperty(bodyFor(keys), fc.constantFrom(...(route.method === 'DELETE' ? ids.slice(-2) : ids)), async (body, id) => {
          const path = route.path.replace(/:entityType/g, 'body').replace(/:[a-zA-Z]+/g, id);
          const res = await admin.request(route.method, path, body);
          if (res.status >= 500) failures.push(`${route.method} ${path} ${JSON.stringify(body).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body)}`);
          if (res.status === 400) expect(Array.isArray(res.body.errors) && res.body.errors.every((e: { message: string }) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
        }),
        { numRuns: 12, seed: 20261123 },
      );
    }
    expect(failures).toEqual([]);
  });

  it('stores odd text as given and shows it back unchanged', async () => {
    const name = `<img src=x onerror=alert(1)> '; DROP TABLE body; -- ÆØÅ 🙂 \u202e`;
    const created = await admin.request('POST', '/api/bodies', { kind: 'reference_group', name });
    expect(created.status).toBe(201);
    const back = await admin.request('GET', `/api/bodies/${created.body.id}`);
    expect(back.body.name).toBe(name.trim());
    expect(back.headers.get('content-type')).toMatch(/application\/json/);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM body`))[0].n).toBeGreaterThan(1);
  });
});
