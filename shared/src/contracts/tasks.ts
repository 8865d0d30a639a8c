import { z } from 'zod';
import { FOLLOW_UP_STATUSES } from './follow-up.js';

/** The start page: what the person should do or know now. */
export const tasksResponseSchema = z.object({
  openRounds: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      deadline: z.string(),
      extended: z.boolean(),
      body: z.object({ id: z.string(), name: z.string() }).nullable(),
      status: z.string(),
      case: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
    }),
  ),
  meetings: z.array(
    z.object({ id: z.string(), title: z.string(), startsAt: z.string(), place: z.string().nullable(), bodyName: z.string() }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      decidedOn: z.string(),
      committeeNumber: z.string().nullable(),
      bodyName: z.string(),
      case: z.object({ id: z.string(), title: z.string() }),
    }),
  ),
  /** Follow-up tasks of vedtak the person owns and has not finished, soonest due first. */
  followUps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueDate: z.string().nullable(),
      status: z.enum(FOLLOW_UP_STATUSES),
      late: z.boolean(),
      case: z.object({ id: z.string(), number: z.string(), title: z.string() }),
    }),
  ),
  unreadNotifications: z.number().int(),
  /** Case officers only. */
  casesToReview: z.array(z.object({ id: z.string(), number: z.string(), title: z.string() })).optional(),
  /** Case officers only. */
  awaitingDisposition: z
    .array(z.object({ submissionId: z.string(), roundId: z.string(), title: z.string(), caseId: z.string() }))
    .optional(),
});
