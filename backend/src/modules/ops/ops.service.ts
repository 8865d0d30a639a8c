import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../platform/auth/context.js';
import { isOperator } from '../../platform/auth/operators.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { QUEUE_NAME } from '../../platform/queue/jobs.js';
import type { Redis } from 'ioredis';
import { REDIS } from '../../platform/queue/queue.module.js';
import { ReadCache } from '../../platform/cache/read-cache.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;
/** A municipality's counts are taken from the newest jobs of each state, at most this many (failed jobs are kept for good). */
const MUNICIPALITY_SCAN = 5000;

/** Prometheus metrics and a view of the job queue for administrators. */
@Injectable()
export class OpsService implements OnModuleDestroy {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'samrad_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly httpErrors = new Counter({
    name: 'samrad_http_server_errors_total',
    help: 'Responses with status 5xx',
    labelNames: ['route'],
    registers: [this.registry],
  });
  readonly readCacheReads = new Counter({
    name: 'samrad_read_cache_reads_total',
    help: 'Cached reads (start page, case pages) by how they were answered: hit, miss, shared (joined a load), bypass (cache off or Redis away)',
    labelNames: ['result'],
    registers: [this.registry],
  });
  private queue: Queue | undefined;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ReadCache) readCache: ReadCache,
  ) {
    readCache.observe((result) => this.readCacheReads.inc({ result }));
    collectDefaultMetrics({ register: this.registry, prefix: 'samrad_' });
    const jobQueue = () => this.jobQueue();
    const database = this.db;
    // Read when Prometheus scrapes, so the numbers are current and nothing polls in between.
    new Gauge({
      name: 'samrad_jobs',
      help: 'Jobs in the queue by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const counts = await jobQueue()
          .getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')
          .catch(() => null);
        for (const [state, n] of Object.entries(counts ?? {})) this.set({ state }, n);
      },
    });
    new Gauge({
      name: 'samrad_outbox_pending',
      help: 'Outbox rows not yet moved to the queue',
      registers: [this.registry],
      async collect() {
        const [r] = await database.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`);
        this.set(r.n);
      },
    });
    new Gauge({
      name: 'samrad_outbox_lag_seconds',
      help: 'Age of the oldest outbox row not yet moved to the queue',
      registers: [this.registry],
      async collect() {
        const [r] = await database.query(
          `SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag FROM outbox WHERE relayed_at IS NULL`,
        );
        this.set(r.lag);
      },
    });
  }

  /** The job queue, for counts and the job board, on the API's shared producer connection (opened on first use). */
  jobQueue(): Queue {
    if (!this.queue) {
      this.queue = new Queue(QUEUE_NAME, { connection: this.redis, prefix: this.config.QUEUE_PREFIX });
      this.queue.on('error', () => undefined);
    }
    return this.queue;
  }

  async metrics(): Promise<string> {
    return this.registry.metrics();
  }

  /**
   * Counts by state and the latest failed jobs with their reasons. The queue is shared by every
   * municipality: an operator (isOperator) sees all of it; a municipality's administrator only the
   * jobs whose payload names their municipality (OutboxService stamps it), never installation-wide
   * ones (the daily digest) or another municipality's. Their counts come from the newest
   * MUNICIPALITY_SCAN jobs of each state.
   */
  async jobs(ctx: RequestContext) {
    const q = this.jobQueue();
    const show = (j: Job) => ({
      id: j.id,
      name: j.name,
      attemptsMade: j.attemptsMade,
      failedReason: j.failedReason,
      finishedOn: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
    });
    if (isOperator(ctx, this.config)) {
      const [counts, failed] = await Promise.all([q.getJobCounts(...JOB_STATES), q.getFailed(0, 49)]);
      return { scope: 'installation' as const, counts, failed: failed.map(show) };
    }
    const own = (j: Job | undefined): j is Job =>
      !!j && (j.data as { municipalityId?: unknown } | null)?.municipalityId === ctx.municipalityId;
    const lists = await Promise.all(
      JOB_STATES.map(async (state) => ((await q.getJobs([state], 0, MUNICIPALITY_SCAN - 1)) as (Job | undefined)[]).filter(own)),
    );
    const counts = Object.fromEntries(JOB_STATES.map((state, i) => [state, lists[i]!.length])) as Record<
      (typeof JOB_STATES)[number],
      number
    >;
    const failed = lists[JOB_STATES.indexOf('failed')]!.sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0)).slice(0, 50);
    return { scope: 'municipality' as const, counts, failed: failed.map(show) };
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
  }
}
