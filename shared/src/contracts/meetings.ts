import { z } from 'zod';
import { ITEM_ABSENCE_REASONS, MEETING_KINDS, motionResponseSchema } from './cases.js';
import { IMPARTIALITY_BASES, IMPARTIALITY_DECISIONS } from './impartiality.js';

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
  /** The protocol approved (godkjent): when and by whom; its minutes, attendance and statements are then locked. */
  minutesApproval: z.object({ at: z.string(), by: z.string() }).nullable(),
  administrationPosition: z.string().nullable(),
  agenda: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      committeeNumber: z.string().nullable(),
      case: z.object({ id: z.string(), number: z.string(), title: z.string() }),
      minutes: z.string().nullable(),
      /** The vedtak with its motions and votes (text and motions only for those who may read the case). */
      decision: z
        .object({
          id: z.string(),
          text: z.string().nullable(),
          openInputReason: z.string().nullable(),
          motions: z.array(motionResponseSchema),
        })
        .nullable(),
      /** Dissens recorded with the vedtak (for those who may read the case). */
      dissent: z.array(z.object({ name: z.string(), reason: z.string() })),
      /** Members who met but were not there for this case (inhabil, or left the meeting). */
      absences: z.array(
        z.object({ userId: z.string(), name: z.string(), reason: z.enum(ITEM_ABSENCE_REASONS), note: z.string().nullable() }),
      ),
      openInput: z.string().nullable(),
      exemptBasis: z.string().nullable(),
      /** Impartiality in this case (for those who may read it): each declaration, the body's decision and the substitute. */
      impartiality: z.array(
        z.object({
          name: z.string(),
          declaredBy: z.enum(['self', 'officer']),
          reason: z.string(),
          legalBasis: z.enum(IMPARTIALITY_BASES),
          decision: z.enum(IMPARTIALITY_DECISIONS),
          decisionText: z.string().nullable(),
          substituteName: z.string().nullable(),
        }),
      ),
      /** Who may vote in this case (those who met, less those not there for it, with substitutes called in for it). */
      eligibleVoters: z.array(z.object({ userId: z.string(), name: z.string(), substitute: z.boolean() })),
      /** Who met but may not vote in this case, and why (inhabil, or left). */
      excludedVoters: z.array(
        z.object({ userId: z.string(), name: z.string(), reason: z.enum(ITEM_ABSENCE_REASONS), note: z.string().nullable() }),
      ),
      /** Who voted, where the protocol records it. */
      voters: z.array(z.object({ userId: z.string(), name: z.string() })),
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
    z.object({
      id: z.string(),
      union: z.string().nullable(),
      text: z.string(),
      author: z.string(),
      createdAt: z.string(),
      /** The case on the agenda the statement is about (null: the whole meeting). */
      agendaItemId: z.string().nullable(),
    }),
  ),
  /** The union the caller may write a protokolltilførsel for here (a union representative on the body, in a drøftingsmøte); otherwise null. */
  myStatementUnion: z.string().nullable(),
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

/** The protokolltilførsler about a case: from drøftingsmøter with the case on their agenda (about it, or the whole meeting). */
export const caseStatementsResponseSchema = z.object({
  statements: z.array(
    z.object({
      id: z.string(),
      meeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string(), body: z.string() }),
      union: z.string(),
      text: z.string(),
      author: z.string(),
      createdAt: z.string(),
      /** Whether the statement is about this case (false: about the whole meeting). */
      aboutCase: z.boolean(),
    }),
  ),
});
