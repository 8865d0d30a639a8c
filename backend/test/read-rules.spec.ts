import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/auth/password.js';
import { buildDigest } from '../src/modules/notifications/digest.js';
import { routeTable, type RouteEntry } from '../src/platform/http/route-table.js';
import { demoPdf } from '../src/seed/demo-pdf.js';
import { DEMO_PASSWORD } from '../src/seed/demo-people.js';
import { DEMO, anonymous, login, startTestApp, type Client, type TestApp } from './harness.js';

/**
 * The read-rule matrix, generated from the route table like the permission matrix: objects each role
 * may NOT see carry a secret marker, and every GET route is called by every role with the ids of those
 * objects in its path. No response (body or headers) may carry a marker the role may not see. A new GET
 * route is covered as it is added; one whose path parameters cannot be filled from the fixtures fails.
 */

const tag = () => randomBytes(5).toString('hex').toUpperCase();
/** The content of an exempt case of Solvik that is not on the roles' route. */
const EXEMPT = `UNNTATTSOLVIK${tag()}`;
/** Input given in an open round that publishes only after closing, by a body none of the roles is in. */
const INPUT = `UPUBLISERTINNSPILL${tag()}`;
/** A round on the exempt case that invites KFU: read by its invitees (FAU's leader), by no one else of the roles. */
const ROUND = `RUNDEIUNNTATTSAK${tag()}`;
/** Another municipality's objects (Nabovik). */
const OTHER = `NABOVIKHEMMELIG${tag()}`;

type Role = 'anonymous' | 'noMembership' | 'fau' | 'principal' | 'unionRep' | 'otherAdmin';
/** What each role may not see. */
const FORBIDDEN: Record<Role, string[]> = {
  anonymous: [EXEMPT, ROUND, INPUT, OTHER],
  noMembership: [EXEMPT, ROUND, INPUT, OTHER],
  fau: [EXEMPT, INPUT, OTHER],
  principal: [EXEMPT, ROUND, INPUT, OTHER],
  unionRep: [EXEMPT, ROUND, INPUT, OTHER],
  otherAdmin: [EXEMPT, ROUND, INPUT],
};

/**
 * Values for path parameters, keyed `<the literal segment before it>.<param>` (`cases.id`,
 * `sections.sectionId`, `audit.entityId`, …). A route is called once for every fixture that fills all
 * of its parameters; an array value is tried one by one.
 */
type Fixture = { name: string } & Record<string, string | string[]>;

/** Extra query strings a route is also called with ('' is always tried). */
function queries(path: string, f: { mandateItemId: string }): string[] {
  switch (path) {
    case '/api/cases':
      return ['', `?mandateItemId=${f.mandateItemId}`];
    case '/api/decisions':
      return ['', `?q=${EXEMPT}`, '?q=Elevsak', `?q=${OTHER}`];
    case '/api/search':
      return [`?q=${EXEMPT}`, `?q=${INPUT}`, `?q=${ROUND}`, `?q=${OTHER}`, '?q=Elevsak', '?q=Protokoll', '?q=innspill'];
    case '/api/cases/:id/sections/:sectionId/diff':
      return ['?from=1&to=2'];
    default:
      return [''];
  }
}

function paramKeys(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const keys: string[] = [];
  let literal = '';
  for (const p of parts) {
    if (p.startsWith(':')) keys.push(`${literal}.${p.slice(1)}`);
    else literal = p;
  }
  return keys;
}

/** Every way the fixtures fill a route's parameters (none: the route cannot be filled). */
function fill(path: string, fixtures: Fixture[]): { path: string; fixture: string }[] {
  const keys = paramKeys(path);
  if (keys.length === 0) return [{ path, fixture: '-' }];
  const out: { path: string; fixture: string }[] = [];
  for (const f of fixtures) {
    if (!keys.every((k) => k in f)) continue;
    let variants = [path];
    for (const key of keys) {
      const param = key.split('.')[1]!;
      const values = ([] as string[]).concat(f[key]!);
      variants = variants.flatMap((v) => values.map((value) => v.replace(`:${param}`, value)));
    }
    out.push(...variants.map((p) => ({ path: p, fixture: f.name })));
  }
  return out;
}

