import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/auth/password.js';
import { DEMO_PASSWORD } from '../src/seed/demo-people.js';
import { DEMO, login, type Client, startTestApp, type TestApp } from './harness.js';

/** A word no demo text holds (letters only, so the Norwegian stemmer leaves it whole). */
const word = (prefix: string) => `${prefix}${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

type Hit = {
  kind: string;
  id: string;
  title: { text: string; hit: boolean }[];
  excerpt: { text: string; hit: boolean }[];
  case: { id: string; number: string; title: string } | null;
  meeting: { id: string; title: string } | null;
  roundId: string | null;
};
type Answer = { total: number; counts: Record<string, number>; hits: Hit[] };

const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

/** Who finds what with `GET /api/search`, and who must not: each owner's read rule, applied by the search. */
describe('search: Norwegian full-text search across cases, inputs, decisions and meetings, by the owners’ read rules', () => {
  let t: TestApp;
  let officer: Client;
  let member: Client; // Kommunestyret: on the exempt case's route
  let fau: Client;
  let udf: Client;
  let citizen: Client; // Solvik, no membership
  let nabovik: Client;
  let bodies: Record<string, string>;
  const SECRET = word('hemmelig');
  const SCREENED = word('skjermet');
  const INPUT = word('upublisert');
  const AGENDA = word('saksliste');
  const OTHER = word('nabovik');
  const f = {} as { exempt: string; decision: string; round: string; submission: string; hiddenMeeting: string; agendaCase: string };

  const ok = (res: { status: number; body: any }, what: string) => {
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const search = async (who: Client, query: string): Promise<Answer> =>
    ok(await who.request('GET', `/api/search?${query.includes('=') ? query : `q=${encodeURIComponent(query)}`}`), `search ${query}`);

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    member = await login(t.url, 'kommunestyret.posisjon@solvik.kommune.test');
    fau = await login(t.url, DEMO.fau);
    udf = await login(t.url, DEMO.udf);
    nabovik = await login(t.url, DEMO.otherAdmin);
    const email = `sok.uten.verv.${randomUUID().slice(0, 8)}@solvik.kommune.test`;
    const [muni] = await t.db.query(`SELECT municipality_id FROM app_user WHERE email = $1`, [DEMO.officer]);
    await t.db.query(
      `INSERT INTO app_user (municipality_id, email, name, title, password_hash, status) VALUES ($1,$2,'Innbygger uten verv','Innbygger',$3,'active')`,
      [muni.municipality_id, email, await hashPassword(DEMO_PASSWORD)],
    );
    citizen = await login(t.url, email);
    bodies = Object.fromEntries(
      (ok(await officer.request('GET', '/api/bodies'), 'bodies').bodies as { id: string; name: string }[]).map((b) => [b.name, b.id]),
    );

    // 1. An exempt case on Kommunestyret's route, decided in a closed meeting: its real title, sections,
    //    minutes, decision and a continuous input all hold SECRET; its screened title holds SCREENED.
    const exempt = ok(
      await officer.request('POST', '/api/cases', {
        title: `Elevsak om ${SECRET}`,
        access: 'exempt',
        legalBasis: 'offentleglova § 13',
        publicTitle: `Elevsak ${SCREENED}`,
        sections: { background: `Bakgrunn ${SECRET}`, facts: '', assessment: '', proposal: '' },
      }),
      'exempt case',
    );
    f.exempt = exempt.id;
    ok(
      await officer.request('POST', '/api/inputs', {
        caseId: exempt.id,
        text: `Løpende innspill ${SECRET}`,
        bodyId: null,
        idempotencyKey: randomUUID(),
      }),
      'continuous input',
    );
    const { bringBefore } = await import('./harness.js');
    await bringBefore(officer, exempt.id, [bodies['Kommunestyret']!]);
    const closed = ok(
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Kommunestyret'],
        title: 'Lukket møte i kommunestyret',
        startsAt: '2026-12-10T18:00:00+01:00',
        place: 'Rådhuset',
        open: false,
        closedBasis: 'kommuneloven § 11-5 annet ledd',
      }),
      'closed meeting',
    );
    const item = ok(await officer.request('POST', `/api/meetings/${closed.id}/agenda`, { caseId: exempt.id }), 'agenda item');
    ok(await officer.request('POST', `/api/meetings/${closed.id}/publish`), 'publish');
    f.decision = ok(
      await officer.request('PUT', `/api/meetings/${closed.id}/agenda/${item.id}/minutes`, {
        minutes: `Protokoll ${SECRET}`,
        decision: { text: `Vedtak ${SECRET}`, motions: [], confirmOpenInput: { reason: 'Innspillet er kjent.' } },
      }),
      'minutes',
    ).decisionId;

    // A drøftingsmøte discusses the exempt case: Utdanningsforbundet's protokolltilførsel about it holds
    // SECRET too, and is for those who may read the case (as the protocol withholds it from others).
    const consultation = ok(
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Arbeidsgruppen for skoleoppfølging'],
        kind: 'consultation',
        title: 'Drøftingsmøte om elevsaken',
        startsAt: '2026-12-11T09:00:00+01:00',
        place: 'Rådhuset',
      }),
      'consultation',
    );
    const discussed = ok(await officer.request('POST', `/api/meetings/${consultation.id}/agenda`, { caseId: exempt.id }), 'agenda item');
    ok(await officer.request('POST', `/api/meetings/${consultation.id}/publish`), 'publish');
    ok(
      await udf.request('POST', `/api/meetings/${consultation.id}/statements`, { text: `Tilførsel ${SECRET}`, agendaItemId: discussed.id }),
      'statement',
    );

    // 2. A public case whose round publishes its input only after closing; Utdanningsforbundet answers with INPUT.
    const open = ok(await officer.request('POST', '/api/cases', { title: 'Skolerute for skoleåret' }), 'public case');
    const round = ok(
      await officer.request('POST', '/api/rounds', {
        caseId: open.id,
        title: 'Innspill til skoleruta',
        questions: 'Når bør høstferien være?',
        closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        publishAfterClose: true,
        invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg'], bodies['Utdanningsforbundet Solvik']],
      }),
      'round',
    );
    f.round = round.id;
    f.submission = ok(
      await udf.request('POST', `/api/rounds/${round.id}/submissions`, {
        text: `Utdanningsforbundet mener ${INPUT} bør vurderes`,
        bodyId: bodies['Utdanningsforbundet Solvik'],
        idempotencyKey: randomUUID(),
      }),
      'submission',
    ).id;

    // 3. A public case on the agenda of a meeting whose agenda is not yet published (Driftsutvalget's).
    const agendaCase = ok(
      await officer.request('POST', '/api/cases', {
        title: `Ny gymsal ${AGENDA}`,
        sections: { background: '', facts: '', assessment: '', proposal: '' },
      }),
      'agenda case',
    );
    f.agendaCase = agendaCase.id;
    const driftsutvalget = Object.keys(bodies).find((n) => n.startsWith('Driftsutvalget'))!;
    ok(
      await officer.request('PUT', `/api/cases/${agendaCase.id}/route`, { steps: [{ bodyId: bodies[driftsutvalget], meetingDate: null }] }),
      'route',
    );
    const hidden = ok(
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies[driftsutvalget],
        title: 'Driftsutvalget i januar',
        startsAt: '2027-01-14T18:00:00+01:00',
        place: 'Rådhuset',
      }),
      'meeting',
    );
    f.hiddenMeeting = hidden.id;
    ok(await officer.request('POST', `/api/meetings/${hidden.id}/agenda`, { caseId: agendaCase.id }), 'agenda item');

    // 4. Nabovik: a case of its own.
    ok(
      await nabovik.request('POST', '/api/cases', {
        title: `Nabosak ${OTHER}`,
        sections: { background: `Tekst ${OTHER}`, facts: '', assessment: '', proposal: '' },
      }),
      'other',
    );
  });
  afterAll(() => t.close());

  it('an exempt case is found by its real title, text, minutes, decision and input only by those who may read it', async () => {
    const byOfficer = await search(officer, SECRET);
    expect(byOfficer.counts).toEqual({ case: 1, input: 1, decision: 1, meeting: 3 });
    expect(byOfficer.hits.find((h) => h.kind === 'decision')?.id).toBe(f.decision);
    const byMember = await search(member, SECRET);
    expect(byMember.counts).toEqual({ case: 1, input: 1, decision: 1, meeting: 3 });

    for (const [who, client] of [
      ['citizen', citizen],
      ['fau', fau],
      ['udf', udf],
      ['nabovik', nabovik],
    ] as const) {
      const answer = await search(client, SECRET);
      expect({ who, total: answer.total, counts: answer.counts }).toEqual({
        who,
        total: 0,
        counts: { case: 0, input: 0, decision: 0, meeting: 0 },
      });
    }
  });

  it('those who may not read an exempt case find it by its screened title, and see nothing else of it', async () => {
    const answer = await search(citizen, SCREENED);
    expect(answer.counts).toMatchObject({ case: 1, decision: 0, input: 0 });
    const hit = answer.hits.find((h) => h.kind === 'case')!;
    expect(hit.id).toBe(f.exempt);
    expect(joined(hit.title)).toBe(`Elevsak ${SCREENED}`);
    expect(hit.excerpt).toEqual([]);
    expect(JSON.stringify(answer)).not.toContain(SECRET);
    // The agenda item of the closed meeting: by the screened title, without its minutes.
    const item = answer.hits.find((h) => h.kind === 'meeting')!;
    expect(joined(item.title)).toBe(`Elevsak ${SCREENED}`);
    expect(item.excerpt).toEqual([]);
    // Those who may read it see its real title (they searched the screened one, which is not theirs to match).
    expect((await search(officer, SCREENED)).counts.case).toBe(0);
  });

  it('an input is found by others only once its round has published it', async () => {
    for (const client of [fau, citizen, nabovik]) expect((await search(client, INPUT)).total).toBe(0);
    const mine = await search(udf, INPUT);
    expect(mine.counts.input).toBe(1);
    expect(mine.hits[0]).toMatchObject({ kind: 'input', id: f.submission, roundId: f.round });
    expect(joined(mine.hits[0]!.title)).toBe('Utdanningsforbundet Solvik');
    expect(mine.hits[0]!.excerpt.filter((p) => p.hit).map((p) => p.text)).toEqual([INPUT]);
    expect((await search(officer, INPUT)).counts.input).toBe(1);

    await t.db.query(`UPDATE input_round SET closed_at = now() WHERE id = $1`, [f.round]);
    expect((await search(fau, INPUT)).counts.input).toBe(1);
    expect((await search(citizen, INPUT)).counts.input).toBe(1);
    expect((await search(nabovik, INPUT)).total).toBe(0);
  });

  it('an agenda item is found before the agenda is published only by officers and the body’s members', async () => {
    const officerSees = await search(officer, `q=${AGENDA}&kind=meeting`);
    expect(officerSees.hits.map((h) => h.meeting?.id)).toEqual([f.hiddenMeeting]);
    const citizenSees = await search(citizen, AGENDA);
    expect(citizenSees.counts).toEqual({ case: 1, input: 0, decision: 0, meeting: 0 });
    expect(JSON.stringify(citizenSees)).not.toContain(f.hiddenMeeting);

    await officer.request('POST', `/api/meetings/${f.hiddenMeeting}/publish`);
    expect((await search(citizen, `q=${AGENDA}&kind=meeting`)).hits.map((h) => h.meeting?.id)).toEqual([f.hiddenMeeting]);
  });

  it('one municipality never finds another’s', async () => {
    expect((await search(officer, OTHER)).total).toBe(0);
    expect((await search(citizen, OTHER)).total).toBe(0);
    expect((await search(nabovik, OTHER)).counts.case).toBe(1);
  });

  it('matches Norwegian word forms, ranks a title above text, highlights as parts and pages', async () => {
    const stem = `${word('q')}skole`; // «…skoler», «…skolene» and «…skole» are one word to the stemmer
    const inTitle = ok(await officer.request('POST', '/api/cases', { title: `Framtidens ${stem}r i Solvik` }), 'title case');
    const inText = ok(
      await officer.request('POST', '/api/cases', {
        title: 'Skolestruktur',
        sections: {
          background: `Om ${stem}ne, et <b>notat</b> og <script>alert(1)</script> som tekst.`,
          facts: '',
          assessment: '',
          proposal: '',
        },
      }),
      'text case',
    );
    const answer = await search(officer, `q=${stem}ne&kind=case`);
    expect(answer.hits.map((h) => h.id)).toEqual([inTitle.id, inText.id]);
    expect(answer.hits[0]!.title).toEqual([
      { text: 'Framtidens ', hit: false },
      { text: `${stem}r`, hit: true },
      { text: ' i Solvik', hit: false },
    ]);
    // Markup in the text is text: it comes back as it was written, never as a tag of the highlight.
    expect(joined(answer.hits[1]!.excerpt)).toBe(`${stem}ne, et <b>notat</b> og <script>alert(1)</script> som tekst`);
    expect(answer.hits[1]!.excerpt.filter((p) => p.hit).map((p) => p.text)).toEqual([`${stem}ne`]);

    const first = await search(officer, `q=${stem}&kind=case&limit=1`);
    const second = await search(officer, `q=${stem}&kind=case&limit=1&offset=1`);
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([first.hits[0]!.id, second.hits[0]!.id]).toEqual([inTitle.id, inText.id]);
    // Websearch syntax: a word left out.
    expect((await search(officer, `q=${encodeURIComponent(`${stem} -notat`)}&kind=case`)).hits.map((h) => h.id)).toEqual([inTitle.id]);
  });

  it('refuses a bad question with Norwegian field errors, never a 500', async () => {
    const cases: [string, string, string][] = [
      ['q=a', 'q', 'Søket må ha minst 2 tegn'],
      ['q=%20%20a%20', 'q', 'Søket må ha minst 2 tegn'],
      [`q=${'x'.repeat(201)}`, 'q', 'Søket kan ha høyst 200 tegn'],
      ['', 'q', 'Skriv hva du vil søke etter'],
      ['q=skole&kind=alt', 'kind', 'Velg saker, innspill, vedtak eller møter'],
      ['q=skole&limit=0', 'limit', 'Antall treff per side må være et heltall fra 1 til 50'],
      ['q=skole&limit=tre', 'limit', 'Antall treff per side må være et heltall fra 1 til 50'],
      ['q=skole&offset=-1', 'offset', 'Startpunktet må være et heltall fra 0 til 1000'],
    ];
    for (const [query, path, message] of cases) {
      const res = await officer.request('GET', `/api/search?${query}`);
      expect({ query, status: res.status, errors: res.body.errors }).toEqual({ query, status: 400, errors: [{ path, message }] });
    }
    // Odd input is a question like any other: stop words only, operators, quotes, the sentinels.
    for (const q of ['og i', '"" -', '!!!:*', '\uE000skole\uE001', "'; DROP TABLE case_file; --"]) {
      const res = await officer.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
    }
    expect((await fetch(`${t.url}/api/search?q=skole`)).status).toBe(401);
  });
});
