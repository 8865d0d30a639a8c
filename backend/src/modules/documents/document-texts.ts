import type { DocumentKind, DocumentLanguage } from '@samrad/shared/contracts';

/**
 * The texts of the generated documents, per language form. Bokmål is written; nynorsk and English read
 * bokmål until they are translated (the municipality's målform chooses the language of its documents).
 */
export interface DocumentTexts {
  kind: Record<DocumentKind, string>;
  caseNumber: string;
  officer: string;
  generated: string;
  sections: Record<'background' | 'facts' | 'assessment' | 'proposal', string>;
  route: string;
  recommendation: string;
  decision: string;
  exempt: string;
  body: string;
  time: string;
  place: string;
  video: string;
  openMeeting: string;
  closedMeeting: string;
  agenda: string;
  noAgenda: string;
  attendance: string;
  present: string;
  absent: string;
  substitute: string;
  minutes: string;
  motions: string;
  votes: (v: { for: number; against: number; blank: number }) => string;
  adopted: string;
  dissent: string;
  disqualified: string;
  left: string;
  statements: string;
  aboutWholeMeeting: string;
  exemptItem: (basis: string | null) => string;
  noMinutes: string;
  receipt: {
    id: string;
    version: string;
    received: string;
    sha256: string;
    late: string;
    from: string;
    onBehalfOf: string;
    concerning: string;
    text: string;
    attachments: string;
    intro: string;
  };
  noInputs: string;
}

const nb: DocumentTexts = {
  kind: {
    case_presentation: 'Saksframlegg',
    input_report: 'Innspill og behandling',
    meeting_notice: 'Møteinnkalling',
    meeting_minutes: 'Møteprotokoll',
    receipt: 'Kvittering for innspill',
  },
  caseNumber: 'Saksnummer',
  officer: 'Saksbehandler',
  generated: 'Laget',
  sections: { background: 'Bakgrunn', facts: 'Fakta', assessment: 'Vurdering', proposal: 'Forslag til vedtak' },
  route: 'Saksgang',
  recommendation: 'Innstilling',
  decision: 'Vedtak',
  exempt: 'Unntatt offentlighet',
  body: 'Organ',
  time: 'Tid',
  place: 'Sted',
  video: 'Videomøte',
  openMeeting: 'Møtet er åpent for publikum.',
  closedMeeting: 'Møtet er lukket',
  agenda: 'Saksliste',
  noAgenda: 'Ingen saker på sakslisten.',
  attendance: 'Oppmøte',
  present: 'til stede',
  absent: 'forfall',
  substitute: 'møtte for',
  minutes: 'Behandling',
  motions: 'Forslag og votering',
  votes: (v) => `${v.for} for, ${v.against} mot, ${v.blank} blanke`,
  adopted: 'vedtatt',
  dissent: 'Dissens',
  disqualified: 'inhabil',
  left: 'fratrådte',
  statements: 'Protokolltilførsler',
  aboutWholeMeeting: 'Om møtet',
  exemptItem: (basis) => `Saken er unntatt offentlighet${basis ? ` (${basis})` : ''}. Behandlingen er ikke tatt med her.`,
  noMinutes: 'Ikke behandlet.',
  receipt: {
    id: 'Kvitteringsnummer',
    version: 'Versjon',
    received: 'Mottatt',
    sha256: 'Kontrollsum (SHA-256)',
    late: 'Mottatt etter fristen',
    from: 'Fra',
    onBehalfOf: 'På vegne av',
    concerning: 'Gjelder',
    text: 'Innspill',
    attachments: 'Vedlegg',
    intro: 'Innspillet er mottatt og lagret. Kontrollsummen viser at teksten er den som ble sendt.',
  },
  noInputs: 'Ingen innspill.',
};

export const DOCUMENT_TEXTS: Record<DocumentLanguage, DocumentTexts> = { nb, nn: nb, en: nb };

/** The BCP 47 tag written into a document's metadata. */
export const DOCUMENT_LANG_TAG: Record<DocumentLanguage, string> = { nb: 'nb', nn: 'nn', en: 'en' };
