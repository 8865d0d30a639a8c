/**
 * The search's query plan on a few thousand rows, against a baseline in the same run: the same
 * statement with index scans turned off (what every search would cost without the GIN indexes on the
 * stored tsvectors of migration 1763800000610). Both run as SearchService runs the statement
 * (SEARCH_SETTINGS: without JIT; `SEARCH_PLAN_JIT=1` leaves JIT as the server has it). Run by hand, not
 * part of `npm test`:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx --tsconfig backend/tsconfig.json backend/test/perf/search-plan.ts
 *
 * It creates a scratch database of its own (`samrad_search_plan_<pid>`), migrates it, fills one
 * municipality with CASES cases (four sections each, a tenth of them exempt), as many inputs, a third as
 * many decisions and agenda items, and drops it afterwards. It prints the plans' index use and the
 * median execution time (EXPLAIN ANALYZE) of each question, for an officer and for a citizen (the
 * baseline is run once).
 */
import 'reflect-metadata';
import pg from 'pg';
import type { SearchQuery } from '@samrad/shared/contracts';
import { createDataSource } from '../../src/platform/database/data-source.js';
import { SEARCH_SETTINGS, SEARCH_SQL, searchValues } from '../../src/modules/search/search.service.js';

const CASES = Number(process.env.SEARCH_PLAN_CASES ?? 3000);
const RUNS = Number(process.env.SEARCH_PLAN_RUNS ?? 5);
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const scratch = new URL(base);
scratch.pathname = `/samrad_search_plan_${process.pid}`;

/** Norwegian words the generated texts are drawn from (the questions below use some, and one rare word). */
const WORDS = `skole elev lærer budsjett ressurs fordeling kommune utvalg vedtak innspill høring foreldre barnehage
  skolestruktur nedleggelse sammenslåing klassestørrelse spesialundervisning assistent rektor kostnad analyse
  modell ramme tildeling driftsutvalget kommunestyret referansegruppe tillitsvalgt uttalelse forslag vurdering
  bakgrunn fakta skolegrenser skolevei skyss gymsal uteområde vedlikehold investering økonomi plan strategi`
  .split(/\s+/)
  .filter(Boolean);

async function fill(db: pg.Client) {
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  const text = (n: number) =>
    `(SELECT string_agg((${words})[1 + floor(random() * ${WORDS.length})::int], ' ') FROM generate_series(1, ${n} + (g * 0)) x)`;
  await db.query(`
    INSERT INTO municipality (id, name, org_number) VALUES ('00000000-0000-0000-0000-000000000001', 'Plankommune', '999999999');
    INSERT INTO app_user (id, municipality_id, email, name, title, status)
      VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'a@plan.test', 'Saksbehandler', 'Rådgiver', 'active');
    INSERT INTO body (id, municipality_id, kind, name)
      VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001', 'political_committee', 'Driftsutvalget');
    INSERT INTO case_file (id, municipality_id, archive_year, archive_seq, title, access, legal_basis, public_title)
      SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 2026, g, ${text(6)},
             CASE WHEN g % 10 = 0 THEN 'exempt' ELSE 'public' END,
             CASE WHEN g % 10 = 0 THEN 'offentleglova § 13' END,
             CASE WHEN g % 10 = 0 THEN 'Elevsak' END
        FROM generate_series(1, ${CASES}) g;
    -- One rare word, in the title of one case.
    UPDATE case_file SET title = title || ' fjellgrend' WHERE archive_seq = 7;
    INSERT INTO case_section (case_id, kind, position)
      SELECT c.id, k.kind, k.position FROM case_file c CROSS JOIN (VALUES ('background', 1), ('facts', 2), ('assessment', 3), ('proposal', 4)) k(kind, position);
    INSERT INTO case_section_version (section_id, version, text)
      SELECT s.id, 1, ${text(80).replace('(g * 0)', '(s.position * 0)')} FROM case_section s;
    INSERT INTO submission (municipality_id, case_id, author_id, capacity, idempotency_key)
      SELECT c.municipality_id, c.id, '00000000-0000-0000-0000-000000000002', 'own_capacity', c.id::text FROM case_file c;
    INSERT INTO submission_version (submission_id, version, text, sha256)
      SELECT s.id, 1, ${text(60).replace('(g * 0)', '(s.current_version * 0)')}, 'x' FROM submission s;
    INSERT INTO decision (municipality_id, case_id, body_id, decided_on, text)
      SELECT c.municipality_id, c.id, '00000000-0000-0000-0000-000000000003', '2026-11-01', ${text(40).replace('(g * 0)', '(c.archive_seq * 0)')}
        FROM case_file c WHERE c.archive_seq % 3 = 0;
    INSERT INTO meeting (id, municipality_id, body_id, title, starts_at, agenda_published_at)
      SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000003', 'Møte ' || g, now(), now()
        FROM generate_series(1, ${Math.ceil(CASES / 30)}) g;
    INSERT INTO agenda_item (meeting_id, case_id, position, minutes)
      SELECT m.id, c.id, c.archive_seq, ${text(30).replace('(g * 0)', '(c.archive_seq * 0)')}
        FROM case_file c JOIN LATERAL (SELECT id FROM meeting ORDER BY id OFFSET (c.archive_seq % ${Math.ceil(CASES / 30)}) LIMIT 1) m ON true
       WHERE c.archive_seq % 3 = 1;
    ANALYZE;
  `);
}