const asText = (body: unknown): string =>
  Buffer.isBuffer(body) ? body.toString('latin1') : typeof body === 'string' ? body : JSON.stringify(body);

describe('read-rule matrix: no GET route shows a role what it may not read (generated from the route table)', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  const clients = {} as Record<Role, Client>;
  let officer: Client;
  let fixtures: Fixture[];
  let mandateItemId: string;
  const startedAt = new Date();

  beforeAll(async () => {
    t = await startTestApp();
    routes = routeTable(t.app).filter((r) => r.method === 'GET');
    officer = await login(t.url, DEMO.officer);
    const otherAdmin = await login(t.url, DEMO.otherAdmin);
    const youth = await login(t.url, 'ungdomsradet@solvik.kommune.test');
    const bodies = Object.fromEntries(
      ((await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[]).map((b) => [b.name, b.id]),
    );
    const ok = (res: { status: number; body: unknown }, what: string) => {
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body as Record<string, any>;
    };

    // A logged-in person of Solvik with no membership (the public's view inside the municipality).
    const email = `uten.medlemskap.${tag().toLowerCase()}@solvik.kommune.test`;
    const [muni] = await t.db.query(`SELECT municipality_id FROM app_user WHERE email = $1`, [DEMO.officer]);
    await t.db.query(
      `INSERT INTO app_user (municipality_id, email, name, title, password_hash, status) VALUES ($1,$2,'Innbygger uten verv','Innbygger',$3,'active')`,
      [muni.municipality_id, email, await hashPassword(DEMO_PASSWORD)],
    );
    clients.anonymous = anonymous(t.url);
    clients.noMembership = await login(t.url, email);
    clients.fau = await login(t.url, DEMO.fau);
    clients.principal = await login(t.url, 'rektor.nordby@solvik.kommune.test');
    clients.unionRep = await login(t.url, DEMO.udf);
    clients.otherAdmin = otherAdmin;

    // 1. Solvik: an exempt case on Kommunestyret's route only, with the marker in everything it holds.
    const mandate = ok(await officer.request('GET', '/api/mandates'), 'mandates').mandates[0];
    mandateItemId = ok(await officer.request('GET', `/api/mandates/${mandate.id}`), 'mandate').items[0].id;
    const exempt = ok(
      await officer.request('POST', '/api/cases', {
        title: `Elevsak ${EXEMPT}`,
        mandateItemId,
        access: 'exempt',
        legalBasis: 'offentleglova § 13',
        publicTitle: 'Elevsak – unntatt offentlighet',
        sections: {
          background: `Bakgrunn ${EXEMPT}`,
          facts: `Fakta ${EXEMPT}`,
          assessment: `Vurdering ${EXEMPT}`,
          proposal: `Forslag ${EXEMPT}`,
        },
      }),
      'exempt case',
    );
    ok(
      await officer.request('PUT', `/api/cases/${exempt.id}/route`, {
        steps: [{ bodyId: bodies['Kommunestyret'], meetingDate: '2026-12-10' }],
      }),
      'route',
    );
    const sections = ok(await officer.request('GET', `/api/cases/${exempt.id}`), 'case').sections as { id: string; version: number }[];
    ok(
      await officer.request('PUT', `/api/cases/${exempt.id}/sections/${sections[0]!.id}`, {
        version: sections[0]!.version,
        text: `Ny bakgrunn ${EXEMPT}`,
      }),
      'section',
    );
    ok(await officer.request('POST', `/api/cases/${exempt.id}/comments`, { text: `Merknad ${EXEMPT}` }), 'comment');
    ok(await officer.request('POST', `/api/cases/${exempt.id}/moves`, { to: 'in_preparation' }), 'move');
    ok(
      await officer.request('POST', `/api/cases/${exempt.id}/recommendations`, {
        bodyId: bodies['Kommunestyret'],
        text: `Innstilling ${EXEMPT}`,
      }),
      'recommendation',
    );
    ok(await officer.request('POST', `/api/cases/${exempt.id}/moves`, { to: 'before_body' }), 'move');
    const caseFile = ok(
      await officer.request('POST', `/api/cases/${exempt.id}/attachments?filename=${EXEMPT}.pdf`, demoPdf(EXEMPT, [EXEMPT])),
      'case attachment',
    );
    const exemptInput = ok(
      await officer.request('POST', '/api/inputs', {
        caseId: exempt.id,
        text: `Løpende innspill ${EXEMPT}`,
        bodyId: null,
        idempotencyKey: randomUUID(),
      }),
      'input',
    );
    const meeting = ok(
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Kommunestyret'],
        title: 'Kommunestyremøte desember',
        startsAt: '2026-12-10T18:00:00+01:00',
        place: 'Rådhuset',
      }),
      'meeting',
    );
    const item = ok(await officer.request('POST', `/api/meetings/${meeting.id}/agenda`, { caseId: exempt.id }), 'agenda');
    ok(await officer.request('POST', `/api/meetings/${meeting.id}/publish`), 'publish');
    ok(
      await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.id}/minutes`, {
        minutes: `Protokoll ${EXEMPT}`,
        decision: {
          motions: [{ motion: `Vedtak ${EXEMPT}`, for: 20, against: 7, adopted: true }],
          confirmOpenInput: { reason: 'Innspillet er kjent for kommunestyret.' },
        },
      }),
      'minutes',
    );
    // A round on the exempt case inviting KFU: FAU's leader reads the round, never the case's content.
    const exemptRound = ok(
      await officer.request('POST', '/api/rounds', {
        caseId: exempt.id,
        title: `Innspill i en elevsak ${ROUND}`,
        questions: `Hva bør skolen gjøre? ${ROUND}`,
        closesAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg']],
      }),
      'exempt round',
    );
    // The exempt case's allocation: written as the seed writes it, with the marker in its names and a comment.
    const [seeded] = await t.db.query(
      `SELECT s.id, s.allocation_case_id, s.model_version_id, s.dataset_id FROM scenario s ORDER BY s.created_at LIMIT 1`,
    );
    const [allocation] = await t.db.query(
      `INSERT INTO allocation_case (municipality_id, case_id, budget_year, title) VALUES ($1,$2,2027,$3) RETURNING id`,
      [muni.municipality_id, exempt.id, `Fordeling ${EXEMPT}`],
    );
    const [dataset] = await t.db.query(
      `INSERT INTO allocation_dataset (allocation_case_id, name, source, units) SELECT $1, $2, source, units FROM allocation_dataset WHERE id = $3 RETURNING id`,
      [allocation.id, `Tall ${EXEMPT}`, seeded.dataset_id],
    );
    const [model] = await t.db.query(
      `INSERT INTO model_version (allocation_case_id, number, label, model) SELECT $1, 1, $2, model FROM model_version WHERE id = $3 RETURNING id`,
      [allocation.id, `Modell ${EXEMPT}`, seeded.model_version_id],
    );
    const [scenario] = await t.db.query(
      `INSERT INTO scenario (allocation_case_id, name, model_version_id, dataset_id) VALUES ($1,$2,$3,$4) RETURNING id`,
      [allocation.id, `Scenario ${EXEMPT}`, model.id, dataset.id],
    );
    await t.db.query(
      `INSERT INTO scenario_result (scenario_id, scenario_version, engine_version, input_hash, input, result) SELECT $1, 1, engine_version, input_hash, input, result FROM scenario_result WHERE scenario_id = $2 ORDER BY scenario_version LIMIT 1`,
      [scenario.id, seeded.id],
    );
    await t.db.query(`INSERT INTO comment (municipality_id, case_id, scenario_id, author_id, text) VALUES ($1,$2,$3,$4,$5)`, [
      muni.municipality_id,
      exempt.id,
      scenario.id,
      officer.userId,
      `Kommentar ${EXEMPT}`,
    ]);
    const [sweep] = await t.db.query(
      `INSERT INTO sweep (municipality_id, scenario_id, parameter, status, result) VALUES ($1,$2,$3,'done',$4) RETURNING id`,
      [muni.municipality_id, scenario.id, JSON.stringify({ label: EXEMPT }), JSON.stringify({ note: EXEMPT })],
    );
    const [importJob] = await t.db.query(
      `INSERT INTO import_job (municipality_id, allocation_case_id, name, format, status, errors) VALUES ($1,$2,$3,'csv','failed',$4) RETURNING id`,
      [muni.municipality_id, allocation.id, `Import ${EXEMPT}`, JSON.stringify([{ path: 'x', message: EXEMPT }])],
    );

    // 2. Solvik: a public case whose open round publishes input only after closing; Ungdomsrådet answers with a file.
    const open = ok(await officer.request('POST', '/api/cases', { title: 'Skolerute for neste år' }), 'public case');
    const openSections = ok(await officer.request('GET', `/api/cases/${open.id}`), 'public case').sections as { id: string }[];
    const round = ok(
      await officer.request('POST', '/api/rounds', {
        caseId: open.id,
        title: 'Innspill til skoleruta',
        questions: 'Når bør høstferien være?',
        closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        publishAfterClose: true,
        invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg'], bodies['Utdanningsforbundet Solvik'], bodies['Ungdomsrådet']],
        invitedUserIds: [clients.principal.userId],
      }),
      'round',
    );
    const input = ok(
      await youth.request('POST', `/api/rounds/${round.id}/submissions`, {
        text: `Ungdomsrådet mener ${INPUT}`,
        bodyId: bodies['Ungdomsrådet'],
        idempotencyKey: randomUUID(),
      }),
      'submission',
    );
    const inputFile = ok(
      await youth.request('POST', `/api/submissions/${input.id}/attachments?filename=${INPUT}.pdf`, demoPdf(INPUT, [INPUT])),
      'submission attachment',
    );

    // 3. Nabovik: a public case of theirs, with a body, a meeting, a round, a comment and a file.
    const nBody = ok(await otherAdmin.request('POST', '/api/bodies', { kind: 'reference_group', name: `Gruppe ${OTHER}` }), 'other body');
    const nCase = ok(
      await otherAdmin.request('POST', '/api/cases', {
        title: `Sak ${OTHER}`,
        sections: { background: `Bakgrunn ${OTHER}`, facts: '', assessment: '', proposal: '' },
      }),
      'other case',
    );
    const nSections = ok(await otherAdmin.request('GET', `/api/cases/${nCase.id}`), 'other case').sections as {
      id: string;
      version: number;
    }[];
    ok(
      await otherAdmin.request('PUT', `/api/cases/${nCase.id}/sections/${nSections[0]!.id}`, {
        version: nSections[0]!.version,
        text: `Endret ${OTHER}`,
      }),
      'other section',
    );
    ok(await otherAdmin.request('POST', `/api/cases/${nCase.id}/comments`, { text: `Merknad ${OTHER}` }), 'other comment');
    const nFile = ok(
      await otherAdmin.request('POST', `/api/cases/${nCase.id}/attachments?filename=${OTHER}.pdf`, demoPdf(OTHER, [OTHER])),
      'other attachment',
    );
    const nMeeting = ok(
      await otherAdmin.request('POST', '/api/meetings', {
        bodyId: nBody.id,
        title: `Møte ${OTHER}`,
        startsAt: '2026-12-11T18:00:00+01:00',
        place: `Sted ${OTHER}`,
      }),
      'other meeting',
    );
    const nRound = ok(
      await otherAdmin.request('POST', '/api/rounds', {
        caseId: nCase.id,
        title: `Runde ${OTHER}`,
        questions: `Spørsmål ${OTHER}`,
        closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        invitedUserIds: [otherAdmin.userId],
      }),
      'other round',
    );

    // 4. Analysis tools (#19): one on Solvik's exempt case, one of Nabovik's, each with a comment.
    const peersInput = (marker: string) => ({
      format: 'samrad.peer-comparison/v1',
      own: { name: `Egen ${marker}`, costPerChild: 62344, children6to15: 2900 },
      peers: [{ name: `Nabo ${marker}`, costPerChild: 51829 }],
    });
    const exemptTool = ok(
      await officer.request('POST', '/api/analysis-tools', {
        kind: 'peers',
        caseId: exempt.id,
        // Under a mandate item, so the mandate page (which shows each tool's state) is called with it too.
        mandateItemId,
        title: `Analyse ${EXEMPT}`,
        input: peersInput(EXEMPT),
      }),
      'exempt analysis',
    );
    ok(await officer.request('POST', `/api/analysis-tools/${exemptTool.id}/comments`, { text: `Merknad ${EXEMPT}` }), 'analysis comment');
    const nTool = ok(
      await otherAdmin.request('POST', '/api/analysis-tools', {
        kind: 'peers',
        caseId: nCase.id,
        title: `Analyse ${OTHER}`,
        input: peersInput(OTHER),
      }),
      'other analysis',
    );

    // Generated documents (PDF/A): the exempt case's saksframlegg (its title carries the marker), and Nabovik's.
    const exemptDoc = ok(
      await officer.request('POST', '/api/documents', { kind: 'case_presentation', caseId: exempt.id }),
      'exempt document',
    );
    const nDoc = ok(await otherAdmin.request('POST', '/api/documents', { kind: 'case_presentation', caseId: nCase.id }), 'other document');

    // Innsyn (`/api/public/<slug>/…`): the anonymous reader of Solvik, asked for Solvik's objects and (tenancy) Nabovik's;
    // the personal calendar feed with a token that is not one.
    const solvik = { 'public.slug': 'solvik-kommune' };
    fixtures = [
      { name: 'a calendar feed token that is not one', 'calendar-feeds.token': 'ikke-en-gyldig-kalendernokkel' },
      { name: 'an OpenID provider that is not one', 'oidc.id': '00000000-0000-4000-8000-000000000000' },
      {
        name: 'exempt case',
        ...solvik,
        'documents.id': exemptDoc.id,
        'cases.id': exempt.id,
        'sections.sectionId': sections.map((s) => s.id),
        'audit.entityType': 'case',
        'audit.entityId': exempt.id,
        'mandates.id': mandate.id,
        'analysis-tools.id': exemptTool.id,
      },
      { name: 'exempt case’s input', 'submissions.id': exemptInput.id, 'attachments.id': caseFile.id },
      { name: 'exempt case’s meeting', ...solvik, 'meetings.id': meeting.id },
      { name: 'round on the exempt case', ...solvik, 'rounds.id': exemptRound.id },
      {
        name: 'exempt case’s allocation',
        ...solvik,
        'allocation-cases.id': allocation.id,
        'scenarios.id': scenario.id,
        'export.format': ['json', 'csv', 'xlsx'],
        'sweeps.id': sweep.id,
        'imports.id': importJob.id,
        'datasets.id': dataset.id,
      },
      {
        name: 'open round’s case',
        ...solvik,
        'cases.id': open.id,
        'sections.sectionId': openSections.map((s) => s.id),
        'rounds.id': round.id,
      },
      {
        name: 'unpublished input',
        'submissions.id': input.id,
        'attachments.id': inputFile.id,
        'audit.entityType': 'submission',
        'audit.entityId': input.id,
      },
      {
        name: 'Nabovik',
        ...solvik,
        'cases.id': nCase.id,
        'documents.id': nDoc.id,
        'sections.sectionId': nSections.map((s) => s.id),
        'meetings.id': nMeeting.id,
        'rounds.id': nRound.id,
        'attachments.id': nFile.id,
        'bodies.id': nBody.id,
        'analysis-tools.id': nTool.id,
        'audit.entityType': 'case',
        'audit.entityId': nCase.id,
      },
    ];
  }, 180_000);
  afterAll(async () => {
    // Nabovik is kept without bodies for the tests that follow (tenancy.spec): its meeting and body go again.
    const nabovik = fixtures?.find((f) => f.name === 'Nabovik');
    if (nabovik) {
      await t.db.query(`DELETE FROM meeting WHERE id = $1`, [nabovik['meetings.id']]);
      await t.db.query(`DELETE FROM body WHERE id = $1`, [nabovik['bodies.id']]);
    }
    await t.close();
  });

  it('every GET route’s path parameters can be filled from the fixtures', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => fill(r.path, fixtures).length === 0).map((r) => r.path)).toEqual([]);
  });

  it('no role gets a marker it may not see from any GET route (body or headers), and nothing answers 5xx', async () => {
    const leaks: string[] = [];
    let calls = 0;
    for (const route of routes) {
      for (const { path, fixture } of fill(route.path, fixtures)) {
        for (const query of queries(route.path, { mandateItemId })) {
          for (const role of Object.keys(FORBIDDEN) as Role[]) {
            const res = await clients[role].request('GET', path + query);
            calls++;
            const text = asText(res.body) + [...res.headers.entries()].map(([k, v]) => `\n${k}: ${v}`).join('');
            const seen = FORBIDDEN[role].filter((marker) => text.includes(marker));
            if (seen.length) leaks.push(`${role} GET ${route.path}${query} (${fixture}): ${res.status}, shows ${seen.join(', ')}`);
            if (res.status >= 500) leaks.push(`${role} GET ${route.path}${query} (${fixture}): ${res.status}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(routes.length * 6);
    expect(leaks).toEqual([]);
    // Some thousand requests (innsyn's public routes added some hundred): more than the default 30 s on a busy machine.
  }, 180_000);

  it('the officer, who may read everything, does see the markers (the fixtures hold what they claim)', async () => {
    const [c] = fixtures.filter((f) => f.name === 'exempt case');
    expect(asText((await officer.request('GET', `/api/cases/${c!['cases.id'] as string}`)).body)).toContain(EXEMPT);
    const [r] = fixtures.filter((f) => f.name === 'open round’s case');
    expect(asText((await officer.request('GET', `/api/cases/${r!['cases.id'] as string}/input-summary`)).body)).toContain(INPUT);
    expect(asText((await clients.otherAdmin.request('GET', '/api/cases')).body)).toContain(OTHER);
    // An invitee reads the round on the exempt case wherever it is listed (roundReadableSql), the case by its public title.
    const [c2] = fixtures.filter((f) => f.name === 'exempt case');
    const mandate = asText((await clients.fau.request('GET', `/api/mandates/${c2!['mandates.id'] as string}`)).body);
    expect(mandate).toContain(ROUND);
    expect(mandate).toContain('Elevsak – unntatt offentlighet');
  });

  it('no notice or digest the roles are sent carries a marker they may not see', async () => {
    const notices: { payload: { userIds: string[]; title: string; body: string } }[] = await t.db.query(
      `SELECT payload FROM outbox WHERE job = 'notify' AND created_at >= $1`,
      [startedAt],
    );
    const leaks: string[] = [];
    for (const role of Object.keys(FORBIDDEN) as Role[]) {
      const userId = clients[role].userId;
      if (!userId) continue;
      for (const n of notices.filter((x) => x.payload.userIds.includes(userId))) {
        const seen = FORBIDDEN[role].filter((marker) => JSON.stringify(n.payload).includes(marker));
        if (seen.length) leaks.push(`${role}: notice «${n.payload.title}» shows ${seen.join(', ')}`);
      }
      const [user] = await t.db.query(`SELECT id, name FROM app_user WHERE id = $1`, [userId]);
      const digest = await buildDigest(t.db, user, 'http://samrad.test', new Date());
      const seen = FORBIDDEN[role].filter((marker) => digest?.text.includes(marker));
      if (seen.length) leaks.push(`${role}: digest shows ${seen.join(', ')}`);
    }
    expect(leaks).toEqual([]);
  });
});
