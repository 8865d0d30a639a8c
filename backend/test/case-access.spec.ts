import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

/** A case's access level changes only through its own audited action, never through PATCH. */
describe('changing a case’s access level', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
  });
  afterAll(() => t.close());

  const newCase = async (input: object = {}) => {
    const res = await officer.request('POST', '/api/cases', { title: 'Tilsetting av rektor ved Nordby skole', ...input });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number };
  };

  it('PATCH refuses access, legal basis and public title with a Norwegian message pointing to the access action', async () => {
    const c = await newCase();
    const res = await officer.request('PATCH', `/api/cases/${c.id}`, {
      version: c.version,
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: 'Tilsetting',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['access', 'legalBasis', 'publicTitle']);
    for (const e of res.body.errors) expect(e.message).toMatch(/«Endre tilgang» \(POST \/api\/cases\/\{id\}\/access\)/);
    expect((await officer.request('GET', `/api/cases/${c.id}`)).body.access).toBe('public');
  });

  it('to exempt needs a legal basis and a public title; the change is audited', async () => {
    const c = await newCase();
    const bare = await officer.request('POST', `/api/cases/${c.id}/access`, { version: c.version, access: 'exempt' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'legalBasis', message: 'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)' },
        { path: 'publicTitle', message: 'Oppgi en skjermet tittel som kan vises offentlig' },
      ]),
    );
    const done = await officer.request('POST', `/api/cases/${c.id}/access`, {
      version: c.version,
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: 'Tilsettingssak',
      reason: 'Gjelder søkere',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: 'Tilsettingssak',
      version: c.version + 1,
    });
    const kase = (await officer.request('GET', `/api/cases/${c.id}`)).body;
    expect(kase).toMatchObject({
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: 'Tilsettingssak',
      title: 'Tilsetting av rektor ved Nordby skole',
    });
    const history = (await officer.request('GET', `/api/audit/case/${c.id}`)).body.events;
    expect(history.at(-1).changes).toEqual({
      access: { before: 'public', after: 'exempt' },
      legalBasis: { before: null, after: 'offentleglova § 25' },
      publicTitle: { before: null, after: 'Tilsettingssak' },
      reason: { before: null, after: 'Gjelder søkere' },
    });
    // A reference-group member now sees only the screened title.
    expect((await fau.request('GET', '/api/cases')).body.cases.find((x: { id: string }) => x.id === c.id).title).toBe('Tilsettingssak');
  });

  it('back to public needs a reason, clears the legal basis and the screened title, and is audited with the reason', async () => {
    const c = await newCase({ access: 'exempt', legalBasis: 'offentleglova § 14', publicTitle: 'Organinternt' });
    const noReason = await officer.request('POST', `/api/cases/${c.id}/access`, { version: c.version, access: 'public' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ path: 'reason', message: 'Begrunn hvorfor saken ikke lenger er unntatt offentlighet' }]);
    const done = await officer.request('POST', `/api/cases/${c.id}/access`, {
      version: c.version,
      access: 'public',
      reason: 'Vedtaket er fattet',
    });
    expect(done.status).toBe(200);
    const kase = (await officer.request('GET', `/api/cases/${c.id}`)).body;
    expect(kase).toMatchObject({ access: 'public', legalBasis: null, publicTitle: null });
    const changes = (await officer.request('GET', `/api/audit/case/${c.id}`)).body.events.at(-1).changes;
    expect(changes.reason).toEqual({ before: null, after: 'Vedtaket er fattet' });
    expect(changes.access).toEqual({ before: 'exempt', after: 'public' });
    const again = await officer.request('POST', `/api/cases/${c.id}/access`, { version: kase.version, access: 'public', reason: 'Igjen' });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([{ path: 'access', message: 'Saken er allerede offentlig' }]);
  });

  it('only case officers may change it, and a stale version is a 409', async () => {
    const c = await newCase();
    const input = { version: c.version, access: 'exempt', legalBasis: 'offentleglova § 13', publicTitle: 'Taushetsbelagt' };
    expect((await fau.request('POST', `/api/cases/${c.id}/access`, input)).status).toBe(403);
    expect((await officer.request('PATCH', `/api/cases/${c.id}`, { version: c.version, title: 'Ny tittel' })).status).toBe(200);
    const stale = await officer.request('POST', `/api/cases/${c.id}/access`, input);
    expect(stale.status).toBe(409);
    expect((await officer.request('GET', `/api/cases/${c.id}`)).body.access).toBe('public');
  });
});
