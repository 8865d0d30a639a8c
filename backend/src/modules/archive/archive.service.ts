import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { zipSync, strToU8 } from 'fflate';
import { DataSource } from 'typeorm';
import { PHASE_LABELS, osloDate } from '@samrad/shared/domain';
import type { RequestContext } from '../../platform/auth/context.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { ConflictState } from '../../platform/http/errors.js';
import { WorkLimits } from '../../platform/limits/work-limits.js';
import { CasesService } from '../cases/cases.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import {
  arkivstrukturXml,
  arkivuttrekkXml,
  endringsloggXml,
  type ArchiveChange,
  type ArchiveDocument,
  type ArchiveMeeting,
  type ArchiveRegistration,
} from './noark5.js';

/** How each document kind is registered in Noark 5: its journalposttype (case) or møteregistreringstype (meeting). */
const REGISTERED_AS = {
  case_presentation: 'Saksframlegg',
  input_report: 'Organinternt dokument uten oppfølging',
  receipt: 'Utgående dokument',
  meeting_notice: 'Møteinnkalling',
  meeting_minutes: 'Møteprotokoll',
} as const;

const DOCUMENT_TYPE = {
  case_presentation: 'Saksframlegg',
  input_report: 'Innspill og behandling',
  receipt: 'Kvittering',
  meeting_notice: 'Møteinnkalling',
  meeting_minutes: 'Møteprotokoll',
} as const;

/** Which case phases may be exported: only a closed case (the archive receives what is finished). */
export const ARCHIVABLE_PHASES = ['closed'] as const;

/**
 * The NOARK 5 arkivuttrekk of one closed case (`GET /api/cases/:id/arkivuttrekk`, case officers): a zip
 * with `arkivstruktur.xml` at its root, the case's documents as PDF/A under `dokumenter/` (the newest
 * version of each; the saksframlegg is made and stored first when the case has none), and `endringslogg.xml`
 * with the changes from the audit log, and `arkivuttrekk.xml` (ADDML) describing the package with each XML file's SHA-256.
 */
