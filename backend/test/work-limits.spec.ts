import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import grimstad from '../src/seed/grimstad-2009.input.json' with { type: 'json' };
import type { RequestContext } from '../src/platform/auth/context.js';
import { WorkLimits } from '../src/platform/limits/work-limits.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
/** A PDF of about `bytes` bytes (sniffed as PDF by its header). */
const pdf = (bytes: number) =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    Buffer.alloc(bytes, 0x20),
    Buffer.from('\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);

/** No worker runs here: started sweeps and imports stay queued, as when the worker is busy. */
describe('per-person limits on expensive work (WorkLimits)', () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let allocationId: string;
  let scenarioId: string;

  beforeAll(async () => {
    t = await startTestApp({ SUBMISSION_ATTACHMENTS_MAX_MB: '1' });
    officer = await login(t.url, DEMO.officer);
    admin = await login(t.url, DEMO.admin);
    const c = (await officer.request('POST', '/api/cases', { title: 'Fordeling: grenser for tungt arbeid' })).body;
    allocationId = (await officer.request('POST', '/api/allocation-cases', { caseId: c.id, budgetYear: 2028, title: 'Ramme 2028' })).body
      .id;
    const imported = await officer.request('POST', `/api/allocation-cases/${allocationId}/datasets`, {
      name: 'Grimstad',
      format: 'json',
      content: JSON.stringify(grimstad),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const scenario = await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, {
      name: 'Grunnlag',
      modelVersionId: imported.body.modelVersionId,
      datasetId: imported.body.id,
      frameChange: -5100000,
    });
    expect(scenario.status, JSON.stringify(scenario.body)).toBe(201);
    scenarioId = scenario.body.id;
  });
  afterAll(() => t.close());

  it('lets one person have two sweeps queued or running, and refuses a third with 429 and Retry-After', async () => {
    const sweep = (who: Client) =>
      who.request('POST', `/api/scenarios/${scenarioId}/sweeps`, {
        criterion: 'perUnit',
        stage: 'barnetrinn',
        from: 500000,
        to: 1500000,
        steps: 5,
      });
    const first = await sweep(officer);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await sweep(officer)).status).toBe(201);
    const third = await sweep(officer);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(third.body.message).toBe(
      'Du har allerede 2 følsomhetsanalyser som venter eller kjører. Vent til en av dem er ferdig, og prøv igjen.',
    );
    // Someone else is not held up by it.
    expect((await sweep(admin)).status).toBe(201);
    // When one is done, there is room again.
    await t.db.query(`UPDATE sweep SET status = 'done' WHERE id = $1`, [first.body.id]);
    expect((await sweep(officer)).status).toBe(201);
  });

  it('lets one person have two large imports queued or running, and refuses a third', async () => {
    const content = `id;navn;trinn;elever\n${'x'.repeat(200_001)}`;
    const start = () =>
      officer.request('POST', `/api/allocation-cases/${allocationId}/datasets`, { name: 'Stor fil', format: 'csv', content });
    expect((await start()).status).toBe(202);
    expect((await start()).status).toBe(202);
    const third = await start();
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(third.body.message).toMatch(/^Du har allerede 2 importer av datagrunnlag som venter eller kjører/);
  });

  it('builds at most two exports at once for one person', async () => {
    const limits = t.app.get(WorkLimits);
    const ctx = { userId: officer.userId } as RequestContext;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    const held = [
      limits.export(ctx, async () => {
        started++;
        await gate;
      }),
      limits.export(ctx, async () => {
        started++;
        await gate;
      }),
    ];
    try {
      await expect.poll(() => started).toBe(2);
      const refused = await officer.request('GET', `/api/scenarios/${scenarioId}/export/csv`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.body.message).toMatch(/^Du har allerede 2 eksporter som lages/);
      expect((await admin.request('GET', `/api/scenarios/${scenarioId}/export/csv`)).status).toBe(200);
    } finally {
      release();
      await Promise.all(held);
    }
    const after = await officer.request('GET', `/api/scenarios/${scenarioId}/export/csv`);
    expect(after.status).toBe(200);
    expect(after.body).toMatch(/^enhet_id;enhet;trinn/);
  });

  it('refuses a file that would take a submission’s attachments past their total, with a Norwegian 413 on the file', async () => {
    const udf = await login(t.url, DEMO.udf);
    const bodies = Object.fromEntries(
      ((await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[]).map((b) => [b.name, b.id]),
    );
    const c = (await officer.request('POST', '/api/cases', { title: 'Innspill med mange vedlegg' })).body;
    const round = await officer.request('POST', '/api/rounds', {
      caseId: c.id,
      title: 'Vedlegg i sum',
      questions: 'Legg ved det dere har.',
      closesAt: inHours(2),
      invitedBodyIds: [bodies['Utdanningsforbundet Solvik']],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const submitted = await udf.request('POST', `/api/rounds/${round.body.id}/submissions`, {
      text: 'Se vedleggene.',
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: 'vedlegg-i-sum-0001',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const upload = (name: string, bytes: Buffer) =>
      udf.request('POST', `/api/submissions/${submitted.body.id}/attachments?filename=${name}`, bytes);
    const first = await upload('del1.pdf', pdf(600_000));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await upload('del2.pdf', pdf(600_000));
    expect(second.status).toBe(413);
    expect(second.body.errors).toEqual([
      {
        path: 'file',
        message:
          'Vedleggene til et innspill kan til sammen være høyst 1 MB. Innspillet har allerede 0,6 MB vedlegg, og filen er 0,6 MB. Fjern et vedlegg eller del innspillet.',
      },
    ]);
    // A smaller one still fits, and a removed one makes room.
    expect((await upload('liten.pdf', pdf(100_000))).status).toBe(201);
    expect((await udf.request('DELETE', `/api/attachments/${first.body.id}`)).status).toBe(204);
    expect((await upload('del2.pdf', pdf(600_000))).status).toBe(201);
  });
});
