import { z } from 'zod';
import { allocationResultSchema } from './allocation.js';
import { CASE_STATUSES, motionResponseSchema, SECTION_KINDS } from './cases.js';
import { text } from './common.js';
import { LANGUAGE_FORMS } from '../i18n/languages.js';

/*
 * Innsyn without an account (#20): the public answers under `/api/public/<slug>/…`. Everything here is read by the
 * anonymous reader through the owners' read rules (caseReadableSql with `anonymous`): public cases once they have
 * left their draft, exempt ones by their public title and legal basis only, open meetings, published input the
 * submitter agreed to publish.
 */

/** The licence of Samråd's open data (each register as CSV and JSON). */
export const OPEN_DATA_LICENCE = {
  name: 'Norsk lisens for offentlige data (NLOD) 2.0',
  url: 'https://data.norge.no/nlod/no/2.0',
} as const;
const licence = z.object({ name: z.string(), url: z.string() });

export const publicMunicipalityResponseSchema = z.object({
  slug: z.string(),
  name: z.string(),
  contactEmail: z.string().nullable(),
  /** The municipality's målform: the language of its innsyn for a visitor who has not chosen one. */
  languageForm: z.enum(LANGUAGE_FORMS),
});
export const publicMunicipalitiesResponseSchema = z.object({ municipalities: z.array(publicMunicipalityResponseSchema) });

/** `?q=` of the public registers: free text, at most 200 characters. */
export const publicSearchSchema = z.object({ q: text().max(200, { error: 'Søket kan være høyst 200 tegn' }).optional() });

export const publicCaseSummaryResponseSchema = z.object({
  id: z.string(),
  number: z.string(),
  /** The case's title, or an exempt case's public (screened) title. */
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  exempt: z.boolean(),
  /** The legal basis an exempt case is withheld by (offentleglova), else null. */
  legalBasis: z.string().nullable(),
  updatedAt: z.string(),
});
export const publicCaseListResponseSchema = z.object({
  municipality: publicMunicipalityResponseSchema,
  licence,
  cases: z.array(publicCaseSummaryResponseSchema),
});

const publicSubmission = z.object({
  id: z.string(),
  /** The body it speaks for, else the person's name (they agreed to publication). */
  from: z.string(),
  text: z.string(),
  submittedAt: z.string(),
  late: z.boolean(),
  outcome: z.string().nullable(),
  reason: z.string().nullable(),
});

export const publicRoundResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  questions: z.string(),
  case: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  publishAfterClose: z.boolean(),
  invitedBodies: z.array(z.string()),
  submissions: z.array(publicSubmission),
});

export const publicCaseDetailResponseSchema = z.discriminatedUnion('exempt', [
  z.object({
    exempt: z.literal(true),
    id: z.string(),
    number: z.string(),
    title: z.string(),
    legalBasis: z.string().nullable(),
    status: z.enum(CASE_STATUSES),
  }),
  z.object({
    exempt: z.literal(false),
    id: z.string(),
    number: z.string(),
    title: z.string(),
    status: z.enum(CASE_STATUSES),
    mandateItem: z.object({ id: z.string(), number: z.number(), title: z.string() }).nullable(),
    sections: z.array(z.object({ kind: z.enum(SECTION_KINDS), text: z.string(), updatedAt: z.string() })),
    route: z.array(z.object({ bodyName: z.string(), committeeNumber: z.string().nullable(), meetingDate: z.string().nullable() })),
    recommendations: z.array(z.object({ bodyName: z.string(), text: z.string(), recordedAt: z.string() })),
    decisions: z.array(
      z.object({
        id: z.string(),
        bodyName: z.string(),
        committeeNumber: z.string().nullable(),
        decidedOn: z.string(),
        text: z.string(),
        motions: z.array(motionResponseSchema),
      }),
    ),
    rounds: z.array(z.object({ id: z.string(), title: z.string(), closesAt: z.string(), open: z.boolean() })),
    meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), bodyName: z.string() })),
    /** The case's public documents (its newest saksframlegg and its public vedlegg), each downloadable at `href`. */
    documents: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['case_presentation', 'attachment']),
        title: z.string(),
        filename: z.string(),
        size: z.number(),
        sha256: z.string(),
        createdAt: z.string(),
        href: z.string(),
      }),
    ),
    /** The case's allocation scenarios (fordelingssak), each with its stored result (`GET …/scenarios/:id`). */
    scenarios: z.array(
      z.object({ id: z.string(), name: z.string(), adopted: z.boolean(), allocationTitle: z.string(), budgetYear: z.number() }),
    ),
  }),
]);

