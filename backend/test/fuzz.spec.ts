import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/platform/http/route-table.js';
import grimstad from '../src/seed/grimstad-2009.input.json' with { type: 'json' };
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "'; DROP TABLE body; --",
    '<script>alert(1)</script>',
    '\u0000',
    'ÆØÅ æøå 🙂 \u202e',
    '%s%n',
    '../../etc/passwd',
    'null',
    '{}',
    'Linje\r\nto',
    'javascript:alert(1)',
  ),
  fc.constantFrom(1e308, -1e15, Number.MAX_SAFE_INTEGER, '9999-12-31', '0001-01-01T10:00:00+01:00', '9999-12-31T23:59:59+01:00'),
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
  node: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('node'), { maxKeys: 4 }),
  ),
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
          if (res.status >= 500)
            failures.push(`${route.method} ${path} ${JSON.stringify(body).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body)}`);
          if (res.status === 400)
            expect(
              Array.isArray(res.body.errors) &&
                res.body.errors.every((e: { message: string }) => typeof e.message === 'string' && e.message.length > 0),
            ).toBe(true);
        }),
        { numRuns: 12, seed: 20261123 },
      );
    }
    expect(failures).toEqual([]);
  });

  it('refuses huge amounts, NUL, dates outside 2000–2100, non-https video links and multi-line titles with Norwegian field errors', async () => {
    const officer = await login(t.url, DEMO.officer);
    const bodyId = ids[0]!;
    const kase = (await officer.request('POST', '/api/cases', { title: 'Grenseverdier' })).body;
    const allocation = (await officer.request('POST', '/api/allocation-cases', { caseId: kase.id, budgetYear: 2027, title: 'Grenser' }))
      .body;
    const imported = (
      await officer.request('POST', `/api/allocation-cases/${allocation.id}/datasets`, {
        name: 'Grimstad',
        format: 'json',
        content: JSON.stringify(grimstad),
      })
    ).body;
    const scenario = { name: 'Grense', modelVersionId: imported.modelVersionId, datasetId: imported.id };
    const created = await officer.request('POST', `/api/allocation-cases/${allocation.id}/scenarios`, scenario);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const mandateId = (await officer.request('GET', '/api/mandates')).body.mandates[0].id;
    const meeting = { bodyId, title: 'Møte', startsAt: '2026-12-01T18:00:00+01:00', place: 'Rådhuset' };
    const round = {
      caseId: kase.id,
      title: 'Runde',
      questions: 'Hva mener dere?',
      closesAt: '2026-12-20T12:00:00+01:00',
      invitedBodyIds: [bodyId],
    };
    const cases: [string, string, unknown, string, RegExp][] = [
      ['POST', `/api/allocation-cases/${allocation.id}/scenarios`, { ...scenario, frame: 1e308 }, 'frame', /^Beløpet må være mindre enn/],
      [
        'POST',
        `/api/allocation-cases/${allocation.id}/scenarios`,
        { ...scenario, frameChange: -1e15 },
        'frameChange',
        /^Beløpet må være mindre enn/,
      ],
      [
        'POST',
        `/api/allocation-cases/${allocation.id}/scenarios`,
        { ...scenario, frameChange: '-1000000000000000' },
        'frameChange',
        /^Beløp/,
      ],
      ['PATCH', `/api/scenarios/${created.body.id}`, { version: 1, frame: 1e308 }, 'frame', /^Beløpet må være mindre enn/],
      [
        'POST',
        `/api/allocation-cases/${allocation.id}/scenarios`,
        { ...scenario, overrides: [{ criterion: 'perPupil', stage: 'barnetrinn', rate: { nok: 1e308 } }] },
        'overrides.0.rate.nok',
        /^Tallet må være mindre enn/,
      ],
      [
        'POST',
        `/api/scenarios/${created.body.id}/sweeps`,
        { criterion: 'perPupil', stage: 'barnetrinn', from: 0, to: 1e308, steps: 2 },
        'to',
        /^Tallet må være mindre enn/,
      ],
      ['POST', '/api/bodies', { kind: 'reference_group', name: 'Null\u0000tegn' }, 'name', /nulltegn/],
      ['POST', '/api/cases', { title: 'Sak', sections: { background: 'a\u0000b' } }, 'sections.background', /nulltegn/],
      [
        'POST',
        `/api/allocation-cases/${allocation.id}/model-versions`,
        { label: 'Modell', model: { note: 'a\u0000b' } },
        'model',
        /nulltegn/,
      ],
      [
        'POST',
        `/api/allocation-cases/${allocation.id}/datasets`,
        { name: 'NUL', format: 'json', content: JSON.stringify({ ...grimstad, title: 'a\u0000b' }) },
        'content',
        /nulltegn/,
      ],
      [
        'POST',
        `/api/allocation-cases/${allocation.id}/datasets`,
        { name: 'NUL', format: 'json', content: JSON.stringify({ ...grimstad, units: [{ ...grimstad.units[0], name: 'a\u0000b' }] }) },
        'content',
        /nulltegn/,
      ],
      ['POST', '/api/rounds', { ...round, closesAt: '9999-12-31T12:00:00+01:00' }, 'closesAt', /^Datoen må være mellom år 2000 og 2100$/],
      [
        'POST',
        '/api/meetings',
        { ...meeting, startsAt: '0001-01-01T10:00:00+01:00' },
        'startsAt',
        /^Datoen må være mellom år 2000 og 2100$/,
      ],
      ['POST', '/api/meetings', { ...meeting, videoLink: 'javascript:alert(1)' }, 'videoLink', /https-adresse/],
      ['POST', '/api/meetings', { ...meeting, videoLink: 'http://møte.example.no/rom' }, 'videoLink', /https-adresse/],
      ['POST', '/api/meetings', { ...meeting, title: 'Første linje\r\nAndre linje' }, 'title', /^Tittel må stå på én linje$/],
      ['POST', '/api/meetings', { ...meeting, title: 'Bare CR\rher' }, 'title', /^Tittel må stå på én linje$/],
      [
        'POST',
        `/api/mandates/${mandateId}/items`,
        { number: 777, title: 'Punkt', dueDate: '9999-01-01' },
        'dueDate',
        /^Datoen må være mellom år 2000 og 2100$/,
      ],
      [
        'POST',
        `/api/cases/${kase.id}/decisions`,
        { bodyId, decidedOn: '0001-01-01', text: 'Vedtak' },
        'decidedOn',
        /^Datoen må være mellom år 2000 og 2100$/,
      ],
    ];
    const problems: string[] = [];
    for (const [method, path, body, field, message] of cases) {
      const res = await officer.request(method, path, body);
      const error = res.status === 400 ? (res.body.errors as { path: string; message: string }[]).find((e) => e.path === field) : undefined;
      if (!error || !message.test(error.message))
        problems.push(`${method} ${path} ${field}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
    const ok = await officer.request('POST', '/api/meetings', { ...meeting, place: null, videoLink: 'https://møte.example.no/rom' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
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
