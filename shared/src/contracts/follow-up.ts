import { z } from 'zod';
import { isoDate, line, optionalText, patchSchema, uuid } from './common.js';
import { MANDATE_ITEM_STATUSES } from './organisation.js';

/** The follow-up of a vedtak: tasks with an owner, a due date, a status and notes. */
export const FOLLOW_UP_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const createFollowUpSchema = z.object({
  title: line('Oppgave', 300),
  ownerId: uuid.nullable().default(null),
  dueDate: isoDate.nullable().default(null),
  status: z.enum(FOLLOW_UP_STATUSES, { error: 'Ugyldig status' }).default('not_started'),
  notes: optionalText(5000).default(''),
});
export const updateFollowUpSchema = patchSchema(createFollowUpSchema.shape);
export type CreateFollowUp = z.infer<typeof createFollowUpSchema>;
export type UpdateFollowUp = z.infer<typeof updateFollowUpSchema>;

// Responses ------------------------------------------------------------------------------------

const person = z.object({ id: z.string(), name: z.string(), title: z.string() });

export const followUpResponseSchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  title: z.string(),
  owner: person.nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(FOLLOW_UP_STATUSES),
  notes: z.string(),
  late: z.boolean(),
  version: z.number().int(),
});

/** A case's vedtak, each with its follow-up tasks (read by everyone who may read the case). */
export const caseFollowUpsResponseSchema = z.object({
  decisions: z.array(
    z.object({
      id: z.string(),
      body: z.object({ id: z.string(), name: z.string() }),
      committeeNumber: z.string().nullable(),
      decidedOn: z.string(),
      tasks: z.array(followUpResponseSchema),
    }),
  ),
});

/**
 * The mandate's final report: per item, its cases, their vedtak and how far each has come (its
 * follow-up tasks). An exempt case the reader may not read is named by its public title; its vedtak's
 * text and tasks are withheld with the legal basis.
 */
export const mandateReportResponseSchema = z.object({
  mandate: z.object({ id: z.string(), title: z.string(), description: z.string(), endDate: z.string() }),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      title: z.string(),
      status: z.enum(MANDATE_ITEM_STATUSES),
      owner: person.nullable(),
      dueDate: z.string().nullable(),
      cases: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          title: z.string(),
          status: z.string(),
          exemptBasis: z.string().nullable(),
          decisions: z.array(
            z.object({
              id: z.string(),
              body: z.string(),
              committeeNumber: z.string().nullable(),
              decidedOn: z.string(),
              text: z.string().nullable(),
              tasks: z.array(followUpResponseSchema),
            }),
          ),
        }),
      ),
    }),
  ),
});