/**
 * A stored result as the public reads it: each unit's adjustments by amount only, without the officer's free-text
 * reason (AllocationService.getScenario leaves it out for the anonymous reader).
 */
export const publicAllocationResultSchema = allocationResultSchema.extend({
  units: z.array(allocationResultSchema.shape.units.element.extend({ adjustments: z.array(z.object({ amount: z.number() }).strict()) })),
});

/** An allocation scenario of a public case: its stored result, for the table and the chart. */
export const publicScenarioResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  adopted: z.boolean(),
  allocationTitle: z.string(),
  budgetYear: z.number(),
  case: z.object({ id: z.string(), number: z.string(), title: z.string() }),
  computedAt: z.string(),
  result: publicAllocationResultSchema,
});

export const publicDecisionListResponseSchema = z.object({
  licence,
  decisions: z.array(
    z.object({
      id: z.string(),
      bodyName: z.string(),
      committeeNumber: z.string().nullable(),
      decidedOn: z.string(),
      /** Null in an exempt case: withheld by `exemptBasis`. */
      text: z.string().nullable(),
      exemptBasis: z.string().nullable(),
      case: z.object({ id: z.string(), number: z.string(), title: z.string(), exempt: z.boolean() }),
    }),
  ),
});

export const publicMeetingSummaryResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  bodyName: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  agendaPublished: z.boolean(),
});
export const publicMeetingListResponseSchema = z.object({ licence, meetings: z.array(publicMeetingSummaryResponseSchema) });

export const publicMeetingDetailResponseSchema = publicMeetingSummaryResponseSchema.extend({
  agenda: z.array(
    z.object({
      position: z.number().int(),
      committeeNumber: z.string().nullable(),
      case: z.object({ id: z.string(), number: z.string(), title: z.string() }),
      /** The protocol's text for this item; null in an exempt case (withheld by `exemptBasis`) or before it is recorded. */
      minutes: z.string().nullable(),
      decision: z.object({ text: z.string().nullable(), motions: z.array(motionResponseSchema) }).nullable(),
      exemptBasis: z.string().nullable(),
    }),
  ),
  attendance: z.array(
    z.object({ name: z.string(), status: z.enum(['present', 'absent', 'substitute']), substituteName: z.string().nullable() }),
  ),
  statements: z.array(z.object({ union: z.string().nullable(), text: z.string(), createdAt: z.string() })),
  /** When the protocol was approved (godkjent); before that the minutes, votes, attendance and statements are not shown. */
  minutesApprovedAt: z.string().nullable(),
  /** The published møteinnkalling and (once approved) møteprotokoll, each downloadable at `href`. */
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['meeting_notice', 'meeting_minutes']),
      title: z.string(),
      filename: z.string(),
      size: z.number(),
      sha256: z.string(),
      createdAt: z.string(),
      href: z.string(),
    }),
  ),
});

export const publicMandatesResponseSchema = z.object({
  mandates: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          number: z.number(),
          title: z.string(),
          description: z.string(),
          dueDate: z.string().nullable(),
          status: z.string(),
          late: z.boolean(),
          cases: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.string() })),
          rounds: z.array(z.object({ id: z.string(), title: z.string(), closesAt: z.string(), open: z.boolean() })),
        }),
      ),
    }),
  ),
});

/** A person's calendar feed token: the URL is shown once, when it is made; only its hash is stored. */
export const calendarTokenListResponseSchema = z.object({ tokens: z.array(z.object({ id: z.string(), createdAt: z.string() })) });
export const calendarTokenCreatedResponseSchema = z.object({ id: z.string(), createdAt: z.string(), url: z.string() });
