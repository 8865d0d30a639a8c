import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, anonymous, login, startTestApp, type Client, type TestApp } from './harness.js';

const fieldError = (res: { body: { errors?: { path: string; message: string }[] } }, path: string) =>
  res.body.errors?.find((e) => e.path === path)?.message;

describe('languages: the API answers in bokmål, nynorsk or English, and each person keeps their own', () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    admin = await login(t.url, DEMO.admin);
    otherAdmin = await login(t.url, DEMO.otherAdmin);
    await followMålform();
  });
  /** Everyone here follows the demo municipality's målform, bokmål (as the other files expect). */
  const followMålform = async () => {
    await admin.request('PUT', '/api/municipality/language-form', { languageForm: 'nb' });
    for (const c of [officer, admin]) {
      const me = (await c.request('GET', '/api/auth/me')).body;
      if (me.language !== null) await c.request('PATCH', '/api/auth/me', { version: me.version, language: null });
    }
  };
  afterAll(async () => {
    await followMålform();
    await t.close();
  });

  it('a validation error from a contract: bokmål by default, nynorsk and English by Accept-Language', async () => {
    const nb = await officer.request('POST', '/api/cases', { title: '' });
    expect(nb.status).toBe(400);
    expect(fieldError(nb, 'title')).toBe('Tittel må fylles ut');
    const nn = await officer.request('POST', '/api/cases', { title: '' }, { 'accept-language': 'nn-NO,nn;q=0.9' });
    expect(nn.status).toBe(400);
    expect(fieldError(nn, 'title')).toBe('Tittel må fyllast ut');
    const en = await officer.request('POST', '/api/cases', { title: 'x'.repeat(301) }, { 'accept-language': 'en-GB' });
    expect(en.status).toBe(400);
    expect(fieldError(en, 'title')).toBe('Title can have at most 300 characters');
  });

  it("a service's error and a log-in refused, in English and nynorsk", async () => {
    const missing = await officer.request('GET', `/api/cases/${crypto.randomUUID()}`, undefined, { 'accept-language': 'en' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Could not find the case');
    const wrong = await anonymous(t.url).request(
      'POST',
      '/api/auth/login',
      { email: 'ingen@solvik.kommune.test', password: 'feil passord her' },
      { 'accept-language': 'nn' },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Feil e-postadresse eller passord');
    const invalid = await anonymous(t.url).request(
      'POST',
      '/api/auth/login',
      { email: 'ikke en adresse', password: 'x' },
      { 'accept-language': 'en' },
    );
    expect(fieldError(invalid, 'email')).toBe('Enter a valid e-mail address');
  });

  it('PATCH /api/auth/me changes only the language, on the version read; the answers follow it', async () => {
    const before = (await officer.request('GET', '/api/auth/me')).body;
    expect(before.language).toBeNull();
    const res = await officer.request('PATCH', '/api/auth/me', { version: before.version, language: 'nn' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.language).toBe('nn');
    expect(res.body.version).toBe(before.version + 1);
    const { language: _l, version: _v, ...rest } = res.body;
    const { language: _bl, version: _bv, ...restBefore } = before;
    expect(rest).toEqual(restBefore);

    // Without Accept-Language the person's own language is used.
    const nn = await officer.request('POST', '/api/cases', { title: '' });
    expect(fieldError(nn, 'title')).toBe('Tittel må fyllast ut');
    // What the request asks for wins (the web app sends the language on screen).
    const en = await officer.request('POST', '/api/cases', { title: '' }, { 'accept-language': 'en' });
    expect(fieldError(en, 'title')).toBe('Title is required');

    const stale = await officer.request('PATCH', '/api/auth/me', { version: before.version, language: 'en' });
    expect(stale.status).toBe(409);
    expect(stale.body.current.language).toBe('nn');
    const unknown = await officer.request('PATCH', '/api/auth/me', { version: res.body.version, name: 'Et annet navn' });
    expect(unknown.status).toBe(400);
    expect(fieldError(unknown, 'name')).toBe('Feltet finst ikkje eller kan ikkje endrast her');
    const bad = await officer.request('PATCH', '/api/auth/me', { version: res.body.version, language: 'sv' }, { 'accept-language': 'en' });
    expect(bad.status).toBe(400);
    expect(fieldError(bad, 'language')).toBe('Choose bokmål, nynorsk or English');
    expect((await officer.request('GET', '/api/auth/me')).body).toMatchObject({
      language: 'nn',
      name: before.name,
      version: before.version + 1,
    });

    const back = await officer.request('PATCH', '/api/auth/me', { version: res.body.version, language: null });
    expect(back.status).toBe(200);
    expect(back.body.language).toBeNull();
  });

  it("the municipality's målform: chosen by its administrator only, the default of its people, not of another municipality", async () => {
    const refused = await officer.request('PUT', '/api/municipality/language-form', { languageForm: 'nn' });
    expect(refused.status).toBe(403);
    const badForm = await admin.request('PUT', '/api/municipality/language-form', { languageForm: 'en' });
    expect(badForm.status).toBe(400);
    expect(fieldError(badForm, 'languageForm')).toBe('Velg bokmål eller nynorsk');

    const set = await admin.request('PUT', '/api/municipality/language-form', { languageForm: 'nn' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ name: 'Solvik kommune', languageForm: 'nn' });
    expect((await officer.request('GET', '/api/municipality')).body.languageForm).toBe('nn');
    const me = (await officer.request('GET', '/api/auth/me')).body;
    expect(me.municipality.languageForm).toBe('nn');
    expect(me.language).toBeNull();
    // A person who follows the målform gets its messages.
    expect(fieldError(await officer.request('POST', '/api/cases', { title: '' }), 'title')).toBe('Tittel må fyllast ut');
    // Another municipality keeps its own.
    expect((await otherAdmin.request('GET', '/api/municipality')).body.languageForm).toBe('nb');
    expect(fieldError(await otherAdmin.request('POST', '/api/cases', { title: '' }), 'title')).toBe('Tittel må fylles ut');
    // The change is audited.
    const audit = await t.db.query(
      `SELECT changes FROM audit_event WHERE entity_type = 'municipality' AND entity_id = (SELECT municipality_id FROM app_user WHERE id = $1) ORDER BY id DESC LIMIT 1`,
      [admin.userId],
    );
    expect(JSON.stringify(audit[0]?.changes)).toContain('nn');
    // Innsyn tells the public the målform (its pages are in it for a visitor without a language of their own).
    const anon = anonymous(t.url);
    const publicList = (await anon.request('GET', '/api/public/municipalities')).body.municipalities as {
      slug: string;
      languageForm: string;
    }[];
    expect(publicList.find((m) => m.slug === 'solvik-kommune')?.languageForm).toBe('nn');
    expect(publicList.filter((m) => m.slug !== 'solvik-kommune').map((m) => m.languageForm)).not.toContain('nn');
    expect((await anon.request('GET', '/api/public/solvik-kommune/cases')).body.municipality.languageForm).toBe('nn');

    await admin.request('PUT', '/api/municipality/language-form', { languageForm: 'nb' });
    expect(fieldError(await officer.request('POST', '/api/cases', { title: '' }), 'title')).toBe('Tittel må fylles ut');
  });
});
