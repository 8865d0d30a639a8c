import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { allocate, ENGINE_VERSION, parseAllocationInput } from '@samrad/shared/engine';
import { buildInput, inputHash, modelOf } from '../modules/allocation/allocation-input.js';
import { hashPassword } from '../modules/auth/password.js';
import grimstad from './grimstad-2009.input.json' with { type: 'json' };
import { DEMO_PASSWORD, DEMO_PEOPLE, OTHER_MUNICIPALITY_ADMIN } from './demo-people.js';
import { demoPdf } from './demo-pdf.js';
import { GRIMSTAD_2009_CONTROL } from './grimstad-2009.control.js';
import { seedAnalysis } from './analysis-demo.js';
import { seedMainScenario, withBudget2009 } from './allocation-budget-demo.js';

export const DEMO_ORG_NUMBER = '999000001';

interface SeedRefs {
  muni: string;
  users: Record<string, string>;
  bodies: Record<'council' | 'du' | 'wg' | 'kfu' | 'youth' | 'udfClub' | 'ffClub', string>;
  mandate: string;
  year: number;
}

const DAY = 86400_000;

/**
 * The Grimstad 2009 model as an allocation case on the distribution-model case, with the original
 * budget and a NOK 5.1 million cut as scenarios, and comments from a union representative and a parent.
 */
async function seedAllocation(m: EntityManager, muni: string, users: Record<string, string>): Promise<void> {
  const [caseRow] = (await m.query(
    `SELECT id FROM case_file WHERE municipality_id = $1 AND title = 'Ny ressursfordelingsmodell for grunnskolen'`,
    [muni],
  )) as { id: string }[];
  const allocationCase = await insertReturningId(
    m,
    `INSERT INTO allocation_case (municipality_id, case_id, budget_year, title) VALUES ($1,$2,$3,$4)`,
    [muni, caseRow!.id, 2009, 'Ressursfordeling grunnskolen – budsjett 2009 (Grimstad-modellen)'],
  );
  const doc = grimstad as unknown as Record<string, unknown>;
  // The schools' published 2009 budget on each unit (allocation-budget-demo.ts), for Tabell 4-3 and 4-5.
  const units = withBudget2009((doc.units as { id: string; counts?: Record<string, number> }[]) ?? []);
  const dataset = await insertReturningId(
    m,
    `INSERT INTO allocation_dataset (allocation_case_id, name, source, units, created_by) VALUES ($1,$2,'json',$3,$4)`,
    [allocationCase, 'GSI-tall, gjennomsnitt 2008/09 og 2009/10', JSON.stringify(units), users.officer],
  );
  // The control calculation (rules and hours per unit) is part of the model version.
  const model = { ...modelOf(doc), control: GRIMSTAD_2009_CONTROL };
  const version = await insertReturningId(
    m,
    `INSERT INTO model_version (allocation_case_id, number, label, model, created_by) VALUES ($1,1,$2,$3,$4)`,
    [allocationCase, 'Forenklet modell (kapittel 4)', JSON.stringify(model), users.officer],
  );
  const scenario = async (name: string, frameChange: number | null) => {
    const id = await insertReturningId(
      m,
      `INSERT INTO scenario (allocation_case_id, name, model_version_id, dataset_id, frame_change, created_by) VALUES ($1,$2,$3,$4,$5,$6)`,
      [allocationCase, name, version, dataset, frameChange, users.officer],
    );
    const input = parseAllocationInput(buildInput(model, units as never, { frame: null, frameChange, overrides: [], adjustments: [] }));
    await m.query(
      `INSERT INTO scenario_result (scenario_id, scenario_version, engine_version, input_hash, input, result) VALUES ($1,1,$2,$3,$4,$5)`,
      [id, ENGINE_VERSION, inputHash(input), JSON.stringify(input), JSON.stringify(allocate(input))],
    );
    return id;
  };
  const original = await scenario('Opprinnelig budsjett 2009', null);
  await seedMainScenario(m, allocationCase, original);
  const cut = await scenario('Rammereduksjon 5,1 mill.', -5100000);
  const comment = (author: string, unit: string | null, text: string) =>
    m.query(`INSERT INTO comment (municipality_id, case_id, scenario_id, unit_id, author_id, text) VALUES ($1,$2,$3,$4,$5,$6)`, [
      muni,
      caseRow!.id,
      cut,
      unit,
      users[author],
      text,
    ]);
  await comment(
    'udf',
    null,
    'Et kutt på 5,1 mill. gir om lag 3 % lavere satser for alle skoler. Utdanningsforbundet ber om at konsekvensene for lærernormen vurderes skole for skole.',
  );
  await comment(
    'fau',
    'holviga-b',
    'Holviga B hadde allerede negativ fri ressurs i kontrollberegningen. Hvordan skal skolen oppfylle minstetimetallet etter kuttet?',
  );
  await comment('officer', 'holviga-b', 'Administrasjonen vurderer en justering for Holviga B i neste scenario.');
}

