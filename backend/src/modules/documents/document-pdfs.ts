import { formatOsloDateTime } from '@samrad/shared/domain';
import { buildPdf, type PdfMeta } from '../../platform/pdf/pdf-document.js';
import type { CasesService } from '../cases/cases.service.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import type { DocumentTexts } from './document-texts.js';

type CaseView = Awaited<ReturnType<CasesService['get']>>;
type MeetingView = Awaited<ReturnType<MeetingsService['get']>>;

/** Saksframlegg: the case's number, officer, route and its four sections as they stand. */
export function casePresentationPdf(meta: PdfMeta, t: DocumentTexts, c: CaseView): Promise<Buffer> {
  return buildPdf(meta, (w) => {
    w.heading(meta.title);
    w.labelled(t.caseNumber, c.number);
    if (c.officer) w.labelled(t.officer, c.officer.name);
    if (c.access === 'exempt') w.labelled(t.exempt, c.legalBasis ?? '');
    w.note(`${t.generated} ${formatOsloDateTime(meta.created)}`);
    if (c.route.length) {
      w.heading(t.route, 2);
      w.list(c.route.map((r) => [r.bodyName, r.committeeNumber, r.meetingDate].filter(Boolean).join(' · ')));
    }
    for (const s of c.sections) {
      w.heading(t.sections[s.kind as keyof DocumentTexts['sections']] ?? s.kind, 2);
      w.paragraph(s.text || '–');
    }
    for (const r of c.recommendations) w.heading(`${t.recommendation} – ${r.bodyName}`, 2).paragraph(r.text);
    for (const d of c.decisions)
      w.heading(`${t.decision} – ${d.bodyName}${d.committeeNumber ? ` (${d.committeeNumber})` : ''}`, 2).paragraph(d.text);
  });
}

const meetingHead = (w: Parameters<Parameters<typeof buildPdf>[1]>[0], meta: PdfMeta, t: DocumentTexts, mt: MeetingView) => {
  w.heading(meta.title);
  w.labelled(t.body, mt.body.name);
  w.labelled(t.time, `${formatOsloDateTime(new Date(mt.startsAt))}${mt.endsAt ? ` – ${formatOsloDateTime(new Date(mt.endsAt))}` : ''}`);
  if (mt.place) w.labelled(t.place, mt.place);
  if (mt.videoLink) w.labelled(t.video, mt.videoLink);
  w.paragraph(mt.open ? t.openMeeting : `${t.closedMeeting}${mt.closedBasis ? ` (${mt.closedBasis})` : ''}.`);
  w.note(`${t.generated} ${formatOsloDateTime(meta.created)}`);
};

const itemTitle = (a: MeetingView['agenda'][number]) =>
  `${a.committeeNumber ? `${a.committeeNumber} ` : ''}${a.case.title} (${a.case.number})`;

/** Møteinnkalling: the meeting and its agenda (as every reader of the published agenda sees it). */
export function meetingNoticePdf(meta: PdfMeta, t: DocumentTexts, mt: MeetingView): Promise<Buffer> {
  return buildPdf(meta, (w) => {
    meetingHead(w, meta, t, mt);
    w.heading(t.agenda, 2);
    if (mt.agenda.length === 0) w.paragraph(t.noAgenda);
    w.list(mt.agenda.map((a) => `${itemTitle(a)}${a.exemptBasis ? ` – ${t.exempt} (${a.exemptBasis})` : ''}`));
  });
}

