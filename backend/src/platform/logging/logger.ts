import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/config.js';

/**
 * Paths that carry a secret (the personal calendar feed's token is its address, since a calendar app sends no
 * cookie): what follows the prefix is masked in every logged url.
 */
const SECRET_PATHS = /(\/api\/calendar-feeds\/)[^/?#]*/g;

/** A url as it may be logged: a secret path's token masked. */
export const loggableUrl = (url: string): string => url.replace(SECRET_PATHS, '$1[skjult]');

/** A request as Fastify logs it (its own serializer's fields), with the url masked. */
function requestSerializer(req: {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? loggableUrl(req.url) : req.url,
    version: req.headers?.['accept-version'],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * One structured (JSON) logger per process; Fastify adds a request id to every request's child and takes this
 * logger's `req` serializer over its own. `destination` is for tests (default: stdout).
 */
export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string, destination?: DestinationStream): Logger {
  return pino(
    {
      name,
      level: config.LOG_LEVEL,
      serializers: { req: requestSerializer },
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'req.headers.authorization',
          'password',
          '*.password',
          'currentPassword',
          '*.currentPassword',
        ],
        censor: '[skjult]',
      },
    },
    destination,
  );
}
