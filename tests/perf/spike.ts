/**
 * The national spike in `npm run perf`: 10,000 submissions to one round through Debian's nginx in front
 * of three API processes and two workers, against the framework-free baseline (three processes of
 * `baseline.ts`) behind the same nginx configuration. Writes its table into docs/performance.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '../../infra/src/services.js';
import { ROOT, freePort, runToEnd, startProcess, stopProcess, waitForHttp } from '../support/app-process.js';
import { startNginx, type RunningNginx } from '../support/nginx.js';

const SPIKE = Number(process.env.PERF_SPIKE ?? 10_000);
const CONNECTIONS = Number(process.env.PERF_SPIKE_CONNECTIONS ?? 100);
const WARMUP = 500;
const DELIVERY_LIMIT_MS = 15 * 60_000;

interface Measured {
  /** Acknowledged submissions per second over the whole run. */
  rate: number;
  p95: number;
  p99: number;
  duration: number;
  /** Submissions acknowledged (2xx, possibly after retries). */
  ok: number;
  /** Answers that were not 2xx, by status ("network" for a failed connection), each retried with the same key. */
  failures: Record<string, number>;
  /** A first few of their bodies, for the record. */
  samples: string[];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? NaN;

/**
 * `amount` submissions over `connections` concurrent clients, each a new idempotency key; a client
 * sends a submission again with the same key after a network error or a 5xx (as the web app's form
 * does), and stops on a 4xx (counted as a failure, never acknowledged). Latency is per request.
 */
async function spikeLoad(url: string, headers: Record<string, string>, amount: number, connections: number, text: string, bodyId: string) {
  const times: number[] = [];
  const failures: Record<string, number> = {};
  const samples: string[] = [];
  let next = 0;
  let ok = 0;
  const started = performance.now();
  const submit = async () => {
    const body = JSON.stringify({ text, bodyId, idempotencyKey: randomUUID() });
    for (let attempt = 0; attempt < 20; attempt++) {
      const t0 = performance.now();
      let status: number | 'network';
      let answer = '';
      try {
        const res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
        status = res.status;
        answer = await res.text();
      } catch (error) {
        status = 'network';
        answer = String(error);
      }
      times.push(performance.now() - t0);
      if (typeof status === 'number' && status < 300) return void ok++;
      failures[status] = (failures[status] ?? 0) + 1;
      if (samples.length < 5) samples.push(`${status}: ${answer.slice(0, 200)}`);
      if (typeof status === 'number' && status < 500) return;
      await new Promise((r) => setTimeout(r, 100)); // the client's own back-off
    }
  };
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < amount) {
        next++;
        await submit();
      }
    }),
  );
  const duration = (performance.now() - started) / 1000;
  times.sort((x, y) => x - y);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  return {
    rate: ok / duration,
    p95: round1(percentile(times, 0.95)),
    p99: round1(percentile(times, 0.99)),
    duration,
    ok,
    failures,
    samples,
  } satisfies Measured;
}

