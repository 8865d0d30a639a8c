import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import { TooManyRequests } from './errors.js';

/** What anyone may ask without an account: innsyn's API, the sitemap and the calendar feeds (public and personal). */
export const PUBLIC_PATHS = /^\/(api\/public\/|sitemap\.xml(\?|$)|api\/calendar-feeds\/)/;

/** The refusal (translated by the ErrorFilter, which adds Retry-After from the seconds given). */
export const PUBLIC_RATE_LIMITED = 'For mange forespørsler fra din adresse. Vent litt og prøv igjen.';

/** The requests per window an address may make to the public paths (0: no limit). */
export function publicRateLimit(config: AppConfig): number {
  return config.PUBLIC_RATE_LIMIT ?? (config.NODE_ENV === 'test' ? 0 : 300);
}

/**
 * A per-address limit on the public paths (#20), counted in Redis by @fastify/rate-limit's store so every API process
 * shares the count. A refusal is a 429 with a Norwegian message and Retry-After (TooManyRequests through the
 * ErrorFilter). The address is the connection's, or X-Forwarded-For's from the proxies in TRUST_PROXY (`req.ip`). A
 * Redis outage does not close innsyn (`skipOnError`).
 */
export async function installPublicRateLimit(app: NestFastifyApplication, config: AppConfig, redis: Redis): Promise<void> {
  const max = publicRateLimit(config);
  if (max === 0) return;
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyRateLimit as never, {
    global: false,
    redis,
    nameSpace: `${config.QUEUE_PREFIX}:public-rate-limit:`,
    skipOnError: true,
  });
  const limit = fastify.createRateLimit({ max, timeWindow: config.PUBLIC_RATE_WINDOW_SECONDS * 1000 });
  fastify.addHook('onRequest', async (req) => {
    if (!PUBLIC_PATHS.test(req.url)) return;
    const r = await limit(req);
    if (!r.isAllowed && r.isExceeded) throw new TooManyRequests(PUBLIC_RATE_LIMITED, Math.max(1, r.ttlInSeconds));
  });
}
