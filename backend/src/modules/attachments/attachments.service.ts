import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentMeta } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { Forbidden, NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { WorkLimits } from '../../platform/limits/work-limits.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { InputRoundsService } from '../input-rounds/input-rounds.service.js';
import type { AttachmentRow } from './attachments.rows.js';
import { SubmissionsService } from '../input-rounds/submissions.service.js';
import { checkFile } from './file-kinds.js';

/** An attachment as listed, with when it was uploaded and (a case's) whether it is public in innsyn. */
export interface AttachmentView extends AttachmentMeta {
  uploadedAt: string;
  public: boolean;
  legalBasis: string | null;
}

interface Owner {
  caseId: string | null;
  submissionId: string | null;
  roundId: string | null;
}

/** An attachment's stored metadata (everything but its bytes). */
type StoredMeta = Omit<AttachmentRow, 'municipality_id' | 'content' | 'uploaded_by'>;

const meta = (r: StoredMeta): AttachmentView => ({
  id: r.id,
  filename: r.filename,
  mediaType: r.media_type,
  size: r.size_bytes,
  sha256: r.sha256,
  uploadedAt: r.created_at.toISOString(),
  public: r.public,
  legalBasis: r.legal_basis,
});

const COLUMNS =
  'id, case_id, submission_id, round_id, filename, media_type, size_bytes, sha256, created_at, generated, public, legal_basis';

/** Attachments (vedlegg): checked by content, stored with their SHA-256, read under the owner's access rules. */
@Injectable()
export class AttachmentsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(InputRoundsService) private readonly rounds: InputRoundsService,
    @Inject(SubmissionsService) private readonly submissions: SubmissionsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WorkLimits) private readonly limits: WorkLimits,
  ) {}

  async listForCase(ctx: RequestContext, caseId: string): Promise<AttachmentView[]> {
    await this.cases.readable(ctx, caseId);
    const rows: StoredMeta[] = await this.db.query(`SELECT ${COLUMNS} FROM attachment WHERE case_id = $1 ORDER BY created_at, id`, [
      caseId,
    ]);
    return rows.map(meta);
  }

  /** A document on the case: officers (the route checks the role), on a case they may read. */
  addToCase(ctx: RequestContext, caseId: string, filename: unknown, content: unknown): Promise<AttachmentView> {
    return this.add(ctx, { caseId, submissionId: null, roundId: null }, filename, content, (m) => this.cases.readable(ctx, caseId, m));
  }

  /** An attachment to one's own submission, until the deadline, within the submission's total (WorkLimits). */
  addToSubmission(
    ctx: RequestContext,
    submissionId: string,
    filename: unknown,
    content: unknown,
    now = this.clock.now(),
  ): Promise<AttachmentView> {
    return this.add(ctx, { caseId: null, submissionId, roundId: null }, filename, content, async (m) => {
      await this.submissions.writableSubmission(m, ctx, submissionId, now); // locks the submission: uploads to it wait for each other
      await this.limits.assertRoomOnSubmission(m, submissionId, (content as Buffer).length);
    });
  }

  /** The round's documents (dokumenter): added by officers, read by whoever may read the round. */
  addToRound(ctx: RequestContext, roundId: string, filename: unknown, content: unknown): Promise<AttachmentView> {
    return this.add(ctx, { caseId: null, submissionId: null, roundId }, filename, content, (m) =>
      this.rounds.assertReadableRound(ctx, roundId, m),
    );
  }

  /** Checks the file by its content, then the owner (in the transaction), then stores it with its audit event. */
  private async add(
    ctx: RequestContext,
    owner: Owner,
    filename: unknown,
    content: unknown,
    mayAdd: (m: EntityManager) => Promise<unknown>,
  ): Promise<AttachmentView> {
    const file = await checkFile(filename, content);
    return this.db.transaction(async (m) => {
      await mayAdd(m);
      return this.insert(m, ctx, owner, file, content as Buffer);
    });
  }

  /** The owner's read rule: the case's, the round's, or the submission's. */
  private async assertOwnerReadable(ctx: RequestContext, row: StoredMeta, m: EntityManager = this.db.manager): Promise<void> {
    if (row.case_id) await this.cases.readable(ctx, row.case_id, m);
    else if (row.round_id) await this.rounds.assertReadableRound(ctx, row.round_id, m);
    else await this.rounds.assertReadableSubmission(ctx, row.submission_id!, m);
  }

  private async insert(
    m: EntityManager,
    ctx: RequestContext,
    owner: Owner,
    file: { filename: string; mediaType: string },
    content: Buffer,
  ): Promise<AttachmentView> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const [row]: StoredMeta[] = await m.query(
      `INSERT INTO attachment (municipality_id, case_id, submission_id, round_id, filename, media_type, size_bytes, sha256, content, uploaded_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING ${COLUMNS}`,
      [
        ctx.municipalityId,
        owner.caseId,
        owner.submissionId,
        owner.roundId,
        file.filename,
        file.mediaType,
        content.length,
        sha256,
        content,
        ctx.userId,
      ],
    );
    const result = meta(row!);
    await this.audit.record(m, ctx, 'create', 'attachment', result.id, null, {
      ...owner,
      filename: result.filename,
      mediaType: result.mediaType,
      size: result.size,
      sha256,
    });
    return result;
  }

  /**
   * Stores a generated document's file (the documents module's PDFs) in the caller's transaction: owned
   * by no case, round or submission, so it is never listed or removed as an uploaded vedlegg.
   */
  async storeGenerated(
    m: EntityManager,
    ctx: RequestContext,
    file: { filename: string; mediaType: string; content: Buffer },
  ): Promise<{ id: string; sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO attachment (municipality_id, filename, media_type, size_bytes, sha256, content, uploaded_by, generated)
       VALUES ($1,$2,$3,$4,$5,$6,$7,true) RETURNING id`,
      [ctx.municipalityId, file.filename, file.mediaType, file.content.length, sha256, file.content, ctx.userId],
    );
    return { id: row!.id, sha256, size: file.content.length };
  }

  /** A generated document's bytes, for the documents module once it has applied the document's read rule. */
  async generatedContent(municipalityId: string, id: string): Promise<Buffer> {
    const rows: { content: Buffer }[] = await this.db.query(
      `SELECT content FROM attachment WHERE id = $1 AND municipality_id = $2 AND generated`,
      [id, municipalityId],
    );
    if (!rows[0]) throw new NotFound('Fant ikke dokumentet');
    return rows[0].content;
  }

  /** The file and its description, for a caller who may read it (404 otherwise, also for another municipality's). */
  async content(ctx: RequestContext, id: string): Promise<{ meta: AttachmentView; content: Buffer }> {
    const rows: (StoredMeta & { content: Buffer })[] = await this.db.query(
      `SELECT ${COLUMNS}, content FROM attachment WHERE id = $1 AND municipality_id = $2`,
      [id, ctx.municipalityId],
    );
    const row = rows[0];
    // A generated document's file is read through the documents module, under its document's rule.
    if (!row || row.generated) throw new NotFound('Fant ikke vedlegget');
    await this.assertOwnerReadable(ctx, row);
    return { meta: meta(row), content: row.content };
  }

  /**
   * A case attachment public in innsyn or exempt with its legal basis (offentleglova): the case officer's choice, on a
   * case they may read; only this field changes. Audited.
   */
  async setPublicity(ctx: RequestContext, id: string, input: { public: boolean; legalBasis: string | null }): Promise<AttachmentView> {
    return this.db.transaction(async (m) => {
      const rows: StoredMeta[] = await m.query(`SELECT ${COLUMNS} FROM attachment WHERE id = $1 AND municipality_id = $2 FOR UPDATE`, [
        id,
        ctx.municipalityId,
      ]);
      const row = rows[0];
      if (!row || row.generated) throw new NotFound('Fant ikke vedlegget');
      await this.assertOwnerReadable(ctx, row, m);
      if (!row.case_id) throw ValidationFailed.field('public', 'Bare vedlegg til en sak kan gjøres offentlige eller unntas');
      if (!ctx.roles.has('case_officer')) throw new Forbidden('Bare saksbehandlere kan endre om et vedlegg er offentlig');
      const legalBasis = input.public ? null : input.legalBasis;
      // An UPDATE … RETURNING answers [rows, count] through TypeORM's query().
      const [[updated]]: [StoredMeta[], number] = await m.query(
        `UPDATE attachment SET public = $2, legal_basis = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, input.public, legalBasis],
      );
      await this.audit.record(
        m,
        ctx,
        'update',
        'attachment',
        id,
        { public: row.public, legalBasis: row.legal_basis },
        { public: input.public, legalBasis },
      );
      return meta(updated!);
    });
  }

  /**
   * Innsyn: the public attachments of a case the reader may read in full (for the anonymous reader a public case out of
   * its draft, CasesService.readable); an exempt case's are never listed, nor an attachment marked exempt.
   */
  async publicForCase(ctx: RequestContext, caseId: string): Promise<AttachmentView[]> {
    await this.cases.readable(ctx, caseId);
    const rows: StoredMeta[] = await this.db.query(
      `SELECT ${COLUMNS} FROM attachment WHERE case_id = $1 AND public AND NOT generated ORDER BY created_at, id`,
      [caseId],
    );
    return rows.map(meta);
  }

  /** Innsyn: one public attachment's bytes, under the rule of {@link publicForCase}; anything else is a 404. */
  async publicContent(ctx: RequestContext, id: string): Promise<{ meta: AttachmentView; content: Buffer }> {
    const rows: (StoredMeta & { content: Buffer })[] = await this.db.query(
      `SELECT ${COLUMNS}, content FROM attachment WHERE id = $1 AND municipality_id = $2 AND case_id IS NOT NULL AND public AND NOT generated`,
      [id, ctx.municipalityId],
    );
    const row = rows[0];
    if (!row) throw new NotFound('Fant ikke vedlegget');
    await this.cases.readable(ctx, row.case_id!).catch((e: unknown) => {
      throw e instanceof Forbidden || e instanceof NotFound ? new NotFound('Fant ikke vedlegget') : e;
    });
    return { meta: meta(row), content: row.content };
  }

  /** Case and round documents are removed by officers; a submission's by its author until the deadline. */
  async remove(ctx: RequestContext, id: string, now = this.clock.now()): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows: StoredMeta[] = await m.query(`SELECT ${COLUMNS} FROM attachment WHERE id = $1 AND municipality_id = $2 FOR UPDATE`, [
        id,
        ctx.municipalityId,
      ]);
      const row = rows[0];
      if (!row || row.generated) throw new NotFound('Fant ikke vedlegget');
      if (row.submission_id) {
        await this.submissions.writableSubmission(m, ctx, row.submission_id, now);
      } else {
        await this.assertOwnerReadable(ctx, row, m);
        if (!ctx.roles.has('case_officer')) throw new Forbidden('Bare saksbehandlere kan fjerne vedlegg fra saken');
      }
      await m.query(`DELETE FROM attachment WHERE id = $1`, [id]);
      await this.audit.record(m, ctx, 'delete', 'attachment', id, { filename: row.filename, sha256: row.sha256 }, null);
    });
  }
}
