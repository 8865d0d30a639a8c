import { z } from 'zod';
import { uuid } from './common.js';

/**
 * Case documents as files (PDF/A), generated on the server and stored with their SHA-256: the
 * saksframlegg and «Innspill og behandling» of a case, the møteinnkalling and møteprotokoll of a meeting,
 * and the receipt of one input. Each generation is a new version; older versions are kept.
 */
export const DOCUMENT_KINDS = ['case_presentation', 'input_report', 'meeting_notice', 'meeting_minutes', 'receipt'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The language forms a document can be written in (without one asked for, the municipality's målform). */
export const DOCUMENT_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

const language = z.enum(DOCUMENT_LANGUAGES, { error: 'Velg bokmål, nynorsk eller engelsk' }).optional();

/** `POST /api/documents`: which document to make, of what. */
export const generateDocumentSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('case_presentation'), caseId: uuid, language }).strict(),
    z.object({ kind: z.literal('input_report'), caseId: uuid, language }).strict(),
    z.object({ kind: z.literal('meeting_notice'), meetingId: uuid, language }).strict(),
    z.object({ kind: z.literal('meeting_minutes'), meetingId: uuid, language }).strict(),
    z.object({ kind: z.literal('receipt'), submissionId: uuid, language }).strict(),
  ],
  { error: 'Velg hvilket dokument som skal lages' },
);
export type GenerateDocument = z.infer<typeof generateDocumentSchema>;

// Responses ------------------------------------------------------------------------------------

export const documentResponseSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  version: z.number().int(),
  language: z.enum(DOCUMENT_LANGUAGES),
  caseId: z.string().nullable(),
  meetingId: z.string().nullable(),
  submissionId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type DocumentView = z.infer<typeof documentResponseSchema>;

/** `GET /api/cases/:id/documents`: every version of the case's documents the reader may read, newest first, and what may be made. */
export const caseDocumentsResponseSchema = z.object({
  documents: z.array(documentResponseSchema),
  /** The meetings with the case on a published agenda (their notice and protocol are listed with the case). */
  meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string() })),
  /** The reader's own inputs on the case, whose receipt they may make. */
  myInputs: z.array(z.object({ id: z.string(), submittedAt: z.string() })),
  /** Whether the reader may make the case's and its meetings' documents, and download its arkivuttrekk (case officers). */
  mayGenerate: z.boolean(),
  /** Whether the arkivuttrekk can be made now (the case is closed). */
  archivable: z.boolean(),
});
