import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config/config.js';

/** One structured (JSON) logger per process; Fastify adds a request id to every request's child. */
export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, name: string): Logger {
  return pino({
    name,
    level: config.LOG_LEVEL,
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', '*.password', 'currentPassword', '*.currentPassword'],
      censor: '[skjult]',
    },
  });
}
