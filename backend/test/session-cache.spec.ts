import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSessionCache } from '../src/platform/auth/session-resolver.js';
import { DEMO, login, startTestApp, type TestApp } from './harness.js';

describe('the session cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SESSION_CACHE_MS: '60000' });
  });
  afterAll(async () => {
    configureSessionCache(1000);
    await t.close();
  });

  it('saves the lookup on repeated requests, and forgets at once what this process changes', async () => {
    const fau = await login(t.url, DEMO.fau);
    expect((await fau.request('GET', '/api/me/tasks')).status).toBe(200);
    // Another process deletes the session directly: this process still holds it for the cache's lifetime.
    const [{ n }] = await t.db.query(
      `WITH d AS (DELETE FROM user_session WHERE user_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
      [fau.userId],
    );
    expect(n).toBeGreaterThan(0);
    expect((await fau.request('GET', '/api/me/tasks')).status).toBe(200);

    // A log-out through this process is effective at once, even with a long cache.
    const udf = await login(t.url, DEMO.udf);
    expect((await udf.request('GET', '/api/me/tasks')).status).toBe(200);
    expect((await udf.request('POST', '/api/auth/logout')).status).toBeLessThan(300);
    expect((await udf.request('GET', '/api/me/tasks')).status).toBe(401);
  });

  it('a disabled user is refused at once', async () => {
    const admin = await login(t.url, DEMO.admin);
    const su = await login(t.url, 'su.nordby@solvik.kommune.test');
    expect((await su.request('GET', '/api/me/tasks')).status).toBe(200);
    const users = (await admin.request('GET', '/api/users')).body.users as { id: string; email: string; version: number }[];
    const target = users.find((u) => u.email === 'su.nordby@solvik.kommune.test')!;
    const disabled = await admin.request('PATCH', `/api/users/${target.id}`, { version: target.version, status: 'disabled' });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect((await su.request('GET', '/api/me/tasks')).status).toBe(401);
    await admin.request('PATCH', `/api/users/${target.id}`, { version: disabled.body.version, status: 'active' });
  });
});
