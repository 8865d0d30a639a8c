import { Global, HttpException, HttpStatus, Inject, Injectable, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { withTimeout } from '../async/with-timeout.js';
import type { RequestContext } from '../auth/context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TooManyRequests } from '../http/errors.js';
import { REDIS } from '../queue/queue.module.js';

/** Expensive work one person may have queued or running at once, per kind. */
export const WORK_LIMITS = { sweep: 2, import: 2, export: 2 } as const;

/** A queued or running job older than this no longer counts (a lost job must not block its owner for good). */
const STALE_AFTER = '1 hour';

const JOBS = {
  sweep: { table: 'sweep', what: 'følsomhetsanalyser', retryAfter: 30 },
  import: { table: 'import_job', what: 'importer av datagrunnlag', retryAfter: 30 },
} as const;

/** 413 with a Norwegian message on the file field, like the size limit of a single file. */
export class TooMuchAttached extends HttpException {
  constructor(message: string) {
    super({ errors: [{ path: 'file', message }] }, HttpStatus.PAYLOAD_TOO_LARGE);
  }
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`;

/**
 * The one owner of per-person limits on expensive work, so that one person cannot take the worker or
 * the API from everyone else:
 * - sweeps and large imports: at most WORK_LIMITS of each queued or running per person, counted from
 *   their rows (`status` queued/running, started within the hour) in the transaction that adds one;
 * - exports (built in the request): at most WORK_LIMITS.export at once per person, counted in Redis so
 *   every API process shares the count (without Redis the count is skipped rather than refusing work);
 * - attachments: at most SUBMISSION_ATTACHMENTS_MAX_MB in total on one submission.
 * A refusal is 429 with Retry-After (see ErrorFilter) or 413, with a Norwegian message.
 */
@Injectable()
export class WorkLimits {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Call in the transaction that queues the job, before its row is added. */
  async assertRoomForJob(m: EntityManager, ctx: RequestContext, kind: keyof typeof JOBS): Promise<void> {
    const { table, what, retryAfter } = JOBS[kind];
    // One count at a time per person and kind, so two requests at once cannot both pass.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`work-limit:${kind}:${ctx.userId}`]);
    const [row]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE created_by = $1 AND status IN ('queued', 'running') AND created_at > now() - interval '${STALE_AFTER}'`,
      [ctx.userId],
    );
    if ((row?.n ?? 0) >= WORK_LIMITS[kind]) {
      throw new TooManyRequests(
        `Du har allerede ${WORK_LIMITS[kind]} ${what} som venter eller kjører. Vent til en av dem er ferdig, og prøv igjen.`,
        retryAfter,
      );
    }
  }

  /** Runs an export in one of the person's export slots; refuses (429) when they are all in use. */
  async export<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
    const key = `${this.config.QUEUE_PREFIX}:work:export:${ctx.userId}`;
    const taken = await withTimeout(
      this.redis
        .multi()
        .incr(key)
        .expire(key, 300)
        .exec()
        .then((r) => Number(r?.[0]?.[1])),
      250,
    ).catch(() => null);
    if (taken !== null && taken > WORK_LIMITS.export) {
      await this.redis.decr(key).catch(() => undefined);
      throw new TooManyRequests(`Du har allerede ${WORK_LIMITS.export} eksporter som lages. Vent til de er ferdige, og prøv igjen.`, 5);
    }
    try {
      return await work();
    } finally {
      if (taken !== null) await withTimeout(this.redis.decr(key), 250).catch(() => undefined);
    }
  }

  /** Call in the transaction that adds a file to a submission, after the submission is locked for update. */
  async assertRoomOnSubmission(m: EntityManager, submissionId: string, bytes: number): Promise<void> {
    const max = this.config.SUBMISSION_ATTACHMENTS_MAX_MB * 1024 * 1024;
    const [row]: { total: string }[] = await m.query(
      `SELECT coalesce(sum(size_bytes), 0)::bigint AS total FROM attachment WHERE submission_id = $1`,
      [submissionId],
    );
    const total = Number(row?.total ?? 0);
    if (total + bytes > max) {
      throw new TooMuchAttached(
        `Vedleggene til et innspill kan til sammen være høyst ${mb(max)}. Innspillet har allerede ${mb(total)} vedlegg, og filen er ${mb(bytes)}. Fjern et vedlegg eller del innspillet.`,
      );
    }
  }
}

/** WorkLimits for every module. */
@Global()
@Module({ providers: [WorkLimits], exports: [WorkLimits] })
export class LimitsModule {}
