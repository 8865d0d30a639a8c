import { z } from 'zod';
import { nonEmpty, patchSchema, uuid } from './common.js';

const money = z.union([z.number(), z.string().regex(/^-?\d+(\.\d{1,2})?$/, { error: 'Beløp skrives som 1234.50' })]);

export const createAllocationCaseSchema = z.object({
  caseId: uuid,
  budgetYear: z.number({ error: 'Budsjettår må være et tall' }).int().min(2000).max(2100),
  title: nonEmpty('Tittel', 300),
});

export const importDatasetSchema = z.object({
  name: nonEmpty('Navn', 200),
  format: z.enum(['csv', 'xlsx', 'json'], { error: 'Formatet må være csv, xlsx eller json' }),
  /** CSV text, interchange JSON text, or an XLSX workbook in base64. */
  content: z.string().min(1, { error: 'Filen er tom' }).max(20_000_000, { error: 'Filen er for stor (høyst 15 MB)' }),
});

/** The model without its units: criteria, rates, hour costs, weeks, pots, count weights. */
export const createModelVersionSchema = z.object({
  label: nonEmpty('Navn', 200),
  model: z.record(z.string(), z.unknown()),
});

export const rateOverrideSchema = z.object({
  criterion: z.string().min(1),
  stage: z.enum(['barnetrinn', 'ungdomstrinn']),
  rate: z.union([z.object({ nok: z.number().nonnegative() }), z.object({ weeklyHours: z.number().nonnegative(), uplift: z.number().optional() }), z.object({ annualHours: z.number().nonnegative() })]),
});

const scenarioFields = {
  name: nonEmpty('Navn', 200),
  modelVersionId: uuid,
  datasetId: uuid,
  frame: money.nullable().default(null),
  frameChange: money.nullable().default(null),
  overrides: z.array(rateOverrideSchema).max(100).default([]),
  adjustments: z.array(z.object({ unit: z.string().min(1), amount: money, reason: nonEmpty('Begrunnelsen', 500) })).max(500).default([]),
};

export const createScenarioSchema = z.object(scenarioFields).superRefine((v, ctx) => {
  if (v.frame !== null && v.frameChange !== null) ctx.addIssue({ code: 'custom', path: ['frameChange'], message: 'Oppgi enten ramme eller rammeendring, ikke begge' });
});
/** The model version and dataset stay; a scenario on others is a new scenario. */
export const updateScenarioSchema = patchSchema({
  name: scenarioFields.name,
  frame: scenarioFields.frame,
  frameChange: scenarioFields.frameChange,
  overrides: scenarioFields.overrides,
  adjustments: scenarioFields.adjustments,
}).superRefine((v, ctx) => {
    if (v.frame != null && v.frameChange != null) ctx.addIssue({ code: 'custom', path: ['frameChange'], message: 'Oppgi enten ramme eller rammeendring, ikke begge' });
  });

export const adoptScenarioSchema = z.object({ decisionId: uuid });
export const revisionSchema = z.object({ name: nonEmpty('Navn', 200), datasetId: uuid });
export const scenarioCommentSchema = z.object({ text: nonEmpty('Merknaden', 10000), unitId: z.string().min(1).max(100).nullable().default(null) });
export const sweepSchema = z
  .object({
    criterion: z.string().min(1),
    stage: z.enum(['barnetrinn', 'ungdomstrinn']),
    from: z.number().nonnegative(),
    to: z.number().nonnegative(),
    steps: z.number().int().min(2, { error: 'Minst 2 steg' }).max(2000, { error: 'Høyst 2000 steg' }),
  })
  .superRefine((v, ctx) => {
    if (v.to <= v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Til-verdien må være større enn fra-verdien' });
  });
