import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import grimstad from '../src/seed/grimstad-2009.input.json' with { type: 'json' };
import { routeTable } from '../src/platform/http/route-table.js';
import { DEMO, bringBefore, login, startTestApp, type Client, type TestApp } from './harness.js';

type Row = Record<string, unknown>;

/** One PATCH route: how to make a fresh record, read it back, and one new value per field it may change. */
interface Target {
  route: string;
  client: () => Client;
  create: () => Promise<{ path: string; read: () => Promise<Row> }>;
  /** Each is sent alone (with the version); every other field must stay as it was. */
  fields: Row;
  /** Fields that follow from a field when it is sent (e.g. a scenario's result from its overrides). */
  derived?: Record<string, string[]>;
  /** Parts of the read record that are not the record's own fields. */
  ignore?: string[];
  /** How the read record shows a sent field, when it differs from what was sent. */
  shown?: Record<string, (sent: unknown) => [string, unknown]>;
}

/** Deep equality, whatever order a JSON column keeps the keys in. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Row)[k], (b as Row)[k]));
}

/** Never compared: they change with every write. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'computedAt', 'late']);

describe('a PATCH changes only the fields it is sent (every PATCH route)', () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let mandateId: string;
  let caseItemId: string;
  let bodyId: string;
  let allocationId: string;
  let modelVersionId: string;
  let datasetId: string;
  let decisionId: string;
  let decidedCaseId: string;
  let analysisItemId: string;
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    admin = await login(t.url, DEMO.admin);
    bodyId = (await officer.request('GET', '/api/bodies')).body.bodies[0].id;
    mandateId = (await officer.request('POST', '/api/mandates', { title: 'Mandat for delvise endringer', endDate: '2027-11-30' })).body.id;
    caseItemId = (await officer.request('POST', `/api/mandates/${mandateId}/items`, { number: 991, title: 'Punkt for saken' })).body.id;
    const c = (await officer.request('POST', '/api/cases', { title: 'Fordeling for delvise endringer' })).body;
    allocationId = (
      await officer.request('POST', '/api/allocation-cases', { caseId: c.id, budgetYear: 2027, title: 'Ramme for delvise endringer' })
    ).body.id;
    const imported = await officer.request('POST', `/api/allocation-cases/${allocationId}/datasets`, {
      name: 'Grimstad 2009',
      format: 'json',
      content: JSON.stringify(grimstad),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    datasetId = imported.body.id;
    modelVersionId = imported.body.modelVersionId;
    // A vedtak to follow up.
    const decided = (await officer.request('POST', '/api/cases', { title: 'Vedtak til oppfølging' })).body;
    decidedCaseId = decided.id;
    await bringBefore(officer, decided.id, [bodyId]);
    decisionId = (
      await officer.request('POST', `/api/cases/${decided.id}/decisions`, { bodyId, decidedOn: '2026-11-12', text: 'Vedtatt.' })
    ).body.id;
    const demoMandate = (await officer.request('GET', '/api/mandates')).body.mandates[0].id;
    analysisItemId = (await officer.request('GET', `/api/mandates/${demoMandate}`)).body.items[0].id;
  });
  afterAll(async () => {
    // The administrator's language was changed by PATCH /api/auth/me: back to following the målform for the other files.
    const me = (await admin.request('GET', '/api/auth/me')).body;
    if (me.language !== null) await admin.request('PATCH', '/api/auth/me', { version: me.version, language: null });
    await t.close();
  });

  const created = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const omit = (row: Row, keys: string[]) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k) && !BOOKKEEPING.has(k)));

  const targets = (): Target[] => [
    {
      route: '/api/auth/me',
      client: () => admin,
      create: async () => {
        const read = async () => (await admin.request('GET', '/api/auth/me')).body;
        const now = await read();
        // Back to following the målform, so the field sent is a change.
        if (now.language !== null) await admin.request('PATCH', '/api/auth/me', { version: now.version, language: null });
        return { path: '/api/auth/me', read };
      },
      fields: { language: 'en' },
    },
    {
      route: '/api/cases/:id',
      client: () => officer,
      create: async () => {
        const c = created(
          await officer.request('POST', '/api/cases', {
            title: `Unntatt sak ${++n}`,
            access: 'exempt',
            legalBasis: 'offentleglova § 14',
            publicTitle: 'Skjermet tittel',
          }),
        );
        return { path: `/api/cases/${c.id}`, read: async () => (await officer.request('GET', `/api/cases/${c.id}`)).body };
      },
      fields: {
        title: 'Ny tittel på saken',
        mandateItemId: caseItemId,
        references: ['sak 7/21', 'Kommunestyrets vedtak om skolestruktur'],
      },
      shown: {
        mandateItemId: (id) => ['mandateItem', { id, number: 991, title: 'Punkt for saken' }],
        references: (texts) => [
          'references',
          (texts as string[]).map((text) => ({ text, kind: null, caseId: null, number: null, title: null, body: null })),
        ],
      },
    },
    {
      route: '/api/mandates/:id',
      client: () => officer,
      create: async () => {
        const m = created(
          await officer.request('POST', '/api/mandates', {
            title: `Mandat ${++n}`,
            description: 'Beskrivelsen står',
            adoptedByBodyId: bodyId,
            adoptedCaseNumber: '12/26',
            adoptedDate: '2026-02-01',
            endDate: '2027-06-30',
          }),
        );
        return { path: `/api/mandates/${m.id}`, read: async () => (await officer.request('GET', `/api/mandates/${m.id}`)).body };
      },
      ignore: ['items'],
      fields: {
        title: 'Nytt mandatnavn',
        description: 'Ny beskrivelse',
        adoptedCaseNumber: '13/26',
        adoptedDate: '2026-03-01',
        endDate: '2027-12-31',
        adoptedByBodyId: null,
        adoptedDecisionId: decisionId,
      },
      derived: { adoptedByBodyId: ['adoptedBy'], adoptedDecisionId: ['adoptedDecision'] },
    },
    {
      route: '/api/follow-ups/:id',
      client: () => officer,
      create: async () => {
        const f = created(
          await officer.request('POST', `/api/decisions/${decisionId}/follow-ups`, {
            title: `Oppgave ${++n}`,
            ownerId: officer.userId,
            dueDate: '2027-01-15',
            status: 'in_progress',
            notes: 'Notatet står',
          }),
        );
        const read = async () =>
          ((await officer.request('GET', `/api/cases/${decidedCaseId}/follow-ups`)).body.decisions as { tasks: Row[] }[])
            .flatMap((d) => d.tasks)
            .find((x) => x.id === f.id)!;
        return { path: `/api/follow-ups/${f.id}`, read };
      },
      fields: { title: 'Ny oppgave', dueDate: '2027-02-01', status: 'done', notes: 'Nytt notat', ownerId: null },
      shown: { ownerId: (v) => ['owner', v] },
    },
    {
      route: '/api/mandates/:id/items/:itemId',
      client: () => officer,
      create: async () => {
        const number = ++n;
        const item = created(
          await officer.request('POST', `/api/mandates/${mandateId}/items`, {
            number,
            title: `Punkt ${number}`,
            description: 'Beskrivelse',
            ownerId: officer.userId,
            dueDate: '2027-05-01',
            status: 'in_progress',
          }),
        );
        const read = async () =>
          (await officer.request('GET', `/api/mandates/${mandateId}`)).body.items.find((i: { id: string }) => i.id === item.id);
        return { path: `/api/mandates/${mandateId}/items/${item.id}`, read };
      },
      ignore: ['work'],
      fields: {
        title: 'Nytt punktnavn',
        number: 900,
        description: 'Ny beskrivelse',
        dueDate: '2027-09-01',
        status: 'in_review',
        ownerId: null,
      },
      shown: { ownerId: (v) => ['owner', v] },
    },
    {
      route: '/api/scenarios/:id',
      client: () => officer,
      create: async () => {
        const s = created(
          await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, {
            name: `Scenario ${++n}`,
            modelVersionId,
            datasetId,
            frameChange: -1000000,
            overrides: [{ criterion: 'perPupil', stage: 'barnetrinn', rate: { nok: 45000 } }],
            adjustments: [{ unit: 'eide', amount: 50000, reason: 'Særskilt behov' }],
          }),
        );
        return { path: `/api/scenarios/${s.id}`, read: async () => (await officer.request('GET', `/api/scenarios/${s.id}`)).body };
      },
      fields: {
        name: 'Nytt navn',
        overrides: [{ criterion: 'perPupil', stage: 'barnetrinn', rate: { nok: 46000 } }],
        adjustments: [{ unit: 'eide', amount: 70000, reason: 'Større behov' }],
        frameChange: -2000000,
      },
      derived: Object.fromEntries(['overrides', 'adjustments', 'frameChange'].map((f) => [f, ['input', 'inputHash', 'result']])),
    },
    {
      route: '/api/analysis-tools/:id',
      client: () => officer,
      create: async () => {
        const caseId = (await officer.request('POST', '/api/cases', { title: `Analyse ${++n}` })).body.id;
        const peers = (name: string, cost: number) => ({
          format: 'samrad.peer-comparison/v1',
          own: { name: 'Egen', costPerChild: 62344, children6to15: 2900 },
          peers: [{ name, costPerChild: cost }],
        });
        const a = created(
          await officer.request('POST', '/api/analysis-tools', {
            kind: 'peers',
            caseId,
            title: `Analyse ${n}`,
            input: peers('Nabo', 51829),
          }),
        );
        const read = async () => {
          const body = (await officer.request('GET', `/api/analysis-tools/${a.id}`)).body;
          return { ...body, mandateItemId: body.mandateItem?.id ?? null };
        };
        return { path: `/api/analysis-tools/${a.id}`, read };
      },
      ignore: ['mandateItem'],
      fields: {
        title: 'Ny tittel på analysen',
        mandateItemId: analysisItemId,
        input: {
          format: 'samrad.peer-comparison/v1',
          own: { name: 'Egen', costPerChild: 62344, children6to15: 2900 },
          peers: [{ name: 'Annen nabo', costPerChild: 49170 }],
        },
      },
      derived: { input: ['result'] },
    },
    {
      route: '/api/oidc-providers/:id',
      client: () => admin,
      create: async () => {
        // Made off, so the log-in page of the other files is not changed by these.
        const p = created(
          await admin.request('POST', '/api/oidc-providers', {
            name: `Delvis innlogging ${++n}`,
            kind: 'entra',
            issuer: 'https://login.microsoftonline.com/delvis/v2.0',
            clientId: 'delvis',
            clientSecret: 'hemmelig',
            scopes: 'openid email profile',
            claim: 'email',
            allowedRoles: ['case_officer'],
            defaultRole: 'participant',
            enabled: false,
          }),
        );
        const read = async () =>
          (await admin.request('GET', '/api/oidc-providers')).body.providers.find((x: { id: string }) => x.id === p.id);
        return { path: `/api/oidc-providers/${p.id}`, read };
      },
      fields: {
        name: 'Feide (skolene)',
        kind: 'feide',
        issuer: 'https://auth.dataporten.no',
        clientId: 'ny-klient',
        scopes: 'openid email',
        claim: 'mail',
        allowedRoles: ['member', 'participant'],
        autoCreate: true,
        defaultRole: 'case_officer',
        enabled: true,
      },
    },
    {
      route: '/api/users/:id',
      client: () => admin,
      create: async () => {
        const u = created(
          await admin.request('POST', '/api/users', {
            email: `delvis${++n}.${Date.now()}@solvik.kommune.test`,
            name: 'Delvis Endret',
            title: 'Rektor',
            isCaseOfficer: true,
          }),
        );
        const read = async () => (await admin.request('GET', '/api/users')).body.users.find((x: { id: string }) => x.id === u.id);
        return { path: `/api/users/${u.id}`, read };
      },
      fields: { name: 'Nytt Navn', title: 'Inspektør', isCaseOfficer: false, isAdmin: true, status: 'disabled' },
    },
    {
      route: '/api/bodies/:id',
      client: () => officer,
      create: async () => {
        const b = created(
          await officer.request('POST', '/api/bodies', {
            kind: 'reference_group',
            name: `Gruppe ${++n}`,
            description: 'Beskrivelsen står',
            parentId: bodyId,
          }),
        );
        return { path: `/api/bodies/${b.id}`, read: async () => (await officer.request('GET', `/api/bodies/${b.id}`)).body };
      },
      ignore: ['members'],
      fields: { name: 'Nytt organnavn', kind: 'working_group', description: 'Ny beskrivelse', parentId: null },
    },
    {
      route: '/api/bodies/:id/members/:memberId',
      client: () => officer,
      create: async () => {
        const b = created(await officer.request('POST', '/api/bodies', { kind: 'working_group', name: `Medlemsgruppe ${++n}` }));
        const ms = created(
          await officer.request('POST', `/api/bodies/${b.id}/members`, {
            userId: officer.userId,
            role: 'member',
            capacity: 'politician',
            party: 'Partiet',
            side: 'posisjon',
            school: 'Nordby skole',
            validFrom: '2026-01-01',
            validTo: '2027-12-31',
          }),
        );
        const read = async () =>
          (await officer.request('GET', `/api/bodies/${b.id}`)).body.members.find((x: { id: string }) => x.id === ms.id);
        return { path: `/api/bodies/${b.id}/members/${ms.id}`, read };
      },
      fields: {
        role: 'chair',
        party: 'Et annet parti',
        side: 'opposisjon',
        school: null,
        validFrom: '2026-02-01',
        validTo: '2028-06-30',
        capacity: 'other',
      },
    },
  ];

  it('has a target for every PATCH route of the app', () => {
    const patches = routeTable(t.app)
      .filter((r) => r.method === 'PATCH')
      .map((r) => r.path)
      .sort();
    expect(patches).toEqual(
      targets()
        .map((x) => x.route)
        .sort(),
    );
  });

  it('sends each field alone with the version: that field changes, every other field stays as it was', async () => {
    const problems: string[] = [];
    for (const target of targets()) {
      for (const [field, value] of Object.entries(target.fields)) {
        const { path, read } = await target.create();
        const before = await read();
        const res = await target.client().request('PATCH', path, { version: before.version, [field]: value });
        if (res.status !== 200) {
          problems.push(`${target.route} {${field}}: ${res.status} ${JSON.stringify(res.body)}`);
          continue;
        }
        const after = await read();
        const [shownAs, shownValue] = target.shown?.[field]?.(value) ?? [field, value];
        if (!same(after[shownAs], shownValue)) problems.push(`${target.route} {${field}}: not stored (${JSON.stringify(after[shownAs])})`);
        const skip = [field, shownAs, ...(target.derived?.[field] ?? []), ...(target.ignore ?? [])];
        const unchanged = omit(before, skip);
        const now = omit(after, skip);
        for (const key of Object.keys(unchanged)) {
          if (!same(now[key], unchanged[key])) {
            problems.push(
              `${target.route} {${field}}: ${key} changed from ${JSON.stringify(unchanged[key]).slice(0, 120)} to ${JSON.stringify(now[key]).slice(0, 120)}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('an explicit null clears a nullable field; an unknown field is refused with a Norwegian field error', async () => {
    const item = created(
      await officer.request('POST', `/api/mandates/${mandateId}/items`, { number: 990, title: 'Punkt med frist', dueDate: '2027-05-01' }),
    );
    const cleared = await officer.request('PATCH', `/api/mandates/${mandateId}/items/${item.id}`, { version: item.version, dueDate: null });
    expect(cleared.status).toBe(200);
    const back = (await officer.request('GET', `/api/mandates/${mandateId}`)).body.items.find((i: { id: string }) => i.id === item.id);
    expect(back.dueDate).toBeNull();
    const unknown = await officer.request('PATCH', `/api/mandates/${mandateId}/items/${item.id}`, { version: back.version, colour: 'rød' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'colour', message: 'Feltet finnes ikke eller kan ikke endres her' }]);
  });

  it('a membership’s rules are checked on the stored membership with the patch applied', async () => {
    const b = created(await officer.request('POST', '/api/bodies', { kind: 'working_group', name: 'Regelgruppe' }));
    const ms = created(
      await officer.request('POST', `/api/bodies/${b.id}/members`, {
        userId: officer.userId,
        role: 'member',
        capacity: 'other',
        validFrom: '2026-01-01',
      }),
    );
    // Becoming a politician needs a side: none is stored and none is sent.
    const noSide = await officer.request('PATCH', `/api/bodies/${b.id}/members/${ms.id}`, { version: ms.version, capacity: 'politician' });
    expect(noSide.status).toBe(400);
    expect(noSide.body.errors).toEqual([{ path: 'side', message: 'En politiker må ha side (posisjon eller opposisjon)' }]);
    // An end before the stored start is refused, though the start is not sent.
    const early = await officer.request('PATCH', `/api/bodies/${b.id}/members/${ms.id}`, { version: ms.version, validTo: '2025-12-31' });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ path: 'validTo', message: 'Sluttdato kan ikke være før startdato' }]);
  });
});