/** A baseline process (tests/perf/baseline.ts run on its own by tsx). */
function startBaselineProcess(databaseUrl: string, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'perf', 'baseline.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BASELINE_STANDALONE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function nationalSpike(services: { databaseUrl: string; redisUrl: string }): Promise<void> {
  const databaseUrl = withDatabase(services.databaseUrl, 'samrad_perf_spike');
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: services.redisUrl,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `samrad_perf_spike_${Date.now()}`,
    LOGIN_MAX_ATTEMPTS: '1000',
    TRUST_PROXY: '127.0.0.1',
    MAIL_TRANSPORT: 'capture',
  };
  const seeded = await runToEnd(startProcess('cli', env, ['migrate', 'seed']));
  if (seeded.code !== 0) throw new Error(seeded.output);
  const children: ChildProcess[] = [];
  // Every process's log is read (a full pipe would stop a process that logs); its errors are shown at the end.
  const errors: string[] = [];
  const logged = (child: ChildProcess) => {
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n'))
          if (/"level":(50|60)/.test(line) && errors.length < 10) errors.push(line.slice(0, 1500));
      });
    return child;
  };
  let nginx: RunningNginx | undefined;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // Samråd: three APIs and two workers behind nginx.
    const apiPorts = [await freePort(), await freePort(), await freePort()];
    for (const port of apiPorts) children.push(logged(startProcess('main', { ...env, PORT: String(port) })));
    children.push(logged(startProcess('worker', env)), logged(startProcess('worker', env)));
    for (const port of apiPorts) await waitForHttp(`http://127.0.0.1:${port}/health/ready`);
    nginx = await startNginx(await freePort(), apiPorts);
    const samrad = nginx.url;
    const login = async (email: string) => {
      const res = await fetch(`${samrad}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'Samrad-demo-2026' }),
      });
      const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
      const me = (await (await fetch(`${samrad}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
      return { cookie, csrf: me.csrfToken };
    };
    const fau = await login('fau.nordby@solvik.kommune.test');
    const officer = await login('saksbehandler@solvik.kommune.test');
    const officerHeaders = { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'application/json' };
    const bodies = (await (await fetch(`${samrad}/api/bodies`, { headers: officerHeaders })).json()) as {
      bodies: { id: string; name: string }[];
    };
    const kfu = bodies.bodies.find((b) => b.name === 'KFU – kommunalt foreldreutvalg')!.id;
    const cases = (await (await fetch(`${samrad}/api/cases`, { headers: officerHeaders })).json()) as { cases: { id: string }[] };
    const newRound = async (title: string) =>
      (
        (await (
          await fetch(`${samrad}/api/rounds`, {
            method: 'POST',
            headers: officerHeaders,
            body: JSON.stringify({
              caseId: cases.cases[0]!.id,
              title,
              questions: 'Spørsmål',
              closesAt: new Date(Date.now() + 60 * 60000).toISOString(),
              invitedBodyIds: [kfu],
            }),
          })
        ).json()) as { id: string }
      ).id;
    const round = await newRound('Nasjonal topp');
    const warmupRound = await newRound('Oppvarming før toppen');
    const spike = (url: string, headers: Record<string, string>, amount: number) =>
      spikeLoad(url, headers, amount, CONNECTIONS, 'Innspill i den nasjonale toppen', kfu);
    const samradHeaders = { cookie: fau.cookie, 'x-csrf-token': fau.csrf };
    await spike(`${samrad}/api/rounds/${warmupRound}/submissions`, samradHeaders, WARMUP);
    const s = await spike(`${samrad}/api/rounds/${round}/submissions`, samradHeaders, SPIKE);
    const burstEnded = Date.now();

    const counts = async (roundId: string, baseline: boolean) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS rows, count(DISTINCT idempotency_key)::int AS keys,
                (SELECT count(*)::int FROM submission_version v JOIN submission s2 ON s2.id = v.submission_id
                  WHERE s2.round_id = $1 AND (s2.idempotency_key LIKE 'baseline-%') = $2) AS versions
           FROM submission WHERE round_id = $1 AND (idempotency_key LIKE 'baseline-%') = $2`,
        [roundId, baseline],
      );
      return rows[0] as { rows: number; keys: number; versions: number };
    };
    const stored = await counts(round, false);
    // Every receipt reaches its person through the outbox and the workers: a notice and an e-mail each.
    const receipts = async () => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*)::int FROM notification n JOIN submission s ON n.dedup_key = 'receipt:' || s.id || ':1:' || s.author_id WHERE s.round_id = $1) AS notices,
                (SELECT count(*)::int FROM job_done j JOIN submission s ON j.key = 'mail:receipt:' || s.id || ':1:' || s.author_id WHERE s.round_id = $1) AS mails,
                (SELECT count(*)::int FROM caught_mail WHERE subject = 'Kvittering for innspill' AND text LIKE '%' || $1 || '%') AS caught`,
        [round],
      );
      return rows[0] as { notices: number; mails: number; caught: number };
    };
    let delivered = await receipts();
    while ((delivered.notices < stored.rows || delivered.mails < stored.rows) && Date.now() - burstEnded < DELIVERY_LIMIT_MS) {
      await new Promise((r) => setTimeout(r, 1000));
      delivered = await receipts();
    }
    const deliverySeconds = (Date.now() - burstEnded) / 1000;
    await nginx.stop();
    nginx = undefined;
    for (const c of children.splice(0)) await stopProcess(c);

    // The baseline: three processes behind the same nginx configuration, with Samråd's session.
    const basePorts = [await freePort(), await freePort(), await freePort()];
    for (const port of basePorts) children.push(startBaselineProcess(databaseUrl, port));
    for (const port of basePorts) await waitForHttp(`http://127.0.0.1:${port}/health/live`);
    nginx = await startNginx(await freePort(), basePorts);
    const base = nginx.url;
    await spike(`${base}/rounds/${warmupRound}/submissions`, { cookie: fau.cookie }, WARMUP);
    const b = await spike(`${base}/rounds/${round}/submissions`, { cookie: fau.cookie }, SPIKE);
    const baseStored = await counts(round, true);

    const met =
      s.ok === SPIKE &&
      stored.rows === SPIKE &&
      stored.keys === SPIKE &&
      stored.versions === SPIKE &&
      delivered.notices === SPIKE &&
      delivered.mails === SPIKE &&
      delivered.caught === SPIKE;
    const failed = (r: Measured) =>
      Object.keys(r.failures).length
        ? Object.entries(r.failures)
            .map(([status, n]) => `${n} × ${status}`)
            .join(', ')
        : 'none';
    const fmt = (r: Measured) =>
      `${Math.round(r.rate)} submissions/s, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.duration.toFixed(1)} s; retried: ${failed(r)}`;
    const lines = [
      '<!-- spike:start -->',
      `Run by \`npm run perf\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.versions.node}; ${SPIKE.toLocaleString('en')} submissions to one round over ${CONNECTIONS} connections, after ${WARMUP} to another round.`,
      '',
      '| | Samråd: nginx → 3 APIs + 2 workers | baseline: nginx → 3 × Fastify + pg | ratio |',
      '|---|---|---|---|',
      `| throughput, latency | ${fmt(s)} | ${fmt(b)} | submissions/s ${(s.rate / b.rate).toFixed(2)}, p99 ${(s.p99 / b.p99).toFixed(2)} |`,
      `| acknowledged (2xx, after retries with the same key) | ${s.ok} | ${b.ok} | |`,
      `| stored (rows, distinct keys, first versions) | ${stored.rows}, ${stored.keys}, ${stored.versions} | ${baseStored.rows}, ${baseStored.keys}, ${baseStored.versions} | |`,
      `| duplicated | ${stored.rows - stored.keys} | ${baseStored.rows - baseStored.keys} | |`,
      `| receipts delivered (notices, e-mails claimed, e-mails caught) | ${delivered.notices}, ${delivered.mails}, ${delivered.caught} — the last ${deliverySeconds.toFixed(0)} s after the spike | – (the baseline sends none) | |`,
      `| nothing lost or duplicated | ${met ? 'yes' : '**no**'} | | |`,
      '<!-- spike:end -->',
    ];
    const doc = join(ROOT, 'docs', 'performance.md');
    const current = readFileSync(doc, 'utf8');
    const section = `## The national spike: 10,000 submissions through nginx\n\n${lines.join('\n')}\n`;
    writeFileSync(
      doc,
      current.includes('<!-- spike:start -->')
        ? current.replace(
            /## The national spike: 10,000 submissions through nginx\n\n<!-- spike:start -->[\s\S]*<!-- spike:end -->\n/,
            section,
          )
        : current.replace('## Search: the query plan', `${section}\n## Search: the query plan`),
    );
    console.log(lines.join('\n'));
    for (const sample of [...s.samples, ...b.samples]) console.log(`not acknowledged at first: ${sample}`);
    for (const line of errors) console.log(`logged: ${line}`);
  } finally {
    await db.end();
    await nginx?.stop();
    for (const c of children) await stopProcess(c);
    await dropDatabase(databaseUrl).catch(() => undefined);
  }
}
