import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
    const job = await queue.add(
      'mail.send',
      { to: 'leder.kfu@solvik.kommune.test', subject: 'Tilbakestill passord', text: 'Hemmelig lenke: https://x/nytt-passord?token=abc' },
      { delay: 3600_000 },
    );
    try {
      const admin = await login(t.url, DEMO.admin);
      const html = await admin.request('GET', '/drift/jobber/');
      expect(html.status).toBe(200);
      expect(String(html.body)).toContain('__UI_CONFIG__');
      expect(String(html.body)).toContain('<html lang="nb"');
      expect(String(html.body)).toContain('Laster jobboversikten');
      expect(String(html.body)).not.toMatch(/fonts\.googleapis|style="|<style/);
      const queues = await admin.request('GET', '/drift/jobber/api/queues?activeQueue=samrad&status=delayed&page=1&jobsPerPage=1000');
      expect(queues.status).toBe(200);
      const text = JSON.stringify(queues.body);
      expect(text).toContain('Tilbakestill passord');
      expect(text).not.toContain('Hemmelig lenke');
      expect(text).toContain('[skjult]');
      const retry = await admin.request('PUT', '/drift/jobber/api/queues/samrad/retry/failed', undefined, {
        origin: 'https://angriper.example',
      });
      expect(retry.status).toBe(403);
      expect(retry.body.message).toBe('Forespørselen kom ikke fra Samråd');
      const appOrigin = new URL(t.config.APP_URL).origin;
      // A look-alike host that begins with Samråd's address is another origin.
      const lookalike = await admin.request('PUT', '/drift/jobber/api/queues/samrad/retry/failed', undefined, {
        origin: `${appOrigin}.angriper.example`,
      });
      expect(lookalike.status).toBe(403);
      const viaReferer = await admin.request('PUT', '/drift/jobber/api/queues/samrad/retry/failed', undefined, {
        referer: `${appOrigin}.angriper.example/drift/jobber/`,
      });
      expect(viaReferer.status).toBe(403);
      const sameOrigin = await admin.request('PUT', '/drift/jobber/api/queues/samrad/retry/failed', undefined, { origin: appOrigin });
      expect(sameOrigin.status).toBe(200);
    } finally {
      await job.remove();
    }
  });

  it('answers the board’s texts in bokmål, every text bull-board has, and only to operators', async () => {
    const path = '/drift/jobber/static/locales/da-DK/messages.json';
    expect((await fetch(`${t.url}${path}`, { redirect: 'manual' })).status).toBe(303);
    expect((await (await login(t.url, DEMO.officer)).request('GET', path)).status).toBe(403);
    const served = await (await login(t.url, DEMO.admin)).request('GET', path);
    expect(served.status).toBe(200);
    expect(served.body.QUEUE.STATUS.COMPLETED).toBe('Fullført');
    const flat = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));
    // The texts of the installed bull-board: an upgrade that adds or renames one fails here until it is translated.
    const ui = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('@bull-board/ui/package.json'));
    const english = JSON.parse(readFileSync(join(ui, 'dist/static/locales/en-US/messages.json'), 'utf8'));
    expect(flat(served.body).sort()).toEqual(flat(english).sort());
  });
});
