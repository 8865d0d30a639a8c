import 'reflect-metadata';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from './platform/config/config.js';
import { createLogger } from './platform/logging/logger.js';
import { assertMigrationsCurrent, MigrationsBehind } from './platform/database/migration-state.js';
import { serveWorkerHealth } from './platform/health/worker-health.js';
import { handlersOf, jobNameOf, type HandlerRegistry, type JobFunction } from './platform/queue/handlers.js';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUE_NAME, type JobName } from './platform/queue/jobs.js';
import { startRelay } from './platform/queue/relay.js';
import { stopGracefullyOnSignals } from './platform/lifecycle/shutdown.js';
import { CLOCK, type Clock } from './platform/clock/clock.js';
import { REDIS } from './platform/queue/queue.module.js';
import { bumpReadGeneration } from './platform/cache/read-cache.js';
import { WORKER_CONCURRENCY, WorkerModule } from './worker.module.js';

/** The daily digest goes out at 07:00 in Oslo. */
export const DIGEST_SCHEDULE = '0 7 * * *';

const changesReadModels = (name: JobName) => name !== 'mail.send';
/** A job's municipality when its payload names one (a notice does); null marks everyone's reads as changed. */
const municipalityOf = (payload: object): string | null =>
  'municipalityId' in payload && typeof payload.municipalityId === 'string' ? payload.municipalityId : null;

/** The handlers of the worker's application context: every provider marked with @JobHandler. */
export function discoverHandlers(app: INestApplicationContext): HandlerRegistry {
  return handlersOf(
    app
      .get(DiscoveryService)
      .getProviders()
      .filter((wrapper) => jobNameOf(wrapper.metatype))
      .map((wrapper) => wrapper.instance),
  );
}

/** Refuses to start when a job in the registry has no handler. */
export function assertEveryJobHasAHandler(handlers: HandlerRegistry): void {
  const missing = (Object.keys(JOBS) as JobName[]).filter((name) => typeof handlers[name] !== 'function');
  if (missing.length) throw new Error(`Jobber uten behandler: ${missing.join(', ')}`);
}

export interface RunningWorker {
  stop: () => Promise<void>;
  queue: Queue;
  /** Where /health/live and /health/ready answer (WORKER_HEALTH_PORT), if anywhere. */
  healthPort?: number;
}

export async function startWorker(
  config: AppConfig,
  log: Logger,
  options: { db?: DataSource; relayIntervalMs?: number } = {},
): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { db: options.db }), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  const db = app.get(DataSource);
  const producer = app.get<Redis>(REDIS);
  const clock = app.get<Clock>(CLOCK);
  const handlers = discoverHandlers(app);
  try {
    assertEveryJobHasAHandler(handlers);
  } catch (error) {
    await app.close();
    throw error;
  }
  const queue = new Queue(QUEUE_NAME, { connection: producer, prefix: config.QUEUE_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  queue.on('error', () => undefined);
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job) => {
      const name = job.name as JobName;
      const handler = handlers[name] as JobFunction<typeof name> | undefined;
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
  const health =
    config.WORKER_HEALTH_PORT === undefined ? undefined : await serveWorkerHealth(config.WORKER_HEALTH_PORT, config.HOST, db, producer);
  log.info({ queue: QUEUE_NAME, jobs: Object.keys(JOBS), healthPort: health?.port }, 'worker started');
  return {
    queue,
    healthPort: health?.port,
    stop: async () => {
      await health?.close();
      await relay.stop();
      await worker.close();
      await queue.close();
      await app.close(); // disconnects Redis; closes the database unless a test handed it in
    },
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const config = loadConfig();
  const log = createLogger(config, 'samrad-worker');
  // The worker never migrates: against a database whose migrations are behind, it says so and exits (code 1).
  assertMigrationsCurrent(config, { nb: 'Arbeideren', en: 'The worker' })
    .then(() => startWorker(config, log))
    .then(
      // On SIGTERM: no new jobs are taken, the running ones finish (BullMQ's close waits for them), the
      // relay stops; a job still running after SHUTDOWN_GRACE_MS is cut off and retried by another worker.
      (running) => stopGracefullyOnSignals(log, config.SHUTDOWN_GRACE_MS, () => running.stop()),
      (error: unknown) => {
        if (error instanceof MigrationsBehind) {
          log.fatal({ pending: error.pending }, error.message);
          if (!log.isLevelEnabled('fatal')) console.error(error.message);
        } else log.fatal({ err: error }, 'worker failed to start');
        process.exit(1);
      },
    );
}
