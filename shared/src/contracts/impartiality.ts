import { z } from 'zod';
import { nonEmpty, uuid } from './common.js';

// Impartiality (habilitet): a member's declaration for a case on an agenda and the body's decision on it, and an
// officer disqualified from preparing a case (forvaltningsloven § 6, kommuneloven § 11-11).

/** The legal basis of a disqualification: fvl. § 6 første ledd a–e, andre ledd, or koml. § 11-11. */
export const IMPARTIALITY_BASES = ['fvl_6_1_a', 'fvl_6_1_b', 'fvl_6_1_c', 'fvl_6_1_d', 'fvl_6_1_e', 'fvl_6_2', 'koml_11_11'] as const;
export type ImpartialityBasis = (typeof IMPARTIALITY_BASES)[number];
/** The body's decision on a declaration. */
export const IMPARTIALITY_DECISIONS = ['pending', 'disqualified', 'not_disqualified'] as const;

const legalBasis = z.enum(IMPARTIALITY_BASES, { error: 'Velg lovgrunnlaget for inhabiliteten' });

/** A declaration: by a member for themselves (no userId), or recorded by the officer for a member. */
export const declarationSchema = z.object({
  agendaItemId: uuid,
  userId: uuid.nullable().default(null),
  reason: nonEmpty('Begrunnelsen', 2000),
  legalBasis,
});

/** The body's decision on a declaration, and the substitute (vara) called in when the member is disqualified. */
export const impartialityDecisionSchema = z
  .object({
    decision: z.enum(['disqualified', 'not_disqualified'], { error: 'Velg hva organet vedtok' }),
    decisionText: nonEmpty('Vedtaket', 2000),
    substituteUserId: uuid.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.substituteUserId && v.decision !== 'disqualified')
      ctx.addIssue({ code: 'custom', path: ['substituteUserId'], message: 'Vara kalles bare inn for den som er inhabil' });
  });

/** An officer disqualified from preparing a case (the case then needs another officer). */
export const officerDisqualificationSchema = z.object({ userId: uuid, reason: nonEmpty('Begrunnelsen', 2000), legalBasis });
/** Another officer takes over the case. */
export const assignOfficerSchema = z.object({ officerId: uuid });

const person = z.object({ id: z.string(), name: z.string() });

export const declarationResponseSchema = z.object({
  id: z.string(),
  agendaItemId: z.string(),
  caseId: z.string(),
  person,
  declaredBy: z.enum(['self', 'officer']),
  reason: z.string(),
  legalBasis: z.enum(IMPARTIALITY_BASES),
  decision: z.enum(IMPARTIALITY_DECISIONS),
  decisionText: z.string().nullable(),
  decidedAt: z.string().nullable(),
  substitute: person.nullable(),
  createdAt: z.string(),
});

/** A meeting's declarations (for the items the caller may read), and what the caller may do. */
export const meetingImpartialityResponseSchema = z.object({
  declarations: z.array(declarationResponseSchema),
  /** The caller may declare for themselves (a member of the meeting's body). */
  mayDeclare: z.boolean(),
  /** The caller may record for others and record the body's decision (an officer). */
  mayRecord: z.boolean(),
  /** Whom an officer may record a declaration for: the body's members and those who met (empty for others). */
  people: z.array(person),
  /** Who may be called in as a substitute (empty for others than officers). */
  substitutes: z.array(person),
});
export const declarationCreatedResponseSchema = z.object({ id: z.string() });
export const impartialityDecidedResponseSchema = z.object({ id: z.string(), decision: z.enum(IMPARTIALITY_DECISIONS) });

/** The register of declarations about a case, and the officers disqualified from preparing it. */
export const caseImpartialityResponseSchema = z.object({
  declarations: z.array(
    declarationResponseSchema.extend({
      meeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string(), body: z.string() }),
    }),
  ),
  officerDisqualifications: z.array(
    z.object({
      id: z.string(),
      officer: person,
      reason: z.string(),
      legalBasis: z.enum(IMPARTIALITY_BASES),
      decidedBy: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** The case's officer is disqualified: another officer must take it over. */
  needsReassignment: z.boolean(),
  /** The municipality's case officers, for recording a disqualification or a reassignment (empty for others than officers). */
  officers: z.array(person),
});
export const officerDisqualifiedResponseSchema = z.object({ id: z.string(), needsReassignment: z.boolean() });
export const officerAssignedResponseSchema = z.object({ id: z.string(), officer: person });
