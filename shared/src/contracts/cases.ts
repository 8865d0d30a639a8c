import { z } from 'zod';
import {
  httpsUrl,
  isoDate,
  line,
  nonEmpty,
  optionalLine,
  optionalText,
  patchSchema,
  shortText,
  text,
  uuid,
  version,
  zonedDateTime,
} from './common.js';
import { CASE_PHASES, type CasePhase } from '../domain/case-lifecycle.js';

/** A case's status is its phase in the lifecycle (shared/src/domain/case-lifecycle.ts owns the moves). */
export const CASE_STATUSES = CASE_PHASES;
export type CaseStatus = CasePhase;
export const SECTION_KINDS = ['background', 'facts', 'assessment', 'proposal'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export const DISPOSITION_OUTCOMES = ['adopted', 'partly_adopted', 'not_adopted', 'noted'] as const;
export type DispositionOutcome = (typeof DISPOSITION_OUTCOMES)[number];

const accessFields = {
  access: z.enum(['public', 'exempt'], { error: 'Velg offentlig eller unntatt offentlighet' }).default('public'),
  legalBasis: optionalLine(200).nullable().default(null),
  publicTitle: optionalLine(300).nullable().default(null),
};

function accessRule(v: { access?: string; legalBasis?: string | null; publicTitle?: string | null }, ctx: z.RefinementCtx) {
  if (v.access === 'exempt') {
    if (!v.legalBasis)
      ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)' });
    if (!v.publicTitle)
      ctx.addIssue({ code: 'custom', path: ['publicTitle'], message: 'Oppgi en skjermet tittel som kan vises offentlig' });
  }
}

/** Most references a case may have to earlier cases and decisions. */
export const MAX_CASE_REFERENCES = 20;

/**
 * References to earlier cases and decisions («sak 7/21», «sak 2026/12»), in order, each on one line.
 * Each is shown as a link where it names a case (archive number) or a decision (committee number) in
 * Samråd that the reader may read, and as its text otherwise.
 */
export const caseReferencesField = z
  .array(line('Referansen', 200), { error: 'Referansene må være en liste' })
  .max(MAX_CASE_REFERENCES, { error: `En sak kan ha høyst ${MAX_CASE_REFERENCES} referanser` })
  .superRefine((refs, ctx) => {
    const seen = new Set<string>();
    refs.forEach((r, i) => {
      const key = r.trim().toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'Referansen står allerede i listen' });
      seen.add(key);
    });
  });

export const createCaseSchema = z
  .object({
    title: line('Tittel', 300),
    mandateItemId: uuid.nullable().default(null),
    references: caseReferencesField.default([]),
    ...accessFields,
    sections: z
      .object({
        background: optionalText().default(''),
        facts: optionalText().default(''),
        assessment: optionalText().default(''),
        proposal: optionalText().default(''),
      })
      .default({ background: '', facts: '', assessment: '', proposal: '' }),
  })
  .superRefine(accessRule);
export type CreateCase = z.infer<typeof createCaseSchema>;

const ACCESS_IS_ITS_OWN_ACTION =
  'Tilgangen (offentlig eller unntatt, hjemmel og skjermet tittel) endres med handlingen «Endre tilgang» (POST /api/cases/{id}/access), ikke her';
const STATUS_MOVES = 'Status endres med et steg i saksgangen (POST /api/cases/{id}/moves), ikke her';

/** What an officer edits of a case: the access level and the status each have their own action, the sections theirs. */
export const updateCaseSchema = patchSchema(
  {
    title: createCaseSchema.shape.title,
    mandateItemId: createCaseSchema.shape.mandateItemId,
    references: createCaseSchema.shape.references,
  },
  {
    elsewhere: {
      access: ACCESS_IS_ITS_OWN_ACTION,
      legalBasis: ACCESS_IS_ITS_OWN_ACTION,
      publicTitle: ACCESS_IS_ITS_OWN_ACTION,
      status: STATUS_MOVES,
    },
  },
);
export type UpdateCase = z.infer<typeof updateCaseSchema>;

