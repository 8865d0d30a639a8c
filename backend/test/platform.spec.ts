import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../src/platform/config/config.js';
import { assertEveryJobHasAHandler } from '../src/worker.js';
import { WORKER_JOBS } from '../src/worker.jobs.js';
import { handlersOf } from '../src/platform/queue/handlers.js';
import { OutboxService } from '../src/platform/queue/outbox.service.js';
import { QUEUE_NAME } from '../src/platform/queue/jobs.js';
import { anonymous, DEMO, login, startTestApp, type TestApp } from './harness.js';

describe('configuration', () => {
  it('names every bad variable in Norwegian', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', MAIL_TRANSPORT: 'smtp' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', MAIL_TRANSPORT: 'smtp' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/DATABASE_URL: Må starte med postgres:\/\//);
      expect(message).toMatch(/PORT: Ugyldig input: forventet tall/);
    }
    expect(() => loadConfig({ MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL: SMTP_URL må settes når MAIL_TRANSPORT=smtp/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MAIL_TRANSPORT: MAIL_TRANSPORT=capture .* er bare for utvikling og demo/);
    const key = 'k'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow(
      /OIDC_SECRET_KEY: OIDC_SECRET_KEY \(minst 32 tegn\) må settes i produksjon/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:25', OIDC_SECRET_KEY: key }).MAIL_TRANSPORT,
    ).toBe('smtp');
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: 'smtp://127.0.0.1:25',
        TEST_CLOCK: '1',
        OIDC_SECRET_KEY: key,
      }),
    ).toThrow(/TEST_CLOCK: TEST_CLOCK .* er bare for tester/);
    expect(loadConfig({ NODE_ENV: 'test', TEST_CLOCK: '1' }).TEST_CLOCK).toBe(true);
    expect(loadConfig({}).TEST_CLOCK).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1, alle' })).toThrow(/TRUST_PROXY: TRUST_PROXY må være IP-adresser eller CIDR-områder/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).TRUST_PROXY).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
  });
});

describe('jobs', () => {
  it('every job in the registry has one handler class', () => {
    const instances = WORKER_JOBS.map((job) => Object.create(job.prototype) as unknown);
    expect(() => assertEveryJobHasAHandler(handlersOf(instances))).not.toThrow();
    expect(() => assertEveryJobHasAHandler(handlersOf(instances.slice(1)))).toThrow(/mail.send/);
    expect(() => handlersOf([...instances, instances[0]])).toThrow(/To behandlere/);
  });
});

