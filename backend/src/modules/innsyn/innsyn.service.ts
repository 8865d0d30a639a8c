import { Inject, Injectable } from '@nestjs/common';
import ical from 'ical-generator';
import { DataSource } from 'typeorm';
import { OPEN_DATA_LICENCE, type CaseStatus, type SectionKind } from '@samrad/shared/contracts';
import { toCsv } from '@samrad/shared/formats';
import { anonymousReader, type RequestContext } from '../../platform/auth/context.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { Forbidden, NotFound } from '../../platform/http/errors.js';
import { AllocationService } from '../allocation/allocation.service.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { CasesService, caseKnownSql, caseReadableSql, caseTitleSql } from '../cases/cases.service.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { InputRoundsService } from '../input-rounds/input-rounds.service.js';
import { MandatesService } from '../mandates/mandates.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MunicipalitiesService, type PublicMunicipality } from '../municipalities/municipalities.service.js';

/** The rule every innsyn answer follows: the anonymous reader of the municipality its slug names. */
const ANON = { anonymous: true } as const;

/**
 * Innsyn without an account (`/api/public/<slug>/…`): a read model with no table of its own and no read rule of its
 * own. Every answer is read as the anonymous reader ({@link anonymousReader}) through the owners' rules: the cases
 * module's caseReadableSql / CasesService.readable (a public case once it has left its draft; an exempt one by its
 * public title and legal basis), the decisions register, the meetings module's agenda rule (only open meetings are
 * listed), the input rounds' submissionVisibleSql (published input the submitter agreed to publish) and the mandates.
 */