@Injectable()
export class ArchiveService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WorkLimits) private readonly limits: WorkLimits,
  ) {}

  /** The export, within the person's share of expensive work (WorkLimits: two exports at once). */
  async export(ctx: RequestContext, caseId: string): Promise<{ name: string; body: Buffer }> {
    const c = await this.cases.readable(ctx, caseId);
    if (!(ARCHIVABLE_PHASES as readonly string[]).includes(c.status))
      throw new ConflictState(
        `Arkivuttrekk lages når saken er avsluttet. Saken er nå «${PHASE_LABELS[c.status]}». Flytt den til «${PHASE_LABELS.closed}» først.`,
      );
    // The saksframlegg the archive needs is made (and stored) first, when the case has none.
    if (!(await this.documents.latestForArchive(ctx, caseId)).some((d) => d.kind === 'case_presentation'))
      await this.documents.generate(ctx, { kind: 'case_presentation', caseId });
    return this.limits.export(ctx, () => this.build(ctx, caseId));
  }

  private async build(ctx: RequestContext, caseId: string): Promise<{ name: string; body: Buffer }> {
    const c = await this.cases.get(ctx, caseId);
    const docs = await this.documents.latestForArchive(ctx, caseId);
    const now = this.clock.now();
    const [muni]: { id: string; name: string; org_number: string }[] = await this.db.query(
      `SELECT id, name, org_number FROM municipality WHERE id = $1`,
      [ctx.municipalityId],
    );
    const [me]: { name: string }[] = await this.db.query(`SELECT name FROM app_user WHERE id = $1`, [ctx.userId]);
    const exporter = me?.name ?? 'Samråd';
    const files: Record<string, Uint8Array> = {};
    const registration = (d: (typeof docs)[number], number: string): ArchiveRegistration => {
      const path = `dokumenter/${d.filename}`;
      files[path] = new Uint8Array(d.content);
      const doc: ArchiveDocument = {
        systemId: d.id,
        typeName: DOCUMENT_TYPE[d.kind],
        title: d.title,
        version: d.version,
        createdAt: new Date(d.createdAt),
        createdBy: d.createdBy ?? 'Samråd',
        path,
        sha256: d.sha256,
        size: d.size,
      };
      return {
        systemId: `${d.id}-registrering`,
        registrationId: number,
        title: d.title,
        createdAt: new Date(d.createdAt),
        createdBy: d.createdBy ?? 'Samråd',
        type: REGISTERED_AS[d.kind],
        documents: [doc],
      };
    };
    const caseDocs = docs.filter((d) => d.caseId === caseId && d.kind !== 'meeting_notice' && d.kind !== 'meeting_minutes');
    const meetingRows: { id: string; title: string; starts_at: Date; place: string | null; body_name: string; created_at: Date }[] =
      await this.db.query(
        `SELECT DISTINCT mt.id, mt.title, mt.starts_at, mt.place, b.name AS body_name, mt.created_at
           FROM meeting mt JOIN body b ON b.id = mt.body_id JOIN agenda_item a ON a.meeting_id = mt.id
          WHERE a.case_id = $1 AND mt.municipality_id = $2 ORDER BY mt.starts_at`,
        [caseId, ctx.municipalityId],
      );
    const attendance: { meeting_id: string; name: string; status: string; substitute_name: string | null }[] = await this.db.query(
      `SELECT a.meeting_id, u.name, a.status, a.substitute_name FROM attendance a JOIN app_user u ON u.id = a.user_id
        WHERE a.meeting_id = ANY($1::uuid[]) ORDER BY u.name`,
      [meetingRows.map((m) => m.id)],
    );
    const meetings: ArchiveMeeting[] = meetingRows.map((m) => ({
      systemId: m.id,
      meetingId: `${m.body_name} ${osloDate(m.starts_at)}`,
      title: m.title,
      body: m.body_name,
      date: osloDate(m.starts_at),
      place: m.place,
      createdAt: m.created_at,
      participants: attendance
        .filter((a) => a.meeting_id === m.id && a.status !== 'absent')
        .map((a) =>
          a.status === 'substitute' && a.substitute_name
            ? { name: a.substitute_name, role: `Vara for ${a.name}` }
            : { name: a.name, role: 'Medlem' },
        ),
      registrations: docs.filter((d) => d.meetingId === m.id).map((d, i) => registration(d, `${osloDate(m.starts_at)}-${i + 1}`)),
    }));
    const created = c.phases[0] ? new Date(c.phases[0].enteredAt) : now;
    const closed = [...c.phases].reverse().find((p) => p.phase === 'closed');
    const pkg = {
      municipality: { id: muni!.id, name: muni!.name, orgNumber: muni!.org_number },
      partId: randomUUID(),
      exportedAt: now,
      exportedBy: exporter,
      caseFile: {
        systemId: c.id,
        number: c.number,
        year: Number(c.number.split('/')[0]),
        seq: Number(c.number.split('/')[1]),
        title: c.title,
        exempt: c.access === 'exempt' ? { publicTitle: c.publicTitle ?? '', legalBasis: c.legalBasis ?? '' } : null,
        createdAt: created,
        closedAt: closed ? new Date(closed.enteredAt) : now,
        officer: c.officer?.name ?? exporter,
        administrativeUnit: muni!.name,
        registrations: caseDocs.map((d, i) => registration(d, `${c.number}-${i + 1}`)),
      },
      meetings,
    };
    files['arkivstruktur.xml'] = strToU8(arkivstrukturXml(pkg));
    files['endringslogg.xml'] = strToU8(
      endringsloggXml(
        await this.changes(
          ctx,
          caseId,
          docs.map((d) => d.id),
        ),
      ),
    );
    const sha256 = (name: string) => createHash('sha256').update(files[name]!).digest('hex');
    files['arkivuttrekk.xml'] = strToU8(
      arkivuttrekkXml(pkg, [
        { name: 'arkivstruktur.xml', sha256: sha256('arkivstruktur.xml'), schema: 'arkivstruktur.xsd' },
        { name: 'endringslogg.xml', sha256: sha256('endringslogg.xml'), schema: 'endringslogg.xsd' },
      ]),
    );
    return { name: `arkivuttrekk-${c.number.replace('/', '-')}.zip`, body: Buffer.from(zipSync(files, { mtime: now })) };
  }

  /** The audit log of the case and what belongs to it (sections, route, innstilling, vedtak, documents), field by field. */
  private async changes(ctx: RequestContext, caseId: string, documentIds: string[]): Promise<ArchiveChange[]> {
    const rows: {
      entity_id: string;
      entity_type: string;
      changes: Record<string, { before: unknown; after: unknown }>;
      at: Date;
      actor: string | null;
    }[] = await this.db.query(
      `SELECT e.entity_id, e.entity_type, e.changes, e.at, u.name AS actor
           FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
          WHERE e.municipality_id = $1 AND (e.entity_id = $2
             OR e.entity_id IN (SELECT id FROM case_section WHERE case_id = $2)
             OR e.entity_id IN (SELECT id FROM decision WHERE case_id = $2)
             OR e.entity_id IN (SELECT id FROM recommendation WHERE case_id = $2)
             OR e.entity_id = ANY($3::uuid[]))
          ORDER BY e.id`,
      [ctx.municipalityId, caseId, documentIds],
    );
    const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
    const out = rows.flatMap((r) =>
      Object.entries(r.changes).map(([field, { before, after }]) => ({
        unit: r.entity_id,
        field: `${r.entity_type}.${field}`,
        at: r.at,
        by: r.actor ?? 'Samråd',
        before: text(before),
        after: text(after),
      })),
    );
    // The schema needs at least one endring: a case with no logged change still has its creation.
    return out.length ? out : [{ unit: caseId, field: 'case', at: this.clock.now(), by: 'Samråd', before: '', after: 'Arkivert' }];
  }
}
