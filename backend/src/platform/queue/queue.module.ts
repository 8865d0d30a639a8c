import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OutboxService } from './outbox.service.js';
import { producerConnection } from './redis.js';

export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    OutboxService,
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = producerConnection(config.REDIS_URL);
        redis.on('error', () => undefined); // reported by /health/ready
        return redis;
      },
    },
  ],
  exports: [OutboxService, REDIS],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
