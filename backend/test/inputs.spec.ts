import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** The rows of an exported «Innspill og behandling» workbook (below its title and heading rows). */
async function xlsxRows(file: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

/**
 * Input from everyone who has a say — a round, continuous input (on a case or a mandate item) and a school
 * conference — gets its disposition through one path, the author sees it, and «Innspill og behandling»
 * lists, filters and exports every input its reader may see, and nothing else.
 */
describe('inputs of every kind: one disposition path, the author sees it, the table and its exports', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let udf: Client;
  let other: Client;
  let bodies: Record<string, string>;
  let caseId: string;
  const ids: Record<'round' | 'continuous' | 'conference' | 'mandate', string> = { round: '', continuous: '', conference: '', mandate: '' };
  let mandateItemId: string;
  const marker = `INNSPILL-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    udf = await login(t.url, DEMO.udf);
    other = await login(t.url, DEMO.otherAdmin);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
    caseId = (await officer.request('POST', '/api/cases', { title: `Skolebytte ${marker}` })).body.id;

    // A round (open, publishing after it closes): fau answers for KFU, udf for Utdanningsforbundet.
    const round = await officer.request('POST', '/api/rounds', {
      caseId,
      title: 'Høring om skolebytte',
      questions: 'Hva mener dere?',
      closesAt: inSeconds(3600),
      publishAfterClose: true,
      invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg'], bodies['Utdanningsforbundet Solvik']],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    ids.round = (
      await fau.request('POST', `/api/rounds/${round.body.id}/submissions`, {
        text: `KFU i runden ${marker}`,
        bodyId: bodies['KFU – kommunalt foreldreutvalg'],
        idempotencyKey: randomUUID(),
      })
    ).body.id;
    const udfRound = await udf.request('POST', `/api/rounds/${round.body.id}/submissions`, {
      text: `UDF-UPUBLISERT ${marker}`,
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
    });
    expect(udfRound.status).toBe(201);

    // Continuous input on the case, and on a mandate item.
    const cont = await fau.request('POST', '/api/inputs', {
      caseId,
      text: `Løpende ${marker}`,
      bodyId: null,
      idempotencyKey: randomUUID(),
    });
    expect(cont.status, JSON.stringify(cont.body)).toBe(201);
    ids.continuous = cont.body.id;
    const mandates = (await officer.request('GET', '/api/mandates')).body.mandates as { id: string }[];
    const mandate = (await officer.request('GET', `/api/mandates/${mandates[0]!.id}`)).body as { items: { id: string }[] };
    mandateItemId = mandate.items[0]!.id;
    const onItem = await fau.request('POST', '/api/inputs', {
      mandateItemId,
      text: `Til mandatpunktet ${marker}`,
      bodyId: null,
      idempotencyKey: randomUUID(),
    });
    expect(onItem.status, JSON.stringify(onItem.body)).toBe(201);
    ids.mandate = onItem.body.id;

    // A school conference that has started, with the case on its agenda; fau registered (before it began) for FAU Nordby.
    const meeting = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['KFU – kommunalt foreldreutvalg'],
      kind: 'school_conference',
      title: 'Skolekonferanse om skolebytte',
      startsAt: inSeconds(-60),
      place: 'Nordby skole',
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    expect((await officer.request('POST', `/api/meetings/${meeting.body.id}/agenda`, { caseId })).status).toBe(201);
    await t.db.query(
      `INSERT INTO meeting_registration (meeting_id, user_id, municipality_id, representing)
       SELECT $1, id, municipality_id, 'FAU Nordby skole' FROM app_user WHERE id = $2`,
      [meeting.body.id, fau.userId],
    );
    const conf = await fau.request('POST', `/api/meetings/${meeting.body.id}/inputs`, {
      caseId,
      text: `Fra salen ${marker}`,
      idempotencyKey: randomUUID(),
    });
    expect(conf.status, JSON.stringify(conf.body)).toBe(201);
    ids.conference = conf.body.id;
  });
  afterAll(() => t.close());

  it('every kind of input gets a disposition through the same route, and its author is told', async () => {
    const proposal = (await officer.request('GET', `/api/cases/${caseId}`)).body.sections[3];
    const given = {
      round: { outcome: 'adopted', reason: 'Tatt inn i forslaget.', sectionId: proposal.id },
      continuous: { outcome: 'not_adopted', reason: 'Utenfor sakens ramme.' },
      conference: { outcome: 'partly_adopted', reason: 'Delvis fulgt opp.', sectionId: proposal.id },
      mandate: { outcome: 'noted', reason: 'Tas med i mandatarbeidet.' },
    } as const;
    for (const [kind, input] of Object.entries(given)) {
      const res = await officer.request('PUT', `/api/submissions/${ids[kind as keyof typeof ids]}/disposition`, input);
      expect(res.status, `${kind}: ${JSON.stringify(res.body)}`).toBe(204);
    }
    // Input on a mandate item has no case, so no section of a saksframlegg.
    const noCase = await officer.request('PUT', `/api/submissions/${ids.mandate}/disposition`, {
      ...given.mandate,
      sectionId: proposal.id,
    });
    expect(noCase.status).toBe(400);
    expect(noCase.body.errors[0].path).toBe('sectionId');
    // Only officers dispose; another municipality does not find the input.
    expect((await fau.request('PUT', `/api/submissions/${ids.conference}/disposition`, given.continuous)).status).toBe(403);
    expect((await other.request('PUT', `/api/submissions/${ids.conference}/disposition`, given.continuous)).status).toBe(404);

    const notices: { payload: { userIds: string[]; params: { kind: string; caseId: string | null } } }[] = await t.db.query(
      `SELECT payload FROM outbox WHERE dedup_key = ANY($1) ORDER BY dedup_key`,
      [[ids.continuous, ids.conference, ids.mandate].map((id) => `notify:disposition:${id}:1`)],
    );
    expect(notices).toHaveLength(3);
    for (const n of notices) expect(JSON.stringify(n.payload)).toContain(fau.userId);
    expect(notices.map((n) => JSON.stringify(n.payload)).join()).toMatch(/skolekonferansen/);
  });

  it('the author sees the handling of their own inputs, on a case and on a mandate item', async () => {
    const mine = await fau.request('GET', `/api/inputs/mine?caseId=${caseId}`);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    const byKind = Object.fromEntries(mine.body.items.map((s: { kind: string }) => [s.kind, s]));
    expect(Object.keys(byKind).sort()).toEqual(['conference', 'continuous', 'round']);
    expect(byKind.conference).toMatchObject({
      representing: 'FAU Nordby skole',
      disposition: { outcome: 'partly_adopted', sectionKind: 'proposal' },
    });
    expect(byKind.continuous.disposition).toMatchObject({ outcome: 'not_adopted', reason: 'Utenfor sakens ramme.' });
    expect(byKind.round.round.name).toBe('Høring om skolebytte');
    const onItem = (await fau.request('GET', `/api/inputs/mine?mandateItemId=${mandateItemId}`)).body.items;
    expect(onItem.map((s: { id: string }) => s.id)).toContain(ids.mandate);
    // Only one's own: udf's inputs are not fau's.
    expect((await udf.request('GET', `/api/inputs/mine?caseId=${caseId}`)).body.items.map((s: { text: string }) => s.text)).toEqual([
      `UDF-UPUBLISERT ${marker}`,
    ]);
    expect((await fau.request('GET', '/api/inputs/mine')).status).toBe(400);
    expect((await other.request('GET', `/api/inputs/mine?caseId=${caseId}`)).body.items).toEqual([]);
  });

  it('«Innspill og behandling» lists every kind, and exports the filtered table as XLSX and PDF', async () => {
    const summary = (await officer.request('GET', `/api/cases/${caseId}/input-summary`)).body;
    expect(summary.items.map((s: { kind: string }) => s.kind).sort()).toEqual(['conference', 'continuous', 'round', 'round']);
    expect(summary.case.title).toBe(`Skolebytte ${marker}`);

    const all = await officer.request('GET', `/api/cases/${caseId}/input-summary/xlsx`);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-disposition')).toMatch(/innspill-og-behandling-\d{4}-\d+\.xlsx/);
    const rows = await xlsxRows(all.body);
    expect(rows).toHaveLength(4);
    const conferenceRow = rows.find((r) => r[1] === 'Skolekonferanse')!;
    expect(conferenceRow).toEqual(
      expect.arrayContaining([
        'FAU Nordby skole',
        'Skolekonferanse om skolebytte',
        `Fra salen ${marker}`,
        'Delvis tatt til følge',
        'Forslag til vedtak',
      ]),
    );
    const unhandled = await xlsxRows((await officer.request('GET', `/api/cases/${caseId}/input-summary/xlsx?handled=no`)).body);
    expect(unhandled.map((r) => r[6])).toEqual([`UDF-UPUBLISERT ${marker}`]);
    const continuous = await xlsxRows((await officer.request('GET', `/api/cases/${caseId}/input-summary/xlsx?kind=continuous`)).body);
    expect(continuous.map((r) => r[7])).toEqual(['Ikke tatt til følge']);

    const pdf = await officer.request('GET', `/api/cases/${caseId}/input-summary/pdf?outcome=adopted`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const badFilter = await officer.request('GET', `/api/cases/${caseId}/input-summary/xlsx?kind=rumour`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0]).toEqual({ path: 'kind', message: 'Ukjent type innspill' });
  });

  it('readers see only what they may: no unpublished input of another body, no exempt case, no other municipality', async () => {
    // The round is open and publishes after closing: fau does not see udf's input, in the page or in an export.
    const fauSummary = (await fau.request('GET', `/api/cases/${caseId}/input-summary`)).body;
    expect(JSON.stringify(fauSummary)).not.toContain('UDF-UPUBLISERT');
    const fauXlsx = await fau.request('GET', `/api/cases/${caseId}/input-summary/xlsx`);
    expect(fauXlsx.status).toBe(200);
    const fauRows = await xlsxRows(fauXlsx.body);
    expect(fauRows).toHaveLength(3);
    expect(fauRows.flat().join()).not.toContain('UDF-UPUBLISERT');

    // Another municipality finds nothing.
    for (const path of ['input-summary', 'input-summary/xlsx', 'input-summary/pdf'])
      expect((await other.request('GET', `/api/cases/${caseId}/${path}`)).status).toBe(404);

    // An exempt case: a reference-group member not on its route reads neither its table nor its exports.
    const secret = (await officer.request('POST', '/api/cases', { title: `Personalsak ${marker}` })).body;
    await fau.request('POST', '/api/inputs', { caseId: secret.id, text: 'før unntaket', bodyId: null, idempotencyKey: randomUUID() });
    const exempt = await officer.request('POST', `/api/cases/${secret.id}/access`, {
      version: secret.version,
      access: 'exempt',
      legalBasis: 'offentleglova § 13',
      publicTitle: 'Unntatt sak',
    });
    expect(exempt.status, JSON.stringify(exempt.body)).toBeLessThan(300);
    for (const path of ['input-summary', 'input-summary/xlsx', 'input-summary/pdf']) {
      const res = await udf.request('GET', `/api/cases/${secret.id}/${path}`);
      expect(res.status, path).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('Personalsak');
    }
    expect((await officer.request('GET', `/api/cases/${secret.id}/input-summary/xlsx`)).status).toBe(200);
  });
});
