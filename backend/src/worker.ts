import 'reflect-metadata';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from './platform/config/config.js';
import { createDataSource } from './platform/database/data-source.js';
import { createLogger } from './platform/logging/logger.js';
import { once, type HandlerRegistry, type JobHandler } from './platform/queue/handlers.js';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUE_NAME, type JobName } from './platform/queue/jobs.js';
import { startRelay } from './platform/queue/relay.js';
import { createClock, systemClock, type Clock } from './platform/clock/clock.js';
import { producerConnection } from './platform/queue/redis.js';
import { bumpReadGeneration } from './platform/cache/read-cache.js';
import { MailService } from './modules/mail/mail.service.js';
import { closeRound, remindRound } from './modules/input-rounds/round-jobs.service.js';
import { runSweep } from './modules/allocation/sweep-job.service.js';
import { runImport } from './modules/allocation/import-job.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { deliverNotice } from './modules/notifications/notifications.service.js';
import { sendDailyDigests } from './modules/notifications/digest.js';
import { publishAgendaOnTime } from './modules/meetings/agenda-jobs.service.js';

/** The daily digest goes out at 07:00 in Oslo. */
export const DIGEST_SCHEDULE = '0 7 * * *';

const changesReadModels = (name: JobName) => name !== 'mail.send';
/** A job's municipality when its payload names one (a notice does); null marks everyone's reads as changed. */
const municipalityOf = (payload: object): string | null =>
  'municipalityId' in payload && typeof payload.municipalityId === 'string' ? payload.municipalityId : null;

/** Jobs a worker runs at once. */
const WORKER_CONCURRENCY = 5;
/**
 * A job holds at most two connections at a time: the claim of `once()` stays open while its effect
 * runs, and the effect may query too (a caught e-mail is stored in the database). With fewer than
 * two per job plus one for the outbox relay, five jobs could each hold a claim and wait for a
 * second connection that none of them will give back.
 */
const WORKER_POOL_SIZE = WORKER_CONCURRENCY * 2 + 1;

/** Every job's handler. Thin: each calls a module's service. */
export function createHandlers(config: AppConfig, db: DataSource, clock: Clock = systemClock): HandlerRegistry {
  const mail = new MailService(config, db);
  return {
    'mail.send': async (payload, ctx) => {
      await once(db, `mail:${ctx.jobId}`, () => mail.send(payload));
    },
    notify: (payload) => deliverNotice(db, mail, config.APP_URL, payload),
    'meeting.publishAgenda': async (payload) => {
      await publishAgendaOnTime(db, payload);
    },
    'digest.daily': async (payload) => {
      await sendDailyDigests(db, mail, config.APP_URL, payload.date ? new Date(payload.date) : clock.now());
    },
    'round.close': async (payload) => {
      await closeRound(db, mail, config.APP_URL, payload, clock.now());
    },
    'round.remind': async (payload) => {
      await remindRound(db, mail, config.APP_URL, payload);
    },
    'allocation.sweep': (payload, ctx) => runSweep(db, payload, ctx.progress),
    'allocation.import': (payload, ctx) => runImport(db, new AuditService(db), payload, ctx.progress),
  };
}

/** Refuses to start when a job in the registry has no handler. */
export function assertEveryJobHasAHandler(handlers: HandlerRegistry): void {
  const missing = (Object.keys(JOBS) as JobName[]).filter((name) => typeof handlers[name] !== 'function');
  if (missing.length) throw new Error(`Jobber uten behandler: ${missing.join(', ')}`);
}

export interface RunningWorker {
  stop: () => Promise<void>;
  queue: Queue;
}

export async function startWorker(
  config: AppConfig,
  log: Logger,
  options: { db?: DataSource; relayIntervalMs?: number } = {},
): Promise<RunningWorker> {
  const db = options.db ?? (await createDataSource(config, { poolSize: WORKER_POOL_SIZE }).initialize());
  const producer = producerConnection(config.REDIS_URL);
  producer.on('error', () => undefined);
  const clock = createClock(config, producer);
  const handlers = createHandlers(config, db, clock);
  assertEveryJobHasAHandler(handlers);
  const queue = new Queue(QUEUE_NAME, { connection: producer, prefix: config.QUEUE_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  queue.on('error', () => undefined);
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job) => {
      const name = job.name as JobName;
      const handler = handlers[name] as JobHandler<typeof name> | undefined;
      if (!handler) throw new Error(`Ukjent jobb ${job.name}`);
      const payload = JOBS[name].parse(job.data);
      await clock.sync(); // the test clock may have moved on
      await handler(payload, { db, jobId: String(job.id), progress: (pct) => job.updateProgress(pct) });
      // What people read may have changed (a round closed, a notice, a published agenda): the API's
      // read caches must not serve what they held. Sending an e-mail changes nothing they read.
      if (changesReadModels(name)) await bumpReadGeneration(producer, config.QUEUE_PREFIX, municipalityOf(payload)).catch(() => undefined);
    },
    {
      connection: new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2000) }),
      prefix: config.QUEUE_PREFIX,
      concurrency: WORKER_CONCURRENCY,
      lockDuration: config.WORKER_LOCK_MS,
      stalledInterval: config.WORKER_LOCK_MS,
    },
  );
  worker.on('failed', (job, err) => log.warn({ job: job?.name, id: job?.id, err }, 'job failed'));
  worker.on('error', (err) => log.warn({ err }, 'worker connection error'));
  // One scheduler for the daily digest, whatever the number of workers (upsert is idempotent).
  queue
    .upsertJobScheduler('digest.daily', { pattern: DIGEST_SCHEDULE, tz: 'Europe/Oslo' }, { name: 'digest.daily', data: {} })
    .catch((err: unknown) => log.warn({ err }, 'could not schedule the daily digest (retried at next start)'));
  const relay = startRelay(db, queue, log, options.relayIntervalMs, clock);
  log.info({ queue: QUEUE_NAME, jobs: Object.keys(JOBS) }, 'worker started');
  return {
    queue,
    stop: async () => {
      await relay.stop();
      await worker.close();
      await queue.close();
      producer.disconnect();
      if (!options.db) await db.destroy();
    },
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const config = loadConfig();
  const log = createLogger(config, 'samrad-worker');
  startWorker(config, log).then(
    (running) => {
      const shutdown = () => void running.stop().then(() => process.exit(0));
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    },
    (error) => {
      log.fatal({ err: error }, 'worker failed to start');
      process.exit(1);
    },
  );
}
