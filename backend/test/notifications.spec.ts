import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailService } from '../src/modules/mail/mail.service.js';
import { buildDigest, sendDailyDigests } from '../src/modules/notifications/digest.js';
import { deliverNotice } from '../src/modules/notifications/notifications.service.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

describe('notification settings and the daily digest', () => {
  let t: TestApp;
  let fau: Client;
  let officer: Client;
  let mail: MailService;

  beforeAll(async () => {
    t = await startTestApp();
    fau = await login(t.url, DEMO.fau);
    officer = await login(t.url, DEMO.officer);
    mail = new MailService(t.config, t.db);
  });
  afterAll(async () => {
    // Other spec files share the demo data: give the FAU leader the defaults back.
    await fau.request('PUT', '/api/me/notification-settings', { emailNotifications: true, digest: 'off' });
    await t.close();
  });

  const mailsTo = async (email: string, subject: string): Promise<{ subject: string; text: string }[]> =>
    t.db.query(`SELECT subject, text FROM caught_mail WHERE "to" = $1 AND subject LIKE $2 ORDER BY id`, [email, subject]);

  it('each person reads and changes their own settings; bad values get a Norwegian field error', async () => {
    expect((await fau.request('GET', '/api/me/notification-settings')).body).toEqual({ emailNotifications: true, digest: 'off' });
    const bad = await fau.request('PUT', '/api/me/notification-settings', { emailNotifications: 'ja', digest: 'weekly' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: 'emailNotifications', message: 'Velg om du vil ha e-post for hvert varsel' },
      { path: 'digest', message: 'Velg om du vil ha daglig oppsummering' },
    ]);
    const set = await fau.request('PUT', '/api/me/notification-settings', { emailNotifications: false, digest: 'daily' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await fau.request('GET', '/api/me/notification-settings')).body).toEqual({ emailNotifications: false, digest: 'daily' });
    // The officer's settings are untouched: the endpoint only ever changes the caller's own.
    expect((await officer.request('GET', '/api/me/notification-settings')).body).toEqual({ emailNotifications: true, digest: 'off' });
    const [audit] = await t.db.query(`SELECT changes FROM audit_event WHERE entity_type = 'notification_settings' AND entity_id = $1`, [
      fau.userId,
    ]);
    expect(audit.changes.digest).toEqual({ before: 'off', after: 'daily' });
  });

  it('without e-mail per notice, notices land in the app only; receipts and reminders are still e-mailed', async () => {
    const notice = {
      municipalityId: (await t.db.query(`SELECT municipality_id FROM app_user WHERE id = $1`, [fau.userId]))[0].municipality_id,
      userIds: [fau.userId],
      link: '/',
      caseId: null,
    };
    await deliverNotice(t.db, mail, t.config.APP_URL, {
      ...notice,
      kind: 'comment',
      title: 'Varsel uten e-post',
      body: 'Ny merknad',
      key: 'settings-test-1',
    });
    await deliverNotice(t.db, mail, t.config.APP_URL, {
      ...notice,
      kind: 'receipt',
      title: 'Kvittering med e-post',
      body: 'Mottatt',
      key: 'settings-test-2',
    });
    const inApp = await fau.request('GET', '/api/notifications');
    expect(inApp.body.notifications.map((n: { title: string }) => n.title)).toEqual(
      expect.arrayContaining(['Varsel uten e-post', 'Kvittering med e-post']),
    );
    expect(await mailsTo(DEMO.fau, 'Varsel uten e-post')).toHaveLength(0);
    expect(await mailsTo(DEMO.fau, 'Kvittering med e-post')).toHaveLength(1);
  });

  it('the digest lists deadlines first, then the day’s news grouped by case; sent once a day, only to those who asked', async () => {
    const kfu = (await t.db.query(`SELECT id, name, municipality_id FROM app_user WHERE email = 'leder.kfu@solvik.kommune.test'`))[0];
    const [kase] = await t.db.query(
      `SELECT id, archive_year || '/' || archive_seq AS number, title FROM case_file WHERE municipality_id = $1 AND access = 'public' ORDER BY archive_seq LIMIT 1`,
      [kfu.municipality_id],
    );
    await deliverNotice(t.db, mail, t.config.APP_URL, {
      municipalityId: kfu.municipality_id,
      userIds: [kfu.id],
      kind: 'comment',
      title: 'Ny merknad i saken',
      body: 'Hovedtillitsvalgt har kommentert forslaget.',
      link: `/saker/${kase.id}`,
      caseId: kase.id,
      key: 'digest-test-1',
    });
    // The KFU leader chose the digest and no e-mail per notice (demo data).
    expect(await mailsTo('leder.kfu@solvik.kommune.test', 'Ny merknad i saken')).toHaveLength(0);

    const now = new Date();
    const digest = await buildDigest(t.db, kfu, t.config.APP_URL, now);
    expect(digest).not.toBeNull();
    expect(digest!.deadlines).toBeGreaterThan(0); // the demo's open round, which KFU has not answered
    const text = digest!.text;
    expect(text.indexOf('FRISTER')).toBeGreaterThan(-1);
    expect(text.indexOf('FRISTER')).toBeLessThan(text.indexOf('NYTT I SAKENE DINE'));
    expect(text).toContain(`Sak ${kase.number} ${kase.title}\n• Ny merknad i saken: Hovedtillitsvalgt har kommentert forslaget.`);
    expect(text).toMatch(/KFU – kommunalt foreldreutvalg har ikke svart/);

    const before = (await mailsTo('leder.kfu@solvik.kommune.test', 'Samråd: dagens oversikt%')).length;
    await sendDailyDigests(t.db, mail, t.config.APP_URL, now);
    await sendDailyDigests(t.db, mail, t.config.APP_URL, now); // a retried or duplicated job
    const digests = await mailsTo('leder.kfu@solvik.kommune.test', 'Samråd: dagens oversikt%');
    expect(digests.length - before).toBe(1);
    expect(digests.at(-1)!.text).toBe(text);
    // The officer has not asked for a digest.
    expect(await mailsTo(DEMO.officer, 'Samråd: dagens oversikt%')).toHaveLength(0);
  });

  it('the worker schedules the digest for 07:00 Oslo time, once however many workers start', async () => {
    const { startWorker } = await import('../src/worker.js');
    const a = await startWorker(t.config, pino({ level: 'silent' }), { relayIntervalMs: 1000 });
    const b = await startWorker(t.config, pino({ level: 'silent' }), { relayIntervalMs: 1000 });
    try {
      await expect.poll(async () => (await a.queue.getJobSchedulers()).length, { timeout: 5000 }).toBe(1);
      const scheduler = await a.queue.getJobScheduler('digest.daily');
      expect(scheduler).toMatchObject({ pattern: '0 7 * * *', tz: 'Europe/Oslo' });
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
