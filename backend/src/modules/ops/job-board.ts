import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { isOperator } from '../../platform/auth/operators.js';
import { resolveSession } from '../../platform/auth/session-resolver.js';
import { SAFE_METHODS, SESSION_COOKIE } from '../../platform/auth/session.js';
import { OpsService } from './ops.service.js';
import { JOB_BOARD_MESSAGES_NB } from './job-board.messages.nb.js';

/** Where the job board (bull-board) lives: outside /api, a page of its own. */
export const JOB_BOARD_PATH = '/drift/jobber';

/** Mail and notice texts can hold personal data and one-time links; the board shows the rest. */
export function redactJobData(data: unknown): unknown {
  if (!data || typeof data !== 'object') return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of ['text', 'body']) if (typeof copy[key] === 'string') copy[key] = '[skjult]';
  // A notice's parameters hold the same texts (a comment, a reason, a round's questions).
  if (copy.params && typeof copy.params === 'object') copy.params = '[skjult]';
  return copy;
}

/**
 * bull-board's language list is fixed in its bundle and has no Norwegian. The board is told to use the
 * Danish slot (the nearest language, with the same numeric date format), and Samråd answers that slot's
 * texts with its own bokmål (job-board.messages.nb.ts). The page itself is bull-board's, made Norwegian
 * (lang="nb", loading text) and free of inline styles and of the request to Google's web fonts.
 */
/** The inline <style> blocks bull-board renders (the Redis icon's colours), allowed by hash in the board's CSP. */
export const JOB_BOARD_STYLE_HASHES = ["'sha256-r2N1TB/gHbBtBZFKg7ejmq1acVSREzucTAEw6ga4hoU='"];

const BOARD_LANGUAGE_SLOT = 'da-DK';
const OSLO: Intl.DateTimeFormatOptions = { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', second: '2-digit' };

/** bull-board's page as Samråd serves it. Throws when a new bull-board changes what it rewrites, so an upgrade is noticed. */
export function norwegianBoardPage(html: string): string {
  const replacements: [RegExp, string][] = [
    [/<html lang="en"/, '<html lang="nb"'],
    [/<link href="https:\/\/fonts\.googleapis\.com[^>]*>\s*/, ''],
    [/<div id="root">[\s\S]*?<\/div>\s*(?=<script)/, '<div id="root"><p role="status">Laster jobboversikten …</p></div>\n'],
  ];
  return replacements.reduce((out, [pattern, replacement]) => {
    if (!pattern.test(out)) throw new Error(`Jobboversikten: fant ikke ${pattern} i bull-boards side`);
    return out.replace(pattern, replacement);
  }, html);
}

/** Whether an Origin or Referer header names exactly Samråd's origin (scheme, host and port; not a prefix of it). */
export function fromOrigin(header: string | undefined, appOrigin: string): boolean {
  if (!header) return false;
  try {
    return new URL(header).origin === appOrigin;
  } catch {
    return false;
  }
}

const page = (status: number, text: string) =>
  `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Samråd – jobboversikt</title></head><body><main><h1>Jobboversikt</h1><p>${text}</p><p><a href="/">Til Samråd</a></p></main></body></html>`;

/**
 * The job board for the installation's operators: administrators whose e-mail is listed in
 * OPERATOR_EMAILS. The queue is shared by every municipality on the installation, so a municipality's
 * own administrator is not let in unless they also run the installation. Job texts are redacted.
 */
export async function mountJobBoard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const appOrigin = new URL(config.APP_URL).origin;
  const db = app.get(DataSource);
  const adapter = new BullMQAdapter(app.get(OpsService).jobQueue(), {
    allowRetries: true,
    description: 'Samråd: e-post, varsler, frister, beregninger',
  });
  adapter.setFormatter('data', redactJobData);
  const server = new FastifyAdapter();
  server.setBasePath(JOB_BOARD_PATH);
  createBullBoard({
    queues: [adapter],
    serverAdapter: server,
    options: {
      uiConfig: {
        boardTitle: 'Samråd – jobber',
        locale: { lng: BOARD_LANGUAGE_SLOT },
        hideDocsLink: true,
        dateFormats: {
          short: OSLO,
          common: { ...OSLO, day: '2-digit', month: '2-digit' },
          full: { ...OSLO, day: '2-digit', month: '2-digit', year: 'numeric' },
        },
      },
    },
  });

  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const token = req.cookies?.[SESSION_COOKIE];
      const auth = token ? await resolveSession(db, token) : undefined;
      if (!auth) {
        return reply.redirect(`/logg-inn?neste=${encodeURIComponent(`${JOB_BOARD_PATH}/`)}`, 303);
      }
      if (!isOperator(auth, config)) {
        return reply
          .status(403)
          .type('text/html; charset=utf-8')
          .send(
            page(
              403,
              'Jobboversikten er bare for driftsansvarlige for installasjonen (administratorer oppført i OPERATOR_EMAILS), fordi køen er felles for alle kommunene.',
            ),
          );
      }
      // State changes from the board (retry) need the same CSRF protection as the API: same origin only.
      if (!SAFE_METHODS.has(req.method)) {
        if (!fromOrigin(req.headers.origin ?? req.headers.referer, appOrigin))
          return reply.status(403).send({ message: 'Forespørselen kom ikke fra Samråd' });
      }
    });
    scope.get(`${JOB_BOARD_PATH}/static/locales/${BOARD_LANGUAGE_SLOT}/messages.json`, async (_req, reply) =>
      reply.header('cache-control', 'no-cache').send(JOB_BOARD_MESSAGES_NB),
    );
    scope.addHook('onSend', async (_req, reply, payload) =>
      typeof payload === 'string' &&
      String(reply.getHeader('content-type') ?? '').startsWith('text/html') &&
      payload.includes('__UI_CONFIG__')
        ? norwegianBoardPage(payload)
        : payload,
    );
    await scope.register(server.registerPlugin() as never, { prefix: JOB_BOARD_PATH });
  });
}
