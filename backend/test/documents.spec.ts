import { createHash, randomUUID } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, type Client, type TestApp, startTestApp } from './harness.js';
import { validateNoark5 } from './noark5.js';
import { pdfText } from './pdf-text.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const INCOME = 'Tiltak for økte inntekter i oppvekstsektoren';

describe('case documents as PDF/A files, and the NOARK 5 arkivuttrekk', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let udf: Client;
  let other: Client;
  let incomeId: string;
  let meetingId: string;
  let exemptId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    udf = await login(t.url, DEMO.udf);
    other = await login(t.url, DEMO.otherAdmin);
    const cases = (await officer.request('GET', '/api/cases')).body.cases as { id: string; title: string }[];
    incomeId = cases.find((c) => c.title === INCOME)!.id;
    const meetings = (await officer.request('GET', '/api/meetings')).body.meetings as { id: string; title: string }[];
    // The demo meeting is the Driftsutvalget meeting with the demo case on its agenda: other files make
    // meetings of their own with the same title.
    for (const m of meetings.filter((x) => x.title === 'Møte i Driftsutvalget')) {
      const detail = (await officer.request('GET', `/api/meetings/${m.id}`)).body as { agenda: { case: { id: string } }[] };
      if (detail.agenda.some((a) => a.case.id === incomeId)) meetingId = m.id;
    }
    expect(meetingId).toBeDefined();
    const exempt = await officer.request('POST', '/api/cases', {
      title: 'Personalsak ved Nordby skole – æøå',
      access: 'exempt',
      legalBasis: 'Offl. § 13, jf. fvl. § 13',
      publicTitle: 'Personalsak',
      sections: { background: 'HEMMELIG-BAKGRUNN' },
    });
    expect(exempt.status, JSON.stringify(exempt.body)).toBe(201);
    exemptId = exempt.body.id;
  });
  afterAll(() => t.close());

  const generate = (who: Client, body: Record<string, unknown>) => who.request('POST', '/api/documents', body);
  const download = async (who: Client, id: string) => who.request('GET', `/api/documents/${id}/file`);

  it('makes a saksframlegg as PDF/A-2b with embedded fonts and metadata; the stored SHA-256 is that of the bytes served', async () => {
    const made = await generate(officer, { kind: 'case_presentation', caseId: incomeId });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      kind: 'case_presentation',
      version: 1,
      language: 'nb',
      caseId: incomeId,
      mediaType: 'application/pdf',
    });
    expect(made.body.title).toContain(INCOME);

    // A member who may read the public case downloads it: the same bytes, the same checksum.
    const file = await download(fau, made.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('x-content-sha256')).toBe(made.body.sha256);
    expect(sha256(file.body)).toBe(made.body.sha256);
    expect(file.body.length).toBe(made.body.size);

    const pdf = await pdfText(file.body);
    expect(pdf.text).toContain(INCOME);
    expect(pdf.text).toContain('Forslag til vedtak');
    expect(pdf.text).toContain('Kommunestyret ber kommunedirektøren etablere rutiner');
    expect(pdf.info).toMatchObject({ Title: made.body.title, Author: 'Solvik kommune', Language: 'nb' });
    expect(String(pdf.info.Subject)).toMatch(/^Sak \d{4}\/\d+$/);
    // PDF/A-2b: declared in the XMP metadata, fonts embedded (TrueType), an sRGB output intent.
    const raw = file.body.toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/OutputIntents');
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('keeps every version when a document is made again, and lists them on the case, newest first', async () => {
    const again = await generate(officer, { kind: 'case_presentation', caseId: incomeId });
    expect(again.status).toBe(201);
    expect(again.body.version).toBe(2);
    const list = await fau.request('GET', `/api/cases/${incomeId}/documents`);
    expect(list.status).toBe(200);
    const versions = list.body.documents
      .filter((d: { kind: string }) => d.kind === 'case_presentation')
      .map((d: { version: number }) => d.version);
    expect(versions).toEqual([2, 1]);
    expect(list.body.mayGenerate).toBe(false);
    expect(list.body.meetings.map((m: { id: string }) => m.id)).toContain(meetingId);
    expect((await officer.request('GET', `/api/cases/${incomeId}/documents`)).body.mayGenerate).toBe(true);
  });

  it('makes the møteinnkalling and the møteprotokoll (attendance, votes, vedtak) and lists them on the case', async () => {
    const notice = await generate(officer, { kind: 'meeting_notice', meetingId });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    const noticeText = (await pdfText((await download(fau, notice.body.id)).body)).text;
    expect(noticeText).toContain('Møteinnkalling');
    expect(noticeText).toContain('Saksliste');
    expect(noticeText).toContain(INCOME);

    const minutes = await generate(officer, { kind: 'meeting_minutes', meetingId });
    expect(minutes.status).toBe(201);
    const minutesText = (await pdfText((await download(udf, minutes.body.id)).body)).text;
    expect(minutesText).toContain('Møteprotokoll');
    expect(minutesText).toContain('Oppmøte');
    expect(minutesText).toContain('Vararepresentant, Parti D');
    expect(minutesText).toContain('Innstillingen ble enstemmig vedtatt');
    expect(minutesText).toContain('5 for, 0 mot');
    expect(minutesText).toContain('Driftsutvalget slutter seg til innstillingen');

    const kinds = (await fau.request('GET', `/api/cases/${incomeId}/documents`)).body.documents.map((d: { kind: string }) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['meeting_notice', 'meeting_minutes']));
  });

  it('makes «Innspill og behandling» from the published input, and the submitter’s receipt with its checksum', async () => {
    const report = await generate(officer, { kind: 'input_report', caseId: incomeId });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    const reportText = (await pdfText((await download(fau, report.body.id)).body)).text;
    expect(reportText).toContain('Innspill og behandling');
    expect(reportText).toContain(INCOME);

    // The receipt test gives its input on a case of its own, so the demo case's inputs stay as seeded.
    const own = await officer.request('POST', '/api/cases', { title: 'Åpen sak for kvitteringer' });
    expect(own.status).toBe(201);
    const input = await fau.request('POST', '/api/inputs', {
      caseId: own.body.id,
      text: 'Kvitteringstest: ønsker økt åpenhet',
      bodyId: null,
      idempotencyKey: randomUUID(),
    });
    expect(input.status, JSON.stringify(input.body)).toBe(201);
    // Someone else's input: neither made by another member, nor made of an input they may not see.
    expect((await generate(udf, { kind: 'receipt', submissionId: input.body.id })).status).toBe(403);
    const receipt = await generate(fau, { kind: 'receipt', submissionId: input.body.id });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    const text = (await pdfText((await download(fau, receipt.body.id)).body)).text;
    expect(text).toContain('Kvittering for innspill');
    expect(text).toContain(input.body.sha256);
    expect(text).toContain('Kvitteringstest: ønsker økt åpenhet');
    const mine = (await fau.request('GET', `/api/cases/${own.body.id}/documents`)).body;
    expect(mine.myInputs.map((i: { id: string }) => i.id)).toContain(input.body.id);
    expect(mine.documents.map((d: { id: string }) => d.id)).toContain(receipt.body.id);
  });

  it('writes a document in the municipality’s målform when no language is asked for: nynorsk headings for a nynorsk municipality', async () => {
    const admin = await login(t.url, DEMO.admin);
    const made = await officer.request('POST', '/api/cases', {
      title: 'Skyss til fritidstilbod',
      sections: { background: 'Bakgrunnen for saka.', proposal: 'Kommunestyret vedtek skyssordninga.' },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const caseId = made.body.id as string;
    const headings = async (body: Record<string, unknown>) => {
      const doc = await generate(officer, { kind: 'case_presentation', caseId, ...body });
      expect(doc.status, JSON.stringify(doc.body)).toBe(201);
      const pdf = await pdfText((await download(officer, doc.body.id)).body);
      return { language: doc.body.language as string, text: pdf.text, lang: pdf.info.Language };
    };
    try {
      expect((await admin.request('PUT', '/api/municipality/language-form', { languageForm: 'nn' })).status).toBe(200);
      const nynorsk = await headings({});
      expect(nynorsk.language).toBe('nn');
      expect(nynorsk.lang).toBe('nn');
      expect(nynorsk.text).toContain('Framlegg til vedtak');
      expect(nynorsk.text).not.toContain('Forslag til vedtak');
      // A language asked for wins over the målform.
      const english = await headings({ language: 'en' });
      expect(english.language).toBe('en');
      expect(english.text).toContain('Proposed decision');
      expect(english.text).toContain('Case number');
    } finally {
      await admin.request('PUT', '/api/municipality/language-form', { languageForm: 'nb' });
    }
    const bokmål = await headings({});
    expect(bokmål.language).toBe('nb');
    expect(bokmål.text).toContain('Forslag til vedtak');
  });

  it('refuses what a role must not do: members make no case or meeting documents; unknown kinds and ids are field errors', async () => {
    expect((await generate(fau, { kind: 'case_presentation', caseId: incomeId })).status).toBe(403);
    expect((await generate(udf, { kind: 'meeting_minutes', meetingId })).status).toBe(403);
    const bad = await generate(officer, { kind: 'rumour', caseId: incomeId });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({ path: 'kind', message: 'Velg hvilket dokument som skal lages' });
    const badId = await generate(officer, { kind: 'case_presentation', caseId: 'x' });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0]).toEqual({ path: 'caseId', message: 'Ugyldig id' });
    expect((await generate(officer, { kind: 'case_presentation', caseId: randomUUID() })).status).toBe(404);
  });

  it('reads a document under its case’s rule: an exempt case’s documents only for its readers', async () => {
    const made = await generate(officer, { kind: 'case_presentation', caseId: exemptId });
    expect(made.status).toBe(201);
    expect((await pdfText((await download(officer, made.body.id)).body)).text).toContain('HEMMELIG-BAKGRUNN');
    const denied = await download(fau, made.body.id);
    expect(denied.status).toBe(403);
    expect(JSON.stringify(denied.body)).not.toContain('HEMMELIG');
    expect((await fau.request('GET', `/api/cases/${exemptId}/documents`)).status).toBe(403);
    // Its «Innspill og behandling» differs by reader, so it is not stored as a file.
    const report = await generate(officer, { kind: 'input_report', caseId: exemptId });
    expect(report.status).toBe(400);
    expect(report.body.errors[0].path).toBe('kind');
    // A generated file is not an uploaded vedlegg: not served or removed through /api/attachments.
    expect((await officer.request('GET', `/api/cases/${exemptId}/attachments`)).body.attachments).toEqual([]);
  });

  it('keeps municipalities apart: another municipality reads, lists and makes nothing of this one', async () => {
    const list = (await officer.request('GET', `/api/cases/${incomeId}/documents`)).body.documents as { id: string }[];
    for (const d of list) expect((await download(other, d.id)).status).toBe(404);
    expect((await other.request('GET', `/api/cases/${incomeId}/documents`)).status).toBe(404);
    expect((await generate(other, { kind: 'case_presentation', caseId: incomeId })).status).toBe(404);
    expect((await generate(other, { kind: 'meeting_notice', meetingId })).status).toBe(404);
    expect((await other.request('GET', `/api/cases/${incomeId}/arkivuttrekk`)).status).toBe(404);
  });

  describe('arkivuttrekk (NOARK 5)', () => {
    it('is for case officers, of a closed case only', async () => {
      expect((await fau.request('GET', `/api/cases/${incomeId}/arkivuttrekk`)).status).toBe(403);
      const open = await officer.request('GET', `/api/cases/${incomeId}/arkivuttrekk`);
      expect(open.status).toBe(409);
      expect(open.body.message).toContain('avsluttet');
    });

    it('of the closed demo case: arkivstruktur.xml, endringslogg.xml and arkivuttrekk.xml (ADDML) valid against Arkivverket’s schemas, each document with its SHA-256', async () => {
      const close = await officer.request('POST', `/api/cases/${incomeId}/moves`, { to: 'closed' });
      expect(close.status, JSON.stringify(close.body)).toBeLessThan(300);
      const res = await officer.request('GET', `/api/cases/${incomeId}/arkivuttrekk`);
      expect(res.status, typeof res.body === 'string' ? res.body.slice(0, 300) : JSON.stringify(res.body)).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const zip = unzipSync(new Uint8Array(res.body as Buffer));
      const names = Object.keys(zip);
      expect(names).toContain('arkivstruktur.xml');
      expect(names).toContain('endringslogg.xml');
      expect(names).toContain('arkivuttrekk.xml');

      const arkivstruktur = strFromU8(zip['arkivstruktur.xml']!);
      const structure = await validateNoark5(arkivstruktur, 'arkivstruktur.xsd', 'arkivstruktur.xml');
      expect(structure.errors).toEqual([]);
      expect(structure.valid).toBe(true);
      const log = await validateNoark5(strFromU8(zip['endringslogg.xml']!), 'endringslogg.xsd', 'endringslogg.xml');
      expect(log.errors).toEqual([]);
      expect(log.valid).toBe(true);

      const addml = strFromU8(zip['arkivuttrekk.xml']!);
      const description = await validateNoark5(addml, 'addml.xsd', 'arkivuttrekk.xml');
      expect(description.errors).toEqual([]);
      expect(description.valid).toBe(true);
      expect(addml).toContain(sha256(zip['arkivstruktur.xml']!));
      expect(addml).toContain(sha256(zip['endringslogg.xml']!));

      // The structure: saksmappe and møtemappe, journalposter and møteregistreringer, each file's checksum.
      expect(arkivstruktur).toContain('xsi:type="saksmappe"');
      expect(arkivstruktur).toContain('xsi:type="moetemappe"');
      expect(arkivstruktur).toContain('xsi:type="journalpost"');
      expect(arkivstruktur).toContain('xsi:type="moeteregistrering"');
      expect(arkivstruktur).toContain('<saksstatus>Avsluttet</saksstatus>');
      const objects = [
        ...arkivstruktur.matchAll(
          /<referanseDokumentfil>(.+?)<\/referanseDokumentfil>\s*<sjekksum>(.+?)<\/sjekksum>\s*<sjekksumAlgoritme>SHA256<\/sjekksumAlgoritme>\s*<filstoerrelse>(\d+)<\/filstoerrelse>/g,
        ),
      ];
      expect(objects.length).toBeGreaterThanOrEqual(4);
      for (const [, path, sum, size] of objects) {
        const bytes = zip[path!];
        expect(bytes, path).toBeDefined();
        expect(sha256(bytes!)).toBe(sum);
        expect(bytes!.length).toBe(Number(size));
        expect(strFromU8(bytes!.subarray(0, 5))).toBe('%PDF-');
      }
      // Only the newest version of each document goes to the archive.
      expect(names.filter((n) => n.startsWith('dokumenter/saksframlegg-'))).toEqual([expect.stringMatching(/-v2\.pdf$/)]);
    });

    it('a control character pasted from Word (\\u000B) in the case title is dropped: the XML stays valid', async () => {
      const [before]: { title: string }[] = await t.db.query(`SELECT title FROM case_file WHERE id = $1`, [incomeId]);
      await t.db.query(`UPDATE case_file SET title = $2 WHERE id = $1`, [incomeId, `Linje\u000Bskift fra Word`]);
      try {
        const res = await officer.request('GET', `/api/cases/${incomeId}/arkivuttrekk`);
        expect(res.status, typeof res.body === 'string' ? res.body.slice(0, 300) : JSON.stringify(res.body)).toBe(200);
        const zip = unzipSync(new Uint8Array(res.body as Buffer));
        const xml = strFromU8(zip['arkivstruktur.xml']!);
        expect(xml).toContain('Linjeskift fra Word');
        expect(xml).not.toContain('\u000B');
        const structure = await validateNoark5(xml, 'arkivstruktur.xsd', 'arkivstruktur.xml');
        expect(structure.errors).toEqual([]);
        expect(structure.valid).toBe(true);
        const log = await validateNoark5(strFromU8(zip['endringslogg.xml']!), 'endringslogg.xsd', 'endringslogg.xml');
        expect(log.valid).toBe(true);
      } finally {
        await t.db.query(`UPDATE case_file SET title = $2 WHERE id = $1`, [incomeId, before!.title]);
      }
    });

    it('the validator is real: a structure missing a required element, or with a wrong value, fails', async () => {
      const res = await officer.request('GET', `/api/cases/${incomeId}/arkivuttrekk`);
      const xml = strFromU8(unzipSync(new Uint8Array(res.body as Buffer))['arkivstruktur.xml']!);
      const missing = await validateNoark5(xml.replace(/<saksstatus>Avsluttet<\/saksstatus>/, ''), 'arkivstruktur.xsd');
      expect(missing.valid).toBe(false);
      expect(missing.errors.join('\n')).toMatch(/saksstatus|Missing child element/);
      const wrong = await validateNoark5(
        xml.replace('<saksstatus>Avsluttet</saksstatus>', '<saksstatus>Ferdig</saksstatus>'),
        'arkivstruktur.xsd',
      );
      expect(wrong.valid).toBe(false);
      const badLog = await validateNoark5(
        '<endringslogg xmlns="http://www.arkivverket.no/standarder/noark5/endringslogg"/>',
        'endringslogg.xsd',
      );
      expect(badLog.valid).toBe(false);
    });
  });
});
