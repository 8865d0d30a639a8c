import { z } from 'zod';
import { MAX_AMOUNT, MAX_RATE_OR_COUNT } from '../engine/allocation/input-schema.js';
import { jsonObject, line, nonEmpty, patchSchema, text, uuid } from './common.js';

const TOO_LARGE_AMOUNT = `Beløpet må være mindre enn ${MAX_AMOUNT.toLocaleString('nb-NO')} kroner`;
const TOO_LARGE_NUMBER = `Tallet må være mindre enn ${MAX_RATE_OR_COUNT.toLocaleString('nb-NO')}`;

/** A sum of money in NOK (frames, adjustments): a number or a decimal string, below the engine's limit. */
const money = z
  .union([
    z.number({ error: 'Beløpet må være et tall' }),
    z.string().regex(/^-?\d{1,14}(\.\d{1,2})?$/, { error: 'Beløp skrives som 1234.50' }),
  ])
  .refine((v) => !(Math.abs(Number(v)) >= MAX_AMOUNT), { error: TOO_LARGE_AMOUNT });
/** A rate, hours or a count: non-negative and below the engine's limit. */
const quantity = z
  .number({ error: 'Må være et tall' })
  .nonnegative({ error: 'Kan ikke være negativt' })
  .max(MAX_RATE_OR_COUNT, { error: TOO_LARGE_NUMBER });

export const createAllocationCaseSchema = z.object({
  caseId: uuid,
  budgetYear: z.number({ error: 'Budsjettår må være et tall' }).int().min(2000).max(2100),
  title: line('Tittel', 300),
});

export const importDatasetSchema = z.object({
  name: line('Navn', 200),
  format: z.enum(['csv', 'xlsx', 'json'], { error: 'Formatet må være csv, xlsx eller json' }),
  /** CSV text, interchange JSON text, or an XLSX workbook in base64. */
  content: text().min(1, { error: 'Filen er tom' }).max(20_000_000, { error: 'Filen er for stor (høyst 15 MB)' }),
});

/** The model without its units: criteria, rates, hour costs, weeks, pots, count weights. */
export const createModelVersionSchema = z.object({
  label: line('Navn', 200),
  model: jsonObject(),
});

export const rateOverrideSchema = z.object({
  criterion: text().min(1).max(200),
  stage: z.enum(['barnetrinn', 'ungdomstrinn']),
  rate: z.union([
    z.object({ nok: quantity }),
    z.object({ weeklyHours: quantity, uplift: quantity.optional() }),
    z.object({ annualHours: quantity }),
  ]),
});

const scenarioFields = {
  name: line('Navn', 200),
  modelVersionId: uuid,
  datasetId: uuid,
  frame: money.nullable().default(null),
  frameChange: money.nullable().default(null),
  overrides: z.array(rateOverrideSchema).max(100).default([]),
  adjustments: z
    .array(z.object({ unit: text().min(1).max(200), amount: money, reason: nonEmpty('Begrunnelsen', 500) }))
    .max(500)
    .default([]),
};

export const createScenarioSchema = z.object(scenarioFields).superRefine((v, ctx) => {
  if (v.frame !== null && v.frameChange !== null)
    ctx.addIssue({ code: 'custom', path: ['frameChange'], message: 'Oppgi enten ramme eller rammeendring, ikke begge' });
});
/** The model version and dataset stay; a scenario on others is a new scenario. */
export const updateScenarioSchema = patchSchema({
  name: scenarioFields.name,
  frame: scenarioFields.frame,
  frameChange: scenarioFields.frameChange,
  overrides: scenarioFields.overrides,
  adjustments: scenarioFields.adjustments,
}).superRefine((v, ctx) => {
  if (v.frame != null && v.frameChange != null)
    ctx.addIssue({ code: 'custom', path: ['frameChange'], message: 'Oppgi enten ramme eller rammeendring, ikke begge' });
});

