import { z } from 'zod';

/** Stages (trinn). A combined 1-10 school is two units, one per stage. */
export const STAGES = ['barnetrinn', 'ungdomstrinn'] as const;
export type Stage = (typeof STAGES)[number];

/** Drivers the engine knows; any other driver must be declared in `customDrivers`. */
export const BUILT_IN_DRIVERS = ['pupils', 'unit', 'gradesTaught', 'highNeedsPupils', 'minorityPupils', 'seniorReducedHours'] as const;
export type BuiltInDriver = (typeof BUILT_IN_DRIVERS)[number];

export const INPUT_FORMAT = 'samrad.allocation-input/v1';
export const RESULT_FORMAT = 'samrad.allocation-result/v1';

/** Largest rate, count or pot (the engine holds rates to a millionth of a krone in safe integers). */
export const MAX_RATE_OR_COUNT = 1_000_000_000;
/** Largest frame, budget or adjustment in NOK (held in øre). */
export const MAX_AMOUNT = 10_000_000_000_000;

const numberLike = (max: number) =>
  z
    .union([
      z.number().refine(Number.isFinite, { error: 'Må være et endelig tall' }),
      z.string().regex(/^-?\d+(\.\d+)?$/, { error: 'Må være et desimaltall, f.eks. 1234.50' }),
    ])
    .refine((v) => Math.abs(Number(v)) < max, { error: `Tallet er for stort (må være mindre enn ${max.toLocaleString('nb-NO')})` });

/** A decimal given as a JSON number or as a decimal string ("44240.50"): rates, hours and counts. */
const decimal = numberLike(MAX_RATE_OR_COUNT);
const nonNegative = decimal.refine((v) => Number(v) >= 0, { error: 'Kan ikke være negativt' });
/** A sum of money: frames, budgets and adjustments. */
const amount = numberLike(MAX_AMOUNT);
const nonNegativeAmount = amount.refine((v) => Number(v) >= 0, { error: 'Kan ikke være negativt' });

export const rateSchema = z.union([
  z.strictObject({ nok: nonNegative }),
  z.strictObject({
    weeklyHours: nonNegative,
    uplift: decimal.optional(),
    upliftLabel: z.string().optional(),
  }),
  z.strictObject({ annualHours: nonNegative }),
]);
export type RateInput = z.infer<typeof rateSchema>;

const countMap = z.record(z.string(), nonNegative);

export const criterionSchema = z.strictObject({
  id: z.string().min(1, { error: 'Kriteriet må ha en id' }),
  label: z.string().min(1, { error: 'Kriteriet må ha et navn' }),
  driver: z.string().min(1, { error: 'Kriteriet må ha en driver' }),
  /** Grade weights for the `pupils` driver, e.g. { "1": 1.2 } gives 1st grade +20 %. */
  gradeWeights: z.record(z.string().regex(/^(10|[1-9])$/), nonNegative).optional(),
  rate: z.partialRecord(z.enum(STAGES), rateSchema),
});
export type CriterionInput = z.infer<typeof criterionSchema>;

export const POT_KEYS = ['fte', 'unit', 'pupils'] as const;
export type PotKey = (typeof POT_KEYS)[number];

/** A pot (pott) of money split over units by percentage keys, e.g. office staff 20/40/40. */
export const potSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  amount: nonNegative,
  keys: z.partialRecord(z.enum(POT_KEYS), nonNegative),
});
export type PotInput = z.infer<typeof potSchema>;

export const unitSchema = z.strictObject({
  id: z.string().min(1, { error: 'Enheten må ha en id' }),
  name: z.string().min(1, { error: 'Enheten må ha et navn' }),
  school: z.string().optional(),
  orgNumber: z
    .string()
    .regex(/^\d{9}$/, { error: 'Organisasjonsnummer må ha 9 siffer' })
    .optional(),
  stage: z.enum(STAGES, { error: 'Trinn må være «barnetrinn» eller «ungdomstrinn»' }),
  /** Budget-year counts by driver. Give either `counts` or `schoolYears`. */
  counts: countMap.optional(),
  /** Counts for the two school years the budget year spans, weighted by `countWeights`. */
  schoolYears: z.tuple([countMap, countMap]).optional(),
  /** Pupils per grade ("1".."10"), needed when a criterion has grade weights. */
  gradeCounts: z.record(z.string().regex(/^(10|[1-9])$/), nonNegative).optional(),
  /** Teacher and leader FTEs, used by pots keyed on `fte`. */
  fte: nonNegative.optional(),
  currentBudget: nonNegativeAmount.optional(),
  lastYearBudget: nonNegativeAmount.optional(),
});
export type UnitInput = z.infer<typeof unitSchema>;

