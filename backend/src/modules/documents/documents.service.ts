import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DocumentKind, DocumentLanguage, DocumentView, GenerateDocument } from '@samrad/shared/contracts';
import { osloDate } from '@samrad/shared/domain';
import type { RequestContext } from '../../platform/auth/context.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { Forbidden, NotFound, ValidationFailed } from '../../platform/http/errors.js';
import type { PdfMeta } from '../../platform/pdf/pdf-document.js';
import { WorkLimits } from '../../platform/limits/work-limits.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService, caseKnownSql, caseNumber, caseReadableSql, caseTitleSql, type CaseReader } from '../cases/cases.service.js';
import { InputRoundsService, readerValues, submissionVisibleSql } from '../input-rounds/input-rounds.service.js';
import { InputSummaryService } from '../input-rounds/input-summary.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { casePresentationPdf, meetingMinutesPdf, meetingNoticePdf, receiptPdf, type ReceiptData } from './document-pdfs.js';
import { DOCUMENT_LANG_TAG, DOCUMENT_TEXTS } from './document-texts.js';
import type { GeneratedDocumentRow } from './documents.rows.js';

type StoredMeta = Omit<GeneratedDocumentRow, 'municipality_id' | 'case_ids' | 'full_case_ids'>;

const COLUMNS = `d.id, d.kind, d.case_id, d.meeting_id, d.submission_id, d.version, d.language, d.title, d.filename, d.media_type,
  d.size_bytes, d.sha256, d.attachment_id, d.created_by, d.created_at`;

const view = (r: StoredMeta & { created_by_name?: string | null }): DocumentView => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  filename: r.filename,
  mediaType: r.media_type,
  size: r.size_bytes,
  sha256: r.sha256,
  version: r.version,
  language: r.language,
  caseId: r.case_id,
  meetingId: r.meeting_id,
  submissionId: r.submission_id,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by_name ?? null,
});

/** A file-name part: letters, digits and dashes. */
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * What every reader of a published meeting (or a public case) may see: no role, no body, no inputs of
 * their own. Documents are generated as such a reader sees the thing, so whoever may read it may read
 * the stored document (an exempt item by its public title and legal basis, no unpublished input).
 */
const everyReader = (ctx: RequestContext): RequestContext => ({ ...ctx, userId: NOBODY, roles: new Set(), bodyIds: new Set() });

/**
 * SQL for "the reader may read this meeting document" (#20): it names only cases the reader may know of
 * (caseKnownSql), and each case it showed in full is still one the reader may read (caseReadableSql). A case made
 * exempt, or put back to draft, after the PDF was made withholds that PDF (it is a fixed record with its SHA-256: it
 * is not rewritten) until the officer makes a new version, which shows the case by its public title. Documents made
 * before the cases were kept count every case on the meeting's agenda as shown in full. `d` is the generated_document
 * alias; `officer` and `bodyIds` placeholders as for caseReadableSql.
 */
export function meetingDocumentReadableSql(d: string, officer: string, bodyIds: string, reader: CaseReader): string {
  const agenda = (col: string) =>
    `coalesce(${d}.${col}, ARRAY(SELECT ai.case_id FROM agenda_item ai WHERE ai.meeting_id = ${d}.meeting_id))`;
  return `(NOT EXISTS (SELECT 1 FROM case_file mc WHERE mc.id = ANY(${agenda('case_ids')}) AND NOT ${caseKnownSql('mc', reader)})
     AND NOT EXISTS (SELECT 1 FROM case_file mc WHERE mc.id = ANY(${agenda('full_case_ids')}) AND NOT ${caseReadableSql('mc', officer, bodyIds, reader)}))`;
}

/** A document made, before it is stored. */
interface Made {
  owner: { caseId: string | null; meetingId: string | null; submissionId: string | null };
  /** A meeting document's cases: named, and shown in full. */
  cases?: { named: string[]; full: string[] };
  title: string;
  filename: string;
  content: Buffer;
}

