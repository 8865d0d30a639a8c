import { z } from 'zod';
import { analysisToolStateSchema } from './analysis.js';
import { isoDate, line, optionalText, patchSchema, shortText, uuid, type FieldError } from './common.js';

export const BODY_KINDS = [
  'political_committee',
  'council',
  'steering_group',
  'working_group',
  'reference_group',
  'administration',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_ROLES = ['chair', 'deputy_chair', 'member', 'secretary', 'observer'] as const;
export type BodyRole = (typeof BODY_ROLES)[number];
export const CAPACITIES = [
  'politician',
  'union_representative',
  'parent_representative',
  'youth_representative',
  /** A unit leader (rektor, styrer): `school` names the unit they lead. Writes the consequence assessments of its measures. */
  'unit_leader',
  'administration',
  'other',
] as const;
export type Capacity = (typeof CAPACITIES)[number];
export const SIDES = ['posisjon', 'opposisjon'] as const;
export type PoliticalSide = (typeof SIDES)[number];
export const MANDATE_ITEM_STATUSES = ['not_started', 'in_progress', 'in_review', 'done'] as const;
export type MandateItemStatus = (typeof MANDATE_ITEM_STATUSES)[number];

const kind = z.enum(BODY_KINDS, { error: 'Velg en gyldig type organ' });

export const createBodySchema = z.object({
  kind,
  name: line('Navn', 200),
  description: optionalText(5000).default(''),
  parentId: uuid.nullable().default(null),
});
export const updateBodySchema = patchSchema(createBodySchema.shape);
export type CreateBody = z.infer<typeof createBodySchema>;
export type UpdateBody = z.infer<typeof updateBodySchema>;

const membershipFields = {
  role: z.enum(BODY_ROLES, { error: 'Velg en gyldig rolle' }),
  capacity: z.enum(CAPACITIES, { error: 'Velg hva personen representerer' }),
  party: shortText(100).nullable().default(null),
  side: z.enum(SIDES, { error: 'Side må være posisjon eller opposisjon' }).nullable().default(null),
  union: shortText(100).nullable().default(null),
  school: shortText(200).nullable().default(null),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
};

type MembershipRuleFields = { capacity?: string; side?: string | null; union?: string | null; validFrom?: string; validTo?: string | null };

/** The rules across a membership's fields, for a new one and for a stored one with a patch applied. */
export function membershipProblems(m: MembershipRuleFields): FieldError[] {
  const problems: FieldError[] = [];
  if (m.capacity === 'politician' && !m.side)
    problems.push({ path: 'side', message: 'En politiker må ha side (posisjon eller opposisjon)' });
  if (m.capacity === 'union_representative' && !m.union) problems.push({ path: 'union', message: 'En tillitsvalgt må ha fagforening' });
  if (m.validFrom && m.validTo && m.validTo < m.validFrom)
    problems.push({ path: 'validTo', message: 'Sluttdato kan ikke være før startdato' });
  return problems;
}

function membershipRules(m: MembershipRuleFields, ctx: z.RefinementCtx) {
  for (const p of membershipProblems(m)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
}

export const createMembershipSchema = z.object({ userId: uuid, ...membershipFields }).superRefine(membershipRules);
/** The cross-field rules are checked by the service on the stored membership with the patch applied (`membershipProblems`). */
export const updateMembershipSchema = patchSchema(membershipFields);
export type CreateMembership = z.infer<typeof createMembershipSchema>;
export type UpdateMembership = z.infer<typeof updateMembershipSchema>;

export const createMandateSchema = z.object({
  title: line('Tittel', 300),
  description: optionalText().default(''),
  adoptedByBodyId: uuid.nullable().default(null),
  adoptedCaseNumber: z
    .string()
    .regex(/^\d{1,4}\/\d{2}$/, { error: 'Saksnummer skrives som 11/21' })
    .nullable()
    .default(null),
  adoptedDate: isoDate.nullable().default(null),
  /** The vedtak in Samråd that adopted the mandate (a link); the three fields above hold one taken before Samråd (as text). */
  adoptedDecisionId: uuid.nullable().default(null),
  endDate: isoDate,
});
export const updateMandateSchema = patchSchema(createMandateSchema.shape);

export const createMandateItemSchema = z.object({
  number: z.number({ error: 'Nummer må være et tall' }).int().min(1).max(999),
  title: line('Tittel', 300),
  description: optionalText().default(''),
  ownerId: uuid.nullable().default(null),
  dueDate: isoDate.nullable().default(null),
  status: z.enum(MANDATE_ITEM_STATUSES, { error: 'Ugyldig status' }).default('not_started'),
});
export const updateMandateItemSchema = patchSchema(createMandateItemSchema.shape);
/** The items' order, top to bottom: every item of the mandate once (a move up or down sends the whole list). */
export const mandateItemOrderSchema = z.object({
  itemIds: z
    .array(uuid, { error: 'Rekkefølgen må være en liste med punkter' })
    .min(1, { error: 'Rekkefølgen må ha minst ett punkt' })
    .max(999)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Et punkt kan bare stå én gang i rekkefølgen' }),
});

export const inviteUserSchema = z.object({
  email: z.email({ error: 'Skriv inn en gyldig e-postadresse' }).max(320),
  name: line('Navn', 200),
  title: shortText(200).default(''),
  isAdmin: z.boolean().default(false),
  isCaseOfficer: z.boolean().default(false),
});
/**
 * The operator command `npm run municipality -- create`: a new municipality and its first administrator
 * (invited by e-mail). Not an API request; the command checks its arguments with it.
 */
export const createMunicipalitySchema = z.object({
  name: line('Navnet på kommunen', 200),
  orgNumber: z
    .string({ error: 'Organisasjonsnummeret må fylles ut' })
    .trim()
    .regex(/^\d{9}$/, { error: 'Organisasjonsnummeret må være ni siffer (for eksempel 123456789)' }),
  adminEmail: z.email({ error: 'Skriv inn en gyldig e-postadresse for administratoren' }).max(320),
  adminName: line('Navnet på administratoren', 200),
});
export type CreateMunicipality = z.infer<typeof createMunicipalitySchema>;

export const updateUserSchema = patchSchema({
  name: inviteUserSchema.shape.name,
  title: inviteUserSchema.shape.title,
  isAdmin: inviteUserSchema.shape.isAdmin,
  isCaseOfficer: inviteUserSchema.shape.isCaseOfficer,
  status: z.enum(['active', 'disabled'], { error: 'Status må være aktiv eller deaktivert' }),
});

// Responses ------------------------------------------------------------------------------------

export const userResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  isAdmin: z.boolean(),
  isCaseOfficer: z.boolean(),
  version: z.number().int(),
  /** Anonymised after leaving (#21): shown by a label after their role, never active again. */
  anonymised: z.boolean().default(false),
});
export const userListResponseSchema = z.object({ users: z.array(userResponseSchema) });

