import { z } from 'zod';
import { peerComparisonSchema } from '../engine/analysis/peers.js';
import { savingsMeasureSchema, savingsPlanSchema } from '../engine/analysis/savings.js';
import { sfoScenarioSchema } from '../engine/analysis/sfo.js';
import { structureScenarioSchema } from '../engine/analysis/structure.js';
import { jsonObject, line, nonEmpty, optionalLine, optionalText, patchSchema, text, uuid, version } from './common.js';

/** The four tools of the analysis workbench (#19). */
export const ANALYSIS_KINDS = ['savings', 'sfo', 'structure', 'peers'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const MEASURE_STATUSES = ['proposed', 'investigating', 'recommended', 'adopted', 'rejected'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
/** The statuses set by hand: «adopted» comes only from a vedtak (`POST /api/analysis-tools/:id/adoptions`). */
export const MANUAL_MEASURE_STATUSES = MEASURE_STATUSES.filter((s) => s !== 'adopted');
/** The kinds a vedtak adopts: a savings plan measure by measure, a school-structure scenario as a whole. */
export const ADOPTABLE_KINDS = ['savings', 'structure'] as const;

/** A measure as stored: the engine's fields and what the plan needs beside them. */
export const measureSchema = savingsMeasureSchema.extend({
  /** Who is responsible (a role or unit, not a person's private data). */
  owner: optionalLine(200).default(''),
  /** The person responsible (a user of the municipality); with the unit leaders of `school`, they write the assessment. */
  ownerId: uuid.nullable().default(null),
  /** The school (unit) the measure concerns, as memberships name it; its unit leaders write the assessment. */
  school: optionalLine(200).default(''),
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

/** A consequence assessment, written by the measure's unit leaders (its owner, the unit leaders of its school). */
export const measureAssessmentSchema = z.strictObject({
  version,
  pupils: optionalText(4000),
  parents: optionalText(4000),
  staff: optionalText(4000),
});

/** A vedtak of the tool's case adopts one measure of a savings plan, or a school-structure scenario (measureId null). */
export const adoptAnalysisSchema = z.strictObject({
  decisionId: uuid,
  measureId: text().min(1).max(100).nullable().default(null),
});

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

/** The vedtak that adopted a measure or a scenario: «Vedtatt i <organ> <dato> (sak 41/26)». */
export const adoptionSchema = z.object({
  measureId: z.string().nullable(),
  decisionId: z.string(),
  body: z.string(),
  decidedOn: z.string(),
  committeeNumber: z.string().nullable(),
  adoptedAt: z.string(),
});
export type Adoption = z.infer<typeof adoptionSchema>;

/** A tool's (or a measure's) state under its mandate item, for the mandate page and the start page. */
export const analysisToolStateSchema = z.object({
  /** The tool, or (kind «measure») the savings plan the measure belongs to. */
  toolId: z.string(),
  kind: z.enum([...ANALYSIS_KINDS, 'measure']),
  title: z.string(),
  status: z.enum(['draft', 'partly_adopted', 'adopted']),
  adoption: adoptionSchema.nullable(),
  /** savings: the first year's plan against its target; sfo: the extra income; structure: free places before and after;
   *  peers: the number of peers; measure: its full-year effect and the plan's title. NOK as numbers of kroner. */
  figures: z.object({
    year: z.number().optional(),
    effect: z.number().optional(),
    target: z.number().optional(),
    gap: z.number().optional(),
    measures: z.number().optional(),
    adoptedMeasures: z.number().optional(),
    extraIncome: z.number().optional(),
    freeBefore: z.number().optional(),
    freeAfter: z.number().optional(),
    peers: z.number().optional(),
    fullYearEffect: z.number().optional(),
    measureId: z.string().optional(),
    planTitle: z.string().optional(),
  }),
});
export type AnalysisToolState = z.infer<typeof analysisToolStateSchema>;

export const analysisToolListResponseSchema = z.object({ tools: z.array(toolSummary) });
export const analysisToolResponseSchema = toolSummary.extend({
  input: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
  engineVersion: z.string(),
  /** The vedtak that adopted its measures (or the scenario, measureId null). */
  adoptions: z.array(adoptionSchema),
  /** The measures whose consequence assessment the reader may write (MeasureAssessors). */
  mayAssess: z.array(z.string()),
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
