import type { DocumentKind, DocumentLanguage, ImpartialityBasis } from '@samrad/shared/contracts';

/**
 * The texts of the generated documents, per language form (the municipality's målform chooses the language of its
 * documents unless the request names one).
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
  /** Impartiality (habilitet) in the protocol, one sentence after another. */
  impartiality: {
    heading: string;
    basis: Record<ImpartialityBasis, string>;
    declared: (name: string, self: boolean, basis: string, reason: string) => string;
    decided: (body: string, text: string) => string;
    pending: string;
    left: (name: string) => string;
    stayed: (name: string) => string;
    substitute: (name: string) => string;
  };
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
  impartiality: {
    heading: 'Habilitet',
    basis: {
      fvl_6_1_a: 'forvaltningsloven § 6 første ledd bokstav a',
      fvl_6_1_b: 'forvaltningsloven § 6 første ledd bokstav b',
      fvl_6_1_c: 'forvaltningsloven § 6 første ledd bokstav c',
      fvl_6_1_d: 'forvaltningsloven § 6 første ledd bokstav d',
      fvl_6_1_e: 'forvaltningsloven § 6 første ledd bokstav e',
      fvl_6_2: 'forvaltningsloven § 6 andre ledd',
      koml_11_11: 'kommuneloven § 11-11',
    },
    declared: (name, self, basis, reason) =>
      `${name} ${self ? 'erklærte seg' : 'ble opplyst å kunne være'} inhabil etter ${basis}: ${reason}`,
    decided: (body, text) => `${body} vedtok: ${text}`,
    pending: 'Organet har ikke avgjort habiliteten.',
    left: (name) => `${name} fratrådte under behandlingen av saken og stemte ikke.`,
    stayed: (name) => `${name} ble funnet habil og deltok i behandlingen.`,
    substitute: (name) => `Vara ${name} tiltrådte.`,
  },
};

const nn: DocumentTexts = {
  kind: {
    case_presentation: 'Saksframlegg',
    input_report: 'Innspel og handsaming',
    meeting_notice: 'Møteinnkalling',
    meeting_minutes: 'Møteprotokoll',
    receipt: 'Kvittering for innspel',
  },
  caseNumber: 'Saksnummer',
  officer: 'Sakshandsamar',
  generated: 'Laga',
  sections: { background: 'Bakgrunn', facts: 'Fakta', assessment: 'Vurdering', proposal: 'Framlegg til vedtak' },
  route: 'Saksgang',
  recommendation: 'Innstilling',
  decision: 'Vedtak',
  exempt: 'Unnateke offentlegheit',
  body: 'Organ',
  time: 'Tid',
  place: 'Stad',
  video: 'Videomøte',
  openMeeting: 'Møtet er ope for publikum.',
  closedMeeting: 'Møtet er lukka',
  agenda: 'Saksliste',
  noAgenda: 'Ingen saker på sakslista.',
  attendance: 'Oppmøte',
  present: 'til stades',
  absent: 'forfall',
  substitute: 'møtte for',
  minutes: 'Handsaming',
  motions: 'Framlegg og røysting',
  votes: (v) => `${v.for} for, ${v.against} mot, ${v.blank} blanke`,
  adopted: 'vedteke',
  dissent: 'Dissens',
  disqualified: 'ugild',
  left: 'fråtredde',
  statements: 'Protokolltilførslar',
  aboutWholeMeeting: 'Om møtet',
  exemptItem: (basis) => `Saka er unnateken offentlegheit${basis ? ` (${basis})` : ''}. Handsaminga er ikkje teken med her.`,
  noMinutes: 'Ikkje handsama.',
  receipt: {
    id: 'Kvitteringsnummer',
    version: 'Versjon',
    received: 'Motteke',
    sha256: 'Kontrollsum (SHA-256)',
    late: 'Motteke etter fristen',
    from: 'Frå',
    onBehalfOf: 'På vegner av',
    concerning: 'Gjeld',
    text: 'Innspel',
    attachments: 'Vedlegg',
    intro: 'Innspelet er motteke og lagra. Kontrollsummen viser at teksten er den som vart send.',
  },
  noInputs: 'Ingen innspel.',
  impartiality: {
    heading: 'Habilitet',
    basis: {
      fvl_6_1_a: 'forvaltningslova § 6 første ledd bokstav a',
      fvl_6_1_b: 'forvaltningslova § 6 første ledd bokstav b',
      fvl_6_1_c: 'forvaltningslova § 6 første ledd bokstav c',
      fvl_6_1_d: 'forvaltningslova § 6 første ledd bokstav d',
      fvl_6_1_e: 'forvaltningslova § 6 første ledd bokstav e',
      fvl_6_2: 'forvaltningslova § 6 andre ledd',
      koml_11_11: 'kommunelova § 11-11',
    },
    declared: (name, self, basis, reason) =>
      `${name} ${self ? 'erklærte seg' : 'vart opplyst å kunne vere'} ugild etter ${basis}: ${reason}`,
    decided: (body, text) => `${body} vedtok: ${text}`,
    pending: 'Organet har ikkje avgjort ugildskapen.',
    left: (name) => `${name} fråtredde under handsaminga av saka og røysta ikkje.`,
    stayed: (name) => `${name} vart funnen gild og deltok i handsaminga.`,
    substitute: (name) => `Vara ${name} tiltredde.`,
  },
};