interface Plan {
  'Execution Time': number;
  Plan: unknown;
}

async function measure(db: pg.Client, q: SearchQuery, officer: boolean, indexes: boolean) {
  const reader = {
    municipalityId: '00000000-0000-0000-0000-000000000001',
    userId: officer ? '00000000-0000-0000-0000-000000000002' : '00000000-0000-0000-0000-00000000000f',
    roles: new Set(officer ? ['case_officer'] : []) as never,
    bodyIds: new Set<string>(),
  };
  // As SearchService runs it (SEARCH_SETTINGS, there per transaction; SEARCH_PLAN_JIT=1 measures with JIT as the server is configured).
  const settings = process.env.SEARCH_PLAN_JIT === '1' ? '' : `${SEARCH_SETTINGS.replace('SET LOCAL', 'SET')};`;
  await db.query(`${settings} SET enable_bitmapscan = ${indexes ? 'on' : 'off'}; SET enable_indexscan = ${indexes ? 'on' : 'off'}`);
  const times: number[] = [];
  let plan = '';
  const runs = indexes ? RUNS : 1; // the baseline is slow enough that one run tells
  for (let i = 0; i < runs; i++) {
    const res = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${SEARCH_SQL}`, searchValues(reader, q, new Date()));
    const [p] = res.rows[0]['QUERY PLAN'] as Plan[];
    times.push(p!['Execution Time']);
    plan = JSON.stringify(p!.Plan);
  }
  times.sort((a, b) => a - b);
  const used = [...new Set(plan.match(/"Index Name":"[a-z_]+_search_idx"/g) ?? [])].map((m) => m.slice(14, -1)).sort();
  return { ms: times[Math.floor(runs / 2)]!, used };
}

async function main() {
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratch.pathname.slice(1)}"`);
  try {
    const ds = await createDataSource({ DATABASE_URL: scratch.toString() }, { poolSize: 1 }).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    const db = new pg.Client({ connectionString: scratch.toString() });
    await db.connect();
    const started = Date.now();
    await fill(db);
    const counts = (
      await db.query(`SELECT (SELECT count(*) FROM case_file) AS cases, (SELECT count(*) FROM case_section_version) AS sections,
      (SELECT count(*) FROM submission) AS inputs, (SELECT count(*) FROM decision) AS decisions, (SELECT count(*) FROM agenda_item) AS items`)
    ).rows[0];
    console.log(`filled in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    console.log('| question | reader | with GIN indexes (median ms) | indexes used | without (seq scans, ms) | ratio |');
    console.log('|---|---|---|---|---|---|');
    const questions: [string, SearchQuery][] = [
      ['a rare word (one case)', { q: 'fjellgrend', limit: 20, offset: 0 }],
      ['a phrase', { q: '"skolegrenser skyss"', limit: 20, offset: 0 }],
      ['a common word, first page', { q: 'gymsal', limit: 20, offset: 0 }],
    ];
    for (const [label, q] of questions) {
      for (const officer of [true, false]) {
        const fast = await measure(db, q, officer, true);
        const slow = await measure(db, q, officer, false);
        console.log(
          `| ${label} (\`${q.q}\`) | ${officer ? 'officer' : 'citizen'} | ${fast.ms.toFixed(1)} | ${fast.used.length} | ${slow.ms.toFixed(1)} | ${(slow.ms / fast.ms).toFixed(1)}× |`,
        );
      }
    }
    await db.end();
  } finally {
    if (process.env.SEARCH_PLAN_KEEP) console.log(`kept ${scratch.pathname.slice(1)}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${scratch.pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
