import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase } from '../../infra/src/services.js';
import { ROOT, freePort, runToEnd, startProcess, stopProcess, waitForHttp } from './app-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The app's database, for a journey that runs an operator command against it (`npm run municipality`). */
    databaseUrl: string;
  }
}

/**
 * Starts Samråd as `npm start` runs it — the built API serving the built UI, and the worker — on a
 * free port against a fresh database of its own, with the run's Redis.
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base?.includes('_test')) throw new Error('DATABASE_URL must name a test database (run with `npm test`)');
  const url = new URL(base);
  url.pathname = `${url.pathname}_e2e`;
  const databaseUrl = url.toString();
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    WEB_DIST: join(ROOT, 'frontend', 'dist'),
    MAIL_TRANSPORT: 'capture',
    OPERATOR_EMAILS: 'admin@solvik.kommune.test',
    NODE_ENV: 'test',
    // Deadlines by a clock the journeys move forward (POST /api/test/clock) instead of waiting.
    TEST_CLOCK: '1',
    // Every JSON answer is parsed with its response contract; one that breaks it is a 500 (and logged).
    CONTRACT_CHECK: '1',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'samrad_test'}_e2e`,
  };
  const migrate = await runToEnd(startProcess('cli', env, ['migrate', 'seed']));
  if (migrate.code !== 0) throw new Error(`migrate/seed failed:\n${migrate.output}`);
  const children: ChildProcess[] = [startProcess('main', env), startProcess('worker', env)];
  for (const c of children) c.stderr?.on('data', (d) => process.stderr.write(d));
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`);
  } catch (error) {
    for (const c of children) await stopProcess(c);
    throw error;
  }
  project.provide('baseUrl', `http://localhost:${port}`);
  project.provide('databaseUrl', databaseUrl);
  return async () => {
    for (const c of children) await stopProcess(c);
    await dropDatabase(databaseUrl).catch(() => undefined);
  };
}