/**
 * Changing a case's access level, its own audited action: to exempt with a legal basis and a screened
 * public title; to public with a reason (the legal basis and the screened title are then cleared).
 */
export const changeAccessSchema = z
  .strictObject({
    version,
    access: z.enum(['public', 'exempt'], { error: 'Velg offentlig eller unntatt offentlighet' }),
    legalBasis: accessFields.legalBasis,
    publicTitle: accessFields.publicTitle,
    reason: shortText(2000).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    accessRule(v, ctx);
    if (v.access === 'public' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Begrunn hvorfor saken ikke lenger er unntatt offentlighet' });
  });
export type ChangeAccess = z.infer<typeof changeAccessSchema>;

export const updateSectionSchema = z.object({
  /** The section version the edit was based on. */
  version,
  text: optionalText(),
});

export const routeSchema = z.object({
  steps: z
    .array(z.object({ bodyId: uuid, meetingDate: isoDate.nullable().default(null) }))
    .min(1, { error: 'Saksgangen må ha minst ett organ' })
    .max(10),
});

/** A manual move of a case to another phase (start, rework, working group, send to the route's first body, follow-up, close). */
export const moveCaseSchema = z.object({
  to: z.enum(CASE_PHASES, { error: 'Velg hvilken fase saken skal til' }),
  reason: shortText(2000, 'Begrunnelsen kan ha høyst 2000 tegn').nullable().default(null),
});
export type MoveCase = z.infer<typeof moveCaseSchema>;

/** Deciding while an input round is open or inputs lack a disposition: confirmed with a reason. */
export const confirmOpenInputSchema = z
  .object({ reason: nonEmpty('Begrunnelsen', 2000) })
  .nullable()
  .default(null);

export const recommendationSchema = z.object({ bodyId: uuid, text: nonEmpty('Innstillingen', 20000) });

/** A number of votes: a whole number, 0 or more. */
const voteCount = (label: string) =>
  z
    .number({ error: `${label}: skriv antall stemmer` })
    .int({ error: `${label}: antall stemmer må være et helt tall` })
    .min(0, { error: `${label}: antall stemmer kan ikke være negativt` })
    .max(10_000, { error: `${label}: for mange stemmer` });
const voteCounts = {
  for: voteCount('For'),
  against: voteCount('Mot'),
  /** Blank votes (avholdende), where recorded. */
  blank: voteCount('Blanke').default(0),
};
const VOTE_WORDS = { for: 'for', against: 'mot', blank: 'blanke' } as const;
/** A motion (forslag) put to the vote: its text, who proposed it (and for which party), the votes, and whether it was adopted. */
export const voteSchema = z
  .object({
    motion: nonEmpty('Forslaget', 5000),
    proposedBy: shortText(200).default(''),
    party: shortText(100).default(''),
    ...voteCounts,
    /** The votes by party, where the protocol records them; they add up to the totals. */
    byParty: z
      .array(z.object({ party: line('Partiet', 100), ...voteCounts }))
      .max(30)
      .default([]),
    adopted: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.byParty.length === 0) return;
    for (const k of ['for', 'against', 'blank'] as const) {
      const sum = v.byParty.reduce((n, p) => n + p[k], 0);
      if (sum !== v[k])
        ctx.addIssue({
          code: 'custom',
          path: ['byParty'],
          message: `Stemmene per parti (${sum}) må bli det samme som stemmene ${VOTE_WORDS[k]} totalt (${v[k]})`,
        });
    }
  });
export type Motion = z.infer<typeof voteSchema>;
/** A stored motion as the API shows it (motions stored before party, blank votes and votes by party were recorded get their defaults). */
export function motionsView(stored: unknown): Motion[] {
  const parsed = z.array(z.unknown()).safeParse(stored);
  if (!parsed.success) return [];
  return parsed.data.flatMap((m) => {
    const r = voteSchema.safeParse(m);
    return r.success ? [r.data] : [];
  });
}
/** Who voted against the vedtak (dissens), with a short reason, as the protocol records it. */
export const dissentSchema = z.object({
  name: line('Navnet', 200),
  reason: shortText(1000, 'Begrunnelsen kan ha høyst 1000 tegn').default(''),
});
export const decisionSchema = z.object({
  bodyId: uuid,
  decidedOn: isoDate,
  text: nonEmpty('Vedtaket', 20000),
  motions: z.array(voteSchema).max(30).default([]),
  confirmOpenInput: confirmOpenInputSchema,
});

