import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

/**
 * Noark 5 v3.1 (Arkivverket) XML for an arkivuttrekk: `arkivstruktur.xml` and `endringslogg.xml`, built
 * with xmlbuilder2 in the order the schemas (backend/test/fixtures/noark5) require. Pure: the service hands
 * it the case as read; `archive.spec.ts` validates the output against the official XSDs with libxml2.
 */
export const NOARK5_ARKIVSTRUKTUR_NS = 'http://www.arkivverket.no/standarder/noark5/arkivstruktur';
export const NOARK5_ENDRINGSLOGG_NS = 'http://www.arkivverket.no/standarder/noark5/endringslogg';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface ArchiveDocument {
  systemId: string;
  /** dokumenttype / the journalpost's title. */
  typeName: string;
  title: string;
  version: number;
  createdAt: Date;
  createdBy: string;
  /** The file's path in the package (referanseDokumentfil). */
  path: string;
  sha256: string;
  size: number;
}

export interface ArchiveRegistration {
  systemId: string;
  registrationId: string;
  title: string;
  createdAt: Date;
  createdBy: string;
  /** journalposttype (saksmappe) or moeteregistreringstype (møtemappe). */
  type: string;
  documents: ArchiveDocument[];
}

export interface ArchiveMeeting {
  systemId: string;
  meetingId: string;
  title: string;
  body: string;
  date: string;
  place: string | null;
  createdAt: Date;
  participants: { name: string; role: string | null }[];
  registrations: ArchiveRegistration[];
}

export interface ArchiveCase {
  systemId: string;
  number: string;
  year: number;
  seq: number;
  title: string;
  /** A case exempt from public access: its screened title and legal basis (skjerming). */
  exempt: { publicTitle: string; legalBasis: string } | null;
  createdAt: Date;
  closedAt: Date;
  officer: string;
  administrativeUnit: string;
  registrations: ArchiveRegistration[];
}

export interface ArchivePackage {
  municipality: { id: string; name: string; orgNumber: string };
  /** The unit of this export (arkivdel). */
  partId: string;
  exportedAt: Date;
  exportedBy: string;
  caseFile: ArchiveCase;
  meetings: ArchiveMeeting[];
}

export interface ArchiveChange {
  /** The systemID of the unit that changed. */
  unit: string;
  field: string;
  at: Date;
  by: string;
  before: string;
  after: string;
}

/**
 * Every document's declaration; a character XML 1.0 does not allow (a control character pasted from Word, such as
 * \u000B) is dropped from text and attribute values, so the document stays valid instead of failing to build.
 */
