import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, bringBefore, login, type Client, startTestApp, type TestApp } from './harness.js';

type Res = { status: number; body: any };
const ok = (res: Res, what: string) => {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
};

describe('the mandate in the web app, its items’ order, and the follow-up of vedtak', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let otherAdmin: Client;
  let bodies: Record<string, string>;
  let mandateId: string;
  let items: string[];
  let publicCase: { id: string; decisionId: string };
  let exemptCase: { id: string; decisionId: string };
  let decide: (title: string, extra: object) => Promise<{ id: string; decisionId: string }>;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    otherAdmin = await login(t.url, DEMO.otherAdmin);
    bodies = Object.fromEntries(
      ((await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[]).map((b) => [b.name, b.id]),
    );
    // The vedtak that adopts the mandate, and one under an exempt case on Kommunestyret's route only (FAU may not read it).
    decide = async (title: string, extra: object) => {
      const ks = bodies['Kommunestyret']!;
      const c = ok(await officer.request('POST', '/api/cases', { title, ...extra }), 'case');
      await bringBefore(officer, c.id, [ks]);
      const d = ok(
        await officer.request('POST', `/api/cases/${c.id}/decisions`, { bodyId: ks, decidedOn: '2026-11-12', text: `Vedtak: ${title}` }),
        'decision',
      );
      return { id: c.id as string, decisionId: d.id as string };
    };
    publicCase = await decide('Mandat for oppfølgingen av skolestrukturen', {});
    exemptCase = await decide('Elevsak til oppfølging HEMMELIGOPPFOLGING', {
      access: 'exempt',
      legalBasis: 'offentleglova § 13',
      publicTitle: 'Elevsak – unntatt offentlighet',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an officer creates a mandate linked to the vedtak that adopted it; a reader sees the case it was taken in', async () => {
    const bad = await officer.request('POST', '/api/mandates', {
      title: 'Mandat',
      endDate: '2027-11-30',
      adoptedDecisionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'adoptedDecisionId', message: 'Fant ikke vedtaket' }]);
    const refused = await fau.request('POST', '/api/mandates', { title: 'Mandat', endDate: '2027-11-30' });
    expect(refused.status).toBe(403);
    const created = ok(
      await officer.request('POST', '/api/mandates', {
        title: 'Oppfølging av skolestrukturen',
        endDate: '2027-11-30',
        adoptedDecisionId: publicCase.decisionId,
      }),
      'mandate',
    );
    mandateId = created.id;
    const read = ok(await fau.request('GET', `/api/mandates/${mandateId}`), 'read');
    expect(read.adoptedDecision).toMatchObject({
      id: publicCase.decisionId,
      body: 'Kommunestyret',
      case: { id: publicCase.id, title: 'Mandat for oppfølgingen av skolestrukturen' },
    });
    // Another municipality cannot link Solvik's vedtak, nor read the mandate.
    const foreign = await otherAdmin.request('POST', '/api/mandates', {
      title: 'Nabovik',
      endDate: '2027-11-30',
      adoptedDecisionId: publicCase.decisionId,
    });
    expect(foreign.status).toBe(400);
    expect((await otherAdmin.request('GET', `/api/mandates/${mandateId}`)).status).toBe(404);
  });

  it('items go last as they are added, are reordered in one request that must name each item once, and show their owner’s title', async () => {
    items = [];
    for (const [number, title] of [
      [1, 'Kartlegging'],
      [2, 'Innspill'],
      [3, 'Politisk sak'],
    ] as const) {
      items.push(
        ok(await officer.request('POST', `/api/mandates/${mandateId}/items`, { number, title, ownerId: officer.userId }), 'item').id,
      );
    }
    const order = async () =>
      ((await officer.request('GET', `/api/mandates/${mandateId}`)).body.items as { id: string; position: number }[]).map((i) => i.id);
    expect(await order()).toEqual(items);
    const moved = [items[2]!, items[0]!, items[1]!];
    expect(ok(await officer.request('PUT', `/api/mandates/${mandateId}/item-order`, { itemIds: moved }), 'reorder')).toEqual({
      itemIds: moved,
    });
    expect(await order()).toEqual(moved);

    const missing = await officer.request('PUT', `/api/mandates/${mandateId}/item-order`, { itemIds: moved.slice(0, 2) });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('itemIds');
    const twice = await officer.request('PUT', `/api/mandates/${mandateId}/item-order`, { itemIds: [moved[0], moved[0], moved[1]] });
    expect(twice.status).toBe(400);
    expect((await fau.request('PUT', `/api/mandates/${mandateId}/item-order`, { itemIds: items })).status).toBe(403);
    expect((await otherAdmin.request('PUT', `/api/mandates/${mandateId}/item-order`, { itemIds: items })).status).toBe(404);
    expect(await order()).toEqual(moved);
    const history = ok(await officer.request('GET', `/api/audit/mandate/${mandateId}`), 'audit').events;
    expect(history.some((e: { changes: Record<string, unknown> }) => 'itemOrder' in e.changes)).toBe(true);

    const detail = ok(await fau.request('GET', `/api/mandates/${mandateId}`), 'read');
    const [title] = await t.db.query(`SELECT title FROM app_user WHERE id = $1`, [officer.userId]);
    expect(detail.items[0].owner).toEqual({ id: officer.userId, name: expect.any(String), title: title.title });

    // Closing an item: its status done, through the same PATCH.
    const closed = ok(
      await officer.request('PATCH', `/api/mandates/${mandateId}/items/${items[0]}`, { version: 1, status: 'done' }),
      'close',
    );
    expect(closed.status).toBe('done');
  });

  it('officers write follow-up tasks of a vedtak; whoever may read the case reads them; no one else', async () => {
    const fauId = fau.userId;
    const created = await officer.request('POST', `/api/decisions/${publicCase.decisionId}/follow-ups`, {
      title: 'Varsle skolene om ny struktur',
      ownerId: fauId,
      dueDate: '2020-01-15',
      notes: 'Brev til alle rektorer.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Varsle skolene om ny struktur', status: 'not_started', late: true, version: 1 });
    expect(created.body.owner.id).toBe(fauId);

    // Field errors, roles, tenancy.
    const empty = await officer.request('POST', `/api/decisions/${publicCase.decisionId}/follow-ups`, { title: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('title');
    const foreignOwner = await officer.request('POST', `/api/decisions/${publicCase.decisionId}/follow-ups`, {
      title: 'Feil eier',
      ownerId: otherAdmin.userId,
    });
    expect(foreignOwner.body.errors).toEqual([{ path: 'ownerId', message: 'Ansvarlig må være en person i kommunen' }]);
    expect((await fau.request('POST', `/api/decisions/${publicCase.decisionId}/follow-ups`, { title: 'Ikke lov' })).status).toBe(403);
    expect((await otherAdmin.request('POST', `/api/decisions/${publicCase.decisionId}/follow-ups`, { title: 'Ikke lov' })).status).toBe(
      404,
    );
    expect((await fau.request('PATCH', `/api/follow-ups/${created.body.id}`, { version: 1, status: 'done' })).status).toBe(403);
    expect((await otherAdmin.request('PATCH', `/api/follow-ups/${created.body.id}`, { version: 1, status: 'done' })).status).toBe(404);

    // A PATCH changes what it is sent; a stale version is a 409 with the task as it is.
    const started = ok(
      await officer.request('PATCH', `/api/follow-ups/${created.body.id}`, { version: 1, status: 'in_progress' }),
      'patch',
    );
    expect(started).toMatchObject({ status: 'in_progress', notes: 'Brev til alle rektorer.', version: 2 });
    const stale = await officer.request('PATCH', `/api/follow-ups/${created.body.id}`, { version: 1, status: 'done' });
    expect(stale.status).toBe(409);

    const read = ok(await fau.request('GET', `/api/cases/${publicCase.id}/follow-ups`), 'read');
    expect(read.decisions).toHaveLength(1);
    expect(read.decisions[0].tasks.map((x: { title: string }) => x.title)).toEqual(['Varsle skolene om ny struktur']);
    expect((await otherAdmin.request('GET', `/api/cases/${publicCase.id}/follow-ups`)).status).toBe(404);

    // The exempt case: FAU is not on its route, so its follow-up is not FAU's to read.
    ok(
      await officer.request('POST', `/api/decisions/${exemptCase.decisionId}/follow-ups`, {
        title: 'Følge opp eleven HEMMELIGOPPFOLGING',
        ownerId: fauId,
      }),
      'exempt task',
    );
    const refused = await fau.request('GET', `/api/cases/${exemptCase.id}/follow-ups`);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('HEMMELIGOPPFOLGING');

    // The start page: the owner's unfinished tasks, an exempt case named by its public title.
    const tasks = ok(await fau.request('GET', '/api/me/tasks'), 'tasks');
    const mine = tasks.followUps as { title: string; late: boolean; case: { id: string; title: string } }[];
    expect(mine.find((f) => f.case.id === publicCase.id)).toMatchObject({ title: 'Varsle skolene om ny struktur', late: true });
    expect(mine.find((f) => f.case.id === exemptCase.id)?.case.title).toBe('Elevsak – unntatt offentlighet');
    expect(JSON.stringify(tasks)).not.toContain('HEMMELIGOPPFOLGING Elevsak');
  });

  it('the final report lists per item its cases, their vedtak and follow-up; what the reader may not read is withheld', async () => {
    // Two more vedtak, in cases under the second item; each gets a task.
    const linked = await decide('Ny skolestruktur under punkt 2', { mandateItemId: items[1] });
    const linkedExempt = await decide('Elevsak under punkt 2 HEMMELIGOPPFOLGING', {
      mandateItemId: items[1],
      access: 'exempt',
      legalBasis: 'offentleglova § 13',
      publicTitle: 'Elevsak – unntatt offentlighet',
    });
    ok(
      await officer.request('POST', `/api/decisions/${linked.decisionId}/follow-ups`, {
        title: 'Varsle skolene om ny struktur',
        status: 'in_progress',
      }),
      'task',
    );
    ok(
      await officer.request('POST', `/api/decisions/${linkedExempt.decisionId}/follow-ups`, { title: 'Tiltak HEMMELIGOPPFOLGING' }),
      'task',
    );
    const [publicCase, exemptCase] = [linked, linkedExempt];
    const asOfficer = ok(await officer.request('GET', `/api/mandates/${mandateId}/report`), 'report');
    const item = asOfficer.items.find((i: { id: string }) => i.id === items[1]);
    expect(item.cases.map((c: { id: string }) => c.id).sort()).toEqual([publicCase.id, exemptCase.id].sort());
    const pub = item.cases.find((c: { id: string }) => c.id === publicCase.id);
    expect(pub.decisions[0]).toMatchObject({ body: 'Kommunestyret', text: 'Vedtak: Ny skolestruktur under punkt 2' });
    expect(pub.decisions[0].tasks[0]).toMatchObject({ title: 'Varsle skolene om ny struktur', status: 'in_progress' });
    expect(JSON.stringify(asOfficer)).toContain('HEMMELIGOPPFOLGING');

    const asFau = ok(await fau.request('GET', `/api/mandates/${mandateId}/report`), 'report');
    expect(JSON.stringify(asFau)).not.toContain('HEMMELIGOPPFOLGING');
    const hidden = asFau.items.find((i: { id: string }) => i.id === items[1]).cases.find((c: { id: string }) => c.id === exemptCase.id);
    expect(hidden).toMatchObject({ title: 'Elevsak – unntatt offentlighet', exemptBasis: 'offentleglova § 13' });
    expect(hidden.decisions[0]).toMatchObject({ text: null, tasks: [] });
    expect((await otherAdmin.request('GET', `/api/mandates/${mandateId}/report`)).status).toBe(404);
  });

  it('the start page lists the latest vedtak for a member whose bodies decide nothing, as the register does (was «Ingen vedtak ennå»)', async () => {
    const register = ok(await fau.request('GET', '/api/decisions'), 'register').decisions as { id: string }[];
    expect(register.length).toBeGreaterThan(0);
    const tasks = ok(await fau.request('GET', '/api/me/tasks'), 'tasks');
    expect(tasks.decisions.length).toBeGreaterThan(0);
    expect(tasks.decisions.map((d: { id: string }) => d.id)).toEqual(register.slice(0, tasks.decisions.length).map((d) => d.id));
    // The exempt vedtak is there by the public title only.
    const exempt = tasks.decisions.find((d: { case: { id: string } }) => d.case.id === exemptCase.id);
    if (exempt) expect(exempt.case.title).toBe('Elevsak – unntatt offentlighet');
  });
});
