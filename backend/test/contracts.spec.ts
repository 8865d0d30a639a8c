import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseContracts } from '@samrad/shared/contracts';
import { routeTable, type RouteEntry } from '../src/platform/http/route-table.js';
import type { buildOpenApi } from '../src/modules/docs/openapi.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

/** Routes that take no request body (the rest validate theirs with a shared contract through ZodPipe). */
const NO_BODY = new Set([
  'POST /api/auth/logout',
  'POST /api/users/:id/resend-invite',
  'POST /api/meetings/:id/publish',
  'POST /api/meetings/:id/minutes/approval',
  'POST /api/notifications/:id/read',
  'DELETE /api/meetings/:id/registrations/me',
  'POST /api/calendar-tokens',
  'POST /api/integration-tokens/:id/revoke',
  'POST /api/users/:id/anonymise',
  // Files: the raw body is the file (sniffed and checked by the attachments and dataset services).
  'POST /api/cases/:id/attachments',
  'POST /api/rounds/:id/documents',
  'POST /api/submissions/:id/attachments',
  'POST /api/allocation-cases/:id/datasets/file',
  'POST /api/allocation-cases/:id/datasets/columns',
  'POST /api/analysis-tools/:id/peer-import',
]);

/**
 * Every route declares its answer (a JSON contract with @Returns, a file by its media type, or 204),
 * OpenAPI documents it, and the answers parse with their contracts. The harness runs the app with
 * CONTRACT_CHECK=1, so every answer in every backend test is parsed too (platform/http/contract-check.ts).
 */