export const createRoundSchema = z
  .object({
    caseId: uuid.nullable().default(null),
    mandateItemId: uuid.nullable().default(null),
    title: line('Tittel', 300),
    questions: nonEmpty('Spørsmålene', 10000),
    opensAt: zonedDateTime.optional(),
    closesAt: zonedDateTime,
    latePolicy: z.enum(['refuse', 'accept_late'], { error: 'Velg hva som skjer med innspill etter fristen' }).default('refuse'),
    publishAfterClose: z.boolean().default(false),
    /** Reminders to bodies that have not answered, in minutes before the deadline (default 7 days and 1 day). */
    reminderMinutes: z
      .array(
        z
          .number()
          .int()
          .min(1, { error: 'Påminnelsen må komme minst ett minutt før fristen' })
          .max(60 * 24 * 60),
      )
      .max(5)
      .default([10080, 1440]),
    invitedBodyIds: z.array(uuid).max(50).default([]),
    /** Persons invited in their own right (e.g. a principal, an expert), besides the bodies. */
    invitedUserIds: z.array(uuid).max(100).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.invitedBodyIds.length === 0 && v.invitedUserIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['invitedBodyIds'], message: 'Inviter minst ett organ eller én person' });
    if (!v.caseId && !v.mandateItemId)
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'En innspillsrunde hører til en sak eller et mandatpunkt' });
    if (v.opensAt && new Date(v.closesAt) <= new Date(v.opensAt))
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Fristen må være etter åpningen' });
  });
export type CreateRound = z.infer<typeof createRoundSchema>;

export const extensionSchema = z.object({ bodyId: uuid, until: zonedDateTime });

export const submissionSchema = z.object({
  text: nonEmpty('Innspillet', 50000),
  /** On behalf of this body; null means in one's own capacity. */
  bodyId: uuid.nullable().default(null),
  idempotencyKey: text().min(8, { error: 'Mangler idempotensnøkkel' }).max(100),
  /** The submitter agrees that the input may be published in innsyn (only where the round publishes its input). */
  publishConsent: z.boolean({ error: 'Svar om innspillet kan publiseres' }).default(false),
});
export const editSubmissionSchema = z.object({ version, text: nonEmpty('Innspillet', 50000) });
/** The submitter gives or withdraws consent to publish their input in innsyn, at any time after sending it. */
export const publishConsentSchema = z.object({ publishConsent: z.boolean({ error: 'Svar om innspillet kan publiseres' }) }).strict();
/** bodyId null: «no comment» for oneself, when personally invited. */
export const noCommentSchema = z.object({ bodyId: uuid.nullable().default(null) });

export const continuousInputSchema = z
  .object({
    caseId: uuid.nullable().default(null),
    mandateItemId: uuid.nullable().default(null),
    bodyId: uuid.nullable().default(null),
    text: nonEmpty('Innspillet', 50000),
    idempotencyKey: text().min(8, { error: 'Mangler idempotensnøkkel' }).max(100),
    /** The submitter agrees that the input may be published in innsyn. */
    publishConsent: z.boolean({ error: 'Svar om innspillet kan publiseres' }).default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.caseId && !v.mandateItemId)
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'Løpende innspill gjelder en sak eller et mandatpunkt' });
  });

export const dispositionSchema = z.object({
  outcome: z.enum(DISPOSITION_OUTCOMES, { error: 'Velg hvordan innspillet er behandlet' }),
  reason: nonEmpty('Begrunnelsen', 5000),
  sectionId: uuid.nullable().default(null),
});

