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

/** The fields of a unit a column of the municipality's own spreadsheet can fill (besides the counts). */
export const MAPPED_UNIT_FIELDS = ['id', 'name', 'school', 'orgNumber', 'stage', 'fte', 'currentBudget', 'lastYearBudget'] as const;
export type MappedUnitField = (typeof MAPPED_UNIT_FIELDS)[number];
/** Norwegian names of the unit fields and the built-in count drivers, as the mapping's messages name them. */
export const MAPPED_FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  name: 'Navn',
  school: 'Skole',
  orgNumber: 'Organisasjonsnummer',
  stage: 'Trinn',
  fte: 'Årsverk',
  currentBudget: 'Budsjett',
  lastYearBudget: 'Fjorårets budsjett',
  pupils: 'Elever',
  gradesTaught: 'Trinn som undervises',
  highNeedsPupils: 'Elever med svært store behov',
  minorityPupils: 'Minoritetsspråklige elever',
  seniorReducedHours: 'Timer redusert leseplikt (seniorer)',
};
const fieldName = (key: string) => {
  const [field, year] = key.split('@');
  const label = MAPPED_FIELD_LABELS[field!] ?? field!;
  return year === '1' ? `${label} (vår)` : year === '2' ? `${label} (høst)` : label;
};

/**
 * Which column (0-based, as the header row reads) fills which field: a unit field, a count for the whole
 * budget year (`pupils`), or a count per school year (`pupils@1`: the spring, the school year the budget
 * year begins in; `pupils@2`: the autumn). A unit needs a name, a stage, and an id or an organisation number.
 */
export const columnMappingSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}(@[12])?$/, { error: 'Ukjent felt' }),
    z.number({ error: 'Velg en kolonne' }).int().min(0).max(9999),
  )
  .superRefine((mapping, ctx) => {
    const keys = Object.keys(mapping);
    for (const required of ['name', 'stage'] as const)
      if (!(required in mapping))
        ctx.addIssue({ code: 'custom', path: [required], message: `Velg kolonnen for ${fieldName(required).toLowerCase()}` });
    if (!('id' in mapping) && !('orgNumber' in mapping))
      ctx.addIssue({
        code: 'custom',
        path: ['orgNumber'],
        message: 'Velg kolonnen for organisasjonsnummer eller id (enhetene kjennes igjen på en av dem)',
      });
    const usedBy = new Map<number, string>();
    for (const key of keys) {
      const first = usedBy.get(mapping[key]!);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `Kolonnen er alt valgt for «${fieldName(first)}»` });
      else usedBy.set(mapping[key]!, key);
      const [field, year] = key.split('@');
      if (year && (MAPPED_UNIT_FIELDS as readonly string[]).includes(field!))
        ctx.addIssue({ code: 'custom', path: [key], message: `«${fieldName(field!)}» har ingen skoleår` });
      if (year && field! in mapping)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Velg enten én kolonne for hele året eller én per skoleår for «${fieldName(field!)}»`,
        });
      const other = `${field}@${year === '1' ? '2' : '1'}`;
      if (year && !(other in mapping))
        ctx.addIssue({
          code: 'custom',
          path: [other],
          message: `Velg kolonnen for ${fieldName(other)} også, eller én kolonne for hele året`,
        });
    }
  });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importDatasetSchema = z.object({
  name: line('Navn', 200),
  format: z.enum(['csv', 'xlsx', 'json'], { error: 'Formatet må være csv, xlsx eller json' }),
  /** CSV text, interchange JSON text, or an XLSX workbook in base64. */
  content: text().min(1, { error: 'Filen er tom' }).max(20_000_000, { error: 'Filen er for stor (høyst 15 MB)' }),
  /** The municipality's own headers: which column fills which field (CSV and XLSX). Without it the headers are the template's. */
  mapping: columnMappingSchema.optional(),
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
      purposes: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
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
  z.object({ id: z.string(), units: z.number().int(), modelVersionId: z.string().nullable() }),
  z.object({ importId: z.string(), status: z.enum(['queued', 'running', 'done', 'failed']) }),
]);
/** The header row of an uploaded spreadsheet, for the mapping step: its columns (with a few values), a suggested mapping, the count drivers. */
export const datasetColumnsResponseSchema = z.object({
  columns: z.array(z.object({ index: z.number().int(), name: z.string(), samples: z.array(z.string()) })),
  suggested: z.record(z.string(), z.number().int()),
  drivers: z.array(z.object({ id: z.string(), label: z.string() })),
});
/** A dataset's units and counts (the model editor previews with them before a scenario exists). */
export const datasetResponseSchema = z.object({
  id: z.string(),
  allocationCaseId: z.string(),
  name: z.string(),
  source: z.string(),
  createdAt: z.string(),
  units: z.array(z.looseObject({ id: z.string(), name: z.string(), stage: z.enum(['barnetrinn', 'ungdomstrinn']) })),
});
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
