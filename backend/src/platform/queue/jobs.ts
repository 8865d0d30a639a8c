import { z } from 'zod';

/**
 * The typed registry of every background job: its name and its payload. The worker refuses to
 * start unless each has a handler.
 */
export const JOBS = {
  'mail.send': z.object({ to: z.string(), subject: z.string(), text: z.string() }),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]>;

export const QUEUE_NAME = 'samrad';

/** Retries with exponential backoff; failed jobs are kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: false,
} as const;
