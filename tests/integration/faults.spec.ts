import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDatabase, ensureServices } from '../../infra/src/services.js';
import { freePort, runToEnd, startProcess, stopProcess, waitForHttp } from '../support/app-process.js';

/** PostgreSQL restarted while the API runs: clean 503s during the outage, recovery without a restart. */
describe('PostgreSQL restarted under a running API', () => {
  it('answers 503 with nothing half-written, reports it at /health/ready, and recovers', async () => {
    const [pgPort, apiPort] = [await freePort(), await freePort()];
    const dataDir = join(tmpdir(), `samrad-fault-pg-${pgPort}-${Date.now()}`);
    const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/samrad`;
    let pgServices = await ensureServices({
      root: process.cwd(),
      databaseUrl,
      redisUrl: process.env.REDIS_URL,
      dataDir,
      log: () => undefined,
    });
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL!,
      PORT: String(apiPort),
      LOG_LEVEL: 'fatal',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_fault`,
    };
    await ensureDatabase(databaseUrl);
    const seeded = await runToEnd(startProcess('cli', env, ['migrate', 'seed']));
    expect(seeded.code, seeded.output).toBe(0);
    const api = startProcess('main', env);
    const url = `http://127.0.0.1:${apiPort}`;
    try {
      await waitForHttp(`${url}/health/ready`);
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'saksbehandler@solvik.kommune.test', password: 'Samrad-demo-2026' }),
      });
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const me = (await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
      const headers = { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
      expect((await fetch(`${url}/api/bodies`, { headers })).status).toBe(200);

      await pgServices.stop();
      const down = await fetch(`${url}/api/bodies`, { headers });
      expect(down.status).toBe(503);
      expect(((await down.json()) as { message: string }).message).toMatch(/midlertidig utilgjengelig/);
      const write = await fetch(`${url}/api/bodies`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'reference_group', name: 'Under utfall' }),
      });
      expect(write.status).toBe(503);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ checks: { postgres: 'unavailable', redis: 'ok' } });

      pgServices = await ensureServices({
        root: process.cwd(),
        databaseUrl,
        redisUrl: process.env.REDIS_URL,
        dataDir,
        log: () => undefined,
      });
      expect((await waitForHttp(`${url}/health/ready`)).status).toBe(200);
      const bodies = (await (await fetch(`${url}/api/bodies`, { headers })).json()) as { bodies: { name: string }[] };
      expect(bodies.bodies.some((b) => b.name === 'Under utfall')).toBe(false);
      expect(
        (
          await fetch(`${url}/api/bodies`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ kind: 'reference_group', name: 'Etter utfall' }),
          })
        ).status,
      ).toBe(201);
    } finally {
      await stopProcess(api);
      await pgServices.stop();
    }
    // Two PostgreSQL starts, migrations, demo data and an API: minutes on a loaded machine. Every step
    // above waits for readiness (generous limits), so only a real failure ends it early.
  }, 600_000);
});
