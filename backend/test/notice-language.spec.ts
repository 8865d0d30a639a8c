import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobPayload } from '../src/platform/queue/jobs.js';
import { MailService } from '../src/modules/mail/mail.service.js';
import { remindRound } from '../src/modules/input-rounds/round-jobs.service.js';
import { deliverNotice, renderNotice } from '../src/modules/notifications/notifications.service.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

/** Notices and e-mail in the recipient's language: their own choice, else their municipality's målform, else bokmål. */
describe('notices and e-mail in each person’s language', () => {
  let t: TestApp;
  let officer: Client;
  let udf: Client;
  let fau: Client;
  let otherAdmin: Client;
  let mail: MailService;
  let bodies: Record<string, string>;

  /** A person's own language (null: follow the målform). */
  const chooseLanguage = async (c: Client, language: 'nb' | 'nn' | 'en' | null) => {
    const me = (await c.request('GET', '/api/auth/me')).body;
    if (me.language === language) return;
    const res = await c.request('PATCH', '/api/auth/me', { version: me.version, language });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    udf = await login(t.url, DEMO.udf);
    fau = await login(t.url, DEMO.fau);
    otherAdmin = await login(t.url, DEMO.otherAdmin);
    mail = new MailService(t.config, t.db);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
  });
  afterAll(async () => {
    // Other spec files share the demo data: everyone follows the målform again, and the målform is bokmål.
    for (const c of [udf, fau, otherAdmin]) await chooseLanguage(c, null);
    await otherAdmin.request('PUT', '/api/municipality/language-form', { languageForm: 'nb' });
    await t.close();
  });

  const mailsAbout = async (email: string, about: string): Promise<{ subject: string; text: string }[]> =>
    t.db.query(`SELECT subject, text FROM caught_mail WHERE "to" = $1 AND text LIKE $2 ORDER BY id`, [email, `%${about}%`]);

  /** The `notify` jobs queued for a key's notice, as the worker gets them. */
  const queued = async (keyPrefix: string): Promise<JobPayload<'notify'>[]> =>
    (await t.db.query(`SELECT payload FROM outbox WHERE job = 'notify' AND payload->>'key' LIKE $1 ORDER BY id`, [`${keyPrefix}%`])).map(
      (r: { payload: JobPayload<'notify'> }) => r.payload,
    );

  let roundId = '';

  it('a receipt to a person who chose nynorsk arrives in nynorsk; a reminder to one who chose English in English', async () => {
    await chooseLanguage(udf, 'nn');
    await chooseLanguage(fau, 'en');
    const mandateId = (await officer.request('GET', '/api/mandates')).body.mandates[0].id;
    const item = (await officer.request('GET', `/api/mandates/${mandateId}`)).body.items[0];
    const closesAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const round = await officer.request('POST', '/api/rounds', {
      mandateItemId: item.id,
      title: 'Språkrunden',
      questions: 'Kva meiner de?',
      closesAt,
      latePolicy: 'refuse',
      invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg'], bodies['Utdanningsforbundet Solvik']],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    roundId = round.body.id;

    // The receipt: queued by the submission, delivered by the worker's notify job.
    const sent = await udf.request('POST', `/api/rounds/${roundId}/submissions`, {
      text: `Svar frå Utdanningsforbundet om ${roundId}`,
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const [receipt] = await queued(`receipt:${sent.body.id}:`);
    expect(receipt).toBeDefined();
    await deliverNotice(t.db, mail, t.config.APP_URL, receipt!);
    const [toUdf] = await mailsAbout(DEMO.udf, sent.body.sha256);
    expect(toUdf!.subject).toBe('Kvittering for innspel');
    expect(toUdf!.text).toMatch(/^Innspelet ditt er motteke \d{1,2}\. \S+ \d{4} kl\. \d{2}:\d{2}\.\nKontrollsum \(SHA-256\): /);
    expect(toUdf!.text).toContain(`Opne i Samråd: ${t.config.APP_URL.replace(/\/$/, '')}/innspill/${roundId}`);
    expect(toUdf!.text).toMatch(/Helsing Samråd$/);

    // The reminder to KFU, which has not answered: its members each in their own language.
    const [{ closes_at }] = await t.db.query(`SELECT closes_at FROM input_round WHERE id = $1`, [roundId]);
    await remindRound(t.db, mail, t.config.APP_URL, { roundId, minutes: 1440, closesAt: (closes_at as Date).toISOString() });
    const [toFau] = await mailsAbout(DEMO.fau, `/innspill/${roundId}`);
    const deadline = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' }).format(closes_at);
    expect(deadline).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}$/);
    expect(toFau!.subject).toBe(`Reminder: deadline for input ${deadline}`);
    expect(toFau!.text).toContain('KFU – kommunalt foreldreutvalg has not answered the consultation round «Språkrunden».');
    expect(toFau!.text).toMatch(/Regards, Samråd$/);
    // The KFU leader chose no language, and Solvik's målform is bokmål.
    const toLeader = await t.db.query(`SELECT subject FROM caught_mail WHERE "to" = 'leder.kfu@solvik.kommune.test' AND text LIKE $1`, [
      `%/innspill/${roundId}%`,
    ]);
    expect(toLeader.map((m: { subject: string }) => m.subject)).toEqual([expect.stringMatching(/^Påminnelse: frist for innspill /)]);
  });

  it('the notice list says each notice in the reader’s language, when they read it', async () => {
    const mine = async (c: Client, headers?: Record<string, string>) =>
      (
        (await c.request('GET', '/api/notifications', undefined, headers)).body.notifications as {
          kind: string;
          title: string;
          body: string;
        }[]
      )
        .filter((n) => n.kind === 'receipt' || n.kind === 'reminder')
        .map((n) => n.title);
    // The person's own language (nynorsk), with no language asked for.
    expect(await mine(udf)).toContain('Kvittering for innspel');
    // The language on screen, as the web app asks for it.
    expect(await mine(udf, { 'accept-language': 'en-GB' })).toContain('Receipt for your input');
    // The same stored notice, read after switching back to bokmål.
    await chooseLanguage(udf, 'nb');
    expect(await mine(udf)).toContain('Kvittering for innspill');
    const fauList = (await fau.request('GET', '/api/notifications')).body.notifications as { kind: string; body: string }[];
    expect(fauList.find((n) => n.kind === 'reminder')!.body).toMatch(/^KFU – kommunalt foreldreutvalg has not answered/);
  });

  it('a person without a language of their own gets the municipality’s målform, in e-mail and invitations', async () => {
    expect((await otherAdmin.request('PUT', '/api/municipality/language-form', { languageForm: 'nn' })).status).toBe(200);
    const [me] = await t.db.query(`SELECT id, municipality_id FROM app_user WHERE id = $1`, [otherAdmin.userId]);
    const to = { municipalityId: me.municipality_id, userIds: [me.id], caseId: null };
    const notice = renderNotice('round_closed', to, { roundId: randomUUID(), roundTitle: 'Nabovik-runden' });
    // The job as queued: through JSON.
    await deliverNotice(t.db, mail, t.config.APP_URL, JSON.parse(JSON.stringify(notice)));
    const [closed] = await mailsAbout(DEMO.otherAdmin, notice.link);
    expect(closed!.subject).toBe('Innspelsrunden er lukka: Nabovik-runden');
    expect(closed!.text).toMatch(/^Fristen er ute\. Innspela kan no handsamast\./);

    // An invited person has no language yet: the invitation is in the målform.
    const email = `nynorsk.${randomUUID().slice(0, 8)}@nabovik.kommune.test`;
    const invited = await otherAdmin.request('POST', '/api/users', { email, name: 'Rektor, Nabovik skule' });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const [invitation] = await t.db.query(`SELECT payload FROM outbox WHERE job = 'mail.send' AND payload->>'to' = $1`, [email]);
    expect(invitation.payload.subject).toBe('Invitasjon til Samråd');
    expect(invitation.payload.text).toMatch(/^Hei Rektor, Nabovik skule,\n\ndu er invitert til Samråd/);
    expect(invitation.payload.text).toContain('Vel passord her (lenkja gjeld i 7 dagar):');
    expect(invitation.payload.text).toMatch(/Helsing Samråd$/);

    // Their own choice wins over the målform.
    await chooseLanguage(otherAdmin, 'en');
    const again = renderNotice('round_closed', to, { roundId: randomUUID(), roundTitle: 'Nabovik-runden' });
    await deliverNotice(t.db, mail, t.config.APP_URL, again);
    const [english] = await mailsAbout(DEMO.otherAdmin, again.link);
    expect(english!.subject).toBe('The consultation round is closed: Nabovik-runden');
  });
});
