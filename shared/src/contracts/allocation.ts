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