export const adjustmentSchema = z.strictObject({
  unit: z.string().min(1),
  amount: amount,
  reason: z.string().trim().min(1, { error: 'En justering må ha en begrunnelse' }),
});
export type AdjustmentInput = z.infer<typeof adjustmentSchema>;

/**
 * A control rule (kontrollregel): the hours a purpose requires per driver unit, by stage — e.g.
 * «Minstetimetall: 1,1 uketimer per elev», «Administrasjon: 300 årstimer per enhet». Hours are given
 * as weekly hours (× teaching weeks × (1 + uplift)), annual hours, or NOK (÷ the stage's hour cost).
 * A stage without hours requires none for that purpose. Several rules may share a purpose (they add up).
 */
export const controlRuleSchema = z.strictObject({
  purpose: z
    .string({ error: 'Regelen må ha et formål' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'Formålets id kan bare ha bokstaver a–z, tall, - og _' }),
  label: z.string({ error: 'Formålet må ha et navn' }).trim().min(1, { error: 'Formålet må ha et navn' }),
  driver: z.string({ error: 'Regelen må ha en driver' }).min(1, { error: 'Regelen må ha en driver' }),
  hours: z.partialRecord(z.enum(STAGES), rateSchema),
});
export type ControlRuleInput = z.infer<typeof controlRuleSchema>;

/**
 * The control calculation (kontrollberegning): required hours by purpose, from rules on each unit's
 * counts and/or given per unit (`requiredHours`, which replaces a rule's hours for that unit and purpose).
 */
export const controlSchema = z.strictObject({
  /** The purposes' names and the order they are shown in (rules name theirs too; an id alone is shown as is). */
  purposes: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'Formålets id kan bare ha bokstaver a–z, tall, - og _' }),
        label: z.string().trim().min(1, { error: 'Formålet må ha et navn' }),
      }),
    )
    .optional(),
  rules: z.array(controlRuleSchema).optional(),
  /** Hours given per unit and purpose (e.g. from individual decisions), in annual hours. */
  requiredHours: z.record(z.string(), z.record(z.string(), nonNegative)).optional(),
  /** Pupils and teacher FTEs in ordinary teaching by grade band, for the teacher norm. */
  teacherNorm: z
    .record(
      z.string(),
      z.array(
        z.strictObject({
          grades: z.enum(['1-4', '5-10']),
          pupils: nonNegative,
          teacherFte: nonNegative,
        }),
      ),
    )
    .optional(),
  normLimits: z.strictObject({ '1-4': nonNegative, '5-10': nonNegative }).optional(),
});
export type ControlInput = z.infer<typeof controlSchema>;

export const allocationInputSchema = z.strictObject({
  format: z.literal(INPUT_FORMAT, { error: `Formatet må være «${INPUT_FORMAT}»` }),
  title: z.string().optional(),
  municipality: z.object({ name: z.string(), orgNumber: z.string().optional() }).optional(),
  budgetYear: z.number().int().optional(),
  currency: z.literal('NOK').optional(),
  note: z.string().optional(),
  mode: z.enum(['allocation', 'distribution'], {
    error: 'Modus må være «allocation» (tildeling) eller «distribution» (fordeling)',
  }),
  frame: amount.nullable().optional(),
  frameChange: amount.nullable().optional(),
  teachingWeeks: nonNegative.default(38),
  hourCost: z.partialRecord(z.enum(STAGES), nonNegative).default({}),
  /** Weights of the two school years' counts; normalised by their sum ([1,1] or [7,5]). */
  countWeights: z.tuple([nonNegative, nonNegative]).optional(),
  customDrivers: z.array(z.strictObject({ id: z.string().min(1), label: z.string().min(1) })).optional(),
  criteria: z.array(criterionSchema),
  pots: z.array(potSchema).optional(),
  units: z.array(unitSchema).min(1, { error: 'Modellen må ha minst én enhet' }),
  adjustments: z.array(adjustmentSchema).optional(),
  currentBudget: z.record(z.string(), nonNegativeAmount).optional(),
  control: controlSchema.optional(),
});

export type AllocationInput = z.infer<typeof allocationInputSchema>;
/** What callers may pass before defaults are applied. */
export type AllocationInputDraft = z.input<typeof allocationInputSchema>;
