import { Global, Module } from '@nestjs/common';
import { ReadCache } from './read-cache.js';

/** The read-model cache (see read-cache.ts), available to every module. */
@Global()
@Module({ providers: [ReadCache], exports: [ReadCache] })
export class CacheModule {}
