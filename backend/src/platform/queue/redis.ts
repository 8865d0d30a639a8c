import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection for producers: fails fast while Redis is away (the outbox keeps the work),
 * instead of queueing commands in memory.
 */
export function producerConnection(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
    retryStrategy: (n) => Math.min(n * 200, 2000),
  });
}

/** Options for BullMQ workers, which block on Redis and must retry forever. */
export function workerConnectionOptions(url: string): RedisOptions & { url: string } {
  return { url, maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2000) } as RedisOptions & { url: string };
}
