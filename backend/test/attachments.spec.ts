import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, moveClock, startTestApp, type Client, type TestApp } from './harness.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Enheter').addRow(['id', 'navn']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('attachments (vedlegg): checked by content, stored with SHA-256, read under the owner’s rules', () => {
  let t: TestApp;
  let officer: Client;
  let udf: Client;
  let fau: Client;
  let other: Client;
  let caseId: string;
  let bodies: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK: '1' });
    officer = await login(t.url, DEMO.officer);
    udf = await login(t.url, DEMO.udf);
    fau = await login(t.url, DEMO.fau);
    other = await login(t.url, DEMO.otherAdmin);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
    const created = await officer.request('POST', '/api/cases', { title: 'Skolestruktur: vedlegg' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    caseId = created.body.id;
  });
  afterAll(() => t.close());
  // Tests that let a deadline pass move the test clock; the next starts on the system clock again.
  afterEach(() => moveClock(t, { offsetMs: 0 }));

  it('stores a PDF, an Office file and an image with their size and SHA-256, and gives back the same bytes', async () => {
    const sheet = await xlsx();
    for (const [name, bytes, type] of [
      ['Analyse av ressursbruk.pdf', PDF, 'application/pdf'],
      ['Elevtall 2026.xlsx', sheet, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['kart.png', PNG, 'image/png'],
    ] as const) {
      const res = await officer.request('POST', `/api/cases/${caseId}/attachments?filename=${encodeURIComponent(name)}`, bytes);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ filename: name, mediaType: type, size: bytes.length, sha256: sha256(bytes) });
      const download = await fau.request('GET', `/api/attachments/${res.body.id}`);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(type);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(sha256(download.body)).toBe(sha256(bytes));
    }
    const list = await fau.request('GET', `/api/cases/${caseId}/attachments`);
    expect(list.body.attachments.map((a: { filename: string }) => a.filename)).toEqual([
      'Analyse av ressursbruk.pdf',
      'Elevtall 2026.xlsx',
      'kart.png',
    ]);
  });

  it('refuses by content, with a Norwegian message on the file field: a program, plain text, a wrong extension, an empty file', async () => {
    const post = (name: string, bytes: Buffer) =>
      officer.request('POST', `/api/cases/${caseId}/attachments?filename=${encodeURIComponent(name)}`, bytes);
    const exe = await post('referat.pdf', EXE);
    expect(exe.status).toBe(400);
    expect(exe.body.errors).toEqual([
      {
        path: 'file',
        message: expect.stringMatching(/^Filtypen til «referat\.pdf» støttes ikke \(innholdet er EXE\)\. Last opp PDF, Word/),
      },
    ]);
    const text = await post('notat.pdf', Buffer.from('Bare tekst, ingen PDF'));
    expect(text.body.errors[0].message).toMatch(/^Filtypen til «notat\.pdf» støttes ikke\. Last opp/);
    const renamed = await post('bilde.png', PDF);
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors[0].message).toBe(
      'Innholdet i «bilde.png» er PDF, men filnavnet slutter ikke på .pdf. Gi filen riktig filendelse.',
    );
    expect((await post('tom.pdf', Buffer.alloc(0))).status).toBe(400);
    const noName = await officer.request('POST', `/api/cases/${caseId}/attachments`, PDF);
    expect(noName.body.errors).toEqual([{ path: 'filename', message: 'Filen må ha et navn' }]);
    const json = await officer.request('POST', `/api/cases/${caseId}/attachments?filename=a.pdf`, { not: 'a file' });
    expect(json.body.errors[0]).toEqual({ path: 'file', message: 'Send filen som innhold med typen application/octet-stream' });
    expect((await officer.request('GET', `/api/cases/${caseId}/attachments`)).body.attachments).toHaveLength(3);
  });

  it('refuses a file over 20 MB with 413 and a clear message, storing nothing', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024, 32)]);
    const res = await officer.request('POST', `/api/cases/${caseId}/attachments?filename=stor.pdf`, big);
    expect(res.status).toBe(413);
    expect(res.body.errors, JSON.stringify(res.body)).toEqual([
      { path: 'file', message: 'Filen er for stor. Største tillatte størrelse er 20 MB.' },
    ]);
    expect((await officer.request('GET', `/api/cases/${caseId}/attachments`)).body.attachments).toHaveLength(3);
  });

  it('a path in the file name is dropped', async () => {
    const res = await officer.request(
      'POST',
      `/api/cases/${caseId}/attachments?filename=${encodeURIComponent('../../etc/vedtak.pdf')}`,
      PDF,
    );
    expect(res.body.filename).toBe('vedtak.pdf');
    expect((await officer.request('DELETE', `/api/attachments/${res.body.id}`)).status).toBe(204);
  });

  it('members cannot attach to or remove from a case; an exempt case’s attachments stay closed; another municipality sees nothing', async () => {
    expect((await fau.request('POST', `/api/cases/${caseId}/attachments?filename=a.pdf`, PDF)).status).toBe(403);
    const [first] = (await fau.request('GET', `/api/cases/${caseId}/attachments`)).body.attachments;
    expect((await fau.request('DELETE', `/api/attachments/${first.id}`)).status).toBe(403);
    expect((await other.request('GET', `/api/attachments/${first.id}`)).status).toBe(404);
    expect((await other.request('GET', `/api/cases/${caseId}/attachments`)).status).toBe(404);

    const exempt = await officer.request('POST', '/api/cases', {
      title: 'Personalsak',
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: 'Personalsak',
    });
    const secret = await officer.request('POST', `/api/cases/${exempt.body.id}/attachments?filename=notat.pdf`, PDF);
    expect(secret.status).toBe(201);
    expect((await fau.request('GET', `/api/attachments/${secret.body.id}`)).status).toBe(403);
    expect((await fau.request('GET', `/api/cases/${exempt.body.id}/attachments`)).status).toBe(403);
  });

  it('a round’s documents: officers add them, everyone who may read the round sees and downloads them', async () => {
    const round = await officer.request('POST', '/api/rounds', {
      caseId,
      title: 'Høring om skolestruktur',
      questions: 'Les utredningen og svar.',
      closesAt: inSeconds(3600),
      invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg']],
    });
    const doc = await officer.request('POST', `/api/rounds/${round.body.id}/documents?filename=utredning.pdf`, PDF);
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    expect((await fau.request('POST', `/api/rounds/${round.body.id}/documents?filename=mitt.pdf`, PDF)).status).toBe(403);
    const seen = (await fau.request('GET', `/api/rounds/${round.body.id}`)).body.documents;
    expect(seen).toEqual([
      { id: doc.body.id, filename: 'utredning.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
    ]);
    expect((await fau.request('GET', `/api/attachments/${doc.body.id}`)).status).toBe(200);
    expect((await other.request('GET', `/api/attachments/${doc.body.id}`)).status).toBe(404);
    expect((await fau.request('DELETE', `/api/attachments/${doc.body.id}`)).status).toBe(403);
  });

  it('a submission’s attachments: its author adds them until the deadline; others cannot; they show with the submission', async () => {
    const round = await officer.request('POST', '/api/rounds', {
      caseId,
      title: 'Innspill med vedlegg',
      questions: 'Legg gjerne ved dokumentasjon.',
      closesAt: inSeconds(4),
      invitedBodyIds: [bodies['Utdanningsforbundet Solvik']],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const submitted = await udf.request('POST', `/api/rounds/${round.body.id}/submissions`, {
      text: 'Se vedlagt oversikt over lærertimer.',
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: 'vedlegg-udf-0001',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const added = await udf.request('POST', `/api/submissions/${submitted.body.id}/attachments?filename=l%C3%A6rertimer.png`, PNG);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ filename: 'lærertimer.png', sha256: sha256(PNG) });
    expect((await fau.request('POST', `/api/submissions/${submitted.body.id}/attachments?filename=x.png`, PNG)).status).toBe(403);

    const seen = (await officer.request('GET', `/api/rounds/${round.body.id}`)).body.submissions[0];
    expect(seen.attachments).toEqual([
      { id: added.body.id, filename: 'lærertimer.png', mediaType: 'image/png', size: PNG.length, sha256: sha256(PNG) },
    ]);
    expect((await officer.request('GET', `/api/attachments/${added.body.id}`)).status).toBe(200);
    expect((await fau.request('GET', `/api/attachments/${added.body.id}`)).status).toBe(404); // not published, not FAU's body

    await moveClock(t, { advanceMs: 4500 });
    const late = await udf.request('POST', `/api/submissions/${submitted.body.id}/attachments?filename=sent.pdf`, PDF);
    expect(late.status).toBe(400);
    expect(late.body.errors[0]).toMatchObject({ path: 'deadline', message: expect.stringMatching(/^Fristen gikk ut/) });
    expect((await udf.request('DELETE', `/api/attachments/${added.body.id}`)).status).toBe(400);
    expect((await officer.request('GET', `/api/rounds/${round.body.id}`)).body.submissions[0].attachments).toHaveLength(1);
  });

  it('random bytes under random names never give a 500: only a stored allowed type or a Norwegian 400', async () => {
    const allowed = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/x-cfb']);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ minLength: 0, maxLength: 4096 }), fc.constant(new Uint8Array(PNG)), fc.constant(new Uint8Array(PDF))),
        fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('a.pdf', 'b.png', '../../x.exe', 'æøå.docx', '\u0000.pdf', '')),
        async (bytes, name) => {
          const res = await officer.request(
            'POST',
            `/api/cases/${caseId}/attachments?filename=${encodeURIComponent(name)}`,
            Buffer.from(bytes),
          );
          expect([201, 400], JSON.stringify(res.body)).toContain(res.status);
          if (res.status === 201) {
            expect(allowed).toContain(res.body.mediaType);
            await officer.request('DELETE', `/api/attachments/${res.body.id}`);
          } else {
            expect(res.body.errors[0].message).toMatch(/[a-zæøå]/i);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