const XML_DOCUMENT = { version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' } as const;

/** xs:dateTime with the zone (UTC) and without milliseconds. */
const dateTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const date = (d: Date) => d.toISOString().slice(0, 10);

const el = (parent: XMLBuilder, name: string, text: string | number) => parent.ele(name).txt(String(text)).up();

function documentDescription(reg: XMLBuilder, d: ArchiveDocument, n: number, by: string) {
  const db = reg.ele('dokumentbeskrivelse');
  el(db, 'systemID', d.systemId);
  el(db, 'dokumenttype', d.typeName);
  el(db, 'dokumentstatus', 'Dokumentet er ferdigstilt');
  el(db, 'tittel', d.title);
  el(db, 'opprettetDato', dateTime(d.createdAt));
  el(db, 'opprettetAv', d.createdBy);
  el(db, 'tilknyttetRegistreringSom', n === 1 ? 'Hoveddokument' : 'Vedlegg');
  el(db, 'dokumentnummer', n);
  el(db, 'tilknyttetDato', dateTime(d.createdAt));
  el(db, 'tilknyttetAv', by);
  const o = db.ele('dokumentobjekt');
  el(o, 'versjonsnummer', d.version);
  el(o, 'variantformat', 'Arkivformat');
  el(o, 'format', 'PDF/A-2b');
  el(o, 'opprettetDato', dateTime(d.createdAt));
  el(o, 'opprettetAv', d.createdBy);
  el(o, 'referanseDokumentfil', d.path);
  el(o, 'sjekksum', d.sha256);
  el(o, 'sjekksumAlgoritme', 'SHA256');
  el(o, 'filstoerrelse', d.size);
}

/** The registrering's own part (systemID … arkivertAv, skjerming), then its documents. */
function registrationBase(
  parent: XMLBuilder,
  type: 'journalpost' | 'moeteregistrering',
  r: ArchiveRegistration,
  p: ArchivePackage,
  exempt: ArchiveCase['exempt'],
) {
  const reg = parent.ele('registrering').att(XSI, 'xsi:type', type);
  el(reg, 'systemID', r.systemId);
  el(reg, 'opprettetDato', dateTime(r.createdAt));
  el(reg, 'opprettetAv', r.createdBy);
  el(reg, 'arkivertDato', dateTime(p.exportedAt));
  el(reg, 'arkivertAv', p.exportedBy);
  if (exempt) skjerming(reg, exempt.legalBasis);
  r.documents.forEach((d, i) => documentDescription(reg, d, i + 1, p.exportedBy));
  el(reg, 'registreringsID', r.registrationId);
  el(reg, 'tittel', r.title);
  if (exempt) el(reg, 'offentligTittel', exempt.publicTitle);
  return reg;
}

function skjerming(parent: XMLBuilder, basis: string) {
  const s = parent.ele('skjerming');
  el(s, 'tilgangsrestriksjon', 'Unntatt offentlighet');
  el(s, 'skjermingshjemmel', basis);
  el(s, 'skjermingMetadata', 'tittel');
  el(s, 'skjermingDokument', 'Skjerming av hele dokumentet');
}

/** `arkivstruktur.xml`: arkiv → arkivdel → klassifikasjonssystem → klasse → saksmappe and møtemapper. */
export function arkivstrukturXml(p: ArchivePackage): string {
  const c = p.caseFile;
  const root = create(XML_DOCUMENT)
    .ele(NOARK5_ARKIVSTRUKTUR_NS, 'arkiv')
    .att(XSI, 'xsi:schemaLocation', `${NOARK5_ARKIVSTRUKTUR_NS} arkivstruktur.xsd`);
  el(root, 'systemID', p.municipality.id);
  el(root, 'tittel', `${p.municipality.name} – Samråd`);
  el(root, 'arkivstatus', 'Avsluttet');
  el(root, 'dokumentmedium', 'Elektronisk arkiv');
  el(root, 'opprettetDato', dateTime(c.createdAt));
  el(root, 'opprettetAv', 'Samråd');
  el(root, 'avsluttetDato', dateTime(p.exportedAt));
  el(root, 'avsluttetAv', p.exportedBy);
  const creator = root.ele('arkivskaper');
  el(creator, 'arkivskaperID', p.municipality.orgNumber);
  el(creator, 'arkivskaperNavn', p.municipality.name);

  const part = root.ele('arkivdel');
  el(part, 'systemID', p.partId);
  el(part, 'tittel', `Sak ${c.number} ${c.exempt ? c.exempt.publicTitle : c.title}`);
  el(part, 'arkivdelstatus', 'Avsluttet periode');
  el(part, 'dokumentmedium', 'Elektronisk arkiv');
  el(part, 'opprettetDato', dateTime(p.exportedAt));
  el(part, 'opprettetAv', p.exportedBy);
  el(part, 'avsluttetDato', dateTime(p.exportedAt));
  el(part, 'avsluttetAv', p.exportedBy);
  el(part, 'arkivperiodeStartDato', date(c.createdAt));
  el(part, 'arkivperiodeSluttDato', date(c.closedAt));

  const system = part.ele('klassifikasjonssystem');
  el(system, 'systemID', `${p.partId}-klassifikasjon`);
  el(system, 'klassifikasjonstype', 'Emnebasert klassifikasjon');
  el(system, 'tittel', 'Samråd: saker og møter');
  el(system, 'opprettetDato', dateTime(p.exportedAt));
  el(system, 'opprettetAv', p.exportedBy);
  const klasse = system.ele('klasse');
  el(klasse, 'systemID', `${p.partId}-klasse`);
  el(klasse, 'klasseID', 'samraad');
  el(klasse, 'tittel', 'Saker behandlet i Samråd');
  el(klasse, 'opprettetDato', dateTime(p.exportedAt));
  el(klasse, 'opprettetAv', p.exportedBy);

  // Saksmappe: mappe's part, its journalposter, then saksmappe's own part.
  const folder = klasse.ele('mappe').att(XSI, 'xsi:type', 'saksmappe');
  el(folder, 'systemID', c.systemId);
  el(folder, 'mappeID', c.number);
  el(folder, 'tittel', c.title);
  if (c.exempt) el(folder, 'offentligTittel', c.exempt.publicTitle);
  el(folder, 'dokumentmedium', 'Elektronisk arkiv');
  el(folder, 'opprettetDato', dateTime(c.createdAt));
  el(folder, 'opprettetAv', c.officer);
  el(folder, 'avsluttetDato', dateTime(c.closedAt));
  el(folder, 'avsluttetAv', c.officer);
  if (c.exempt) skjerming(folder, c.exempt.legalBasis);
  for (const r of c.registrations) {
    const reg = registrationBase(folder, 'journalpost', r, p, c.exempt);
    el(reg, 'journalaar', c.year);
    el(reg, 'journalposttype', r.type);
    el(reg, 'journalstatus', 'Arkivert');
    el(reg, 'journaldato', date(r.createdAt));
    el(reg, 'dokumentetsDato', date(r.createdAt));
    const part = reg.ele('korrespondansepart');
    el(part, 'korrespondanseparttype', 'Intern avsender');
    el(part, 'korrespondansepartNavn', r.createdBy);
    el(part, 'administrativEnhet', c.administrativeUnit);
  }
  el(folder, 'saksaar', c.year);
  el(folder, 'sakssekvensnummer', c.seq);
  el(folder, 'saksdato', date(c.createdAt));
  el(folder, 'administrativEnhet', c.administrativeUnit);
  el(folder, 'saksansvarlig', c.officer);
  el(folder, 'saksstatus', 'Avsluttet');

  // Møtemapper: the meetings that had the case on their agenda, with their notice and protocol.
  for (const m of p.meetings) {
    const mf = klasse.ele('mappe').att(XSI, 'xsi:type', 'moetemappe');
    el(mf, 'systemID', m.systemId);
    el(mf, 'mappeID', m.meetingId);
    el(mf, 'tittel', m.title);
    el(mf, 'opprettetDato', dateTime(m.createdAt));
    el(mf, 'opprettetAv', 'Samråd');
    el(mf, 'avsluttetDato', dateTime(p.exportedAt));
    el(mf, 'avsluttetAv', p.exportedBy);
    for (const r of m.registrations) {
      const reg = registrationBase(mf, 'moeteregistrering', r, p, null);
      el(reg, 'moeteregistreringstype', r.type);
      el(reg, 'moetesakstype', 'Møtedokument');
      el(reg, 'moeteregistreringsstatus', 'Ferdigstilt');
      el(reg, 'administrativEnhet', c.administrativeUnit);
      el(reg, 'saksbehandler', r.createdBy);
    }
    el(mf, 'moetenummer', m.meetingId);
    el(mf, 'utvalg', m.body);
    el(mf, 'moetedato', m.date);
    if (m.place) el(mf, 'moetested', m.place);
    const people = m.participants.length ? m.participants : [{ name: m.body, role: 'Organ' }];
    for (const x of people) {
      const d = mf.ele('moetedeltaker');
      el(d, 'moetedeltakerNavn', x.name);
      if (x.role) el(d, 'moetedeltakerFunksjon', x.role);
    }
  }
  return root.end({ prettyPrint: true });
}

/** `endringslogg.xml`: each changed field of the archived units, from the audit log (at least the creation). */
export function endringsloggXml(changes: ArchiveChange[]): string {
  const root = create(XML_DOCUMENT)
    .ele(NOARK5_ENDRINGSLOGG_NS, 'endringslogg')
    .att(XSI, 'xsi:schemaLocation', `${NOARK5_ENDRINGSLOGG_NS} endringslogg.xsd`);
  for (const x of changes) {
    const e = root.ele('endring');
    el(e, 'referanseArkivenhet', x.unit);
    el(e, 'referanseMetadata', x.field);
    el(e, 'endretDato', dateTime(x.at));
    el(e, 'endretAv', x.by);
    el(e, 'tidligereVerdi', x.before);
    el(e, 'nyVerdi', x.after);
  }
  return root.end({ prettyPrint: true });
}

export const ADDML_NS = 'http://www.arkivverket.no/standarder/addml';

/** A file of the package as `arkivuttrekk.xml` describes it. */
export interface PackageFile {
  name: string;
  sha256: string;
  /** The schema it follows, when it is XML. */
  schema: string | null;
}

/**
 * `arkivuttrekk.xml`: the package's ADDML description (Arkivverket's addml.xsd): who made the archive, the
 * system, the archive period, and each XML file of the package with its schema and SHA-256.
 */
export function arkivuttrekkXml(p: ArchivePackage, files: PackageFile[]): string {
  const root = create(XML_DOCUMENT).ele(ADDML_NS, 'addml');
  const dataset = root.ele('dataset');
  el(dataset, 'description', `Noark 5 arkivuttrekk av sak ${p.caseFile.number} fra Samråd`);
  const reference = dataset.ele('reference');
  const property = (parent: XMLBuilder, name: string, value: string) =>
    parent.ele('property').att('name', name).ele('value').txt(value).up().up();
  const context = reference.ele('context').ele('additionalElements');
  const creators = context.ele('additionalElement').att('name', 'recordCreators').ele('additionalElements');
  const creator = creators.ele('additionalElement').att('name', 'recordCreator').ele('properties');
  property(creator, 'name', p.municipality.name);
  property(creator, 'orgNumber', p.municipality.orgNumber);
  context.ele('additionalElement').att('name', 'systemType').ele('value').txt('Noark 5');
  context.ele('additionalElement').att('name', 'systemName').ele('value').txt('Samråd');
  const content = reference.ele('content').ele('additionalElements');
  const period = content.ele('additionalElement').att('name', 'archivalPeriod').ele('properties');
  property(period, 'startDate', date(p.caseFile.createdAt));
  property(period, 'endDate', date(p.caseFile.closedAt));
  const objects = dataset.ele('dataObjects').ele('dataObject').att('name', 'Noark 5 arkivuttrekk').ele('dataObjects');
  for (const f of files) {
    const props = objects
      .ele('dataObject')
      .att('name', f.name.replace(/\.xml$/, ''))
      .ele('properties');
    const file = props.ele('property').att('name', 'file').ele('properties');
    property(file, 'name', f.name);
    property(file, 'type', 'text/xml');
    if (f.schema) property(file, 'schema', f.schema);
    const sum = file.ele('property').att('name', 'checksum').ele('properties');
    property(sum, 'algorithm', 'SHA256');
    property(sum, 'value', f.sha256);
  }
  return root.end({ prettyPrint: true });
}