export const bodyResponseSchema = z.object({
  id: z.string(),
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  description: z.string(),
  parentId: z.string().nullable(),
  /** The date the body was closed (lagt ned); null while open. */
  closedOn: z.string().nullable().default(null),
  version: z.number().int(),
});
export const bodyListResponseSchema = z.object({ bodies: z.array(bodyResponseSchema.extend({ memberCount: z.number().int() })) });
export const memberResponseSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  title: z.string(),
  email: z.string().optional(),
  role: z.enum(BODY_ROLES),
  capacity: z.enum(CAPACITIES),
  party: z.string().nullable(),
  side: z.enum(SIDES).nullable(),
  union: z.string().nullable(),
  school: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number().int(),
});
export const bodyDetailResponseSchema = bodyResponseSchema.extend({ members: z.array(memberResponseSchema) });
export const idVersionResponseSchema = z.object({ id: z.string(), version: z.number().int() });

export const mandateResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  adoptedByBodyId: z.string().nullable(),
  adoptedCaseNumber: z.string().nullable(),
  adoptedDate: z.string().nullable(),
  adoptedDecisionId: z.string().nullable(),
  endDate: z.string(),
  version: z.number().int(),
});
export const mandateListResponseSchema = z.object({ mandates: z.array(mandateResponseSchema) });
export const mandateItemResponseSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  /** A person of the municipality, with their title (role) to tell them apart. */
  owner: z.object({ id: z.string(), name: z.string(), title: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(MANDATE_ITEM_STATUSES),
  /** Its place in the mandate's explicit order (1 = first). */
  position: z.number().int(),
  version: z.number().int(),
  late: z.boolean(),
  /** The work under the item: its cases, input rounds and the meetings that treat its cases. */
  work: z.object({
    cases: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.string() })),
    rounds: z.array(z.object({ id: z.string(), title: z.string(), closesAt: z.string(), open: z.boolean() })),
    meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), bodyName: z.string() })),
    /** The analysis tools under the item, and the measures of savings plans that name it, with their state (AnalysisService.statesByItem). */
    tools: z.array(analysisToolStateSchema),
  }),
});
export const mandateItemUpdatedResponseSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(MANDATE_ITEM_STATUSES),
});
/** The vedtak in Samråd that adopted the mandate, by its case as the reader may see it. */
export const adoptedDecisionSchema = z.object({
  id: z.string(),
  body: z.string(),
  committeeNumber: z.string().nullable(),
  decidedOn: z.string(),
  case: z.object({ id: z.string(), number: z.string(), title: z.string() }),
});
export const mandateDetailResponseSchema = mandateResponseSchema.extend({
  adoptedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  adoptedDecision: adoptedDecisionSchema.nullable(),
  items: z.array(mandateItemResponseSchema),
});
export const mandateItemOrderResponseSchema = z.object({ itemIds: z.array(z.string()) });

export const auditHistoryResponseSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      action: z.enum(['create', 'update', 'delete']),
      changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
      at: z.string(),
      actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    }),
  ),
});
export const okResponseSchema = z.object({ ok: z.literal(true) });