/**
 * Two cases from the mandate: one with an open input round, and one that has been through a closed
 * round with dispositions, the steering group's innstilling, a meeting with agenda and minutes, and
 * decisions in Driftsutvalget and Kommunestyret.
 */
async function seedCaseWorkflow(m: EntityManager, r: SeedRefs): Promise<void> {
  const now = Date.now();
  const yy = String(r.year).slice(2);
  const item = async (n: number) =>
    ((await m.query(`SELECT id FROM mandate_item WHERE mandate_id = $1 AND number = $2`, [r.mandate, n])) as { id: string }[])[0]!.id;
  const counter = async (scope: string, owner: string) =>
    (
      (await m.query(
        `INSERT INTO number_counter (scope, owner_id, year, last) VALUES ($1,$2,$3,1) ON CONFLICT (scope, owner_id, year) DO UPDATE SET last = number_counter.last + 1 RETURNING last`,
        [scope, owner, r.year],
      )) as { last: number }[]
    )[0]!.last;
  const newCase = async (
    title: string,
    itemNo: number,
    sections: [string, string, string, string],
    route = [r.bodies.wg, r.bodies.du, r.bodies.council],
  ) => {
    const id = await insertReturningId(
      m,
      `INSERT INTO case_file (municipality_id, archive_year, archive_seq, title, mandate_item_id, officer_id, status) VALUES ($1,$2,$3,$4,$5,$6,'draft')`,
      [r.muni, r.year, await counter('archive', r.muni), title, await item(itemNo), r.users.officer],
    );
    for (const [i, kind] of ['background', 'facts', 'assessment', 'proposal'].entries()) {
      const section = await insertReturningId(m, `INSERT INTO case_section (case_id, kind, position) VALUES ($1,$2,$3)`, [id, kind, i + 1]);
      await m.query(`INSERT INTO case_section_version (section_id, version, text, author_id) VALUES ($1, 1, $2, $3)`, [
        section,
        sections[i],
        r.users.officer,
      ]);
    }
    for (const [i, body] of route.entries()) {
      await m.query(`INSERT INTO case_route_step (case_id, body_id, position, committee_number) VALUES ($1,$2,$3,$4)`, [
        id,
        body,
        i + 1,
        `${await counter('committee', body)}/${yy}`,
      ]);
    }
    return id;
  };
  /**
   * The phases a case went through, as the lifecycle (shared/src/domain/case-lifecycle.ts) allows them
   * (draft, then each move with its date, and the body when before one); the case is left in the last.
   */
  const phases = async (caseId: string, steps: [phase: string, at: Date, bodyId?: string][]) => {
    for (const [phase, at, bodyId] of steps) {
      await m.query(`INSERT INTO case_phase (municipality_id, case_id, phase, body_id, entered_at, actor_id) VALUES ($1,$2,$3,$4,$5,$6)`, [
        r.muni,
        caseId,
        phase,
        bodyId ?? null,
        at,
        r.users.officer,
      ]);
    }
    const [phase, at, bodyId] = steps[steps.length - 1]!;
    await m.query(`UPDATE case_file SET status = $2, phase_body_id = $3, created_at = $4, updated_at = $5 WHERE id = $1`, [
      caseId,
      phase,
      bodyId ?? null,
      steps[0]![1],
      at,
    ]);
  };
  const submit = async (
    roundId: string | null,
    caseId: string,
    body: string | null,
    author: string,
    text: string,
    at: Date,
    key: string,
  ) => {
    const id = await insertReturningId(
      m,
      `INSERT INTO submission (municipality_id, round_id, case_id, body_id, author_id, capacity, idempotency_key, submitted_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8)`,
      [r.muni, roundId, caseId, body, r.users[author], body ? 'on_behalf_of_body' : 'own_capacity', key, at],
    );
    await m.query(`INSERT INTO submission_version (submission_id, version, text, sha256, created_at) VALUES ($1, 1, $2, $3, $4)`, [
      id,
      text,
      createHash('sha256').update(text).digest('hex'),
      at,
    ]);
    if (roundId && body)
      await m.query(`UPDATE round_invitation SET status = 'answered' WHERE round_id = $1 AND body_id = $2`, [roundId, body]);
    return id;
  };
  const round = async (caseId: string, title: string, questions: string, opens: Date, closes: Date, closed: boolean) => {
    const id = await insertReturningId(
      m,
      `INSERT INTO input_round (municipality_id, case_id, title, questions, opens_at, closes_at, closed_at, created_by, publish_after_close) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,true)`,
      [r.muni, caseId, title, questions, opens, closes, closed ? closes : null, r.users.officer],
    );
    for (const body of [r.bodies.kfu, r.bodies.udfClub, r.bodies.ffClub, r.bodies.youth])
      await m.query(`INSERT INTO round_invitation (round_id, body_id) VALUES ($1,$2)`, [id, body]);
    return id;
  };

  // 1. The distribution model: in preparation, with an open input round.
  const model = await newCase('Ny ressursfordelingsmodell for grunnskolen', 3, [
    'Analysen av ressursbruken viste at skolene får ulik ressurs per elev uten at forskjellene kan forklares med objektive forhold.',
    'Kommunen har ti enheter (sju barnetrinn og tre ungdomstrinn). Rammen for 2027 er redusert med 5,1 mill. kroner.',
    'En fordelingsmodell med kriterier for elevtall, basisressurs per skole, elever med store behov og minoritetsspråklige elever gir en forutsigbar og etterprøvbar fordeling.',
    'Driftsutvalget vedtar at skolenes ramme fra 2027 fordeles etter den foreslåtte ressursfordelingsmodellen.',
  ]);
  await phases(model, [
    ['draft', new Date(now - 20 * DAY)],
    ['in_preparation', new Date(now - 12 * DAY)],
    ['input_round', new Date(now - 5 * DAY)],
  ]);
  const openRound = await round(
    model,
    'Innspill til ny ressursfordelingsmodell',
    'Hvilke kriterier mener dere er viktigst, og hva betyr modellen for deres skole?',
    new Date(now - 5 * DAY),
    new Date(now + 10 * DAY),
    false,
  );
  await submit(
    openRound,
    model,
    r.bodies.udfClub,
    'udf',
    'Utdanningsforbundet støtter objektive kriterier, men basisressursen per skole må være stor nok til at små skoler kan oppfylle lærernormen.',
    new Date(now - 2 * DAY),
    'seed-udf-open',
  );
  // The case's documents: a summary of the analysis, and the round's own background note.
  const attach = async (owner: { caseId?: string; roundId?: string }, filename: string, content: Buffer) =>
    m.query(
      `INSERT INTO attachment (municipality_id, case_id, round_id, filename, media_type, size_bytes, sha256, content, uploaded_by) VALUES ($1,$2,$3,$4,'application/pdf',$5,$6,$7,$8)`,
      [
        r.muni,
        owner.caseId ?? null,
        owner.roundId ?? null,
        filename,
        content.length,
        createHash('sha256').update(content).digest('hex'),
        content,
        r.users.officer,
      ],
    );
  await attach(
    { caseId: model },
    'Analyse av ressursbruk i skolen – sammendrag.pdf',
    demoPdf('Analyse av ressursbruk i skolen – sammendrag', [
      'Skolene får ulik ressurs per elev, og forskjellene kan ikke forklares med objektive forhold.',
      'Analysen anbefaler en ressursfordelingsmodell med objektive kriterier:',
      '– elevtall, med vekting av 1. trinn,',
      '– en basisressurs per skole,',
      '– elever med store behov og minoritetsspråklige elever.',
      'Rammen for 2027 er redusert med 5,1 mill. kroner.',
    ]),
  );
  await attach(
    { roundId: openRound },
    'Spørsmål til innspillsrunden.pdf',
    demoPdf('Innspill til ny ressursfordelingsmodell', [
      '1. Hvilke kriterier mener dere er viktigst?',
      '2. Hva betyr modellen for deres skole?',
      '3. Hvordan bør overgangen til ny modell skje?',
    ]),
  );

  // A principal is invited in their own right, besides the bodies.
  await m.query(`INSERT INTO round_person_invitation (round_id, user_id) VALUES ($1,$2)`, [openRound, r.users.principal]);

  // School conferences (skolekonferanser) on the model: one held two days ago, whose input joined the
  // case, and one ahead that people can still register for.
  const conference = async (title: string, at: Date, place: string) => {
    const id = await insertReturningId(
      m,
      `INSERT INTO meeting (municipality_id, body_id, kind, title, starts_at, place, agenda_published_at) VALUES ($1,$2,'school_conference',$3,$4,$5,$6)`,
      [r.muni, r.bodies.kfu, title, at, place, new Date(now - 7 * DAY)],
    );
    await m.query(`INSERT INTO agenda_item (meeting_id, case_id, position) VALUES ($1,$2,1)`, [id, model]);
    return id;
  };
  const held = await conference('Skolekonferanse: ny ressursfordelingsmodell (sør)', new Date(now - 2 * DAY), 'Nordby skole, aulaen');
  for (const [key, representing] of [
    ['fau', 'FAU Nordby skole'],
    ['su', 'Samarbeidsutvalget, Nordby skole'],
    ['principal', 'Nordby skole'],
  ] as const) {
    await m.query(
      `INSERT INTO meeting_registration (meeting_id, user_id, municipality_id, representing, created_at) VALUES ($1,$2,$3,$4,$5)`,
      [held, r.users[key], r.muni, representing, new Date(now - 6 * DAY)],
    );
  }
  const fromConference = await submit(
    null,
    model,
    null,
    'su',
    'Fra konferansen: foreldrene ber om at skyssavhengige elever får et eget kriterium, og at overgangen skjer over to år.',
    new Date(now - 2 * DAY + 3600_000),
    'seed-conference-su',
  );
  await m.query(`UPDATE submission SET meeting_id = $2 WHERE id = $1`, [fromConference, held]);
  const ahead = await conference(
    'Skolekonferanse: ny ressursfordelingsmodell (nord)',
    new Date(now + 4 * DAY),
    'Solvik ungdomsskole, kantina',
  );
  await m.query(`INSERT INTO meeting_registration (meeting_id, user_id, municipality_id, representing) VALUES ($1,$2,$3,$4)`, [
    ahead,
    r.users.kfu,
    r.muni,
    'KFU',
  ]);

  // 2. Income measures: through a closed round with dispositions, innstilling, a meeting and decisions.
  // Its route: Driftsutvalget, then Kommunestyret (which decides).
  const income = await newCase(
    'Tiltak for økte inntekter i oppvekstsektoren',
    5,
    [
      'Mandatets punkt 5 ber om tiltak for økte inntekter, blant annet tilskuddsordningen for ressurskrevende brukere.',
      'Kommunen har ikke søkt refusjon for alle brukere som kunne kvalifisert.',
      'Systematisk gjennomgang av vedtak vil gi økte refusjoner.',
      'Kommunestyret ber kommunedirektøren etablere rutiner for søknad om tilskudd for ressurskrevende brukere.',
    ],
    [r.bodies.du, r.bodies.council],
  );
  await phases(income, [
    ['draft', new Date(now - 60 * DAY)],
    ['in_preparation', new Date(now - 50 * DAY)],
    ['input_round', new Date(now - 45 * DAY)],
    ['recommended', new Date(now - 29 * DAY)],
    ['before_body', new Date(now - 28 * DAY), r.bodies.du],
    ['before_body', new Date(now - 21 * DAY), r.bodies.council],
    ['decided', new Date(now - 10 * DAY)],
  ]);
  const closedRound = await round(
    income,
    'Innspill til tiltak for økte inntekter',
    'Har dere forslag til inntektstiltak?',
    new Date(now - 45 * DAY),
    new Date(now - 30 * DAY),
    true,
  );
  const s1 = await submit(
    closedRound,
    income,
    r.bodies.kfu,
    'kfu',
    'KFU ber om at økte inntekter ikke går på bekostning av tilbudet til elevene.',
    new Date(now - 35 * DAY),
    'seed-kfu-closed',
  );
  const s2 = await submit(
    closedRound,
    income,
    r.bodies.ffClub,
    'ff',
    'Fagforbundet foreslår at assistentressursen vurderes i sammenheng med refusjonene.',
    new Date(now - 33 * DAY),
    'seed-ff-closed',
  );
  await m.query(`UPDATE round_invitation SET status = 'no_comment' WHERE round_id = $1 AND body_id = $2`, [closedRound, r.bodies.youth]);
  const proposal = (
    (await m.query(`SELECT id FROM case_section WHERE case_id = $1 AND kind = 'proposal'`, [income])) as { id: string }[]
  )[0]!.id;
  await m.query(`INSERT INTO disposition (submission_id, outcome, reason, section_id, recorded_by) VALUES ($1,'adopted',$2,$3,$4)`, [
    s1,
    'Presisert i forslag til vedtak at refusjonene skal komme tjenestene til gode.',
    proposal,
    r.users.officer,
  ]);
  await m.query(`INSERT INTO disposition (submission_id, outcome, reason, recorded_by) VALUES ($1,'noted',$2,$3)`, [
    s2,
    'Tas med i arbeidet med spesialundervisning (mandatets punkt 6).',
    r.users.officer,
  ]);
  await m.query(
    `INSERT INTO recommendation (municipality_id, case_id, body_id, text, recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6)`,
    [
      r.muni,
      income,
      r.bodies.du,
      'Driftsutvalget innstiller til kommunestyret: Kommunestyret ber kommunedirektøren etablere rutiner for søknad om tilskudd for ressurskrevende brukere, slik at refusjonene kommer tjenestene til gode.',
      r.users.officer,
      new Date(now - 29 * DAY),
    ],
  );
  const meetingAt = new Date(now - 21 * DAY);
  const meeting = await insertReturningId(
    m,
    // Held three weeks ago; its protocol approved (godkjent) a week later, so innsyn shows it.
    `INSERT INTO meeting (municipality_id, body_id, title, starts_at, place, agenda_published_at, minutes_approved_at, minutes_approved_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [
      r.muni,
      r.bodies.du,
      'Møte i Driftsutvalget',
      meetingAt,
      'Kommunestyresalen, rådhuset',
      new Date(now - 28 * DAY),
      new Date(now - 14 * DAY),
      r.users.officer,
    ],
  );
  const duNumber = (
    (await m.query(`SELECT committee_number FROM case_route_step WHERE case_id = $1 AND body_id = $2`, [income, r.bodies.du])) as {
      committee_number: string;
    }[]
  )[0]!.committee_number;
  const decisionDu = await insertReturningId(
    m,
    `INSERT INTO decision (municipality_id, case_id, body_id, committee_number, decided_on, text, motions, recorded_by, meeting_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      r.muni,
      income,
      r.bodies.du,
      duNumber,
      new Date(meetingAt).toISOString().slice(0, 10),
      'Driftsutvalget slutter seg til innstillingen og sender saken til kommunestyret.',
      JSON.stringify([{ motion: 'Innstillingen', proposedBy: 'Leder', for: 5, against: 0, adopted: true }]),
      r.users.officer,
      meeting,
    ],
  );
  await m.query(
    `INSERT INTO agenda_item (meeting_id, case_id, position, committee_number, minutes, decision_id) VALUES ($1,$2,1,$3,$4,$5)`,
    [
      meeting,
      income,
      duNumber,
      'Saksbehandler orienterte. Innspillene fra KFU og Fagforbundet ble gjennomgått. Innstillingen ble enstemmig vedtatt.',
      decisionDu,
    ],
  );
  for (const key of ['chair', 'deputy', 'du3', 'du4'])
    await m.query(`INSERT INTO attendance (meeting_id, user_id, status) VALUES ($1,$2,'present')`, [meeting, r.users[key]]);
  await m.query(
    `INSERT INTO attendance (meeting_id, user_id, status, substitute_name) VALUES ($1,$2,'substitute','Vararepresentant, Parti D')`,
    [meeting, r.users.du5],
  );
  // Habilitet: a member declared themselves disqualified, the body agreed, and a substitute voted in their place.
  const duItem = ((await m.query(`SELECT id FROM agenda_item WHERE meeting_id = $1`, [meeting])) as { id: string }[])[0]!.id;
  await m.query(
    `INSERT INTO impartiality_declaration (municipality_id, meeting_id, agenda_item_id, case_id, user_id, declared_by, recorded_by, reason, legal_basis,
                                           decision, decision_text, decided_at, decided_by, substitute_user_id, created_at)
     VALUES ($1,$2,$3,$4,$5,'self',$5,$6,'fvl_6_2','disqualified',$7,$8,$9,$10,$11)`,
    [
      r.muni,
      meeting,
      duItem,
      income,
      r.users.du3,
      'Er ansatt i tjenesten som søker om refusjonene, og har en særlig interesse i utfallet.',
      'Medlemmet er inhabil etter forvaltningsloven § 6 andre ledd og fratrer under behandlingen av saken.',
      meetingAt,
      r.users.officer,
      r.users.councilPos,
      new Date(now - 22 * DAY),
    ],
  );
  await m.query(`UPDATE agenda_item SET voter_ids = $2 WHERE id = $1`, [
    duItem,
    [r.users.chair, r.users.deputy, r.users.du4, r.users.du5, r.users.councilPos],
  ]);
  const ksNumber = (
    (await m.query(`SELECT committee_number FROM case_route_step WHERE case_id = $1 AND body_id = $2`, [income, r.bodies.council])) as {
      committee_number: string;
    }[]
  )[0]!.committee_number;
  await m.query(
    `INSERT INTO decision (municipality_id, case_id, body_id, committee_number, decided_on, text, motions, recorded_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [
      r.muni,
      income,
      r.bodies.council,
      ksNumber,
      new Date(now - 10 * DAY).toISOString().slice(0, 10),
      'Kommunestyret ber kommunedirektøren etablere rutiner for søknad om tilskudd for ressurskrevende brukere, slik at refusjonene kommer tjenestene til gode.',
      JSON.stringify([
        { motion: 'Innstillingen fra Driftsutvalget', proposedBy: 'Driftsutvalget', for: 21, against: 6, adopted: true },
        { motion: 'Utsette saken til budsjettbehandlingen', proposedBy: 'Parti B', for: 6, against: 21, adopted: false },
      ]),
      r.users.officer,
    ],
  );
}
const OTHER_ORG_NUMBER = '999000002';

async function insertReturningId(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: { id: string }[] = await m.query(sql + ' RETURNING id', params);
  return rows[0]!.id;
}

/**
 * Demo data modelled on the 2021 follow-up mandate: a municipality whose Driftsutvalget steers the
 * work, a working group with council members from both sides and the chief union representatives,
 * reference groups, and the mandate with its eight items. Idempotent: does nothing when present.
 */
export async function seedDemo(db: DataSource, options: { year?: number } = {}): Promise<{ created: boolean }> {
  const year = options.year ?? new Date().getFullYear();
  const yy = String(year).slice(2);
  return db.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(4242)`);
    const existing = await m.query(`SELECT id FROM municipality WHERE org_number = $1`, [DEMO_ORG_NUMBER]);
    if (existing.length > 0) return { created: false };

    const hash = await hashPassword(DEMO_PASSWORD);
    const muni = await insertReturningId(m, `INSERT INTO municipality (name, org_number, contact_email) VALUES ($1, $2, $3)`, [
      'Solvik kommune',
      DEMO_ORG_NUMBER,
      'postmottak@solvik.kommune.test',
    ]);
    const users: Record<string, string> = {};
    for (const p of DEMO_PEOPLE) {
      users[p.key] = await insertReturningId(
        m,
        `INSERT INTO app_user (municipality_id, email, name, title, password_hash, status, is_admin, is_case_officer, email_notifications, digest) VALUES ($1,$2,$3,$4,$5,'active',$6,$7,$8,$9)`,
        [
          muni,
          p.email,
          p.name,
          p.title,
          hash,
          p.isAdmin ?? false,
          p.isCaseOfficer ?? false,
          p.emailNotifications ?? true,
          p.digest ?? 'off',
        ],
      );
    }
    const body = (kind: string, name: string, description: string, parent: string | null = null) =>
      insertReturningId(m, `INSERT INTO body (municipality_id, kind, name, description, parent_id) VALUES ($1,$2,$3,$4,$5)`, [
        muni,
        kind,
        name,
        description,
        parent,
      ]);
    const council = await body('council', 'Kommunestyret', 'Kommunens øverste politiske organ.');
    const du = await body(
      'political_committee',
      'Driftsutvalget',
      'Fast politisk utvalg for drift. Styringsgruppe for oppfølgingen av ressursanalysen i skolen, og gir innstilling til formell politisk behandling.',
      council,
    );
    const wg = await body(
      'working_group',
      'Arbeidsgruppen for skoleoppfølging',
      'Driftsutvalgets medlemmer, to kommunestyremedlemmer (posisjon og opposisjon) og hovedtillitsvalgte i Utdanningsforbundet og Fagforbundet, sammen med administrasjonen. Drøfter det administrasjonen forbereder.',
      du,
    );
    const admin = await body(
      'administration',
      'Administrasjonen, oppvekst',
      'Kommunedirektørens stab: utreder og forbereder hvert område i mandatet.',
    );
    const leaders = await body('reference_group', 'Lederforum oppvekst', 'Referansegruppe: rektorer og styrere.', wg);
    const kfu = await body(
      'reference_group',
      'KFU – kommunalt foreldreutvalg',
      'Referansegruppe: overordnet organ for FAU ved skolene.',
      wg,
    );
    const su = await body('reference_group', 'Samarbeidsutvalg, Nordby skole', 'Referansegruppe: skolens samarbeidsutvalg.', wg);
    const youth = await body('reference_group', 'Ungdomsrådet', 'Referansegruppe: formelt organ for barn og unge.', wg);
    const udfClub = await body(
      'reference_group',
      'Utdanningsforbundet Solvik',
      'Referansegruppe: lokallaget av Utdanningsforbundet (klubbmøter i sektoren).',
      wg,
    );
    const ffClub = await body(
      'reference_group',
      'Fagforbundet Solvik',
      'Referansegruppe: fagforeningen i Fagforbundet (klubbmøter i sektoren).',
      wg,
    );

    const from = `${year}-01-01`;
    const member = (
      bodyId: string,
      userKey: string,
      role: string,
      capacity: string,
      extra: { party?: string; side?: string; union?: string; school?: string } = {},
    ) =>
      m.query(
        `INSERT INTO membership (municipality_id, body_id, user_id, role, capacity, party, side, "union", school, valid_from) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [
          muni,
          bodyId,
          users[userKey],
          role,
          capacity,
          extra.party ?? null,
          extra.side ?? null,
          extra.union ?? null,
          extra.school ?? null,
          from,
        ],
      );
    const duMembers: [string, string, string, string][] = [
      ['chair', 'chair', 'Parti A', 'posisjon'],
      ['deputy', 'deputy_chair', 'Parti B', 'opposisjon'],
      ['du3', 'member', 'Parti A', 'posisjon'],
      ['du4', 'member', 'Parti C', 'opposisjon'],
      ['du5', 'member', 'Parti D', 'posisjon'],
    ];
    for (const [key, role, party, side] of duMembers) {
      await member(du, key, role, 'politician', { party, side });
      await member(wg, key, role === 'chair' ? 'chair' : 'member', 'politician', { party, side });
    }
    await member(du, 'officer', 'secretary', 'administration');
    await member(council, 'councilPos', 'member', 'politician', { party: 'Parti A', side: 'posisjon' });
    await member(council, 'councilOpp', 'member', 'politician', { party: 'Parti B', side: 'opposisjon' });
    await member(council, 'chair', 'member', 'politician', { party: 'Parti A', side: 'posisjon' });
    await member(wg, 'councilPos', 'member', 'politician', { party: 'Parti A', side: 'posisjon' });
    await member(wg, 'councilOpp', 'member', 'politician', { party: 'Parti B', side: 'opposisjon' });
    await member(wg, 'udf', 'member', 'union_representative', { union: 'Utdanningsforbundet' });
    await member(wg, 'ff', 'member', 'union_representative', { union: 'Fagforbundet' });
    await member(wg, 'officer', 'secretary', 'administration');
    await member(wg, 'director', 'member', 'administration');
    await member(admin, 'director', 'chair', 'administration');
    await member(admin, 'officer', 'member', 'administration');
    // The rektor leads Nordby skole: a unit leader, who writes the consequence assessments of the measures that concern it.
    await member(leaders, 'principal', 'member', 'unit_leader', { school: 'Nordby skole' });
    await member(kfu, 'kfu', 'chair', 'parent_representative', { school: 'Sørli skole' });
    await member(kfu, 'fau', 'member', 'parent_representative', { school: 'Nordby skole' });
    await member(su, 'su', 'chair', 'parent_representative', { school: 'Nordby skole' });
    await member(su, 'principal', 'secretary', 'other', { school: 'Nordby skole' });
    await member(youth, 'youth', 'chair', 'youth_representative');
    await member(udfClub, 'udf', 'chair', 'union_representative', { union: 'Utdanningsforbundet' });
    await member(ffClub, 'ff', 'chair', 'union_representative', { union: 'Fagforbundet' });

    const mandate = await insertReturningId(
      m,
      `INSERT INTO mandate (municipality_id, title, description, adopted_by_body_id, adopted_case_number, adopted_date, end_date) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [
        muni,
        'Oppfølging av analysen av ressursbruk i skolen',
        `Kommunestyret tok analysen av ressursbruken i skolene til orientering (Driftsutvalget sak 7/${yy}, Kommunestyret sak 11/${yy}). Arbeidsgruppen skal utrede og foreslå tiltak, og resultatet legges fram som egen politisk sak i november.`,
        council,
        `11/${yy}`,
        `${year}-03-24`,
        `${year}-11-30`,
      ],
    );
    const items: [string, string, string, string, string][] = [
      [
        'Samarbeid i oppvekstsektoren',
        'Vurdere konkrete forbedringer i samarbeidet innen oppvekst: kultur, struktur og innhold, tverrfaglige funksjoner og arbeidsprosesser.',
        'director',
        `${year}-09-30`,
        'in_progress',
      ],
      [
        'Skolestruktur',
        'Utrede og foreslå endringer i skolestrukturen ut fra framtidig økonomisk bærekraft og kvalitetskrav.',
        'director',
        `${year}-10-31`,
        'in_progress',
      ],
      ['Ressurstildelingsmodellen', 'Vurdere endringer i ressurstildelingsmodellen for skolene.', 'officer', `${year}-10-15`, 'in_review'],
      ['Skolelederrollen', 'Vurdere tiltak som styrker skolelederrollen.', 'officer', `${year}-09-15`, 'not_started'],
      [
        'Økte inntekter',
        'Se på tiltak for økte inntekter: ekstern finansiering og tilskuddsordningen for ressurskrevende brukere.',
        'director',
        `${year}-08-31`,
        'in_progress',
      ],
      [
        'Spesialundervisning',
        'Evaluere spesialundervisningen: tildelingsmodell, tildeling til private skoler og forsterket avdeling.',
        'officer',
        `${year}-10-31`,
        'not_started',
      ],
      [
        'Skolekonferanse',
        'Gjennomføre skolekonferanse høsten med analysen, oppfølgingsordningen, tilstandsrapporten og Ungdata som grunnlag.',
        'officer',
        `${year}-10-20`,
        'done',
      ],
      ['Politisk sak i november', 'Legge fram resultatet som egen politisk sak i november.', 'director', `${year}-11-30`, 'not_started'],
    ];
    let n = 1;
    for (const [title, description, owner, due, status] of items) {
      await m.query(
        `INSERT INTO mandate_item (municipality_id, mandate_id, number, position, title, description, owner_id, due_date, status) VALUES ($1,$2,$3,$3,$4,$5,$6,$7,$8)`,
        [muni, mandate, n++, title, description, users[owner], due, status],
      );
    }

    await seedCaseWorkflow(m, { muni, users, bodies: { council, du, wg, kfu, youth, udfClub, ffClub }, mandate, year });
    await seedAllocation(m, muni, users);
    await seedAnalysis(m, muni, mandate, users);

    // A second municipality: its administrator must never see Solvik's data.
    const other = await insertReturningId(m, `INSERT INTO municipality (name, org_number) VALUES ($1, $2)`, [
      'Nabovik kommune',
      OTHER_ORG_NUMBER,
    ]);
    await m.query(
      `INSERT INTO app_user (municipality_id, email, name, title, password_hash, status, is_admin) VALUES ($1,$2,$3,$4,$5,'active',true)`,
      [other, OTHER_MUNICIPALITY_ADMIN.email, OTHER_MUNICIPALITY_ADMIN.name, OTHER_MUNICIPALITY_ADMIN.title, hash],
    );
    return { created: true };
  });
}