export const commentSchema = z.object({
  text: nonEmpty('Merknaden', 10000),
  sectionId: uuid.nullable().default(null),
  submissionId: uuid.nullable().default(null),
  parentId: uuid.nullable().default(null),
});

export const decisionSearchSchema = z.object({
  q: text().max(200).optional(),
  bodyId: uuid.optional(),
  mandateItemId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const MEETING_KINDS = ['ordinary', 'school_conference', 'consultation'] as const;
export const createMeetingSchema = z
  .object({
    bodyId: uuid,
    kind: z.enum(MEETING_KINDS, { error: 'Velg type møte' }).default('ordinary'),
    title: line('Tittel', 300),
    startsAt: zonedDateTime,
    endsAt: zonedDateTime.nullable().default(null),
    place: shortText(300).nullable().default(null),
    videoLink: httpsUrl('Videolenken').nullable().default(null),
    open: z.boolean().default(true),
    closedBasis: shortText(300).nullable().default(null),
    administrationPosition: shortText(20000).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (!v.open && !v.closedBasis)
      ctx.addIssue({ code: 'custom', path: ['closedBasis'], message: 'Et lukket møte må ha hjemmel (kommuneloven § 11-5)' });
    if (!v.place && !v.videoLink) ctx.addIssue({ code: 'custom', path: ['place'], message: 'Oppgi møtested eller videolenke' });
    if (v.endsAt && new Date(v.endsAt) <= new Date(v.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Møtet må slutte etter at det starter' });
  });
export type CreateMeeting = z.infer<typeof createMeetingSchema>;

export const agendaItemSchema = z.object({ caseId: uuid });
/** Why a member who met was not part of one case: inhabil (forvaltningsloven § 6) or left the meeting. */
export const ITEM_ABSENCE_REASONS = ['disqualified', 'left'] as const;
export const attendanceSchema = z
  .object({
    attendance: z
      .array(
        z.object({
          userId: uuid,
          status: z.enum(['present', 'absent', 'substitute'], { error: 'Velg oppmøte' }),
          /** Who met for the member (vara), when the status is `substitute`. */
          substituteName: shortText(200).nullable().default(null),
        }),
      )
      .max(500),
    /** Members who met but were not there for one case on the agenda (inhabil, or left the meeting). */
    itemAbsences: z
      .array(
        z.object({
          itemId: uuid,
          userId: uuid,
          reason: z.enum(ITEM_ABSENCE_REASONS, { error: 'Velg om personen var inhabil eller forlot møtet' }),
          note: shortText(500, 'Merknaden kan ha høyst 500 tegn').nullable().default(null),
        }),
      )
      .max(2000)
      .default([]),
  })
  .superRefine((v, ctx) => {
    v.attendance.forEach((a, i) => {
      if (a.status === 'substitute' && !a.substituteName)
        ctx.addIssue({ code: 'custom', path: ['attendance', i, 'substituteName'], message: 'Oppgi hvem som møtte som vara' });
    });
    const seats = new Map(v.attendance.map((a) => [a.userId, a.status]));
    v.itemAbsences.forEach((x, i) => {
      const status = seats.get(x.userId);
      if (status !== 'present' && status !== 'substitute')
        ctx.addIssue({
          code: 'custom',
          path: ['itemAbsences', i, 'userId'],
          message: 'Bare den som møtte kan være fraværende i en sak',
        });
    });
  });
/** Reopening an approved protocol to correct it: why (kept in the audit log). */
export const reopenMinutesSchema = z.object({ reason: nonEmpty('Begrunnelsen', 2000) }).strict();

/** A case attachment public in innsyn, or exempt with its legal basis (offentleglova): only this, nothing else of it. */
export const attachmentPublicitySchema = z
  .object({ public: z.boolean(), legalBasis: optionalLine(200).nullable().default(null) })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.public && !v.legalBasis)
      ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: 'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)' });
  });

