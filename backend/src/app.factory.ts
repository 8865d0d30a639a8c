import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/config.js';
import { ATTACHMENT_MAX_BYTES } from './modules/attachments/file-kinds.js';
import { JOB_BOARD_PATH, JOB_BOARD_STYLE_HASHES, mountJobBoard } from './modules/ops/job-board.js';
import { configureSessionCache, shareSessionChanges } from './platform/auth/session-resolver.js';
import { SAFE_METHODS } from './platform/auth/session.js';
import { REDIS } from './platform/queue/queue.module.js';
import { ValidationFailed } from './platform/http/errors.js';
import { ReadCache } from './platform/cache/read-cache.js';
import { CLOCK, type Clock } from './platform/clock/clock.js';
import { installContractCheck } from './platform/http/contract-check.js';
import { installPublicRateLimit } from './platform/http/public-rate-limit.js';
import { Readiness } from './platform/health/readiness.js';

/**
 * Browser features Samråd never uses, denied on every response to the page and to anything it might
 * frame (Permissions-Policy). Only features Chromium knows, so the browser logs no warning.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
  'browsing-topics',
]
  .map((feature) => `${feature}=()`)
  .join(', ');
/** Answers that no browser or proxy may keep: everything under /api, and /metrics. */
const NO_STORE_PATHS = /^\/(api|metrics)(\/|\?|$)/;

/** Builds the HTTP application (API, health, and the built frontend when WEB_DIST is set). */
export async function createApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // Dataset files (up to 15 MB, base64 for XLSX) are the largest bodies; everything else is small.
    bodyLimit: 21 * 1024 * 1024,
    // X-Forwarded-For only from the proxies named in TRUST_PROXY (log-in throttling goes by address).
    trustProxy: config.TRUST_PROXY.length ? config.TRUST_PROXY : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: ['error', 'warn'],
    abortOnError: false,
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Every state change by a logged-in person empties their municipality's read cache (in every
  // process) before the response is sent, so the next read sees it; refused requests change nothing,
  // and emptying for them too costs little. Without a session a request can only log in, take up an
  // invitation or reset a password: it changes the person's own account, which no cached page shows.
  const readCache = app.get(ReadCache);
  // The test clock may have been moved by another process: every request reads it first.
  if (config.TEST_CLOCK) {
    const clock = app.get<Clock>(CLOCK);
    fastify.addHook('onRequest', async () => clock.sync());
  }
  if (config.CONTRACT_CHECK) installContractCheck(app, logger);
  await installPublicRateLimit(app, config, app.get<Redis>(REDIS));
  const readiness = app.get(Readiness);
  fastify.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // Shutting down: the connection of a request that was in flight closes after its answer, so the
    // server's close need not wait for the client's keep-alive to run out.
    if (readiness.draining) reply.header('connection', 'close');
    if (req.auth && !SAFE_METHODS.has(req.method)) await readCache.invalidate(req.auth.municipalityId);
  });
  // Bad JSON gets a Norwegian 400 in the same shape as other validation errors.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(new ValidationFailed([{ path: '', message: 'Forespørselen kunne ikke leses: ugyldig JSON' }]) as never, undefined);
    }
  });
  // Attachments arrive as the raw file; the limit is checked while reading, before anything is stored.
  fastify.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  // Form posts: an OpenID provider's back-channel log-out sends its logout_token so.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, text, done) =>
    done(null, Object.fromEntries(new URLSearchParams(text as string))),
  );
  await app.register(fastifyCookie as never);
  // Security headers with a strict CSP from helmet, built once (the @fastify/helmet wrapper rebuilt
  // the middleware, and re-parsed the CSP, on every request).
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // No inline styles either: React and Designsystemet style through the CSSOM and constructed style
    // sheets, which the policy does not govern (the browser tests fail on any refusal).
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  };
  const securityHeaders = helmet({ contentSecurityPolicy: { directives } });
  // The job board (bull-board, for operators) renders one fixed <style> block in its Redis icon: that block
  // alone is allowed there, by its hash. No 'unsafe-inline' anywhere (the browser tests fail on any refusal).
  const jobBoardHeaders = helmet({
    contentSecurityPolicy: { directives: { ...directives, styleSrc: ["'self'", ...JOB_BOARD_STYLE_HASHES] } },
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    const headers = req.url.startsWith(`${JOB_BOARD_PATH}/`) ? jobBoardHeaders : securityHeaders;
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    // API answers (personal data behind a session, and their errors) and metrics are never stored by a
    // browser or a proxy. The read cache is the server's own and is not affected; a handler may still
    // say more (an attachment's download says `private, no-store`).
    if (NO_STORE_PATHS.test(req.url)) void reply.header('cache-control', 'no-store');
    headers(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  configureSessionCache(config.SESSION_CACHE_MS);
  const stopSharingSessions = shareSessionChanges(app.get<Redis>(REDIS), `${config.QUEUE_PREFIX}:session-changes`);
  fastify.addHook('onClose', async () => stopSharingSessions());
  await mountJobBoard(app, config);
  const webDist = config.WEB_DIST;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic as never, { root: webDist, prefix: '/', wildcard: false, index: false });
    // Other GETs outside /api fall back to index.html: see ErrorFilter.
  }
  return app; // main.ts stops it on SIGTERM (graceful: in-flight requests finish)
}
