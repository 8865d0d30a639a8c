import { z } from 'zod';
import { MEETING_KINDS } from './cases.js';

// Responses of meetings, agendas, minutes and school conferences.

const ref = z.object({ id: z.string(), name: z.string() });

export const meetingSummaryResponseSchema = z.object({
  id: z.string(),
  body: ref,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  open: z.boolean(),
  closedBasis: z.string().nullable(),
  agendaPublished: z.boolean(),
  agendaDueAt: z.string(),
});
export const meetingListResponseSchema = z.object({ meetings: z.array(meetingSummaryResponseSchema) });

export const meetingDetailResponseSchema = meetingSummaryResponseSchema.extend({
  mayDecide: z.boolean(),
  administrationPosition: z.string().nullable(),
  agenda: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      committeeNumber: z.string().nullable(),
      case: z.object({ id: z.string(), number: z.string(), title: z.string() }),
      minutes: z.string().nullable(),
      decision: z.object({ id: z.string(), text: z.string().nullable(), openInputReason: z.string().nullable() }).nullable(),
      openInput: z.string().nullable(),
      exemptBasis: z.string().nullable(),
    }),
  ),
  attendance: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      status: z.enum(['present', 'absent', 'substitute']),
      substituteName: z.string().nullable(),
    }),
  ),
  statements: z.array(
    z.object({ id: z.string(), union: z.string().nullable(), text: z.string(), author: z.string(), createdAt: z.string() }),
  ),
  /** A school conference's registration and input (null for other meetings). */
  conference: z
    .object({
      registrationOpen: z.boolean(),
      inputOpen: z.boolean(),
      registrationCount: z.number().int(),
      registered: z.boolean(),
      myRepresenting: z.string().nullable(),
      /** Who registered (officers and the body's members; null for others). */
      registrations: z
        .array(z.object({ userId: z.string(), name: z.string(), title: z.string(), representing: z.string().nullable() }))
        .nullable(),
    })
    .nullable(),
});

export const meetingCreatedResponseSchema = z.object({ id: z.string() });
export const agendaItemCreatedResponseSchema = z.object({ id: z.string(), committeeNumber: z.string().nullable() });
export const minutesRecordedResponseSchema = z.object({ decisionId: z.string().nullable() });
export const statementCreatedResponseSchema = z.object({ id: z.string() });
export const registrationResponseSchema = z.object({ registered: z.boolean(), representing: z.string().nullable() });
