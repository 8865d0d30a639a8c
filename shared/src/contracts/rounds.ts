import { z } from 'zod';
import { DISPOSITION_OUTCOMES, SECTION_KINDS, attachmentMetaSchema } from './cases.js';

// Responses of input rounds, submissions, continuous inputs and the case's «Innspill og behandling».

const ref = z.object({ id: z.string(), name: z.string() });

export const roundCreatedResponseSchema = z.object({ id: z.string() });

/** A submission as its readers see it (submissionVisibleSql decides who does). */
export const INPUT_KINDS = ['round', 'continuous', 'conference'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export const submissionResponseSchema = z.object({
  id: z.string(),
  /** Where it was given: in a round, as continuous input, or at a school conference. */
  kind: z.enum(INPUT_KINDS),
  roundId: z.string().nullable(),
  /** The round it answers, by its title. */
  round: ref.nullable(),
  caseId: z.string().nullable(),
  mandateItemId: z.string().nullable(),
  /** At a school conference: whom the author said they came for (their registration). */
  representing: z.string().nullable(),
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
  /** Whether the submitter agreed to publish it in innsyn: for its author and case officers (null for others). */
  publishConsent: z.boolean().nullable(),
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
  /** The case by the title the reader may see, and its number. */
  case: z.object({ number: z.string(), title: z.string() }),
  total: z.number().int(),
  handled: z.number().int(),
  items: z.array(submissionResponseSchema),
  text: z.string(),
});

/** One's own inputs (every kind) on a case or a mandate item, with how each was handled. */
export const myInputsResponseSchema = z.object({ items: z.array(submissionResponseSchema) });
export const publishConsentResponseSchema = z.object({ publishConsent: z.boolean() });

/** Which of my inputs: on a case or on a mandate item (one of them). */
export const myInputsQuerySchema = z
  .object({ caseId: z.uuid({ error: 'Ugyldig sak' }).optional(), mandateItemId: z.uuid({ error: 'Ugyldig mandatpunkt' }).optional() })
  .refine((q) => Boolean(q.caseId) !== Boolean(q.mandateItemId), { path: ['caseId'], message: 'Oppgi enten en sak eller et mandatpunkt' });

/** The filters of «Innspill og behandling» (the page and its exports): kind, outcome, body, handled or not. */
export const inputFilterSchema = z.object({
  kind: z.enum(INPUT_KINDS, { error: 'Ukjent type innspill' }).optional(),
  outcome: z.enum(DISPOSITION_OUTCOMES, { error: 'Ukjent utfall' }).optional(),
  bodyId: z.string().max(100).optional(),
  handled: z.enum(['yes', 'no'], { error: 'Velg behandlet eller ikke behandlet' }).optional(),
});
export type InputFilter = z.infer<typeof inputFilterSchema>;

/** The inputs that pass the filters (bodyId 'own': inputs given in one's own capacity). */
export function filterInputs<T extends z.infer<typeof submissionResponseSchema>>(items: T[], f: InputFilter): T[] {
  return items.filter(
    (s) =>
      (!f.kind || s.kind === f.kind) &&
      (!f.outcome || s.disposition?.outcome === f.outcome) &&
      (!f.bodyId || (f.bodyId === 'own' ? s.body === null : s.body?.id === f.bodyId)) &&
      (!f.handled || (f.handled === 'yes') === (s.disposition !== null)),
  );
}