@Injectable()
export class InnsynService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(DecisionsService) private readonly decisionsRegister: DecisionsService,
    @Inject(MeetingsService) private readonly meetingsService: MeetingsService,
    @Inject(MandatesService) private readonly mandatesService: MandatesService,
    @Inject(InputRoundsService) private readonly rounds: InputRoundsService,
    @Inject(AllocationService) private readonly allocation: AllocationService,
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(MunicipalitiesService) private readonly municipalitiesService: MunicipalitiesService,
    @Inject(AttachmentsService) private readonly attachments: AttachmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async municipalities() {
    return { municipalities: (await this.municipalitiesService.publicList()).map(InnsynService.view) };
  }

  /** The municipality a slug names (the municipalities module's, målform included), and its anonymous reader; an unknown slug is a 404. */
  async reader(slug: string): Promise<{ municipality: PublicMunicipality; ctx: RequestContext }> {
    const m = await this.municipalitiesService.publicBySlug(slug);
    if (!m) throw new NotFound('Fant ikke kommunen');
    return { municipality: m, ctx: anonymousReader(m.id) };
  }

  private static view(m: PublicMunicipality) {
    return { slug: m.slug, name: m.name, contactEmail: m.contactEmail, languageForm: m.languageForm };
  }

  /** The case register: every case that has left its draft, an exempt one by its public title and legal basis. */
  async caseList(slug: string, q?: string) {
    const { municipality, ctx } = await this.reader(slug);
    const rows: {
      id: string;
      archive_year: number;
      archive_seq: number;
      title: string;
      status: CaseStatus;
      readable: boolean;
      legal_basis: string | null;
      updated_at: Date;
    }[] = await this.db.query(
      `SELECT c.id, c.archive_year, c.archive_seq, c.status, c.updated_at, v.readable,
              CASE WHEN v.readable THEN NULL ELSE c.legal_basis END AS legal_basis,
              coalesce(${caseTitleSql('c', 'v.readable')}, '') AS title
         FROM case_file c CROSS JOIN LATERAL (SELECT ${caseReadableSql('c', 'false', "'{}'", ANON)} AS readable) v
        WHERE c.municipality_id = $1 AND ${caseKnownSql('c', ANON)}
          AND ($2::text IS NULL OR (c.archive_year || '/' || c.archive_seq) = $2
               OR coalesce(${caseTitleSql('c', 'v.readable')}, '') ILIKE '%' || $2 || '%'
               OR (v.readable AND c.title_tsv @@ websearch_to_tsquery('norwegian', $2)))
        ORDER BY c.archive_year DESC, c.archive_seq DESC`,
      [municipality.id, q?.trim() || null],
    );
    void ctx;
    return {
      municipality: InnsynService.view(municipality),
      licence: OPEN_DATA_LICENCE,
      cases: rows.map((r) => ({
        id: r.id,
        number: `${r.archive_year}/${r.archive_seq}`,
        title: r.title,
        status: r.status,
        exempt: !r.readable,
        legalBasis: r.legal_basis,
        updatedAt: r.updated_at.toISOString(),
      })),
    };
  }

  /** One case: in full when public (CasesService.get as the anonymous reader), an exempt one by its public title and basis. */
  async caseDetail(slug: string, id: string) {
    const { ctx } = await this.reader(slug);
    const rows: {
      id: string;
      access: string;
      status: CaseStatus;
      published: boolean;
      readable: boolean;
      title: string;
      legal_basis: string | null;
      number: string;
    }[] = await this.db.query(
      `SELECT c.id, c.access, c.status, ${caseKnownSql('c', ANON)} AS published, ${caseReadableSql('c', 'false', "'{}'", ANON)} AS readable,
                coalesce(${caseTitleSql('c', caseReadableSql('c', 'false', "'{}'", ANON))}, '') AS title, c.legal_basis,
                c.archive_year || '/' || c.archive_seq AS number
           FROM case_file c WHERE c.id = $1 AND c.municipality_id = $2`,
      [id, ctx.municipalityId],
    );
    const row = rows[0];
    // A draft is unknown to the public, as a case of another municipality is.
    if (!row || !row.published) throw new NotFound('Fant ikke saken');
    if (!row.readable)
      return { exempt: true as const, id: row.id, number: row.number, title: row.title, legalBasis: row.legal_basis, status: row.status };
    const c = await this.cases.get(ctx, id);
    const meetings: { id: string; title: string; starts_at: Date; body_name: string }[] = await this.db.query(
      `SELECT DISTINCT mt.id, mt.title, mt.starts_at, b.name AS body_name FROM agenda_item a JOIN meeting mt ON mt.id = a.meeting_id
         JOIN body b ON b.id = mt.body_id WHERE a.case_id = $1 AND mt.open AND mt.agenda_published_at IS NOT NULL ORDER BY mt.starts_at`,
      [id],
    );
    const scenarios: { id: string; name: string; adopted_at: Date | null; title: string; budget_year: number }[] = await this.db.query(
      `SELECT s.id, s.name, s.adopted_at, a.title, a.budget_year FROM allocation_case a JOIN scenario s ON s.allocation_case_id = a.id
        WHERE a.case_id = $1 ORDER BY s.created_at`,
      [id],
    );
    const documents = await this.documents.publicForCase(ctx, id);
    const attachments = await this.attachments.publicForCase(ctx, id);
    return {
      exempt: false as const,
      documents: [
        ...documents.map((d) => ({
          id: d.id,
          kind: 'case_presentation' as const,
          title: d.title,
          filename: d.filename,
          size: d.size,
          sha256: d.sha256,
          createdAt: d.createdAt,
          href: `/api/public/${encodeURIComponent(slug)}/documents/${d.id}/file`,
        })),
        ...attachments.map((a) => ({
          id: a.id,
          kind: 'attachment' as const,
          title: a.filename,
          filename: a.filename,
          size: a.size,
          sha256: a.sha256,
          createdAt: a.uploadedAt,
          href: `/api/public/${encodeURIComponent(slug)}/attachments/${a.id}/file`,
        })),
      ],
      scenarios: scenarios.map((s) => ({
        id: s.id,
        name: s.name,
        adopted: s.adopted_at !== null,
        allocationTitle: s.title,
        budgetYear: s.budget_year,
      })),
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status,
      mandateItem: c.mandateItem ? { id: c.mandateItem.id, number: c.mandateItem.number, title: c.mandateItem.title } : null,
      sections: c.sections.map((s) => ({ kind: s.kind as SectionKind, text: s.text, updatedAt: s.updatedAt })),
      route: c.route.map((r) => ({ bodyName: r.bodyName, committeeNumber: r.committeeNumber, meetingDate: r.meetingDate })),
      recommendations: c.recommendations.map((r) => ({ bodyName: r.bodyName, text: r.text, recordedAt: r.recordedAt })),
      decisions: c.decisions.map((d) => ({
        id: d.id,
        bodyName: d.bodyName,
        committeeNumber: d.committeeNumber,
        decidedOn: d.decidedOn,
        text: d.text,
        motions: d.motions,
      })),
      rounds: c.rounds,
      meetings: meetings.map((m) => ({ id: m.id, title: m.title, startsAt: m.starts_at.toISOString(), bodyName: m.body_name })),
    };
  }

  /** A public document's bytes (DocumentsService.publicFile as the anonymous reader). */
  async documentFile(slug: string, id: string) {
    const { ctx } = await this.reader(slug);
    return this.documents.publicFile(ctx, id);
  }

  /** A public case attachment's bytes (AttachmentsService.publicContent as the anonymous reader). */
  async attachmentFile(slug: string, id: string) {
    const { ctx } = await this.reader(slug);
    return this.attachments.publicContent(ctx, id);
  }

  /** The decisions register as the anonymous reader reads it (DecisionsService.search). */
  async decisions(slug: string, q?: string) {
    const { ctx } = await this.reader(slug);
    const rows = await this.decisionsRegister.search(ctx, { q });
    return {
      licence: OPEN_DATA_LICENCE,
      decisions: rows.map((d) => ({
        id: d.id as string,
        bodyName: d.body.name as string,
        committeeNumber: d.committeeNumber as string | null,
        decidedOn: d.decidedOn as string,
        text: d.text as string | null,
        exemptBasis: d.exemptBasis as string | null,
        case: { id: d.case.id as string, number: d.case.number, title: d.case.title, exempt: d.text === null },
      })),
    };
  }

  /** Open meetings (kommuneloven § 11-5): a closed meeting is not listed. */
  async meetings(slug: string) {
    const { ctx } = await this.reader(slug);
    const all = await this.meetingsService.list(ctx);
    return {
      licence: OPEN_DATA_LICENCE,
      meetings: all
        .filter((m) => m.open)
        .map((m) => ({
          id: m.id,
          title: m.title,
          bodyName: m.body.name,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          place: m.place,
          agendaPublished: m.agendaPublished,
        })),
    };
  }

  /**
   * An open meeting with its published agenda and, once approved, its protocol (MeetingsService.get as the anonymous
   * reader), and its published møteinnkalling and møteprotokoll (DocumentsService.publicForMeeting).
   */
  async meeting(slug: string, id: string) {
    const { ctx } = await this.reader(slug);
    const m = await this.meetingsService.get(ctx, id);
    if (!m.open) throw new NotFound('Fant ikke møtet');
    // Before the protocol is approved it is a draft: the agenda only.
    const approved = m.minutesApproval !== null;
    const documents = await this.documents.publicForMeeting(ctx, id);
    return {
      minutesApprovedAt: m.minutesApproval?.at ?? null,
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind as 'meeting_notice' | 'meeting_minutes',
        title: d.title,
        filename: d.filename,
        size: d.size,
        sha256: d.sha256,
        createdAt: d.createdAt,
        href: `/api/public/${encodeURIComponent(slug)}/documents/${d.id}/file`,
      })),
      id: m.id,
      title: m.title,
      bodyName: m.body.name,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      agendaPublished: m.agendaPublished,
      agenda: m.agenda.map((a) => ({
        position: a.position as number,
        committeeNumber: a.committeeNumber as string | null,
        case: a.case as { id: string; number: string; title: string },
        minutes: approved ? (a.minutes as string | null) : null,
        decision: approved && a.decision ? { text: a.decision.text as string | null, motions: a.decision.motions } : null,
        exemptBasis: a.exemptBasis as string | null,
      })),
      attendance: (approved ? m.attendance : []).map((a) => ({
        name: a.name as string,
        status: a.status as 'present' | 'absent' | 'substitute',
        substituteName: a.substituteName as string | null,
      })),
      statements: (approved ? m.statements : []).map((s) => ({
        union: s.union as string | null,
        text: s.text as string,
        createdAt: s.createdAt,
      })),
    };
  }

  /** The mandates and their progress (MandatesService as the anonymous reader: published cases, readable rounds). */
  async mandates(slug: string) {
    const { ctx } = await this.reader(slug);
    const list = await this.mandatesService.list(ctx);
    const mandates = await Promise.all(list.map((m) => this.mandatesService.get(ctx, m.id)));
    return {
      mandates: mandates.map((m) => ({
        id: m.id,
        title: m.title,
        description: m.description,
        items: m.items.map((i) => ({
          id: i.id,
          number: i.number,
          title: i.title,
          description: i.description,
          dueDate: i.dueDate,
          status: i.status,
          late: i.late,
          cases: i.work.cases,
          rounds: i.work.rounds,
        })),
      })),
    };
  }

  /** An allocation scenario of a public case with its stored result (AllocationService as the anonymous reader). */
  async scenario(slug: string, id: string) {
    const { ctx } = await this.reader(slug);
    // The public is not told that a scenario of an exempt case or a draft exists.
    const s = await this.allocation.getScenario(ctx, id).catch((e: unknown) => {
      throw e instanceof Forbidden ? new NotFound('Fant ikke scenarioet') : e;
    });
    const [a]: { title: string; budget_year: number }[] = await this.db.query(
      `SELECT title, budget_year FROM allocation_case WHERE id = $1`,
      [s.allocationCaseId],
    );
    const kase = await this.cases.readable(ctx, s.caseId);
    return {
      id: s.id,
      name: s.name,
      adopted: s.adopted,
      allocationTitle: a!.title,
      budgetYear: a!.budget_year,
      case: { id: kase.id, number: `${kase.archiveYear}/${kase.archiveSeq}`, title: kase.title },
      computedAt: s.computedAt,
      result: s.result,
    };
  }

  /** An input round with the input published to the public (InputRoundsService.get as the anonymous reader). */
  async round(slug: string, id: string) {
    const { ctx } = await this.reader(slug);
    // As for a scenario: the public is not told that a round on an exempt case or a draft exists.
    const r = await this.rounds.get(ctx, id).catch((e: unknown) => {
      throw e instanceof Forbidden ? new NotFound('Fant ikke innspillsrunden') : e;
    });
    return {
      id: r.id,
      title: r.title,
      questions: r.questions,
      case: r.case,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      open: r.open,
      publishAfterClose: r.publishAfterClose,
      invitedBodies: r.invitations.map((i) => i.bodyName),
      submissions: r.submissions.map((s) => ({
        id: s.id,
        from: s.body?.name ?? s.author.name,
        text: s.text,
        submittedAt: s.submittedAt,
        late: s.late,
        outcome: s.disposition?.outcome ?? null,
        reason: s.disposition?.reason ?? null,
      })),
    };
  }

  /** The registers as CSV (semicolons, as Norwegian spreadsheets read them), with the licence in the first line. */
  async csv(slug: string, register: 'cases' | 'decisions' | 'meetings'): Promise<string> {
    const licenceLine = [`Lisens: ${OPEN_DATA_LICENCE.name} (${OPEN_DATA_LICENCE.url})`];
    let rows: string[][];
    if (register === 'cases') {
      const { cases } = await this.caseList(slug);
      rows = [
        ['saksnummer', 'tittel', 'status', 'unntatt_offentlighet', 'hjemmel', 'endret'],
        ...cases.map((c) => [c.number, c.title, c.status, c.exempt ? 'ja' : 'nei', c.legalBasis ?? '', c.updatedAt]),
      ];
    } else if (register === 'decisions') {
      const { decisions } = await this.decisions(slug);
      rows = [
        ['dato', 'organ', 'utvalgssak', 'saksnummer', 'sak', 'vedtak', 'unntatt_hjemmel'],
        ...decisions.map((d) => [
          d.decidedOn,
          d.bodyName,
          d.committeeNumber ?? '',
          d.case.number,
          d.case.title,
          d.text ?? '',
          d.exemptBasis ?? '',
        ]),
      ];
    } else {
      const { meetings } = await this.meetings(slug);
      rows = [
        ['start', 'slutt', 'organ', 'tittel', 'sted', 'saksliste_publisert'],
        ...meetings.map((m) => [m.startsAt, m.endsAt ?? '', m.bodyName, m.title, m.place ?? '', m.agendaPublished ? 'ja' : 'nei']),
      ];
    }
    return toCsv([licenceLine, ...rows]);
  }

  /** The open meetings as an iCalendar subscription (no cookie; ical-generator as in MeetingsService.calendar). */
  async meetingsCalendar(slug: string): Promise<string> {
    const { municipality } = await this.reader(slug);
    const { meetings } = await this.meetings(slug);
    const base = this.config.APP_URL.replace(/\/$/, '');
    const calendar = ical({ name: `Åpne møter – ${municipality.name}`, prodId: '//Samråd//Innsyn//NO' });
    const now = this.clock.now();
    const control = (c: number) => (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
    const text = (v: string) => [...v].filter((ch) => !control(ch.charCodeAt(0))).join('');
    for (const mt of meetings) {
      const start = new Date(mt.startsAt);
      calendar.createEvent({
        id: `public-meeting-${mt.id}@samrad`,
        stamp: now,
        start,
        end: mt.endsAt ? new Date(mt.endsAt) : new Date(start.getTime() + 2 * 3600_000),
        summary: text(`${mt.bodyName}: ${mt.title}`),
        location: mt.place ? text(mt.place) : null,
        url: `${base}/innsyn/${municipality.slug}/moter/${mt.id}`,
      });
    }
    return `${calendar.toString()}\r\n`;
  }

  /** Every public page, for search engines (`/sitemap.xml`): each municipality's registers, cases and open meetings. */
  async sitemap(): Promise<string> {
    const base = this.config.APP_URL.replace(/\/$/, '');
    const rows: { loc: string; lastmod: Date | null }[] = await this.db.query(
      `SELECT '/innsyn/' || m.slug || p.path AS loc, NULL::timestamptz AS lastmod
         FROM municipality m CROSS JOIN (VALUES (''), ('/vedtak'), ('/moter'), ('/mandat')) p(path)
       UNION ALL
       SELECT '/innsyn/' || m.slug || '/saker/' || c.id, c.updated_at FROM case_file c JOIN municipality m ON m.id = c.municipality_id
        WHERE ${caseKnownSql('c', ANON)}
       UNION ALL
       SELECT '/innsyn/' || m.slug || '/moter/' || mt.id, mt.updated_at FROM meeting mt JOIN municipality m ON m.id = mt.municipality_id WHERE mt.open
       ORDER BY 1`,
    );
    const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const urls = [{ loc: '/innsyn', lastmod: null }, { loc: '/tilgjengelighet', lastmod: null }, ...rows].map(
      (r) => `  <url><loc>${esc(base + r.loc)}</loc>${r.lastmod ? `<lastmod>${r.lastmod.toISOString()}</lastmod>` : ''}</url>`,
    );
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  }
}
