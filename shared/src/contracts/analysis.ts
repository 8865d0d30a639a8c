import { z } from 'zod';
import { peerComparisonSchema } from '../engine/analysis/peers.js';
import { savingsMeasureSchema, savingsPlanSchema } from '../engine/analysis/savings.js';
import { sfoScenarioSchema } from '../engine/analysis/sfo.js';
import { structureScenarioSchema } from '../engine/analysis/structure.js';
import { jsonObject, line, nonEmpty, optionalLine, optionalText, patchSchema, text, uuid } from './common.js';

/** The four tools of the analysis workbench (#19). */
export const ANALYSIS_KINDS = ['savings', 'sfo', 'structure', 'peers'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const MEASURE_STATUSES = ['proposed', 'investigating', 'recommended', 'adopted', 'rejected'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** A measure as stored: the engine's fields and what the plan needs beside them. */
export const measureSchema = savingsMeasureSchema.extend({
  /** Who is responsible (a role or unit, not a person's private data). */
  owner: optionalLine(200).default(''),
  mandateItemId: uuid.nullable().default(null),
  status: z.enum(MEASURE_STATUSES, { error: 'Ukjent status for tiltaket' }).default('proposed'),
  /** Konsekvensvurdering: what the measure means for pupils, parents and staff. */
  assessment: z
    .strictObject({
      pupils: optionalText(4000).default(''),
      parents: optionalText(4000).default(''),
      staff: optionalText(4000).default(''),
    })
    .default({ pupils: '', parents: '', staff: '' }),
  /** The allocation scenario that carries the measure out (e.g. lower frames for the schools). */
  scenarioId: uuid.nullable().default(null),
});
export type Measure = z.infer<typeof measureSchema>;

export const savingsToolInputSchema = savingsPlanSchema.extend({ measures: z.array(measureSchema) });

/** The stored input of each kind (validated again by the engine when computed). */
export const analysisInputSchemas = {
  savings: savingsToolInputSchema,
  sfo: sfoScenarioSchema,
  structure: structureScenarioSchema,
  peers: peerComparisonSchema,
} as const;

const toolFields = {
  caseId: uuid,
  mandateItemId: uuid.nullable().default(null),
  title: line('Tittelen', 200),
};

export const createAnalysisToolSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('savings'), ...toolFields, input: savingsToolInputSchema }),
    z.strictObject({ kind: z.literal('sfo'), ...toolFields, input: sfoScenarioSchema }),
    z.strictObject({ kind: z.literal('structure'), ...toolFields, input: structureScenarioSchema }),
    z.strictObject({ kind: z.literal('peers'), ...toolFields, input: peerComparisonSchema }),
  ],
  { error: 'Verktøyet må være «savings», «sfo», «structure» eller «peers»' },
);
export type CreateAnalysisTool = z.input<typeof createAnalysisToolSchema>;

/** A PATCH of a tool: its title, mandate item or whole input (checked against the tool's kind). */
export const updateAnalysisToolSchema = patchSchema(
  { title: toolFields.title, mandateItemId: toolFields.mandateItemId, input: jsonObject() },
  { elsewhere: { kind: 'Et verktøy kan ikke bytte type', caseId: 'Et verktøy kan ikke flyttes til en annen sak' } },
);

export const analysisCommentSchema = z.strictObject({
  text: nonEmpty('Merknaden', 10000),
  /** The measure of a savings plan the comment is on (null: the tool as a whole). */
  measureId: text().min(1).max(100).nullable().default(null),
});

const toolSummary = z.object({
  id: z.string(),
  kind: z.enum(ANALYSIS_KINDS),
  title: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseTitle: z.string(),
  mandateItem: z.object({ id: z.string(), number: z.number(), title: z.string() }).nullable(),
  version: z.number(),
  updatedAt: z.string(),
});

export const analysisToolListResponseSchema = z.object({ tools: z.array(toolSummary) });
export const analysisToolResponseSchema = toolSummary.extend({
  input: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
  engineVersion: z.string(),
});
export const analysisToolCreatedResponseSchema = z.object({ id: z.string(), version: z.number() });
export const analysisVersionListResponseSchema = z.object({
  versions: z.array(z.object({ version: z.number(), createdAt: z.string(), author: z.string().nullable() })),
});
export const analysisCommentListResponseSchema = z.object({
  comments: z.array(
    z.object({
      id: z.string(),
      measureId: z.string().nullable(),
      text: z.string(),
      createdAt: z.string(),
      author: z.object({ name: z.string(), title: z.string() }),
    }),
  ),
});
export const analysisCommentCreatedResponseSchema = z.object({ id: z.string() });

const importedMunicipality = z.object({
  name: z.string(),
  costPerChild: z.union([z.number(), z.string()]),
  pupilsPerSchool: z.union([z.number(), z.string()]).optional(),
});
/** A peer comparison's municipalities read from a file (CSV, XLSX or the JSON format), for the form to show before it is saved. */
export const peerImportResponseSchema = z.object({
  own: importedMunicipality.extend({ children6to15: z.number() }),
  peers: z.array(importedMunicipality.extend({ chosen: z.boolean() })),
  source: z.string().optional(),
  year: z.number().optional(),
  measure: z.string().optional(),
});
