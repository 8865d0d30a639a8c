import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

/** One rule for who sees a submission (submissionVisibleSql), wherever its text or files are shown. */
describe('submission visibility: one rule for the round, the case’s input summary, versions and attachments', () => {
  let t: TestApp;
  let officer: Client;
  let udf: Client;
  let fau: Client;
  let principal: Client;
  let bodies: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    udf = await login(t.url, DEMO.udf);
    fau = await login(t.url, DEMO.fau);
    principal = await login(t.url, 'rektor.nordby@solvik.kommune.test');
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
  });
  afterAll(() => t.close());

  /** A public case with a round inviting KFU, Utdanningsforbundet Solvik and the principal; udf answers for his body. */
  async function roundWithSecret(publishAfterClose: boolean) {
    const marker = `HEMMELIG-INNSPILL-${randomUUID().slice(0, 8)}`;
    const c = (await officer.request('POST', '/api/cases', { title: `Skolegrenser ${marker.slice(-8)}` })).body;
    const round = await officer.request('POST', '/api/rounds', {
      caseId: c.id,
      title: 'Innspill til skolegrenser',
      questions: 'Hva mener dere?',
      closesAt: inDays(10),
      publishAfterClose,
      invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg'], bodies['Utdanningsforbundet Solvik']],
      invitedUserIds: [principal.userId],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const submitted = await udf.request('POST', `/api/rounds/${round.body.id}/submissions`, {
      text: `Utdanningsforbundet: ${marker}`,
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const file = await udf.request('POST', `/api/submissions/${submitted.body.id}/attachments?filename=${marker}.png`, PNG);
    expect(file.status, JSON.stringify(file.body)).toBe(201);
    return {
      caseId: c.id as string,
      roundId: round.body.id as string,
      submissionId: submitted.body.id as string,
      attachmentId: file.body.id as string,
      marker,
    };
  }

  async function seenBy(who: Client, f: Awaited<ReturnType<typeof roundWithSecret>>) {
    const [summary, round, versions, download] = await Promise.all([
      who.request('GET', `/api/cases/${f.caseId}/input-summary`),
      who.request('GET', `/api/rounds/${f.roundId}`),
      who.request('GET', `/api/submissions/${f.submissionId}/versions`),
      who.request('GET', `/api/attachments/${f.attachmentId}`),
    ]);
    expect(summary.status).toBe(200);
    expect(round.status).toBe(200);
    return {
      summary: JSON.stringify(summary.body).includes(f.marker),
      round: JSON.stringify(round.body).includes(f.marker),
      versions: versions.status === 200 && JSON.stringify(versions.body).includes(f.marker),
      download: download.status === 200,
    };
  }
  const nothing = { summary: false, round: false, versions: false, download: false };
  const everything = { summary: true, round: true, versions: true, download: true };

  it('while the round is open, another body’s input (text and file names) is hidden from the case’s input summary as from the round', async () => {
    const f = await roundWithSecret(true);
    expect(await seenBy(fau, f)).toEqual(nothing);
    expect(await seenBy(principal, f)).toEqual(nothing);
    // Its author, the members of its body and the officers see it.
    expect(await seenBy(udf, f)).toEqual(everything);
    expect(await seenBy(officer, f)).toEqual(everything);
    const summary = (await fau.request('GET', `/api/cases/${f.caseId}/input-summary`)).body;
    expect(summary).toMatchObject({ total: 0, items: [] });

    // Closed: the round publishes its input to everyone who may read it.
    await t.db.query(`UPDATE input_round SET closed_at = now() WHERE id = $1`, [f.roundId]);
    expect(await seenBy(fau, f)).toEqual(everything);
    expect(await seenBy(principal, f)).toEqual(everything);
  });

  it('a round that does not publish its input keeps it from the case’s readers after closing too', async () => {
    const f = await roundWithSecret(false);
    await t.db.query(`UPDATE input_round SET closed_at = now() WHERE id = $1`, [f.roundId]);
    expect(await seenBy(fau, f)).toEqual(nothing);
    expect(await seenBy(principal, f)).toEqual(nothing);
    expect(await seenBy(officer, f)).toEqual(everything);
  });
});