export const adoptScenarioSchema = z.object({ decisionId: uuid });
/** The case's main scenario (hovedscenario), which its page opens on: one of its own scenarios. */
export const mainScenarioSchema = z.object({ scenarioId: uuid });
export const revisionSchema = z.object({ name: line('Navn', 200), datasetId: uuid });
export const scenarioCommentSchema = z.object({
  text: nonEmpty('Merknaden', 10000),
  unitId: text().min(1).max(100).nullable().default(null),
});
export const sweepSchema = z
  .object({
    criterion: text().min(1).max(200),
    stage: z.enum(['barnetrinn', 'ungdomstrinn']),
    from: quantity,
    to: quantity,
    steps: z.number().int().min(2, { error: 'Minst 2 steg' }).max(2000, { error: 'Høyst 2000 steg' }),
  })
  .superRefine((v, ctx) => {
    if (v.to <= v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Til-verdien må være større enn fra-verdien' });
  });

// Responses ------------------------------------------------------------------------------------

const budgetDifference = z.object({ budget: z.number(), nok: z.number(), pct: z.number().nullable() });
const criterionRate = z.object({ base: z.number(), scaled: z.number() });

/** The engine's result (`AllocationResult` in engine/allocation/result.ts), as stored and sent. */
export const allocationResultSchema = z.object({
  format: z.literal('samrad.allocation-result/v1'),
  engineVersion: z.string(),
  mode: z.enum(['allocation', 'distribution']),
  scale: z.number(),
  scaleExact: z.string(),
  unscaledTotal: z.number(),
  frame: z.number(),
  total: z.number(),
  adjustmentsTotal: z.number(),
  pupils: z.number(),
  criteria: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.enum(['criterion', 'pot']),
      driver: z.string(),
      amount: z.number(),
      sharePct: z.number(),
      rates: z.record(z.string(), criterionRate),
      perPupil: z.number().nullable(),
    }),
  ),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      school: z.string().optional(),
      orgNumber: z.string().optional(),
      stage: z.enum(['barnetrinn', 'ungdomstrinn']),
      pupils: z.number(),
      criteria: z.record(z.string(), z.object({ amount: z.number(), perPupil: z.number().nullable() })),
      criteriaTotal: z.number(),
      adjustments: z.array(z.object({ amount: z.number(), reason: z.string() })),
      adjustmentsTotal: z.number(),
      total: z.number(),
      totalPerPupil: z.number().nullable(),
      againstBudget: budgetDifference.nullable(),
      againstLastYear: budgetDifference.nullable(),
    }),
  ),
  average: z.record(z.string(), z.number().nullable()),
  control: z
    .object({
      rows: z.array(
        z.object({
          unit: z.string(),
          hourCost: z.number(),
          frameHours: z.number(),
          frameHoursPerPupil: z.number().nullable(),
          requiredHours: z.record(z.string(), z.number()),
          requiredTotal: z.number(),
          freeHours: z.number(),
          freeHoursPerPupil: z.number().nullable(),
          belowZero: z.boolean(),
        }),
      ),
      teacherNorm: z.array(
        z.object({
          unit: z.string(),
          grades: z.enum(['1-4', '5-10']),
          pupilsPerTeacher: z.number().nullable(),
          limit: z.number(),
          breach: z.boolean(),
        }),
      ),
      flagged: z.array(z.string()),
    })
    .nullable(),
  warnings: z.array(z.string()),
});
export type AllocationResultResponse = z.infer<typeof allocationResultSchema>;