export const minutesSchema = z.object({
  minutes: nonEmpty('Protokollen', 20000),
  decision: z
    .object({
      /** The vedtak without a vote; with motions the vedtak is the adopted motion's text, not sent twice. */
      text: nonEmpty('Vedtaket', 20000).nullable().default(null),
      motions: z.array(voteSchema).max(30).default([]),
      dissent: z.array(dissentSchema).max(100).default([]),
      /** Who voted, where the protocol records it (never a member disqualified in the case). */
      voterIds: z.array(uuid).max(500).default([]),
      confirmOpenInput: confirmOpenInputSchema,
    })
    .superRefine((d, ctx) => {
      if (d.motions.length === 0) {
        if (!d.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Skriv vedtaket, eller før opp forslagene og voteringen' });
        return;
      }
      const adopted = d.motions.filter((m) => m.adopted).length;
      if (adopted !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['motions'],
          message: adopted === 0 ? 'Velg hvilket forslag som ble vedtatt' : 'Bare ett forslag kan være vedtatt',
        });
      if (d.text)
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: 'Vedtaket er teksten i forslaget som ble vedtatt; det skrives ikke i tillegg',
        });
    })
    .nullable()
    .default(null),
});
/** The vedtak a protocol records: the adopted motion's text, or the text given when there was no vote. */
export function decisionTextOf(d: { text: string | null; motions: { motion: string; adopted: boolean }[] }): string {
  return d.motions.find((m) => m.adopted)?.motion ?? d.text ?? '';
}
/** A protokolltilførsel, for the whole meeting or for one case on its agenda. */
export const statementSchema = z.object({
  text: nonEmpty('Protokolltilførselen', 10000),
  agendaItemId: uuid.nullable().default(null),
});

/** Registration for a school conference (skolekonferanse), with whom one comes for. */
export const registrationSchema = z.object({ representing: shortText(200, 'Høyst 200 tegn').nullable().default(null) });

/** An input given at a school conference, joining a case on its agenda. */
export const conferenceInputSchema = z.object({
  caseId: uuid,
  bodyId: uuid.nullable().default(null),
  text: nonEmpty('Innspillet', 50000),
  idempotencyKey: text().min(8, { error: 'Mangler idempotensnøkkel' }).max(100),
});

/** An attachment (vedlegg) as the API describes it: the sniffed type, the size in bytes and the SHA-256. */
export const attachmentMetaSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

/** A case attachment's publicity (innsyn): public, or exempt by its legal basis. Only case attachments carry it. */
export const attachmentPublicityResponse = { public: z.boolean(), legalBasis: z.string().nullable() };
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

// Responses ------------------------------------------------------------------------------------

/** A stored attachment, as the upload answers it. */
export const attachmentResponseSchema = attachmentMetaSchema.extend({ uploadedAt: z.string(), ...attachmentPublicityResponse });
export const attachmentListResponseSchema = z.object({ attachments: z.array(attachmentResponseSchema) });

const ref = z.object({ id: z.string(), name: z.string() });
const access = z.enum(['public', 'exempt']);
const voteCountsResponse = { for: z.number().int(), against: z.number().int(), blank: z.number().int() };
/** A motion and its votes, as every answer shows it (the decisions register, the case, the protocol). */
export const motionResponseSchema = z.object({
  motion: z.string(),
  proposedBy: z.string(),
  party: z.string(),
  ...voteCountsResponse,
  byParty: z.array(z.object({ party: z.string(), ...voteCountsResponse })),
  adopted: z.boolean(),
});
const motion = motionResponseSchema;
export const caseSummaryResponseSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  access,
  /** Whether the caller may read the case in full (else they meet it by its public title). */
  readable: z.boolean(),
  mandateItemId: z.string().nullable(),
  updatedAt: z.string(),
});
export const caseListResponseSchema = z.object({ cases: z.array(caseSummaryResponseSchema) });
export const caseCreatedResponseSchema = z.object({ id: z.string(), number: z.string(), version: z.number().int() });