/**
 * Case documents as files (#20): generated as PDF/A on the server (the one builder in platform/pdf), stored
 * with their SHA-256 as numbered versions (the file in the attachment store), listed on the case, and read
 * under the read rule of what they are of: the case's (CasesService.readable), the meeting's (every person of
 * the municipality, since meeting documents are made only from the published agenda as every reader sees
 * it), and a receipt's submission's (InputRoundsService.assertReadableSubmission).
 */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(InputRoundsService) private readonly rounds: InputRoundsService,
    @Inject(InputSummaryService) private readonly inputSummary: InputSummaryService,
    @Inject(AttachmentsService) private readonly attachments: AttachmentsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WorkLimits) private readonly limits: WorkLimits,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
  ) {}

  private async municipalityName(ctx: RequestContext): Promise<string> {
    const [row]: { name: string }[] = await this.db.query(`SELECT name FROM municipality WHERE id = $1`, [ctx.municipalityId]);
    return row?.name ?? '';
  }

  /** Makes the document asked for and stores it as the next version of its kind for what it is of. */
  async generate(ctx: RequestContext, input: GenerateDocument): Promise<DocumentView> {
    // Without a language asked for, the municipality's målform (its official written form) writes its documents.
    const language: DocumentLanguage = input.language ?? (await this.municipalities.languageForm(ctx.municipalityId));
    const officer = ctx.roles.has('case_officer');
    if (input.kind !== 'receipt' && !officer) throw new Forbidden('Bare saksbehandlere kan lage saks- og møtedokumenter');
    // Making a PDF is expensive work: within the person's share (WorkLimits: two exports at once).
    const made = await this.limits.export(ctx, () => this.make(ctx, input, language));
    return this.db.transaction(async (m) => {
      const { caseId, meetingId, submissionId } = made.owner;
      // One version number at a time per document (kind and what it is of).
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `generated_document:${input.kind}:${caseId ?? meetingId ?? submissionId}`,
      ]);
      const [counter]: { next: number }[] = await m.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM generated_document
          WHERE municipality_id = $1 AND kind = $2 AND case_id IS NOT DISTINCT FROM $3 AND meeting_id IS NOT DISTINCT FROM $4
            AND submission_id IS NOT DISTINCT FROM $5`,
        [ctx.municipalityId, input.kind, caseId, meetingId, submissionId],
      );
      const next = counter!.next;
      const filename = `${made.filename}-v${next}.pdf`;
      const file = await this.attachments.storeGenerated(m, ctx, { filename, mediaType: 'application/pdf', content: made.content });
      const [row]: StoredMeta[] = await m.query(
        `INSERT INTO generated_document AS d (municipality_id, kind, case_id, meeting_id, submission_id, version, language, title, filename,
            media_type, size_bytes, sha256, attachment_id, created_by, created_at, case_ids, full_case_ids)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'application/pdf',$10,$11,$12,$13,$14,$15::uuid[],$16::uuid[]) RETURNING ${COLUMNS}`,
        [
          ctx.municipalityId,
          input.kind,
          caseId,
          meetingId,
          submissionId,
          next,
          language,
          made.title,
          filename,
          file.size,
          file.sha256,
          file.id,
          ctx.userId,
          this.clock.now(),
          made.cases?.named ?? null,
          made.cases?.full ?? null,
        ],
      );
      const result = view(row!);
      await this.audit.record(m, ctx, 'create', 'generated_document', result.id, null, {
        kind: result.kind,
        caseId,
        meetingId,
        submissionId,
        version: next,
        title: result.title,
        sha256: result.sha256,
        size: result.size,
      });
      const [me]: { name: string }[] = await m.query(`SELECT name FROM app_user WHERE id = $1`, [ctx.userId]);
      return { ...result, createdBy: me?.name ?? null };
    });
  }

  private async make(ctx: RequestContext, input: GenerateDocument, language: DocumentLanguage): Promise<Made> {
    const t = DOCUMENT_TEXTS[language];
    const now = this.clock.now();
    const meta = async (title: string, subject: string): Promise<PdfMeta> => ({
      title,
      subject,
      author: await this.municipalityName(ctx),
      lang: DOCUMENT_LANG_TAG[language],
      created: now,
      keywords: t.kind[input.kind],
    });
    switch (input.kind) {
      case 'case_presentation': {
        const c = await this.cases.get(ctx, input.caseId);
        const title = `${t.kind.case_presentation} – sak ${c.number} ${c.title}`;
        return {
          owner: { caseId: c.id, meetingId: null, submissionId: null },
          title,
          filename: `saksframlegg-${c.number.replace('/', '-')}`,
          content: await casePresentationPdf(await meta(title, `Sak ${c.number}`), t, c),
        };
      }
      case 'input_report': {
        const c = await this.cases.readable(ctx, input.caseId);
        // The stored report is read by whoever may read the case, so it holds what every such reader may see:
        // published input. On an exempt case that reader differs by body, so its report stays on the page.
        if (c.access !== 'public')
          throw ValidationFailed.field(
            'kind',
            '«Innspill og behandling» lagres som dokument bare for offentlige saker. For en sak unntatt offentlighet: bruk eksporten på siden «Innspill og behandling».',
          );
        const file = await this.inputSummary.export(everyReader(ctx), c.id, 'pdf', {});
        return {
          owner: { caseId: c.id, meetingId: null, submissionId: null },
          title: `${t.kind.input_report} – sak ${caseNumber(c)} ${c.title}`,
          filename: `innspill-og-behandling-${caseNumber(c).replace('/', '-')}`,
          content: file.body,
        };
      }
      case 'meeting_notice':
      case 'meeting_minutes': {
        const published: { agenda_published_at: Date | null }[] = await this.db.query(
          `SELECT agenda_published_at FROM meeting WHERE id = $1 AND municipality_id = $2`,
          [input.meetingId, ctx.municipalityId],
        );
        if (!published[0]) throw new NotFound('Fant ikke møtet');
        if (!published[0].agenda_published_at)
          throw ValidationFailed.field('meetingId', 'Sakslisten er ikke publisert ennå. Publiser den før møtedokumentene lages.');
        const mt = await this.meetings.get(everyReader(ctx), input.meetingId);
        const date = osloDate(new Date(mt.startsAt));
        const title = `${t.kind[input.kind]} – ${mt.body.name} ${date}`;
        const pdfMeta = await meta(title, mt.title);
        return {
          owner: { caseId: null, meetingId: mt.id, submissionId: null },
          // Made as every reader sees the meeting: an item shown in full is a case every reader could read then.
          cases: {
            named: mt.agenda.map((a) => a.case.id as string),
            full: mt.agenda.filter((a) => a.exemptBasis === null).map((a) => a.case.id as string),
          },
          title,
          filename: `${input.kind === 'meeting_notice' ? 'moteinnkalling' : 'moteprotokoll'}-${slug(mt.body.name)}-${date}`,
          content: await (input.kind === 'meeting_notice' ? meetingNoticePdf(pdfMeta, t, mt) : meetingMinutesPdf(pdfMeta, t, mt)),
        };
      }
      case 'receipt': {
        await this.rounds.assertReadableSubmission(ctx, input.submissionId);
        const r = await this.receiptData(ctx, input.submissionId);
        if (r.authorId !== ctx.userId && !ctx.roles.has('case_officer'))
          throw new Forbidden('Bare den som ga innspillet og saksbehandlere kan lage kvitteringen');
        const title = `${t.kind.receipt} ${r.data.id}`;
        return {
          owner: { caseId: r.caseId, meetingId: null, submissionId: input.submissionId },
          title,
          filename: `kvittering-${r.data.id.slice(0, 8)}`,
          content: await receiptPdf(await meta(title, r.data.concerning), t, r.data),
        };
      }
    }
  }

  private async receiptData(
    ctx: RequestContext,
    submissionId: string,
  ): Promise<{ authorId: string; caseId: string | null; data: ReceiptData }> {
    const [s]: {
      id: string;
      author_id: string;
      author_name: string;
      body_name: string | null;
      version: number;
      submitted_at: Date;
      sha256: string;
      late: boolean;
      text: string;
      case_id: string | null;
      round_title: string | null;
      case_label: string | null;
      mandate_label: string | null;
      attachments: { filename: string; sha256: string }[];
    }[] = await this.db.query(
      `SELECT s.id, s.author_id, u.name AS author_name, b.name AS body_name, s.current_version AS version, s.submitted_at, v.sha256, s.late, v.text,
              coalesce(s.case_id, ir.case_id) AS case_id, ir.title AS round_title,
              CASE WHEN c.id IS NOT NULL THEN 'sak ' || c.archive_year || '/' || c.archive_seq || ' ' || ${caseTitleSql('c', 'false')} END AS case_label,
              mi.title AS mandate_label,
              (SELECT coalesce(json_agg(json_build_object('filename', a.filename, 'sha256', a.sha256) ORDER BY a.created_at, a.id), '[]')
                 FROM attachment a WHERE a.submission_id = s.id) AS attachments
         FROM submission s
         JOIN submission_version v ON v.submission_id = s.id AND v.version = s.current_version
         JOIN app_user u ON u.id = s.author_id
         LEFT JOIN body b ON b.id = s.body_id
         LEFT JOIN input_round ir ON ir.id = s.round_id
         LEFT JOIN case_file c ON c.id = coalesce(s.case_id, ir.case_id)
         LEFT JOIN mandate_item mi ON mi.id = s.mandate_item_id
        WHERE s.id = $1 AND s.municipality_id = $2`,
      [submissionId, ctx.municipalityId],
    );
    if (!s) throw new NotFound('Fant ikke innspillet');
    return {
      authorId: s.author_id,
      caseId: s.case_id,
      data: {
        id: s.id,
        version: s.version,
        submittedAt: s.submitted_at,
        sha256: s.sha256,
        late: s.late,
        author: s.author_name,
        body: s.body_name,
        concerning: [s.round_title, s.case_label ?? s.mandate_label].filter(Boolean).join(' – '),
        text: s.text,
        attachments: s.attachments,
      },
    };
  }

  /**
   * The case's documents the reader may read, every version, newest first: the case's own, its meetings'
   * (the meetings with the case on their agenda) and the receipts of its inputs the reader may see.
   */
  async listForCase(ctx: RequestContext, caseId: string) {
    const c = await this.cases.readable(ctx, caseId);
    const now = this.clock.now();
    const rows: (StoredMeta & { created_by_name: string | null })[] = await this.db.query(
      `SELECT ${COLUMNS}, u.name AS created_by_name FROM generated_document d LEFT JOIN app_user u ON u.id = d.created_by
        WHERE d.municipality_id = $1 AND (
              (d.case_id = $2 AND d.kind IN ('case_presentation', 'input_report'))
           OR (d.meeting_id IN (SELECT a.meeting_id FROM agenda_item a WHERE a.case_id = $2)
               AND ${meetingDocumentReadableSql('d', '$3', '$5', ctx)})
           OR (d.kind = 'receipt' AND d.case_id = $2 AND EXISTS (SELECT 1 FROM submission s WHERE s.id = d.submission_id
                 AND ${submissionVisibleSql('s', { officer: '$3', userId: '$4', bodyIds: '$5', now: '$6' })})))
        ORDER BY d.kind, d.meeting_id, d.submission_id, d.version DESC`,
      [ctx.municipalityId, caseId, ...readerValues(ctx, now)],
    );
    const meetings: { id: string; title: string; starts_at: Date }[] = await this.db.query(
      `SELECT DISTINCT mt.id, mt.title, mt.starts_at FROM meeting mt JOIN agenda_item a ON a.meeting_id = mt.id
        WHERE a.case_id = $1 AND mt.municipality_id = $2 AND mt.agenda_published_at IS NOT NULL ORDER BY mt.starts_at`,
      [caseId, ctx.municipalityId],
    );
    const mine: { id: string; submitted_at: Date }[] = await this.db.query(
      `SELECT s.id, s.submitted_at FROM submission s LEFT JOIN input_round ir ON ir.id = s.round_id
        WHERE s.municipality_id = $1 AND s.author_id = $2 AND coalesce(s.case_id, ir.case_id) = $3 ORDER BY s.submitted_at`,
      [ctx.municipalityId, ctx.userId, caseId],
    );
    return {
      documents: rows.map(view),
      meetings: meetings.map((x) => ({ id: x.id, title: x.title, startsAt: x.starts_at.toISOString() })),
      myInputs: mine.map((x) => ({ id: x.id, submittedAt: x.submitted_at.toISOString() })),
      mayGenerate: ctx.roles.has('case_officer'),
      archivable: c.status === 'closed',
    };
  }

  /** The read rule of what the document is of. */
  private async assertReadable(ctx: RequestContext, row: StoredMeta, m: EntityManager = this.db.manager): Promise<void> {
    if (row.kind === 'receipt') await this.rounds.assertReadableSubmission(ctx, row.submission_id!, m);
    else if (row.case_id) await this.cases.readable(ctx, row.case_id, m);
    // A meeting's documents: made from its published agenda as every reader saw it, and read while every case they
    // show is still readable by the reader (meetingDocumentReadableSql).
    else if (row.meeting_id && !(await this.meetingDocumentReadable(ctx, row.id, m)))
      throw new Forbidden('Dokumentet viser en sak som senere er unntatt offentlighet. Saksbehandleren må lage en ny versjon.');
  }

  private async meetingDocumentReadable(ctx: RequestContext, id: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const [r]: { ok: boolean }[] = await m.query(
      `SELECT ${meetingDocumentReadableSql('d', '$2', '$3', ctx)} AS ok FROM generated_document d WHERE d.id = $1`,
      [id, ctx.roles.has('case_officer'), [...ctx.bodyIds]],
    );
    return r?.ok === true;
  }

  /** One document and its bytes, for a reader who may read it (404 for another municipality's). */
  async file(ctx: RequestContext, id: string): Promise<{ meta: DocumentView; content: Buffer }> {
    const rows: StoredMeta[] = await this.db.query(
      `SELECT ${COLUMNS} FROM generated_document d WHERE d.id = $1 AND d.municipality_id = $2`,
      [id, ctx.municipalityId],
    );
    const row = rows[0];
    if (!row) throw new NotFound('Fant ikke dokumentet');
    await this.assertReadable(ctx, row);
    return { meta: view(row), content: await this.attachments.generatedContent(ctx.municipalityId, row.attachment_id) };
  }

  /**
   * Innsyn (the anonymous reader): the newest saksframlegg of a case the reader may read in full — for the public a
   * public case out of its draft (CasesService.readable); an exempt case or a draft has none (404, as the case itself).
   */
  async publicForCase(ctx: RequestContext, caseId: string): Promise<DocumentView[]> {
    await this.cases.readable(ctx, caseId).catch((e: unknown) => {
      throw e instanceof Forbidden ? new NotFound('Fant ikke saken') : e;
    });
    const rows: StoredMeta[] = await this.db.query(
      `SELECT ${COLUMNS} FROM generated_document d
        WHERE d.municipality_id = $1 AND d.case_id = $2 AND d.kind = 'case_presentation' ORDER BY d.version DESC LIMIT 1`,
      [ctx.municipalityId, caseId],
    );
    return rows.map((r) => view(r));
  }

  /**
   * SQL for "innsyn publishes this meeting document" (`d` generated_document, `mt` its meeting): an open meeting's
   * møteinnkalling once its agenda is published, its møteprotokoll once the protocol is approved (a version made after
   * the approval), and only while the reader may read every case it shows (meetingDocumentReadableSql).
   */
  private static meetingPublishedSql(ctx: RequestContext): string {
    return `mt.open AND mt.agenda_published_at IS NOT NULL
      AND (d.kind = 'meeting_notice' OR (d.kind = 'meeting_minutes' AND mt.minutes_approved_at IS NOT NULL AND d.created_at >= mt.minutes_approved_at))
      AND ${meetingDocumentReadableSql('d', 'false', "'{}'", ctx)}`;
  }

  /** Innsyn: the newest published møteinnkalling and møteprotokoll of an open meeting ({@link meetingPublishedSql}). */
  async publicForMeeting(ctx: RequestContext, meetingId: string): Promise<DocumentView[]> {
    const rows: StoredMeta[] = await this.db.query(
      `SELECT DISTINCT ON (d.kind) ${COLUMNS} FROM generated_document d JOIN meeting mt ON mt.id = d.meeting_id
        WHERE d.municipality_id = $1 AND d.meeting_id = $2 AND d.kind IN ('meeting_notice', 'meeting_minutes')
          AND ${DocumentsService.meetingPublishedSql(ctx)}
        ORDER BY d.kind, d.version DESC`,
      [ctx.municipalityId, meetingId],
    );
    return rows.map((r) => view(r));
  }

  /**
   * One public document's bytes for innsyn: a saksframlegg of a case the (anonymous) reader may read, or a published
   * meeting document ({@link meetingPublishedSql}); anything else is a 404.
   */
  async publicFile(ctx: RequestContext, id: string): Promise<{ meta: DocumentView; content: Buffer }> {
    const rows: StoredMeta[] = await this.db.query(
      `SELECT ${COLUMNS} FROM generated_document d LEFT JOIN meeting mt ON mt.id = d.meeting_id
        WHERE d.id = $1 AND d.municipality_id = $2
          AND (d.kind = 'case_presentation' OR (d.kind IN ('meeting_notice', 'meeting_minutes') AND ${DocumentsService.meetingPublishedSql(ctx)}))`,
      [id, ctx.municipalityId],
    );
    const row = rows[0];
    if (!row) throw new NotFound('Fant ikke dokumentet');
    if (row.case_id)
      await this.cases.readable(ctx, row.case_id).catch((e: unknown) => {
        throw e instanceof Forbidden || e instanceof NotFound ? new NotFound('Fant ikke dokumentet') : e;
      });
    return { meta: view(row), content: await this.attachments.generatedContent(ctx.municipalityId, row.attachment_id) };
  }

  /**
   * For the arkivuttrekk: the newest version of each of the case's documents and of its meetings', with
   * their bytes (the caller is a case officer, who may read them all).
   */
  async latestForArchive(ctx: RequestContext, caseId: string): Promise<(DocumentView & { content: Buffer; kindOf: DocumentKind })[]> {
    await this.cases.readable(ctx, caseId);
    const rows: StoredMeta[] = await this.db.query(
      `SELECT DISTINCT ON (d.kind, d.case_id, d.meeting_id, d.submission_id) ${COLUMNS}
         FROM generated_document d
        WHERE d.municipality_id = $1 AND (d.case_id = $2 OR d.meeting_id IN (SELECT a.meeting_id FROM agenda_item a WHERE a.case_id = $2))
        ORDER BY d.kind, d.case_id, d.meeting_id, d.submission_id, d.version DESC`,
      [ctx.municipalityId, caseId],
    );
    return Promise.all(
      rows.map(async (r) => ({
        ...view(r),
        kindOf: r.kind,
        content: await this.attachments.generatedContent(ctx.municipalityId, r.attachment_id),
      })),
    );
  }
}
