import 'reflect-metadata';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { JobName, JobPayload } from './jobs.js';

export interface JobContext {
  db: DataSource;
  /** The BullMQ job id (the outbox dedup key). */
  jobId: string;
  /** Reports progress (0-100) to BullMQ. */
  progress: (pct: number) => Promise<void>;
}

export type JobFunction<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<void>;
export type HandlerRegistry = { [N in JobName]?: JobFunction<N> };

/** A job's handler: a thin injectable class whose `run` calls the owning module's service. */
export interface JobRunner<N extends JobName> {
  run(payload: JobPayload<N>, ctx: JobContext): Promise<unknown>;
}

const JOB_NAME = Symbol('samrad:job-name');

/**
 * Marks an injectable class as the handler of one job of the registry (`run` is typed by its payload).
 * The worker finds every such provider of its application context (handlersOf).
 */
export function JobHandler<N extends JobName>(name: N) {
  return <T extends new (...args: never[]) => JobRunner<N>>(target: T): void => {
    Reflect.defineMetadata(JOB_NAME, name, target);
    Injectable()(target);
  };
}

/** The job a class handles (set by @JobHandler), or undefined. */
export const jobNameOf = (target: unknown): JobName | undefined =>
  typeof target === 'function' ? (Reflect.getMetadata(JOB_NAME, target) as JobName | undefined) : undefined;

/** The registry of handlers among these instances (two handlers of one job are refused). */
export function handlersOf(instances: unknown[]): HandlerRegistry {
  const registry: Record<string, JobFunction<JobName>> = {};
  for (const instance of instances) {
    const name = instance && typeof instance === 'object' ? jobNameOf(instance.constructor) : undefined;
    if (!name) continue;
    if (registry[name]) throw new Error(`To behandlere av jobben ${name}`);
    const runner = instance as JobRunner<JobName>;
    registry[name] = async (payload, ctx) => {
      await runner.run(payload as never, ctx);
    };
  }
  return registry as HandlerRegistry;
}

/**
 * Runs `effect` once per key. The key is claimed inside a transaction that commits only after the
 * effect succeeded: a duplicate job waits on the claim and then does nothing; a worker killed before
 * the commit leaves no claim, so the retried job sends again (at least once, never silently lost).
 */
export async function once(db: DataSource, key: string, effect: () => Promise<void>): Promise<boolean> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const claimed: unknown[] = await runner.query(`INSERT INTO job_done (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`, [
      key,
    ]);
    if (claimed.length === 0) {
      await runner.rollbackTransaction();
      return false;
    }
    await effect();
    await runner.commitTransaction();
    return true;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
