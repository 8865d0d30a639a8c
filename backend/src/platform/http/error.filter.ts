import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentsHost, Catch, HttpException, Inject, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { languageFromAcceptLanguage, translateMessage, type Language } from '@samrad/shared/i18n';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** True when the error means PostgreSQL (or another backing service) is away, not that the request was bad. */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } };
  if (e?.code && UNAVAILABLE_CODES.has(e.code)) return true;
  if (e?.driverError?.code && UNAVAILABLE_CODES.has(e.driverError.code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    e?.message ?? '',
  );
}

/** Every error leaves as JSON with a Norwegian message; unexpected ones are logged, never leaked. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly spa: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.spa = !!config.WEB_DIST && existsSync(join(config.WEB_DIST, 'index.html'));
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (error instanceof HttpException) {
      const status = error.getStatus();
      // The single-page app answers every other GET with index.html; the API keeps its 404s.
      if (status === 404 && this.spa && request.method === 'GET' && !/^\/(api|health|dev|metrics)(\/|$)/.test(request.url)) {
        void reply.type('text/html; charset=utf-8').sendFile('index.html');
        return;
      }
      if (status === 413 && !(error.getResponse() as { errors?: unknown }).errors) {
        // Fastify's body limit, raised through Nest: say it in Norwegian, and name the file for uploads.
        // (A 413 of Samråd's own, such as a submission's attachments in total, keeps its message.)
        void reply
          .status(413)
          .type('application/json; charset=utf-8')
          .send(say(request, tooLarge(request)));
        return;
      }
      const response = error.getResponse();
      const body = typeof response === 'string' ? { message: response } : normaliseNestBody(status, response as Record<string, unknown>);
      // Every 429 says when to try again (TooManyRequests carries it; a minute otherwise).
      if (status === 429) void reply.header('retry-after', String(retryAfter(body)));
      void reply.status(status).type('application/json; charset=utf-8').send(say(request, body));
      return;
    }
    if (isUnavailable(error)) {
      request.log.warn({ err: error }, 'backing service unavailable');
      void reply
        .status(503)
        .header('retry-after', '5')
        .type('application/json; charset=utf-8')
        .send(say(request, { message: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.' }));
      return;
    }
    if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '22P02') {
      void reply
        .status(400)
        .type('application/json; charset=utf-8')
        .send(say(request, { errors: [{ path: '', message: 'Ugyldig verdi' }] }));
      return;
    }
    const e = error as { statusCode?: number; message?: string };
    if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      // Fastify's own errors: bad JSON, body too large, unsupported media type.
      if (e.statusCode === 413) {
        void reply
          .status(413)
          .type('application/json; charset=utf-8')
          .send(say(request, tooLarge(request)));
        return;
      }
      const message = e.statusCode === 415 ? 'Innholdstypen støttes ikke' : 'Forespørselen kunne ikke leses';
      void reply
        .status(e.statusCode)
        .type('application/json; charset=utf-8')
        .send(say(request, { errors: [{ path: '', message }] }));
      return;
    }
    request.log.error({ err: error }, 'unhandled error');
    void reply
      .status(500)
      .type('application/json; charset=utf-8')
      .send(say(request, { message: 'Noe gikk galt hos oss. Feilen er logget.' }));
  }
}

/**
 * The language of the answer: what the request asks for (Accept-Language, which the web app sets to the
 * language on screen), else the person's own (their choice, else their municipality's målform), else bokmål.
 */
export function requestLanguage(request: FastifyRequest): Language {
  return languageFromAcceptLanguage(request.headers['accept-language']) ?? request.auth?.language ?? 'nb';
}

/** An error body in the request's language: its message and each field's, through the shared catalogue. */
function say<B extends object>(request: FastifyRequest, body: B): B {
  const language = requestLanguage(request);
  if (language === 'nb') return body;
  const b = body as { message?: unknown; errors?: unknown };
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if (typeof b.message === 'string') out.message = translateMessage(b.message, language);
  if (Array.isArray(b.errors))
    out.errors = b.errors.map((e: { path: string; message: string }) =>
      typeof e?.message === 'string' ? { ...e, message: translateMessage(e.message, language) } : e,
    );
  return out as B;
}

function retryAfter(body: Record<string, unknown>): number {
  const seconds = Number(body.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}

function tooLarge(request: FastifyRequest) {
  const upload = /application\/octet-stream/.test(String(request.headers['content-type'] ?? ''));
  return upload
    ? { errors: [{ path: 'file', message: 'Filen er for stor. Største tillatte størrelse er 20 MB.' }] }
    : { errors: [{ path: '', message: 'Forespørselen er for stor' }] };
}

function normaliseNestBody(status: number, body: Record<string, unknown>): Record<string, unknown> {
  if ('errors' in body || ('message' in body && typeof body.message === 'string' && !('statusCode' in body))) return body;
  if (status === 404) return { message: 'Fant ikke det du lette etter' };
  if (status === 400) return { errors: [{ path: '', message: 'Forespørselen kunne ikke leses' }] };
  return { message: typeof body.message === 'string' ? body.message : 'Forespørselen ble avvist' };
}
