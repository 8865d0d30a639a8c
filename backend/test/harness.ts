import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino, type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig, type AppConfig } from '../src/platform/config/config.js';
import { contractViolations } from '../src/platform/http/contract-check.js';
import { DEMO_PASSWORD } from '../src/seed/demo-people.js';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  db: DataSource;
  config: AppConfig;
  close: () => Promise<void>;
}

/**
 * The real application on a free port, against the run's test database and Redis. Every JSON answer
 * is checked against its response contract (CONTRACT_CHECK=1): a broken one is a 500, and closing the
 * app fails if any answer broke its contract.
 */
export async function startTestApp(
  overrides: Partial<Record<keyof AppConfig, string>> = {},
  logger: Logger = pino({ level: 'silent' }),
): Promise<TestApp> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'silent',
    MAIL_TRANSPORT: 'capture',
    CONTRACT_CHECK: '1',
    ...overrides,
  });
  const app = await createApp(config, logger);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const close = async () => {
    await app.close();
    const broken = contractViolations.splice(0);
    if (broken.length) throw new Error(`answers that break their response contract:\n${broken.map((v) => JSON.stringify(v)).join('\n')}`);
  };
  return { app, url: `http://127.0.0.1:${address.port}`, db: app.get(DataSource), config, close };
}

/**
 * Moves the test clock of an app started with TEST_CLOCK=1 (`{ advanceMs }` forward, `{ offsetMs: 0 }`
 * back to the system clock); the delayed jobs due by then are promoted.
 */
export async function moveClock(
  t: TestApp,
  move: { advanceMs: number } | { offsetMs: number },
): Promise<{ now: string; offsetMs: number; promoted: string[] }> {
  const res = await fetch(`${t.url}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(move),
  });
  if (res.status !== 200) throw new Error(`POST /api/test/clock: ${res.status} ${await res.text()}`);
  return (await res.json()) as { now: string; offsetMs: number; promoted: string[] };
}

export interface Client {
  csrf: string;
  userId: string;
  request: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: any; headers: Headers }>;
}

/** Sends requests as an anonymous visitor. */
export function anonymous(base: string): Client {
  return { csrf: '', userId: '', request: (method, path, body, headers) => send(base, '', method, path, body, headers) };
}

async function send(base: string, cookie: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  // Bytes (a file upload) go as they are; anything else as JSON.
  const raw = body instanceof Uint8Array;
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': raw ? 'application/octet-stream' : 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  if (/^(application\/pdf|application\/zip|image\/|application\/vnd|application\/x-cfb)/.test(res.headers.get('content-type') ?? '')) {
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) as any, headers: res.headers };
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed as any, headers: res.headers };
}

/** Logs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function login(base: string, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = await send(base, cookie, 'GET', '/api/auth/me');
  const csrf = me.body.csrfToken as string;
  return {
    csrf,
    userId: me.body.id,
    request: (method, path, body, headers = {}) =>
      send(base, cookie, method, path, body, method === 'GET' ? headers : { 'x-csrf-token': csrf, ...headers }),
  };
}

export const DEMO = {
  admin: 'admin@solvik.kommune.test',
  officer: 'saksbehandler@solvik.kommune.test',
  chair: 'leder.driftsutvalget@solvik.kommune.test',
  udf: 'htv.utdanningsforbundet@solvik.kommune.test',
  fau: 'fau.nordby@solvik.kommune.test',
  otherAdmin: 'admin@nabovik.kommune.test',
} as const;

/**
 * Takes a case through the lifecycle's moves until it is before the first body of `route` (set as its
 * route): started, with an innstilling to that body, and sent to it.
 */
export async function bringBefore(officer: Client, caseId: string, route: string[]): Promise<void> {
  const ok = (res: { status: number; body: unknown }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  };
  ok(await officer.request('PUT', `/api/cases/${caseId}/route`, { steps: route.map((bodyId) => ({ bodyId, meetingDate: null })) }));
  const c = (await officer.request('GET', `/api/cases/${caseId}`)).body as { status: string; recommendations: { bodyId: string }[] };
  if (c.status === 'draft') ok(await officer.request('POST', `/api/cases/${caseId}/moves`, { to: 'in_preparation' }));
  if (!c.recommendations.some((r) => r.bodyId === route[0]))
    ok(
      await officer.request('POST', `/api/cases/${caseId}/recommendations`, {
        bodyId: route[0],
        text: 'Administrasjonen innstiller på forslaget.',
      }),
    );
  ok(await officer.request('POST', `/api/cases/${caseId}/moves`, { to: 'before_body' }));
}
