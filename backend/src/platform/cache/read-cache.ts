import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import { withTimeout } from '../async/with-timeout.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { RequestContext } from '../auth/context.js';
import { REDIS } from '../queue/queue.module.js';

/**
 * The generation keys in Redis. Every write bumps its municipality's key (or, for a background job
 * that names no municipality, the global one) to a fresh random value, so a cached read is used only
 * while neither key has changed since it was read. Random values rather
 * than counters: a Redis that restarts empty can never bring an old generation back.
 */
const generationKey = (prefix: string, municipalityId: string | null) => `${prefix}:readgen:${municipalityId ?? '*'}`;
const GENERATION_TTL_SECONDS = 7 * 24 * 3600;
/** A Redis that answers slower than this is treated as away: reads bypass the cache, writes empty it here. */
const REDIS_TIMEOUT_MS = 250;

/** Marks everything a municipality (or, with null, everyone) reads as changed. Used by the API and the worker. */
export async function bumpReadGeneration(redis: Redis, prefix: string, municipalityId: string | null): Promise<void> {
  await redis.set(generationKey(prefix, municipalityId), randomUUID(), 'EX', GENERATION_TTL_SECONDS);
}

/** How a read was answered: from the cache, by a load (alone or shared), or past the cache (off, or Redis away). */
export type ReadCacheResult = 'hit' | 'miss' | 'shared' | 'bypass';

interface Entry {
  generation: string;
  value: unknown;
}

/**
 * A cache of read models (the start page, a case page) per person, in the API process.
 *
 * Safe because it never outlives a write: each entry carries the generation it was read under, and
 * a hit needs the current generation from Redis (one MGET per read, no database). Any state change
 * through the API bumps the generation before its response is sent (see app.factory.ts), and every
 * job that may change what people read bumps it when done (worker.ts). What only time changes (a
 * deadline passing) is bounded by READ_CACHE_MS. While Redis is unreachable nothing is served from
 * the cache, and the cache is emptied when Redis comes back (writes in between bumped nothing).
 */
@Injectable()
export class ReadCache implements OnModuleDestroy {
  private readonly entries: LRUCache<string, Entry> | undefined;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly onReady = () => this.entries?.clear();
  private observer: (result: ReadCacheResult) => void = () => undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.READ_CACHE_MS > 0) {
      // Bounded by count and by size (a case page with long sections is tens of kilobytes); the size
      // is measured once per load, which is rare next to the hits.
      this.entries = new LRUCache<string, Entry>({
        max: 10_000,
        maxSize: 64 * 1024 * 1024,
        sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.value)?.length ?? 1),
        ttl: config.READ_CACHE_MS,
      });
      redis.on('ready', this.onReady);
    }
  }

  /** Told how every read was answered (the metrics count them). */
  observe(observer: (result: ReadCacheResult) => void): void {
    this.observer = observer;
  }

  /** `load()`'s answer for this person and key, from the cache when nothing has changed since. */
  async read<T>(ctx: RequestContext, key: string, load: () => Promise<T>): Promise<T> {
    const entries = this.entries;
    const generation = entries && this.redis.status === 'ready' ? await this.generation(ctx.municipalityId) : undefined;
    if (!entries || generation === undefined) {
      this.observer('bypass');
      return load();
    }
    // What the person may see follows their roles and bodies, so they are part of the key.
    const cacheKey = `${ctx.userId}|${[...ctx.roles].sort().join(',')}|${[...ctx.bodyIds].sort().join(',')}|${key}`;
    const hit = entries.get(cacheKey);
    if (hit && hit.generation === generation) {
      this.observer('hit');
      return hit.value as T;
    }
    // One load per key and generation, however many ask at once (when an entry expires under load,
    // two hundred requests would otherwise all go to the database in the same moment).
    const flightKey = `${generation}|${cacheKey}`;
    const pending = this.inFlight.get(flightKey);
    if (pending) {
      this.observer('shared');
      return pending as Promise<T>;
    }
    this.observer('miss');
    // The generation was read before the load: a write committed during the load bumps it, so the
    // entry stored here is never used after that write.
    const loading = load().then((value) => {
      entries.set(cacheKey, { generation, value });
      return value;
    });
    this.inFlight.set(flightKey, loading);
    try {
      return await loading;
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  /**
   * Called after a state change, before its response: what the municipality reads has changed. Done
   * even with this process's own cache off, for the other processes' sake.
   */
  async invalidate(municipalityId: string): Promise<void> {
    try {
      if (this.redis.status !== 'ready') throw new Error('Redis er ikke tilgjengelig');
      await withTimeout(bumpReadGeneration(this.redis, this.config.QUEUE_PREFIX, municipalityId), REDIS_TIMEOUT_MS);
    } catch {
      // Redis is away: this process forgets everything and serves nothing cached until it is back.
      // Another process whose connection still works serves what it holds for READ_CACHE_MS at most.
      this.entries?.clear();
    }
  }

  private async generation(municipalityId: string): Promise<string | undefined> {
    try {
      const [own, global] = await withTimeout(
        this.redis.mget(generationKey(this.config.QUEUE_PREFIX, municipalityId), generationKey(this.config.QUEUE_PREFIX, null)),
        REDIS_TIMEOUT_MS,
      );
      return `${own ?? '-'}|${global ?? '-'}`;
    } catch {
      return undefined;
    }
  }

  onModuleDestroy(): void {
    this.redis.off('ready', this.onReady);
  }
}