/** One declaration in the protocol: who declared what, the body's decision, who left and the substitute who took the seat. */
function impartialityText(t: DocumentTexts, body: string, x: MeetingView['agenda'][number]['impartiality'][number]): string {
  const i = t.impartiality;
  return [
    `${i.declared(x.name, x.declaredBy === 'self', i.basis[x.legalBasis], x.reason)}${/[.!?]$/.test(x.reason) ? '' : '.'}`,
    x.decision === 'pending' ? i.pending : i.decided(body, x.decisionText ?? ''),
    x.decision === 'disqualified' ? i.left(x.name) : x.decision === 'not_disqualified' ? i.stayed(x.name) : '',
    x.substituteName ? i.substitute(x.substituteName) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Møteprotokoll: attendance, each item's handling, motions and votes, vedtak, dissens, and the protokolltilførsler. */
export function meetingMinutesPdf(meta: PdfMeta, t: DocumentTexts, mt: MeetingView): Promise<Buffer> {
  return buildPdf(meta, (w) => {
    meetingHead(w, meta, t, mt);
    if (mt.attendance.length) {
      w.heading(t.attendance, 2);
      w.list(
        mt.attendance.map((a) =>
          a.status === 'substitute' && a.substituteName
            ? `${a.substituteName} ${t.substitute} ${a.name}`
            : `${a.name}: ${a.status === 'present' ? t.present : t.absent}`,
        ),
      );
    }
    for (const a of mt.agenda) {
      w.heading(itemTitle(a), 2);
      if (a.exemptBasis) {
        w.paragraph(t.exemptItem(String(a.exemptBasis)));
        continue;
      }
      const away = a.absences.map(
        (x) => `${x.name} (${x.reason === 'disqualified' ? t.disqualified : t.left}${x.note ? `: ${x.note}` : ''})`,
      );
      if (away.length) w.note(away.join(', '));
      if (a.impartiality.length) {
        w.heading(t.impartiality.heading, 3);
        for (const x of a.impartiality) w.paragraph(impartialityText(t, mt.body.name, x));
      }
      w.paragraph(a.minutes ? String(a.minutes) : t.noMinutes);
      const motions = a.decision?.motions ?? [];
      if (motions.length) {
        w.heading(t.motions, 3);
        w.list(
          motions.map(
            (x) =>
              `${x.motion} (${x.proposedBy}${x.party ? `, ${x.party}` : ''}): ${t.votes(x)}${x.adopted ? ` – ${t.adopted}` : ''}${
                x.byParty.length ? ` [${x.byParty.map((p) => `${p.party}: ${t.votes(p)}`).join('; ')}]` : ''
              }`,
          ),
        );
      }
      if (a.decision?.text) w.labelled(t.decision, String(a.decision.text));
      for (const d of a.dissent) w.labelled(t.dissent, `${d.name}${d.reason ? `: ${d.reason}` : ''}`);
    }
    if (mt.statements.length) {
      w.heading(t.statements, 2);
      for (const s of mt.statements) {
        const about = s.agendaItemId ? mt.agenda.find((a) => a.id === s.agendaItemId) : null;
        w.labelled(`${s.author}${s.union ? ` (${s.union})` : ''}`, about ? itemTitle(about) : t.aboutWholeMeeting);
        w.paragraph(s.text as string);
      }
    }
  });
}

/** What a receipt shows. */
export interface ReceiptData {
  id: string;
  version: number;
  submittedAt: Date;
  sha256: string;
  late: boolean;
  author: string;
  body: string | null;
  concerning: string;
  text: string;
  attachments: { filename: string; sha256: string }[];
}

/** The submitter's receipt: what was received, when, and its checksum. */
export function receiptPdf(meta: PdfMeta, t: DocumentTexts, r: ReceiptData): Promise<Buffer> {
  return buildPdf(meta, (w) => {
    w.heading(meta.title).paragraph(t.receipt.intro);
    w.labelled(t.receipt.id, r.id);
    w.labelled(t.receipt.version, String(r.version));
    w.labelled(t.receipt.received, formatOsloDateTime(r.submittedAt));
    if (r.late) w.paragraph(t.receipt.late);
    w.labelled(t.receipt.from, r.author);
    if (r.body) w.labelled(t.receipt.onBehalfOf, r.body);
    w.labelled(t.receipt.concerning, r.concerning);
    w.labelled(t.receipt.sha256, r.sha256);
    w.heading(t.receipt.text, 2).paragraph(r.text);
    if (r.attachments.length) {
      w.heading(t.receipt.attachments, 2);
      w.list(r.attachments.map((a) => `${a.filename} (SHA-256 ${a.sha256})`));
    }
    w.note(`${t.generated} ${formatOsloDateTime(meta.created)}`);
  });
}
