import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, anonymous, login, startTestApp, type Client, type TestApp } from './harness.js';
import { pdfText } from './pdf-text.js';

/**
 * Personal data (#21): «Mine data» gives a person what Samråd holds about them (JSON and PDF/A), and nothing of
 * anyone else's; an administrator anonymises a person who has left: a label after their role instead of their name,
 * no e-mail, no way in, their input kept under the label, the audit trail keeping the event with their id.
 */
describe('personal data and anonymisation', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let publicCaseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t.url, DEMO.admin);
    officer = await login(t.url, DEMO.officer);
    // A case of this spec's own, so the input given here changes no demo case that other spec files count.
    const created = await officer.request('POST', '/api/cases', { title: 'Skolebytte ved Nordby skole (Mine data)' });
    expect(created.status).toBe(201);
    publicCaseId = created.body.id;
    expect((await officer.request('POST', `/api/cases/${publicCaseId}/moves`, { to: 'in_preparation' })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('a person downloads their own data as JSON: profile, input with versions, memberships, sessions; nothing of others', async () => {
    const fau = await login(t.url, DEMO.fau);
    const udf = await login(t.url, DEMO.udf);
    const mine = `Mitt innspill ${randomUUID()}`;
    const theirs = `Andres innspill ${randomUUID()}`;
    expect(
      (await fau.request('POST', '/api/inputs', { caseId: publicCaseId, text: mine, bodyId: null, idempotencyKey: randomUUID() })).status,
    ).toBe(201);
    expect(
      (await udf.request('POST', '/api/inputs', { caseId: publicCaseId, text: theirs, bodyId: null, idempotencyKey: randomUUID() })).status,
    ).toBe(201);

    const res = await fau.request('GET', '/api/me/personal-data');
    expect(res.status).toBe(200);
    expect(res.body.profile.email).toBe(DEMO.fau);
    expect(res.body.profile.id).toBe(fau.userId);
    const texts = res.body.submissions.flatMap((s: { versions: { text: string }[] }) => s.versions.map((v) => v.text));
    expect(texts).toContain(mine);
    expect(res.body.memberships.length).toBeGreaterThan(0);
    expect(res.body.sessions.some((s: { current: boolean }) => s.current)).toBe(true);
    expect(res.body.logins.length).toBeGreaterThan(0);
    const all = JSON.stringify(res.body);
    expect(all).not.toContain(theirs);
    for (const other of [DEMO.udf, DEMO.admin, DEMO.officer, DEMO.chair]) expect(all).not.toContain(other);
    // No way to ask for someone else's: the route has no id, and a query changes nothing.
    const sneaky = await fau.request('GET', `/api/me/personal-data?userId=${udf.userId}`);
    expect(sneaky.body.profile.id).toBe(fau.userId);
    expect((await anonymous(t.url).request('GET', '/api/me/personal-data')).status).toBe(401);
    expect((await anonymous(t.url).request('GET', '/api/me/personal-data.pdf')).status).toBe(401);
  });

  it('and as a PDF/A whose text holds the same', async () => {
    const fau = await login(t.url, DEMO.fau);
    const res = await fau.request('GET', '/api/me/personal-data.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mine-data-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''mine-data-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const bytes = res.body as Buffer;
    expect(bytes.toString('latin1')).toContain('pdfaid:part');
    const { text, info } = await pdfText(bytes);
    expect(info.Title).toMatch(/^Mine data i Samråd – /);
    expect(text).toContain('Mine data i Samråd');
    expect(text).toContain(DEMO.fau);
    expect(text).toContain('Innspill');
    expect(text).toContain('Mitt innspill');
    expect(text).toContain('Medlemskap i organer');
    expect(text).toContain('Organ: ');
    expect(text).not.toContain('Andres innspill');
    expect(text).not.toContain(DEMO.udf);
  });

  /** A new person of the FAU with a password, a membership, a calendar feed and an input on a case. */
  async function leaver() {
    const email = `forelder.${randomUUID().slice(0, 8)}@solvik.kommune.test`;
    const invited = await admin.request('POST', '/api/users', { email, name: 'Forelder som slutter', title: 'FAU-representant' });
    expect(invited.status).toBe(201);
    // The invitation's link is e-mailed; here the person gets the demo password as if they had followed it.
    await t.db.query(
      `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE email = $2), status = 'active' WHERE id = $1`,
      [invited.body.id, DEMO.fau],
    );
    // A body of this spec's own (no demo body's members change).
    const kfu = (
      await officer.request('POST', '/api/bodies', { kind: 'reference_group', name: `Foreldregruppe ${randomUUID().slice(0, 8)}` })
    ).body;
    const member = await officer.request('POST', `/api/bodies/${kfu.id}/members`, {
      userId: invited.body.id,
      role: 'member',
      capacity: 'parent_representative',
      validFrom: '2026-01-01',
    });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    const person = await login(t.url, email);
    const text = `Innspill fra en som slutter ${randomUUID()}`;
    const input = await person.request('POST', '/api/inputs', { caseId: publicCaseId, text, bodyId: null, idempotencyKey: randomUUID() });
    expect(input.status, JSON.stringify(input.body)).toBe(201);
    const feed = await person.request('POST', '/api/calendar-tokens');
    expect(feed.status).toBe(201);
    return { id: invited.body.id as string, email, person, text, feedUrl: feed.body.url as string };
  }

  it('an administrator anonymises a person who has left: a label after their role, no way in, their input kept', async () => {
    const p = await leaver();
    const res = await admin.request('POST', `/api/users/${p.id}/anonymise`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: p.id, name: 'Tidligere medlem (FAU)', status: 'disabled', anonymised: true, isAdmin: false });
    expect(res.body.email).not.toBe(p.email);
    expect(res.body.email).toMatch(/\.invalid$/);

    // No way in: the session has ended, the password is gone, the calendar feed is closed.
    expect((await p.person.request('GET', '/api/auth/me')).status).toBe(401);
    const again = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: p.email, password: 'Samrad-demo-2026' }),
    });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect((await fetch(new URL(new URL(p.feedUrl).pathname, t.url))).status).toBe(404);
    const [row] = await t.db.query(`SELECT email, password_hash, anonymised_at FROM app_user WHERE id = $1`, [p.id]);
    expect(row.password_hash).toBeNull();
    expect(row.anonymised_at).not.toBeNull();
    expect(await t.db.query(`SELECT 1 FROM user_session WHERE user_id = $1`, [p.id])).toEqual([]);

    // The input stays, shown under the label.
    const summary = await officer.request('GET', `/api/cases/${publicCaseId}/input-summary`);
    const kept = (summary.body.items as { text: string; author: { id: string; name: string } }[]).find((i) => i.text === p.text)!;
    expect(kept.author).toMatchObject({ id: p.id, name: 'Tidligere medlem (FAU)' });
    expect(JSON.stringify(summary.body)).not.toContain(p.email);

    // The trail keeps the event with the person's id, without their old name or address.
    const events: { action: string; changes: unknown }[] = await t.db.query(
      `SELECT action, changes FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [p.id],
    );
    expect(events[0]).toEqual({ action: 'update', changes: { anonymised: { before: false, after: true } } });

    const twice = await admin.request('POST', `/api/users/${p.id}/anonymise`);
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: 'id', message: 'Brukeren er allerede anonymisert' }]);
  });

  it('is refused for oneself, for another municipality’s person, and for anyone but an administrator', async () => {
    const self = await admin.request('POST', `/api/users/${admin.userId}/anonymise`);
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([{ path: 'id', message: 'Du kan ikke anonymisere deg selv' }]);
    const p = await leaver();
    expect((await officer.request('POST', `/api/users/${p.id}/anonymise`)).status).toBe(403);
    expect((await p.person.request('POST', `/api/users/${p.id}/anonymise`)).status).toBe(403);
    const other = await login(t.url, DEMO.otherAdmin);
    expect((await other.request('POST', `/api/users/${p.id}/anonymise`)).status).toBe(404);
    expect((await p.person.request('GET', '/api/auth/me')).status).toBe(200);
  });
});
