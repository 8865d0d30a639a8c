import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpsService } from '../src/modules/ops/ops.service.js';
import { DEMO, login, startTestApp, type TestApp } from './harness.js';

describe('the job board (bull-board) for the installation’s operators', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ OPERATOR_EMAILS: DEMO.admin });
  });
  afterAll(() => t.close());

  it('sends visitors to log in, and refuses officers and other administrators', async () => {
    const anon = await fetch(`${t.url}/drift/jobber/`, { redirect: 'manual' });
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe('/logg-inn?neste=%2Fdrift%2Fjobber%2F');
    const officer = await login(t.url, DEMO.officer);
    const refused = await officer.request('GET', '/drift/jobber/');
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('bare for driftsansvarlige');
    // An administrator of another municipality is not an operator of the installation.
    expect((await (await login(t.url, DEMO.otherAdmin)).request('GET', '/drift/jobber/api/queues')).status).toBe(403);
    expect((await fetch(`${t.url}/drift/jobber/api/queues`, { redirect: 'manual' })).status).toBe(303);
  });

  it('shows an operator the queue with job texts redacted; a retry from another origin is refused', async () => {
    const queue = t.app.get(OpsService).jobQueue();
    const job = await queue.add('mail.send', { to: 'leder.kfu@solvik.kommune.test', subject: 'Tilbakestill passord', text: 'Hemmelig lenke: https://x/nytt-passord?token=abc' }, { delay: 3600_000 });
    try {
      const admin = await login(t.url, DEMO.admin);
      const html = await admin.request('GET', '/drift/jobber/');
      expect(html.status).toBe(200);
      expect(String(html.body)).toContain('__UI_CONFIG__');
      const queues = await admin.request('GET', '/drift/jobber/api/queues?activeQueue=samrad&status=delayed&page=1');
      expect(queues.status).toBe(200);
      const text = JSON.stringify(queues.body);
      expect(text).toContain('Tilbakestill passord');
      expect(text).not.toContain('Hemmelig lenke');
      expect(text).toContain('[skjult]');
      const retry = await admin.request('PUT', '/drift/jobber/api/queues/samrad/retry/failed', undefined, { origin: 'https://angriper.example' });
      expect(retry.status).toBe(403);
      expect(retry.body.message).toBe('Forespørselen kom ikke fra Samråd');
    } finally {
      await job.remove();
    }
  });
});
