import { z } from 'zod';

/**
 * The municipality a job works for. The queue is shared by the installation, so a municipality's
 * administrator sees only the jobs that name theirs (OpsService.jobs). Optional: jobs queued before it
 * was stamped, and installation-wide ones (the daily digest), name none and are seen by operators only.
 */
const municipalityId = z.string().optional();

/**
 * The kinds of notice. Each has its text, recipients, e-mail policy and dedup key in the catalogue
 * (`modules/notifications/notice-kinds.ts`, typed against this list); a notice job of any other kind is refused.
 */
export const NOTICE_KIND_NAMES = [
  'invited',
  'receipt',
  'reminder',
  'extension',
  'round_closed',
  'disposition',
  'comment',
  'decision',
  'agenda',
] as const;
export type NoticeKind = (typeof NOTICE_KIND_NAMES)[number];

/**
 * The typed registry of every background job: its name and its payload. The worker refuses to
 * start unless each has a handler.
 */
export const JOBS = {
  'mail.send': z.object({ to: z.string(), subject: z.string(), text: z.string(), municipalityId }),
  /** An in-app notification and an e-mail to each user, rendered from the notice catalogue (NoticesService.send). */
  notify: z.object({
    municipalityId: z.string(),
    userIds: z.array(z.string()),
    kind: z.enum(NOTICE_KIND_NAMES),
    title: z.string(),
    body: z.string(),
    link: z.string(),
    /** The case the notice concerns (null: none), for grouping in the daily digest. */
    caseId: z.string().nullable().default(null),
    key: z.string(),
    /** The parameters it is said with, in each reader's language (absent in notices queued before; title and body are bokmål). */
    params: z.record(z.string(), z.unknown()).optional(),
  }),
  /** Remind invited bodies that have not answered; skipped when the deadline has moved since. */
  'round.remind': z.object({ roundId: z.string(), minutes: z.number(), closesAt: z.string(), municipalityId }),
  /** Close a round at its deadline; a no-op when already closed or the deadline moved. */
  'round.close': z.object({ roundId: z.string(), closesAt: z.string(), municipalityId }),
  /** Publishes a meeting's agenda the set number of days ahead, unless it was published by hand. */
  'meeting.publishAgenda': z.object({ meetingId: z.string(), startsAt: z.string(), municipalityId }),
  /** The daily digest (07:00 Europe/Oslo): deadlines first, then what is new, grouped by case. */
  'digest.daily': z.object({ date: z.string().optional() }),
  /** A sensitivity analysis: one parameter over a range, with progress. */
  'allocation.sweep': z.object({ sweepId: z.string(), municipalityId }),
  /** A large dataset import: parse, validate every row, and store only when clean. */
  'allocation.import': z.object({ importId: z.string(), municipalityId }),
} as const;

/**
 * For jobs whose payload names a row rather than a municipality: the table of that row and the
 * payload field with its id. OutboxService.enqueue stamps the row's municipality into the payload.
 */
export const JOB_MUNICIPALITY_FROM: Partial<Record<JobName, { table: string; idField: string }>> = {
  'round.remind': { table: 'input_round', idField: 'roundId' },
  'round.close': { table: 'input_round', idField: 'roundId' },
  'meeting.publishAgenda': { table: 'meeting', idField: 'meetingId' },
  'allocation.sweep': { table: 'sweep', idField: 'sweepId' },
  'allocation.import': { table: 'import_job', idField: 'importId' },
};

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