const en: DocumentTexts = {
  kind: {
    case_presentation: 'Case presentation (saksframlegg)',
    input_report: 'Input and handling',
    meeting_notice: 'Notice of meeting',
    meeting_minutes: 'Minutes of meeting',
    receipt: 'Receipt for input',
  },
  caseNumber: 'Case number',
  officer: 'Case officer',
  generated: 'Made',
  sections: { background: 'Background', facts: 'Facts', assessment: 'Assessment', proposal: 'Proposed decision' },
  route: 'Case route',
  recommendation: 'Recommendation',
  decision: 'Decision',
  exempt: 'Exempt from public access',
  body: 'Body',
  time: 'Time',
  place: 'Place',
  video: 'Video meeting',
  openMeeting: 'The meeting is open to the public.',
  closedMeeting: 'The meeting is closed',
  agenda: 'Agenda',
  noAgenda: 'No cases on the agenda.',
  attendance: 'Attendance',
  present: 'present',
  absent: 'absent',
  substitute: 'attended for',
  minutes: 'Handling',
  motions: 'Motions and voting',
  votes: (v) => `${v.for} for, ${v.against} against, ${v.blank} blank`,
  adopted: 'adopted',
  dissent: 'Dissent',
  disqualified: 'disqualified',
  left: 'withdrew',
  statements: 'Statements for the minutes',
  aboutWholeMeeting: 'About the meeting',
  exemptItem: (basis) => `The case is exempt from public access${basis ? ` (${basis})` : ''}. Its handling is not included here.`,
  noMinutes: 'Not handled.',
  receipt: {
    id: 'Receipt number',
    version: 'Version',
    received: 'Received',
    sha256: 'Checksum (SHA-256)',
    late: 'Received after the deadline',
    from: 'From',
    onBehalfOf: 'On behalf of',
    concerning: 'Concerning',
    text: 'Input',
    attachments: 'Attachments',
    intro: 'The input has been received and stored. The checksum shows that the text is the one that was sent.',
  },
  noInputs: 'No input.',
  impartiality: {
    heading: 'Impartiality',
    basis: {
      fvl_6_1_a: 'the Public Administration Act § 6 first paragraph (a)',
      fvl_6_1_b: 'the Public Administration Act § 6 first paragraph (b)',
      fvl_6_1_c: 'the Public Administration Act § 6 first paragraph (c)',
      fvl_6_1_d: 'the Public Administration Act § 6 first paragraph (d)',
      fvl_6_1_e: 'the Public Administration Act § 6 first paragraph (e)',
      fvl_6_2: 'the Public Administration Act § 6 second paragraph',
      koml_11_11: 'the Local Government Act § 11-11',
    },
    declared: (name, self, basis, reason) =>
      `${name} ${self ? 'declared themselves' : 'was reported to be possibly'} disqualified under ${basis}: ${reason}`,
    decided: (body, text) => `${body} decided: ${text}`,
    pending: 'The body has not decided on the disqualification.',
    left: (name) => `${name} withdrew while the case was dealt with and did not vote.`,
    stayed: (name) => `${name} was found not disqualified and took part.`,
    substitute: (name) => `Substitute ${name} took the seat.`,
  },
};

export const DOCUMENT_TEXTS: Record<DocumentLanguage, DocumentTexts> = { nb, nn, en };

/** The BCP 47 tag written into a document's metadata. */
export const DOCUMENT_LANG_TAG: Record<DocumentLanguage, string> = { nb: 'nb', nn: 'nn', en: 'en' };
