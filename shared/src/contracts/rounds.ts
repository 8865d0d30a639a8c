import { z } from 'zod';
import { DISPOSITION_OUTCOMES, SECTION_KINDS, attachmentMetaSchema } from './cases.js';

// Responses of input rounds, submissions, continuous inputs and the case's «Innspill og behandling».

const ref = z.object({ id: z.string(), name: z.string() });

export const roundCreatedResponseSchema = z.object({ id: z.string() });

/** A submission as its readers see it (submissionVisibleSql decides who does). */
export const submissionResponseSchema = z.object({
  id: z.string(),
  roundId: z.string().nullable(),
  body: ref.nullable(),
  author: z.object({ id: z.string(), name: z.string(), title: z.string() }),
  capacity: z.enum(['on_behalf_of_body', 'own_capacity']),
  version: z.number().int(),
  late: z.boolean(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  text: z.string(),
  sha256: z.string(),
  /** The school conference it came from, when it did. */
  meeting: z.object({ id: z.string(), title: z.string() }).nullable(),
  attachments: z.array(attachmentMetaSchema),
  disposition: z
    .object({
      outcome: z.enum(DISPOSITION_OUTCOMES),
      reason: z.string(),
      sectionId: z.string().nullable(),
      sectionKind: z.enum(SECTION_KINDS).nullable(),
      recordedAt: z.string(),
    })
    .nullable(),
});

export const roundDetailResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  questions: z.string(),
  caseId: z.string().nullable(),
  /** The case by the title the caller may see: an invitee who may not read an exempt case gets its public title. */
  case: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  mandateItemId: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  latePolicy: z.enum(['refuse', 'accept_late']),
  publishAfterClose: z.boolean(),
  open: z.boolean(),
  closedAt: z.string().nullable(),
  invitations: z.array(z.object({ bodyId: z.string(), bodyName: z.string(), status: z.string(), extendedUntil: z.string().nullable() })),
  documents: z.array(attachmentMetaSchema),
  invitedPersons: z.array(z.object({ userId: z.string(), name: z.string(), title: z.string(), status: z.string() })),
  /** Officers only: each reminder sent, to a body or a person (null for others). */
  remindersSent: z.array(z.object({ bodyId: z.string().nullable(), userId: z.string().nullable(), sentAt: z.string() })).nullable(),
  invitedMe: z.boolean(),
  myBodyIds: z.array(z.string()),
  submissions: z.array(submissionResponseSchema),
});

/** The receipt of a submission (the same for a repeated idempotency key, then with `duplicate`). */
export const receiptResponseSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  submittedAt: z.string(),
  sha256: z.string(),
  late: z.boolean(),
  duplicate: z.boolean().optional(),
});

export const submissionVersionsResponseSchema = z.object({
  versions: z.array(z.object({ version: z.number().int(), text: z.string(), sha256: z.string(), createdAt: z.string() })),
});

/** «Innspill og behandling»: the case's inputs with their dispositions, and the generated text. */
export const inputSummaryResponseSchema = z.object({
  caseId: z.string(),
  total: z.number().int(),
  handled: z.number().int(),
  items: z.array(submissionResponseSchema),
  text: z.string(),
});
