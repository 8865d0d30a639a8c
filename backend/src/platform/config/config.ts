import { isIP } from 'node:net';
import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string()
    .url({ error: 'Må være en URL' })
    .refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
      error: `Må starte med ${protocols.map((p) => `${p}://`).join(' eller ')}`,
    });

/** Environment variables, validated at start. See `.env.example`. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:5432/samrad'),
    REDIS_URL: url(['redis', 'rediss']).default('redis://127.0.0.1:6379/0'),
    /** Prefix for every BullMQ key, so several installations (or test runs) can share one Redis. */
    QUEUE_PREFIX: z.string().min(1).default('samrad'),
    APP_URL: z.string().url().default('http://localhost:3000'),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    /** How long a resolved session is cached in the API process (0 turns the cache off). */
    SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    /**
     * How long the start page and case pages are kept per person in the API process (0 turns the cache
     * off). Any change through the API or a job empties it at once, in every process; this is only how
     * late something that time alone changes (a deadline passing) can show.
     */
    READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    /** `capture` keeps mail in the database, readable at /dev/mail; `smtp` sends through SMTP_URL. */
    MAIL_TRANSPORT: z.enum(['capture', 'smtp']).default('capture'),
    SMTP_URL: url(['smtp', 'smtps']).optional(),
    MAIL_FROM: z.string().default('Samråd <samrad@localhost>'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where the built frontend lives; served at / when present. */
    WEB_DIST: z.string().optional(),
    /** Bearer token for Prometheus to scrape /metrics without a session; unset means administrators only. */
    METRICS_TOKEN: z.string().min(16, { error: 'METRICS_TOKEN må ha minst 16 tegn' }).optional(),
    /** A meeting's agenda is published automatically this many days before it (when planned further ahead). */
    AGENDA_NOTICE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
    /**
     * How long a worker holds a job before BullMQ counts it as stalled and hands it to another worker
     * (also how often stalled jobs are looked for). A killed worker's job is retried after this.
     */
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    /** The worker answers /health/live and /health/ready on this port (for Kubernetes probes); unset: it serves no HTTP. */
    WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /**
     * On SIGTERM/SIGINT a process has this long to finish what it is doing: the API its requests in
     * flight, the worker its running jobs. What is still running then is cut off (a job is retried
     * by another worker after WORKER_LOCK_MS) and the process exits with code 1.
     */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(25_000),
    /**
     * On SIGTERM/SIGINT the API answers /health/ready with 503 at once but keeps serving for this long
     * before it stops accepting connections, so a load balancer that learns by probing (Kubernetes)
     * stops sending first. 0 (the default): stop accepting at once (nginx passes new requests on).
     */
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(0),
    /**
     * E-mail addresses (comma-separated) of the administrators who run the installation: they may open
     * the job board, which shows every municipality's jobs.
     */
    OPERATOR_EMAILS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((e) => e.trim())
          .filter(Boolean),
      ),
    /**
     * The reverse proxies in front of Samråd (comma-separated addresses or CIDR ranges), whose
     * X-Forwarded-For is believed; empty: none, the connection's own address is the client's. Anyone can
     * send the header, so believing it from everyone would give every request a fresh log-in budget.
     */
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .refine((list) => list.every((a) => isIP(a.replace(/\/\d{1,3}$/, '')) !== 0), {
        error: 'TRUST_PROXY må være IP-adresser eller CIDR-områder, skilt med komma',
      }),
    /**
     * `1`: deadlines are read from a test clock that tests move forward (`POST /api/test/clock`, which
     * exists only then). Refused in production.
     */
    TEST_CLOCK: z
      .enum(['0', '1', 'false', 'true'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    /**
     * `1`: every JSON answer is parsed with its route's response contract, and one that breaks it
     * becomes a 500 (`platform/http/contract-check.ts`). For the tests; refused in production.
     */
    CONTRACT_CHECK: z
      .enum(['0', '1', 'false', 'true'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    /** The most a submission's attachments may add up to, in MB (each file is at most 20 MB). */
    SUBMISSION_ATTACHMENTS_MAX_MB: z.coerce.number().positive().default(50),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
    /**
     * The server secret of OpenID Connect log-in (at least 32 characters): it encrypts the providers' client secrets
     * and keys the hash of national identity numbers (HMAC-SHA-256). Required in production; development and tests
     * use a fixed key. Changing it makes stored secrets and linked identity numbers unreadable.
     */
    OIDC_SECRET_KEY: z.string().min(32, { error: 'OIDC_SECRET_KEY må ha minst 32 tegn' }).optional(),
    /** `npm start` only: the demo OpenID provider it runs, which the seed sets up for the demo municipality. Refused in production. */
    DEMO_OIDC_ISSUER: url(['http', 'https']).optional(),
    /**
     * Requests per address per PUBLIC_RATE_WINDOW_SECONDS to what anyone may ask without an account: innsyn's API
     * (`/api/public/…`), `/sitemap.xml` and the calendar feeds. Counted in Redis, so it holds across API processes; 0
     * turns it off. Unset: 300, but off when NODE_ENV=test (the tests that check it turn it on).
     */
    PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).optional(),
    PUBLIC_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  })
  .superRefine((c, ctx) => {
    if (c.MAIL_TRANSPORT === 'smtp' && !c.SMTP_URL)
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'SMTP_URL må settes når MAIL_TRANSPORT=smtp' });
    // Caught mail is readable by anyone at /dev/mail, reset links included: never in production.
    if (c.NODE_ENV === 'production' && c.MAIL_TRANSPORT === 'capture')
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_TRANSPORT'],
        message: 'MAIL_TRANSPORT=capture (oppfanget e-post på /dev/mail) er bare for utvikling og demo; sett smtp i produksjon',
      });
    // Anyone could move the test clock and close every open round: never in production.
    if (c.NODE_ENV === 'production' && c.TEST_CLOCK)
      ctx.addIssue({
        code: 'custom',
        path: ['TEST_CLOCK'],
        message: 'TEST_CLOCK (en klokke testene kan stille fram) er bare for tester; kan ikke brukes i produksjon',
      });
    if (c.NODE_ENV === 'production' && c.DEMO_OIDC_ISSUER)
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_OIDC_ISSUER'],
        message: 'DEMO_OIDC_ISSUER (demoinnloggingen til npm start) kan ikke brukes i produksjon',
      });
    if (c.NODE_ENV === 'production' && !c.OIDC_SECRET_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_SECRET_KEY'],
        message: 'OIDC_SECRET_KEY (minst 32 tegn) må settes i produksjon: den krypterer innloggingenes hemmeligheter',
      });
    if (c.NODE_ENV === 'production' && c.CONTRACT_CHECK)
      ctx.addIssue({
        code: 'custom',
        path: ['CONTRACT_CHECK'],
        message: 'CONTRACT_CHECK (svarene kontrolleres mot kontraktene) er bare for tester; kan ikke brukes i produksjon',
      });
  });

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads and validates the configuration; the error names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env, { error: z.locales.no().localeError });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ugyldig konfigurasjon (miljøvariabler):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
