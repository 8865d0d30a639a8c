/**
 * The baseline: a minimal Fastify + pg server doing the same queries as Samråd's endpoints, without
 * the framework, the guard, the validation or the error mapping. Samråd is measured as a ratio of it.
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { allocate, parseAllocationInput } from '@samrad/shared/engine';

export async function startBaseline(databaseUrl: string, port: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  // An idle connection ended by the server (the database dropped at the end of a run) is no crash.
  pool.on('error', () => undefined);
  const app = Fastify({ logger: false });
  const session = async (cookie: string | undefined) => {
    const token = /samrad_session=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
    const hash = createHash('sha256').update(token).digest('hex');
    const { rows } = await pool.query(
      `SELECT s.user_id, s.municipality_id, s.csrf_token, u.is_admin, u.is_case_officer,
              (SELECT array_agg(m.body_id) FROM membership m
                WHERE m.user_id = u.id AND m.valid_from <= (now() AT TIME ZONE 'Europe/Oslo')::date AND (m.valid_to IS NULL OR m.valid_to >= (now() AT TIME ZONE 'Europe/Oslo')::date)) AS body_ids
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id_hash = $1 AND s.expires_at > now() AND u.status = 'active'`,
      [hash],
    );
    return rows[0] as { user_id: string; municipality_id: string; body_ids: string[] } | undefined;
  };
  app.get('/tasks', async (req, reply) => {
    const s = await session(req.headers.cookie);
    if (!s) return reply.code(401).send();
    // The same five queries as TasksService.forUser (a member: no officer role).
    const bodyIds = s.body_ids ?? [];
    const now = new Date();
    const [rounds, meetings, decisions, unread, review] = await Promise.all([
      pool.query(
        `SELECT r.id, r.title, r.closes_at, i.body_id, b.name AS body_name, i.status, i.extended_until, c.id AS case_id, c.archive_year, c.archive_seq,
                (CASE WHEN c.access = 'public' OR ((c.access = 'public' OR $5 OR EXISTS (SELECT 1 FROM case_route_step crs WHERE crs.case_id = c.id AND crs.body_id = ANY($2::uuid[])))) THEN c.title ELSE c.public_title END) AS case_title, coalesce(i.extended_until, r.closes_at) AS deadline
           FROM input_round r JOIN round_invitation i ON i.round_id = r.id JOIN body b ON b.id = i.body_id
           LEFT JOIN case_file c ON c.id = r.case_id
          WHERE r.municipality_id = $1 AND i.body_id = ANY($2::uuid[]) AND r.closed_at IS NULL AND coalesce(i.extended_until, r.closes_at) > $3
         UNION ALL
         SELECT r.id, r.title, r.closes_at, NULL, NULL, p.status, NULL, c.id, c.archive_year, c.archive_seq,
                (CASE WHEN c.access = 'public' OR ((c.access = 'public' OR $5 OR EXISTS (SELECT 1 FROM case_route_step crs WHERE crs.case_id = c.id AND crs.body_id = ANY($2::uuid[])))) THEN c.title ELSE c.public_title END), r.closes_at
           FROM input_round r JOIN round_person_invitation p ON p.round_id = r.id AND p.user_id = $4
           LEFT JOIN case_file c ON c.id = r.case_id
          WHERE r.municipality_id = $1 AND r.closed_at IS NULL AND r.closes_at > $3
          ORDER BY deadline`,
        [s.municipality_id, bodyIds, now, s.user_id, false],
      ),
      pool.query(
        `SELECT mt.id, mt.title, mt.starts_at, mt.place, b.name AS body_name FROM meeting mt JOIN body b ON b.id = mt.body_id
          WHERE mt.municipality_id = $1 AND (mt.body_id = ANY($2::uuid[]) OR $4) AND mt.starts_at > $3 ORDER BY mt.starts_at LIMIT 5`,
        [s.municipality_id, bodyIds, now, false],
      ),
      pool.query(
        `SELECT d.id, d.decided_on, d.committee_number, b.name AS body_name, c.id AS case_id,
                (CASE WHEN c.access = 'public' OR ((c.access = 'public' OR $3 OR EXISTS (SELECT 1 FROM case_route_step crs WHERE crs.case_id = c.id AND crs.body_id = ANY($2::uuid[])))) THEN c.title ELSE c.public_title END) AS title
           FROM decision d JOIN body b ON b.id = d.body_id JOIN case_file c ON c.id = d.case_id
          WHERE d.municipality_id = $1 AND (d.body_id = ANY($2::uuid[]) OR $3) ORDER BY d.decided_on DESC LIMIT 5`,
        [s.municipality_id, bodyIds, false],
      ),
      pool.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [s.user_id]),
      pool.query(
        `SELECT c.id, c.archive_year, c.archive_seq, c.title FROM case_file c JOIN case_route_step r ON r.case_id = c.id
          WHERE c.municipality_id = $1 AND r.body_id = ANY($2::uuid[]) AND c.status IN ('working_group','recommended') ORDER BY c.updated_at DESC LIMIT 10`,
        [s.municipality_id, bodyIds],
      ),
    ]);
    return {
      openRounds: rounds.rows,
      meetings: meetings.rows,
      decisions: decisions.rows,
      unreadNotifications: unread.rows[0].n,
      casesToReview: review.rows,
    };
  });
  app.get('/cases/:id', async (req, reply) => {
    const s = await session(req.headers.cookie);
    if (!s) return reply.code(401).send();
    const id = (req.params as { id: string }).id;
    const c = await pool.query(`SELECT * FROM case_file WHERE id = $1 AND municipality_id = $2`, [id, s.municipality_id]);
    const [sections, route, recs, decs, rounds] = await Promise.all([
      pool.query(
        `SELECT s.id, s.kind, v.text FROM case_section s JOIN case_section_version v ON v.section_id = s.id AND v.version = s.current_version WHERE s.case_id = $1`,
        [id],
      ),
      pool.query(`SELECT r.body_id, b.name FROM case_route_step r JOIN body b ON b.id = r.body_id WHERE r.case_id = $1`, [id]),
      pool.query(`SELECT * FROM recommendation WHERE case_id = $1`, [id]),
      pool.query(`SELECT * FROM decision WHERE case_id = $1`, [id]),
      pool.query(`SELECT id, title, closes_at FROM input_round WHERE case_id = $1`, [id]),
    ]);
    return {
      case: c.rows[0],
      sections: sections.rows,
      route: route.rows,
      recommendations: recs.rows,
      decisions: decs.rows,
      rounds: rounds.rows,
    };
  });
  app.post('/rounds/:id/submissions', async (req, reply) => {
    const s = await session(req.headers.cookie);
    if (!s) return reply.code(401).send();
    const body = req.body as { text: string; bodyId: string; idempotencyKey: string };
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const r = await client.query(
        `INSERT INTO submission (municipality_id, round_id, body_id, author_id, capacity, idempotency_key) VALUES ($1,$2,$3,$4,'on_behalf_of_body',$5)
         ON CONFLICT (author_id, round_id, idempotency_key) DO NOTHING RETURNING id`,
        [s.municipality_id, (req.params as { id: string }).id, body.bodyId, s.user_id, `baseline-${body.idempotencyKey}`],
      );
      if (r.rows[0]) {
        const hash = createHash('sha256').update(body.text).digest('hex');
        await client.query(`INSERT INTO submission_version (submission_id, version, text, sha256) VALUES ($1, 1, $2, $3)`, [
          r.rows[0].id,
          body.text,
          hash,
        ]);
      }
      await client.query('COMMIT');
      return reply.code(201).send({ id: r.rows[0]?.id });
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  });
  app.post('/compute', async (req) => allocate(parseAllocationInput(req.body)));
  app.get('/health/live', async () => ({ status: 'ok' }));
  await app.listen({ port, host: '127.0.0.1' });
  return {
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

// Run on its own (`BASELINE_STANDALONE=1 node --import tsx tests/perf/baseline.ts`): one of the baseline
// processes the national spike puts behind nginx, as Samråd's three APIs are.
if (process.env.BASELINE_STANDALONE === '1') {
  const running = await startBaseline(process.env.DATABASE_URL!, Number(process.env.PORT));
  process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
}
