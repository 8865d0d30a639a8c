import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../infra/src/services.js';
import { ROOT, freePort, runToEnd, startProcess, stopProcess, waitForHttp, waitUntil } from '../support/app-process.js';

const withName = (url: string, suffix: string) => {
  const u = new URL(url);
  u.pathname = `${u.pathname}_${suffix}`;
  return u.toString();
};

async function query<T>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The migrations this build has (one file each, besides the index). */
const MIGRATION_COUNT = readdirSync(join(ROOT, 'backend', 'src', 'platform', 'database', 'migrations')).filter(
  (f) => f.endsWith('.ts') && f !== 'index.ts',
).length;

/** Migrations are their own step (`npm run migrate`, the image's migrate command, the Kubernetes Job). */
describe('migrations as their own step', () => {
  const base = process.env.DATABASE_URL!;
  const behind = withName(base, 'mig_behind');
  const empty = withName(base, 'mig_race');
  const env = (databaseUrl: string) => ({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_mig`,
    PORT: '0',
  });
  afterAll(async () => {
    await dropDatabase(behind).catch(() => undefined);
    await dropDatabase(empty).catch(() => undefined);
  });

  it('the API and the worker refuse to start against a database one migration behind, naming it', async () => {
    await dropDatabase(behind);
    await ensureDatabase(behind);
    const migrated = await runToEnd(startProcess('cli', env(behind), ['migrate']));
    expect(migrated.code, migrated.output).toBe(0);
    const [last] = await query<{ name: string }>(
      behind,
      `DELETE FROM schema_migrations WHERE id = (SELECT max(id) FROM schema_migrations) RETURNING name`,
    );
    const [api, worker] = await Promise.all([runToEnd(startProcess('main', env(behind))), runToEnd(startProcess('worker', env(behind)))]);
    expect(api.code, api.output).toBe(1);
    expect(api.output).toContain(`API-et starter ikke: databasen mangler 1 migrering(er) (${last!.name})`);
    expect(api.output).toContain(`The API will not start: the database is 1 migration(s) behind (${last!.name})`);
    expect(api.output).toContain('npm run migrate');
    expect(worker.code, worker.output).toBe(1);
    expect(worker.output).toContain(`Arbeideren starter ikke: databasen mangler 1 migrering(er) (${last!.name})`);
    expect(worker.output).toContain('The worker will not start');
    // Neither migrated on its own.
    const [count] = await query<{ n: number }>(behind, `SELECT count(*)::int AS n FROM schema_migrations`);
    expect(count?.n).toBe(MIGRATION_COUNT - 1);
  });

  it('an empty database refuses too (nothing is created by the check)', async () => {
    await dropDatabase(empty);
    await ensureDatabase(empty);
    const api = await runToEnd(startProcess('main', env(empty)));
    expect(api.code, api.output).toBe(1);
    expect(api.output).toContain(`databasen mangler ${MIGRATION_COUNT} migrering(er)`);
    const [table] = await query<{ t: string | null }>(empty, `SELECT to_regclass('schema_migrations')::text AS t`);
    expect(table).toEqual({ t: null });
  });

  it('wait-migrations (the init container) waits for someone else to migrate, and never migrates itself', async () => {
    await dropDatabase(empty);
    await ensureDatabase(empty);
    const waiter = startProcess('cli', env(empty), ['wait-migrations']);
    const waited = runToEnd(waiter);
    let output = '';
    waiter.stdout?.on('data', (c) => (output += c));
    await waitUntil(() => output.includes(`Venter på ${MIGRATION_COUNT} migrering(er)`), 'wait-migrations says what it waits for');
    expect(waiter.exitCode).toBeNull();
    const migrated = await runToEnd(startProcess('cli', env(empty), ['migrate']));
    expect(migrated.output).toContain(`Kjørte ${MIGRATION_COUNT} migrering(er)`);
    const done = await waited;
    expect(done.code, done.output).toBe(0);
    expect(done.output).toContain('Databasen er oppdatert.');
  });

  it('two migrate runs started at once both succeed, and every migration ran once', async () => {
    await dropDatabase(empty);
    await ensureDatabase(empty);
    const runs = await Promise.all([
      runToEnd(startProcess('cli', env(empty), ['migrate'])),
      runToEnd(startProcess('cli', env(empty), ['migrate'])),
    ]);
    for (const run of runs) expect(run.code, run.output).toBe(0);
    // One of them applied them all; the other (whether it waited for the lock or came after) found nothing to do.
    const outputs = runs.map((r) => r.output);
    expect(outputs.filter((o) => o.includes(`Kjørte ${MIGRATION_COUNT} migrering(er)`))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('Databasen er oppdatert.'))).toHaveLength(1);
    const rows = await query<{ n: number; names: number }>(
      empty,
      `SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM schema_migrations`,
    );
    expect(rows[0]).toEqual({ n: MIGRATION_COUNT, names: MIGRATION_COUNT });
  });

  it('once migrated, the worker starts and answers its probes on WORKER_HEALTH_PORT', async () => {
    const port = await freePort();
    const worker = startProcess('worker', { ...env(empty), WORKER_HEALTH_PORT: String(port) });
    try {
      const ready = await waitForHttp(`http://127.0.0.1:${port}/health/ready`);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(live.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    } finally {
      await stopProcess(worker);
    }
    expect(worker.exitCode).toBe(0);
  });
});