describe('response contracts', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  let admin: Client;
  let officer: Client;
  beforeAll(async () => {
    // The administrator is an operator here, so the installation-wide routes (/metrics) are reached too;
    // the test clock's routes exist with TEST_CLOCK=1.
    t = await startTestApp({ OPERATOR_EMAILS: DEMO.admin, TEST_CLOCK: '1' });
    routes = routeTable(t.app);
    admin = await login(t.url, DEMO.admin);
    officer = await login(t.url, DEMO.officer);
  });
  afterAll(() => t.close());

  const name = (r: RouteEntry) => `${r.method} ${r.path}`;

  it('every route declares its successful answer', () => {
    expect(routes.length).toBeGreaterThan(90);
    const undeclared = routes.filter((r) => !r.returns && !r.file && r.status !== 204).map(name);
    expect(undeclared, 'routes without @Returns, @ReturnsFile or @HttpCode(204)').toEqual([]);
  });

  it('the shared table of operations (used by the frontend and its msw fixtures) names the same contract as each route', () => {
    const table = responseContracts as Record<string, unknown>;
    const json = routes.filter((r) => r.returns && !r.file);
    expect(json.filter((r) => table[name(r)] !== r.returns).map(name), 'routes whose @Returns differs from responseContracts').toEqual([]);
    const answered = new Set(json.map(name));
    expect(
      Object.keys(table).filter((op) => !answered.has(op)),
      'operations in responseContracts that no route answers',
    ).toEqual([]);
  });

  it('every route that changes something validates its body with a shared contract', () => {
    const unchecked = routes.filter((r) => r.method !== 'GET' && r.method !== 'DELETE' && !r.body && !NO_BODY.has(name(r))).map(name);
    expect(unchecked, 'routes whose body no ZodPipe validates').toEqual([]);
  });

  it('OpenAPI documents every response', async () => {
    const doc = (await officer.request('GET', '/api/openapi.json')).body as ReturnType<typeof buildOpenApi>;
    const missing: string[] = [];
    for (const r of routes) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()] as
        { responses: Record<string, { content?: Record<string, { schema?: unknown }> }>; requestBody?: unknown } | undefined;
      const ok = op?.responses[String(r.status)];
      if (!ok) missing.push(`${name(r)}: no ${r.status} response`);
      else if (r.status !== 204 && !Object.values(ok.content ?? {}).some((c) => c.schema)) missing.push(`${name(r)}: no schema`);
      if (r.body && !op?.requestBody) missing.push(`${name(r)}: no request body`);
    }
    expect(missing).toEqual([]);
  });

  it('every GET answers the demo data in its contract', async () => {
    const get = async (path: string, who = officer) => {
      const res = await who.request('GET', path);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body;
    };
    // Ids from the demo municipality: a case with rounds (one closed, with dispositions), a meeting with minutes, the allocation case.
    const cases = (await get('/api/cases')).cases as { id: string }[];
    const details = await Promise.all(cases.map((c) => get(`/api/cases/${c.id}`)));
    // The demo case with a closed round that holds submissions (other files add cases of their own).
    const roundsOf = async (c: { rounds: { id: string }[] }) => Promise.all(c.rounds.map((r) => get(`/api/rounds/${r.id}`)));
    let withRounds = details[0];
    let rounds: { id: string; submissions: { id: string }[] }[] = [];
    for (const c of details.filter((x) => x.rounds.length > 0)) {
      rounds = await roundsOf(c);
      withRounds = c;
      if (rounds.some((r) => r.submissions.length > 0)) break;
    }
    const submission = rounds.flatMap((r) => r.submissions)[0]!;
    const meeting = ((await get('/api/meetings')).meetings as { id: string }[])[0]!;
    const body = ((await get('/api/bodies')).bodies as { id: string }[])[0]!;
    const mandate = ((await get('/api/mandates')).mandates as { id: string }[])[0]!;
    const analysisTool = ((await get('/api/analysis-tools')).tools as { id: string }[])[0]!;
    // An allocation case with a scenario and a dataset (other files add cases that have neither).
    let allocationCase = ((await get('/api/allocation-cases')).allocationCases as { id: string }[])[0]!;
    let allocationDetail = await get(`/api/allocation-cases/${allocationCase.id}`);
    for (const a of (await get('/api/allocation-cases')).allocationCases as { id: string }[]) {
      if (allocationDetail.scenarios.length > 0 && allocationDetail.datasets.length > 0) break;
      allocationCase = a;
      allocationDetail = await get(`/api/allocation-cases/${a.id}`);
    }
    const scenario = allocationDetail.scenarios[0] as { id: string };
    const dataset = allocationDetail.datasets[0] as { id: string };
    // A sweep in the municipality that someone started through the API (read-rules.spec inserts one with a
    // synthetic result), or a new one: at most two wait per person.
    let [sweep] = (await t.db.query(
      `SELECT s.id FROM sweep s JOIN app_user u ON u.municipality_id = s.municipality_id WHERE u.email = $1 AND s.created_by IS NOT NULL LIMIT 1`,
      [DEMO.officer],
    )) as { id: string }[];
    if (!sweep) {
      const started = await officer.request('POST', `/api/scenarios/${scenario.id}/sweeps`, {
        criterion: 'perPupil',
        stage: 'barnetrinn',
        from: 40000,
        to: 50000,
        steps: 3,
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      sweep = started.body as { id: string };
    }
    const [importJob] = await t.db.query(
      `INSERT INTO import_job (municipality_id, allocation_case_id, name, format, content)
       SELECT municipality_id, id, 'Kontrakt', 'csv', '' FROM allocation_case WHERE id = $1 RETURNING id`,
      [allocationCase.id],
    );
    const attachment = await officer.request(
      'POST',
      `/api/cases/${withRounds.id}/attachments?filename=notat.pdf`,
      new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    );
    expect(attachment.status, JSON.stringify(attachment.body)).toBe(201);
    // Innsyn: a published public case, an open meeting and a round the public may read, and a calendar feed token.
    const [publicIds] = await t.db.query(
      `SELECT (SELECT c.id FROM case_file c WHERE c.municipality_id = m.id AND c.access = 'public' AND c.status <> 'draft' LIMIT 1) AS case_id,
              (SELECT mt.id FROM meeting mt WHERE mt.municipality_id = m.id AND mt.open LIMIT 1) AS meeting_id,
              (SELECT r.id FROM input_round r JOIN case_file c ON c.id = r.case_id
                WHERE r.municipality_id = m.id AND c.access = 'public' AND c.status <> 'draft' LIMIT 1) AS round_id,
              (SELECT s.id FROM scenario s JOIN allocation_case a ON a.id = s.allocation_case_id JOIN case_file c ON c.id = a.case_id
                WHERE a.municipality_id = m.id AND c.access = 'public' AND c.status <> 'draft' LIMIT 1) AS scenario_id
         FROM municipality m WHERE m.slug = 'solvik-kommune'`,
    );
    const feed = await officer.request('POST', '/api/calendar-tokens');
    expect(feed.status, JSON.stringify(feed.body)).toBe(201);
    // A generated document, and a closed case for the arkivuttrekk (closed by SQL: the lifecycle's way there is long).
    const document = await officer.request('POST', '/api/documents', { kind: 'case_presentation', caseId: withRounds.id });
    expect(document.status, JSON.stringify(document.body)).toBe(201);
    // Innsyn's document: the saksframlegg of the published public case.
    const publicDocument = await officer.request('POST', '/api/documents', { kind: 'case_presentation', caseId: publicIds.case_id });
    expect(publicDocument.status, JSON.stringify(publicDocument.body)).toBe(201);
    const closedCase = await officer.request('POST', '/api/cases', { title: 'Avsluttet sak til arkivet' });
    await t.db.query(`UPDATE case_file SET status = 'closed' WHERE id = $1`, [closedCase.body.id]);
    // Innsyn's vedlegg: a public attachment of the published public case.
    const publicAttachment = await officer.request(
      'POST',
      `/api/cases/${publicIds.case_id}/attachments?filename=offentlig.pdf`,
      new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    );
    expect(publicAttachment.status, JSON.stringify(publicAttachment.body)).toBe(201);
    const ids: Record<string, string> = {
      'GET /api/public/:slug/attachments/:id/file': publicAttachment.body.id,
      'GET /api/public/:slug/cases/:id': publicIds.case_id,
      'GET /api/public/:slug/meetings/:id': publicIds.meeting_id,
      'GET /api/public/:slug/rounds/:id': publicIds.round_id,
      'GET /api/public/:slug/documents/:id/file': publicDocument.body.id,
      'GET /api/public/:slug/scenarios/:id': publicIds.scenario_id,
      'GET /api/cases/:id': withRounds.id,
      'GET /api/cases/:id/arkivuttrekk': closedCase.body.id,
      'GET /api/documents/:id': document.body.id,
      'GET /api/rounds/:id': rounds[0]!.id,
      'GET /api/submissions/:id/versions': submission.id,
      'GET /api/meetings/:id': meeting.id,
      'GET /api/bodies/:id': body.id,
      'GET /api/mandates/:id': mandate.id,
      'GET /api/allocation-cases/:id': allocationCase.id,
      'GET /api/analysis-tools/:id': analysisTool.id,
      'GET /api/scenarios/:id': scenario.id,
      'GET /api/sweeps/:id': sweep.id,
      'GET /api/imports/:id': importJob.id,
      'GET /api/datasets/:id': dataset.id,
      'GET /api/attachments/:id': attachment.body.id,
    };
    const concrete = (r: RouteEntry) => {
      const byRoute = ids[name(r)] ?? ids[`GET ${r.path.replace(/^(\/api\/\w[\w-]*\/:id).*/, '$1')}`];
      const path = r.path
        .replace(':slug', 'solvik-kommune')
        .replace(':token', new URL(feed.body.url).pathname.split('/').pop()!)
        .replace(':entityType/:entityId', `body/${body.id}`)
        .replace(':sectionId', withRounds.sections[0].id)
        .replace(':format', 'csv')
        .replace(':id', byRoute ?? '');
      const query: Record<string, string> = {
        'GET /api/cases/:id/sections/:sectionId/diff': '?from=1&to=1',
        'GET /api/scenarios/:id/compare': '?against=budget',
        'GET /api/search': '?q=skole',
        'GET /api/inputs/mine': `?caseId=${withRounds.id}`,
      };
      return path + (query[name(r)] ?? '');
    };
    const checked: string[] = [];
    for (const r of routes.filter((x) => x.method === 'GET')) {
      if (r.path.includes(':') && !/:(id|entityType|entityId|sectionId|format|slug|token)\b/.test(r.path))
        throw new Error(`no id for ${name(r)}`);
      if (r.status === 303) {
        // A redirect (the OpenID log-in's start and callback): its answer is the redirect itself.
        const path = r.path.replace(':id', '00000000-0000-4000-8000-000000000000');
        expect((await fetch(t.url + path, { redirect: 'manual' })).status, name(r)).toBe(303);
        checked.push(name(r));
        continue;
      }
      const who = r.rules?.includes('authenticated') || r.rules?.includes('case_officer') || r.rules?.includes('public') ? officer : admin;
      const res = await who.request('GET', concrete(r));
      expect(res.status, `${name(r)} (${concrete(r)}): ${JSON.stringify(res.body)}`.slice(0, 500)).toBe(200);
      if (r.file) {
        expect(res.headers.get('content-type'), name(r)).toBeTruthy();
      } else {
        const parsed = r.returns!.safeParse(res.body);
        expect(parsed.success, `${name(r)}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
      checked.push(name(r));
    }
    expect(checked.length).toBe(routes.filter((x) => x.method === 'GET').length);
  });

  it('write responses match too', async () => {
    const create = routes.find((r) => r.method === 'POST' && r.path === '/api/bodies')!;
    const res = await admin.request('POST', '/api/bodies', { kind: 'reference_group', name: 'Kontraktsorgan' });
    expect(create.returns!.safeParse(res.body).success).toBe(true);
  });
});