describe('HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports liveness and readiness with PostgreSQL and Redis checked', async () => {
    const anon = anonymous(t.url);
    expect((await anon.request('GET', '/health/live')).body).toEqual({ status: 'ok' });
    const ready = await anon.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('gives every response a request id and security headers', async () => {
    const res = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'test-123' } });
    expect(res.headers.get('x-request-id')).toBe('test-123');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The same strict policy on every response, errors included: no inline scripts, no framing, no plugins.
    for (const r of [res, await fetch(`${t.url}/api/finnes-ikke`), await fetch(`${t.url}/api/me/tasks`)]) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/style-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });

  it('denies camera, microphone and geolocation on every response, and lets no one store an API answer', async () => {
    const fau = await login(t.url, DEMO.fau);
    const authed = [
      await fau.request('GET', '/api/me/tasks'),
      await fau.request('GET', '/api/auth/me'),
      await fau.request('GET', '/api/finnes-ikke'),
    ];
    const anon = [await fetch(`${t.url}/health/live`), await fetch(`${t.url}/api/me/tasks`), await fetch(`${t.url}/api/openapi.json`)];
    for (const headers of [...authed.map((r) => r.headers), ...anon.map((r) => r.headers)]) {
      const policy = headers.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(policy).toContain(`${feature}=()`);
    }
    expect(authed[0]!.status).toBe(200);
    for (const r of authed) expect(r.headers.get('cache-control')).toBe('no-store');
    expect(anon[1]!.status).toBe(401);
    expect(anon[1]!.headers.get('cache-control')).toBe('no-store');
    // Outside the API (health, the built app's files) no-store is not forced.
    expect(anon[0]!.headers.get('cache-control')).not.toBe('no-store');
  });

  it('answers malformed JSON with a Norwegian 400, and unknown API paths with 404', async () => {
    const res = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Forespørselen kunne ikke leses: ugyldig JSON',
    );
    expect((await anonymous(t.url).request('GET', '/api/finnes-ikke')).status).toBe(404);
  });

  it('shows caught mail at /dev/mail in capture mode', async () => {
    const res = await fetch(`${t.url}/dev/mail`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/Oppfanget e-post/);
  });

  it('has no test clock unless TEST_CLOCK=1', async () => {
    expect((await fetch(`${t.url}/api/test/clock`)).status).toBe(404);
    expect(
      (
        await fetch(`${t.url}/api/test/clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"advanceMs":1000}',
        })
      ).status,
    ).toBe(404);
  });
});

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is generated from the route table and the shared contracts', async () => {
    const doc = (await anonymous(t.url).request('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const createBody = doc.paths['/api/bodies'].post;
    expect(createBody['x-access']).toEqual(['case_officer']);
    expect(createBody.requestBody.content['application/json'].schema.properties.kind.enum).toContain('working_group');
    expect(doc.paths['/api/bodies/{id}'].patch.responses['409']).toBeDefined();
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
    const page = await fetch(`${t.url}/api/docs`);
    expect(await page.text()).toMatch(/<h1>Samråd API<\/h1>/);
  });
});

describe('observability', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: 'a-long-scrape-token-1234' });
  });
  afterAll(() => t.close());

  it('serves Prometheus metrics to operators and the scrape token, and no one else', async () => {
    await fetch(`${t.url}/health/live`);
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    const { login, DEMO } = await import('./harness.js');
    const fau = await login(t.url, DEMO.fau);
    expect((await fau.request('GET', '/metrics')).status).toBe(403);
    const scraped = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer a-long-scrape-token-1234' } });
    const text = await scraped.text();
    expect(scraped.status).toBe(200);
    expect(text).toMatch(/samrad_http_request_duration_seconds_bucket\{.*route="\/health\/live"/);
    expect(text).toMatch(/samrad_outbox_lag_seconds \d/);
    expect(text).toMatch(/samrad_jobs\{state="failed"\} \d/);
    // The start page read again and again: the cache answers (other test files' writes empty it now
    // and then), and the metrics say so.
    for (let i = 0; i < 10; i++) await fau.request('GET', '/api/me/tasks');
    const again = await (await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer a-long-scrape-token-1234' } })).text();
    expect(Number(/samrad_read_cache_reads_total\{result="hit"\} (\d+)/.exec(again)?.[1] ?? 0)).toBeGreaterThanOrEqual(1);
    expect(again).toMatch(/samrad_read_cache_reads_total\{result="miss"\} \d/);
    const admin = await login(t.url, DEMO.admin);
    // A municipality's administrator is not an operator: the metrics cover the whole installation.
    const refused = await admin.request('GET', '/metrics');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/driftsansvarlige/);
    const jobs = await admin.request('GET', '/api/admin/jobs');
    expect(jobs.status).toBe(200);
    expect(jobs.body.counts).toHaveProperty('failed');
    expect((await fau.request('GET', '/api/admin/jobs')).status).toBe(403);
  });
});

describe('installation-wide jobs and metrics are for operators', () => {
  let t: TestApp;
  const prefix = `${process.env.QUEUE_PREFIX ?? 'samrad_test'}_ops${Date.now()}`;
  beforeAll(async () => {
    // A queue of its own, so the counts are this test's; DEMO.officer is no administrator, so listing them proves the rule.
    t = await startTestApp({
      QUEUE_PREFIX: prefix,
      OPERATOR_EMAILS: `someone@elsewhere.test, ${DEMO.admin.toUpperCase()}, ${DEMO.officer}`,
    });
  });
  afterAll(() => t.close());

  it('shows a municipality’s administrator only their municipality’s jobs, and an operator all of them', async () => {
    const operator = await login(t.url, DEMO.admin);
    const other = await login(t.url, DEMO.otherAdmin);
    const officer = await login(t.url, DEMO.officer);
    const ours = (await operator.request('GET', '/api/auth/me')).body.municipality.id as string;
    const theirs = (await other.request('GET', '/api/auth/me')).body.municipality.id as string;
    // A job stamped by the outbox from the row it names (a round of Solvik).
    const [round] = await t.db.query(`SELECT id FROM input_round WHERE municipality_id = $1 LIMIT 1`, [ours]);
    const outbox = t.app.get(OutboxService);
    await t.db.transaction((m) =>
      outbox.enqueue(m, 'round.close', { roundId: round.id, closesAt: '2026-01-01T00:00:00.000Z' }, { dedupKey: `ops-test:${prefix}` }),
    );
    const [row] = await t.db.query(`SELECT payload FROM outbox WHERE dedup_key = $1`, [`ops-test:${prefix}`]);
    expect(row.payload.municipalityId).toBe(ours);
    await t.db.query(`DELETE FROM outbox WHERE dedup_key = $1`, [`ops-test:${prefix}`]);

    // One failed job for each municipality and one for the installation (the daily digest).
    const connection = new Redis(t.config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection, prefix });
    const worker = new Worker(
      QUEUE_NAME,
      async () => {
        throw new Error('feilet med vilje');
      },
      { connection: connection.duplicate(), prefix },
    );
    try {
      await queue.add('allocation.sweep', { sweepId: 'a', municipalityId: ours }, { attempts: 1 });
      await queue.add('allocation.sweep', { sweepId: 'b', municipalityId: theirs }, { attempts: 1 });
      await queue.add('digest.daily', {}, { attempts: 1 });
      await vi.waitFor(async () => expect((await queue.getJobCounts('failed')).failed).toBe(3), { timeout: 10_000, interval: 50 });
    } finally {
      await worker.close();
      await queue.close();
      connection.disconnect();
    }
    const all = await operator.request('GET', '/api/admin/jobs');
    expect(all.body.scope).toBe('installation');
    expect(all.body.counts.failed).toBe(3);
    const own = await other.request('GET', '/api/admin/jobs');
    expect(own.status).toBe(200);
    expect(own.body.scope).toBe('municipality');
    expect(own.body.counts.failed).toBe(1);
    expect(own.body.failed).toHaveLength(1);
    expect(own.body.failed[0]).toMatchObject({ name: 'allocation.sweep', failedReason: 'feilet med vilje' });
    // Metrics: the operator (e-mail matched without regard to case) may read them; an officer listed
    // in OPERATOR_EMAILS is no administrator and may not, nor may another municipality's administrator.
    expect((await operator.request('GET', '/metrics')).status).toBe(200);
    expect((await officer.request('GET', '/metrics')).status).toBe(403);
    expect((await other.request('GET', '/metrics')).status).toBe(403);
  });
});
