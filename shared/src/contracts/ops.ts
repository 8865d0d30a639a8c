import { z } from 'zod';

// Responses of operations: the job view, health, the test clock, caught mail and the API description.

export const jobsResponseSchema = z.object({
  /** `installation` for an operator (every municipality's jobs), else the administrator's own. */
  scope: z.enum(['installation', 'municipality']),
  counts: z.object({
    waiting: z.number().int(),
    active: z.number().int(),
    delayed: z.number().int(),
    completed: z.number().int(),
    failed: z.number().int(),
  }),
  failed: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      attemptsMade: z.number().int(),
      failedReason: z.string(),
      finishedOn: z.string().nullable(),
    }),
  ),
});

export const healthLiveResponseSchema = z.object({ status: z.literal('ok') });
const check = z.enum(['ok', 'unavailable']);
/** 200 when ready, 503 (same shape) when PostgreSQL or Redis does not answer or the process is shutting down (`draining`). */
export const healthReadyResponseSchema = z.object({
  status: z.enum(['ready', 'unavailable', 'draining']),
  checks: z.object({ postgres: check, redis: check }),
});

export const testClockResponseSchema = z.object({ now: z.string(), offsetMs: z.number().int() });
export const testClockMovedResponseSchema = testClockResponseSchema.extend({ promoted: z.array(z.string()) });

export const caughtMailResponseSchema = z.object({
  messages: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() })),
});

/** The OpenAPI 3.1 document (its paths are generated from the route table). */
export const openApiResponseSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
