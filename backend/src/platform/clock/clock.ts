import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';

/** Injection token of the clock deadlines are read from. */
export const CLOCK = Symbol('CLOCK');

/**
 * What time it is for deadlines (a round's closing, its reminders, a late submission). The system
 * clock everywhere but in tests, where TEST_CLOCK=1 gives a clock the tests can move forward.
 */
export interface Clock {
  now(): Date;
  /** Picks up a change made by another process (the test clock's offset lives in Redis); nothing for the system clock. */
  sync(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date(), sync: async () => undefined };

/** Where the test clock keeps how far it is ahead of the system clock, shared by the API processes and the workers. */
export const testClockKey = (queuePrefix: string) => `${queuePrefix}:test-clock:offset-ms`;

/** The system clock plus an offset in Redis that tests move forward (`POST /api/test/clock`). Never in production. */
export class TestClock implements Clock {
  private offset = 0;

  constructor(
    private readonly redis: Redis,
    private readonly queuePrefix: string,
  ) {}

  get offsetMs(): number {
    return this.offset;
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  async sync(): Promise<void> {
    try {
      this.offset = Number(await this.redis.get(testClockKey(this.queuePrefix))) || 0;
    } catch {
      // Redis away: keep the offset last read.
    }
  }

  async advance(ms: number): Promise<void> {
    this.offset = await this.redis.incrby(testClockKey(this.queuePrefix), Math.round(ms));
  }

  async set(offsetMs: number): Promise<void> {
    await this.redis.set(testClockKey(this.queuePrefix), String(Math.round(offsetMs)));
    this.offset = Math.round(offsetMs);
  }
}

export function createClock(config: Pick<AppConfig, 'TEST_CLOCK' | 'QUEUE_PREFIX'>, redis: Redis): Clock {
  return config.TEST_CLOCK ? new TestClock(redis, config.QUEUE_PREFIX) : systemClock;
}
