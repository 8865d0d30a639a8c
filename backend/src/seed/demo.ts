import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../modules/auth/password.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, OTHER_MUNICIPALITY_ADMIN } from './demo-people.js';

export const DEMO_ORG_NUMBER = '999000001';
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
    const muni = await insertReturningId(m, `INSERT INTO municipality (name, org_number) VALUES ($1, $2)`, ['Solvik kommune', DEMO_ORG_NUMBER]);
    const users: Record<string, string> = {};
    for (const p of DEMO_PEOPLE) {
      users[p.key] = await insertReturningId(
        m,
        `INSERT INTO app_user (municipality_id, email, name, title, password_hash, status, is_admin, is_case_officer) VALUES ($1,$2,$3,$4,$5,'active',$6,$7)`,
        [muni, p.email, p.name, p.title, hash, p.isAdmin ?? false, p.isCaseOfficer ?? false],
      );
    }
    const body = (kind: string, name: string, description: string, parent: string | null = null) =>
      insertReturningId(m, `INSERT INTO body (municipality_id, kind, name, description, parent_id) VALUES ($1,$2,$3,$4,$5)`, [muni, kind, name, description, parent]);
    const council = await body('council', 'Kommunestyret', 'Kommunens øverste politiske organ.');
    const du = await body('political_committee', 'Driftsutvalget', 'Fast politisk utvalg for drift. Styringsgruppe for oppfølgingen av ressursanalysen i skolen, og gir innstilling til formell politisk behandling.', council);
    const wg = await body('working_group', 'Arbeidsgruppen for skoleoppfølging', 'Driftsutvalgets medlemmer, to kommunestyremedlemmer (posisjon og opposisjon) og hovedtillitsvalgte i Utdanningsforbundet og Fagforbundet, sammen med administrasjonen. Drøfter det administrasjonen forbereder.', du);
    const admin = await body('administration', 'Administrasjonen, oppvekst', 'Kommunedirektørens stab: utreder og forbereder hvert område i mandatet.');
    const leaders = await body('reference_group', 'Lederforum oppvekst', 'Referansegruppe: rektorer og styrere.', wg);
    const kfu = await body('reference_group', 'KFU – kommunalt foreldreutvalg', 'Referansegruppe: overordnet organ for FAU ved skolene.', wg);
    const su = await body('reference_group', 'Samarbeidsutvalg, Nordby skole', 'Referansegruppe: skolens samarbeidsutvalg.', wg);
    const youth = await body('reference_group', 'Ungdomsrådet', 'Referansegruppe: formelt organ for barn og unge.', wg);
    const udfClub = await body('reference_group', 'Utdanningsforbundet Solvik', 'Referansegruppe: lokallaget av Utdanningsforbundet (klubbmøter i sektoren).', wg);
    const ffClub = await body('reference_group', 'Fagforbundet Solvik', 'Referansegruppe: fagforeningen i Fagforbundet (klubbmøter i sektoren).', wg);

    const from = `${year}-01-01`;
    const member = (bodyId: string, userKey: string, role: string, capacity: string, extra: { party?: string; side?: string; union?: string; school?: string } = {}) =>
      m.query(
        `INSERT INTO membership (municipality_id, body_id, user_id, role, capacity, party, side, "union", school, valid_from) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [muni, bodyId, users[userKey], role, capacity, extra.party ?? null, extra.side ?? null, extra.union ?? null, extra.school ?? null, from],
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
    await member(leaders, 'principal', 'member', 'other', { school: 'Nordby skole' });
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
      ['Samarbeid i oppvekstsektoren', 'Vurdere konkrete forbedringer i samarbeidet innen oppvekst: kultur, struktur og innhold, tverrfaglige funksjoner og arbeidsprosesser.', 'director', `${year}-09-30`, 'in_progress'],
      ['Skolestruktur', 'Utrede og foreslå endringer i skolestrukturen ut fra framtidig økonomisk bærekraft og kvalitetskrav.', 'director', `${year}-10-31`, 'in_progress'],
      ['Ressurstildelingsmodellen', 'Vurdere endringer i ressurstildelingsmodellen for skolene.', 'officer', `${year}-10-15`, 'in_review'],
      ['Skolelederrollen', 'Vurdere tiltak som styrker skolelederrollen.', 'officer', `${year}-09-15`, 'not_started'],
      ['Økte inntekter', 'Se på tiltak for økte inntekter: ekstern finansiering og tilskuddsordningen for ressurskrevende brukere.', 'director', `${year}-08-31`, 'in_progress'],
      ['Spesialundervisning', 'Evaluere spesialundervisningen: tildelingsmodell, tildeling til private skoler og forsterket avdeling.', 'officer', `${year}-10-31`, 'not_started'],
      ['Skolekonferanse', 'Gjennomføre skolekonferanse høsten med analysen, oppfølgingsordningen, tilstandsrapporten og Ungdata som grunnlag.', 'officer', `${year}-10-20`, 'done'],
      ['Politisk sak i november', 'Legge fram resultatet som egen politisk sak i november.', 'director', `${year}-11-30`, 'not_started'],
    ];
    let n = 1;
    for (const [title, description, owner, due, status] of items) {
      await m.query(
        `INSERT INTO mandate_item (municipality_id, mandate_id, number, title, description, owner_id, due_date, status) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [muni, mandate, n++, title, description, users[owner], due, status],
      );
    }

    // A second municipality: its administrator must never see Solvik's data.
    const other = await insertReturningId(m, `INSERT INTO municipality (name, org_number) VALUES ($1, $2)`, ['Nabovik kommune', OTHER_ORG_NUMBER]);
    await m.query(
      `INSERT INTO app_user (municipality_id, email, name, title, password_hash, status, is_admin) VALUES ($1,$2,$3,$4,$5,'active',true)`,
      [other, OTHER_MUNICIPALITY_ADMIN.email, OTHER_MUNICIPALITY_ADMIN.name, OTHER_MUNICIPALITY_ADMIN.title, hash],
    );
    return { created: true };
  });
}