export const allocationCaseListResponseSchema = z.object({
  allocationCases: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      budgetYear: z.number().int(),
      caseId: z.string(),
      adoptedScenarioId: z.string().nullable(),
      /** The scenario chosen as the main one, else the adopted one; null when neither. */
      mainScenarioId: z.string().nullable(),
    }),
  ),
});
export const idResponseSchema = z.object({ id: z.string() });
export const scenarioSummaryResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  modelVersionId: z.string(),
  datasetId: z.string(),
  frame: z.number().nullable(),
  frameChange: z.number().nullable(),
  adopted: z.boolean(),
  revisesScenarioId: z.string().nullable(),
  total: z.number(),
  scale: z.number(),
  version: z.number().int(),
});
export const allocationCaseResponseSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  budgetYear: z.number().int(),
  title: z.string(),
  adoptedScenarioId: z.string().nullable(),
  /** The scenario chosen as the main one, else the adopted one; null when neither (the page then opens on the first). */
  mainScenarioId: z.string().nullable(),
  datasets: z.array(z.object({ id: z.string(), name: z.string(), source: z.string(), unitCount: z.number().int(), createdAt: z.string() })),
  modelVersions: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      label: z.string(),
      /** The model without its units, as stored (criteria, rates, hour costs, weeks, pots, count weights, control rules). */
      model: z.record(z.string(), z.unknown()),
      adoptedByDecisionId: z.string().nullable(),
    }),
  ),
  scenarios: z.array(scenarioSummaryResponseSchema),
});
export const importStatusResponseSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  errors: z.array(z.object({ row: z.number().int(), path: z.string(), column: z.string(), message: z.string() }).partial({ column: true })),
  datasetId: z.string().nullable(),
});
/** 201 with the dataset when imported at once; 202 with the import to follow for a large file (the worker reads it). */
export const datasetImportResponseSchema = z.union([
  z.object({ id: z.string(), units: z.number().int(), modelVersionId: z.string() }),
  z.object({ importId: z.string(), status: z.enum(['queued', 'running', 'done', 'failed']) }),
]);
export const modelVersionCreatedResponseSchema = z.object({ id: z.string(), number: z.number().int() });
export const scenarioResultResponseSchema = z.object({ id: z.string(), version: z.number().int(), result: allocationResultSchema });
export const scenarioResponseSchema = z.object({
  id: z.string(),
  allocationCaseId: z.string(),
  caseId: z.string(),
  name: z.string(),
  modelVersionId: z.string(),
  datasetId: z.string(),
  frame: z.number().nullable(),
  frameChange: z.number().nullable(),
  overrides: z.array(rateOverrideSchema),
  adjustments: z.array(z.object({ unit: z.string(), amount: z.number(), reason: z.string() })),
  adopted: z.boolean(),
  adoptedByDecisionId: z.string().nullable(),
  revisesScenarioId: z.string().nullable(),
  version: z.number().int(),
  engineVersion: z.string(),
  inputHash: z.string(),
  computedAt: z.string(),
  /** The exact engine input the result was computed from (format samrad.allocation-input/v1). */
  input: z.looseObject({ format: z.string() }),
  result: allocationResultSchema,
});
const comparedCell = z.object({ amount: z.number(), against: z.number(), diffNok: z.number(), diffPct: z.number().nullable() });
/** Against another scenario: every unit and criterion; against the budget or last year: per unit, null where none is given. */
export const comparisonUnitSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  total: z.number(),
  against: z.number().nullable(),
  diffNok: z.number().nullable(),
  diffPct: z.number().nullable(),
  criteria: z.record(z.string(), comparedCell).optional(),
});
/** The totals row of a comparison (`comparisonTotals`): the other side and the difference over the units that have one. */
export const comparisonTotalsSchema = z.object({
  total: z.number(),
  against: z.number().nullable(),
  diffNok: z.number().nullable(),
  diffPct: z.number().nullable(),
});
export const comparisonResponseSchema = z.object({
  against: z.string(),
  units: z.array(comparisonUnitSchema),
  totals: comparisonTotalsSchema,
});
export const revisionResponseSchema = z.object({ id: z.string(), changes: z.array(comparisonUnitSchema), totals: comparisonTotalsSchema });
export const scenarioCommentListResponseSchema = z.object({
  comments: z.array(
    z.object({
      id: z.string(),
      unitId: z.string().nullable(),
      text: z.string(),
      createdAt: z.string(),
      author: z.object({ name: z.string(), title: z.string() }),
    }),
  ),
});
export const sweepResponseSchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  parameter: z.record(z.string(), z.unknown()),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  result: z
    .object({
      points: z.array(z.object({ value: z.number(), scale: z.number(), total: z.number(), units: z.record(z.string(), z.number()) })),
    })
    .nullable(),
  error: z.string().nullable(),
});