export const casePhaseEntrySchema = z.object({
  phase: z.enum(CASE_PHASES),
  body: ref.nullable(),
  enteredAt: z.string(),
  actor: z.string().nullable(),
  reason: z.string().nullable(),
});
export const caseSectionResponseSchema = z.object({
  id: z.string(),
  kind: z.enum(SECTION_KINDS),
  version: z.number().int(),
  text: z.string(),
  updatedAt: z.string(),
});
/** A reference to an earlier case or decision, as the reader may see it. */
export const caseReferenceResponseSchema = z.object({
  /** As the officer wrote it. */
  text: z.string(),
  /** What it names in Samråd (a case by its archive number, a decision by its committee number), or null: shown as text. */
  kind: z.enum(['case', 'decision']).nullable(),
  /** The case to link to: null when nothing is found or the reader may not read it. */
  caseId: z.string().nullable(),
  /** The referenced case's number, when found. */
  number: z.string().nullable(),
  /** The title the reader may see (an exempt case's public title when they may not read it), when found. */
  title: z.string().nullable(),
  /** The body that made the referenced decision. */
  body: z.string().nullable(),
});
export const caseDetailResponseSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  /** The current phase, and the body on the route the case is before. */
  phase: z.object({ phase: z.enum(CASE_PHASES), body: ref.extend({ position: z.number().int() }).nullable() }),
  /** Every phase the case has entered, with its date. */
  phases: z.array(casePhaseEntrySchema),
  /** The manual moves the lifecycle allows the caller now (empty for those who may not move the case). */
  allowedMoves: z.array(z.object({ to: z.enum(CASE_PHASES), back: z.boolean(), body: z.string().nullable() })),
  /** What is still open before a deciding vedtak (open rounds, inputs without a disposition), or null. */
  openInput: z.string().nullable(),
  access,
  legalBasis: z.string().nullable(),
  publicTitle: z.string().nullable(),
  version: z.number().int(),
  mandateItem: z.object({ id: z.string(), number: z.number().int(), title: z.string() }).nullable(),
  /** References to earlier cases and decisions, in order. */
  references: z.array(caseReferenceResponseSchema),
  officer: ref.nullable(),
  sections: z.array(caseSectionResponseSchema),
  route: z.array(
    z.object({
      bodyId: z.string(),
      bodyName: z.string(),
      position: z.number().int(),
      meetingDate: z.string().nullable(),
      committeeNumber: z.string().nullable(),
    }),
  ),
  recommendations: z.array(
    z.object({ id: z.string(), bodyId: z.string(), bodyName: z.string(), text: z.string(), recordedAt: z.string() }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      bodyId: z.string(),
      bodyName: z.string(),
      committeeNumber: z.string().nullable(),
      decidedOn: z.string(),
      text: z.string(),
      motions: z.array(motion),
      openInputReason: z.string().nullable(),
    }),
  ),
  rounds: z.array(z.object({ id: z.string(), title: z.string(), closesAt: z.string(), open: z.boolean() })),
});
export const caseUpdatedResponseSchema = z.object({ id: z.string(), version: z.number().int(), status: z.enum(CASE_STATUSES) });
export const caseAccessResponseSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  access,
  legalBasis: z.string().nullable(),
  publicTitle: z.string().nullable(),
});
export const caseMovedResponseSchema = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  bodyPosition: z.number().int().nullable(),
  version: z.number().int(),
});
export const sectionVersionsResponseSchema = z.object({
  versions: z.array(z.object({ version: z.number().int(), text: z.string(), author: z.string().nullable(), createdAt: z.string() })),
});
export const sectionDiffResponseSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  parts: z.array(z.object({ value: z.string(), change: z.enum(['added', 'removed', 'same']) })),
});
export const recommendationResponseSchema = z.object({ id: z.string() });
export const decisionRecordedResponseSchema = z.object({
  id: z.string(),
  phase: z.enum(CASE_PHASES),
  openInputReason: z.string().nullable(),
});
export const caseCommentResponseSchema = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  submissionId: z.string().nullable(),
  parentId: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
  author: z.object({ id: z.string(), name: z.string(), title: z.string() }),
});
export const caseCommentListResponseSchema = z.object({ comments: z.array(caseCommentResponseSchema) });
export const commentCreatedResponseSchema = z.object({ id: z.string(), createdAt: z.string() });
