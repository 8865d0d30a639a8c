import { spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  archiveCurrentWal,
  backup,
  check,
  createStanza,
  debianPgBinDir,
  enableArchiving,
  ensurePgbackrest,
  restoreTarget,
  restoreToTime,
  runAs,
  writePgbackrestConfig,
  type Cluster,
  type PitrOptions,
} from '../../infra/src/pitr.js';
import { ensureDatabase, isRoot } from '../../infra/src/services.js';
import { freePort, runToEnd, startProcess } from '../support/app-process.js';

describe('restore targets in Norwegian time', () => {
  it('reads a minute as Europe/Oslo wall time: +01:00 in winter, +02:00 in summer', () => {
    expect(restoreTarget('2026-12-04 14:31')).toBe('2026-12-04 14:31:00+01:00');
    expect(restoreTarget('2026-06-15T09:05')).toBe('2026-06-15 09:05:00+02:00');
    expect(restoreTarget('2026-12-04 14:31:07.123456')).toBe('2026-12-04 14:31:07.123456+01:00');
    // The last minute before and the first after the spring change (02:00 → 03:00 on 29 March 2026).
    expect(restoreTarget('2026-03-29 01:59')).toBe('2026-03-29 01:59:00+01:00');
    expect(restoreTarget('2026-03-29 03:00')).toBe('2026-03-29 03:00:00+02:00');
  });

  it('takes an explicit offset as given', () => {
    expect(restoreTarget('2026-12-04 13:31Z')).toBe('2026-12-04 13:31:00+00:00');
    expect(restoreTarget('2026-10-25 02:30+02:00')).toBe('2026-10-25 02:30:00+02:00');
    expect(restoreTarget('2026-10-25 02:30+0100')).toBe('2026-10-25 02:30:00+01:00');
  });

  it('refuses a minute that does not exist or exists twice, and what is no time at all', () => {
    expect(() => restoreTarget('2026-03-29 02:30')).toThrow(/finnes ikke i Europe\/Oslo/);
    expect(() => restoreTarget('2026-10-25 02:30')).toThrow(/finnes to ganger.*02:30:00\+02:00.*02:30:00\+01:00/);
    expect(() => restoreTarget('2026-02-30 10:00')).toThrow(/finnes ikke i kalenderen/);
    expect(() => restoreTarget('i går kveld')).toThrow(/Ugyldig tidspunkt/);
  });
});

/**
 * A cluster of its own (the machine's shared PostgreSQL is left alone): Debian's initdb into a temp directory, on
 * a free port, its socket in that directory, owned by `postgres` when the test runs as root.
 */
async function throwawayCluster(dir: string): Promise<Cluster & { abort(): void }> {
  const bin = debianPgBinDir();
  if (!bin) throw new Error('Testen trenger Debians PostgreSQL-server (/usr/lib/postgresql/<versjon>/bin): apt-get install postgresql');
  const owner = isRoot() ? 'postgres' : userInfo().username;
  if (isRoot()) {
    const id = (flag: string) => Number(check(spawnSync('id', [flag, owner], { encoding: 'utf8' }), 'id').trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const dataDir = join(dir, 'data');
  const port = await freePort();
  check(
    runAs(owner, join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']),
    'initdb',
  );
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\n`,
  );
  const log = join(dir, 'postgresql.log');
  return {
    dataDir,
    port,
    socketDir: dir,
    owner,
    start: () => void check(runAs(owner, join(bin, 'pg_ctl'), ['-D', dataDir, '-l', log, '-w', '-t', '180', 'start']), 'pg_ctl start'),
    stop: () => void check(runAs(owner, join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '180', 'stop']), 'pg_ctl stop'),
    running: () => runAs(owner, join(bin, 'pg_ctl'), ['-D', dataDir, 'status']).status === 0,
    abort: () => void runAs(owner, join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']),
  };
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function one<T extends pg.QueryResultRow>(c: pg.Client, text: string, values: unknown[] = []): Promise<T> {
  const [row] = (await c.query<T>(text, values)).rows;
  if (!row) throw new Error(`No row: ${text}`);
  return row;
}

describe('point-in-time recovery with pgBackRest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samrad-pitr-'));
  let cluster: (Cluster & { abort(): void }) | undefined;

  afterAll(() => {
    try {
      if (cluster?.running()) cluster.stop();
    } catch {
      cluster?.abort();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restores to just before a dropped table: its rows are back, a change after the target is not', async () => {
    ensurePgbackrest();
    cluster = await throwawayCluster(dir);
    cluster.start();
    const o: PitrOptions = { cluster, configFile: join(dir, 'pgbackrest.conf'), stanza: 'samrad' };
    writePgbackrestConfig({ ...o, repoPath: join(dir, 'repo'), logPath: join(dir, 'log'), lockPath: join(dir, 'lock') });
    await enableArchiving(o);
    createStanza(o);
    backup(o, 'full');

    // Samråd's schema and demo data, written after the backup: recovery replays them from the archived WAL.
    const url = `postgres://postgres@127.0.0.1:${cluster.port}/samrad`;
    await ensureDatabase(url);
    const seeded = await runToEnd(startProcess('cli', { DATABASE_URL: url, LOG_LEVEL: 'warn' }, ['migrate', 'seed']));
    expect(seeded.code, seeded.output).toBe(0);

    const submissions = (c: pg.Client) =>
      one<{ n: string; h: string }>(c, `SELECT count(*) AS n, md5(string_agg(s::text, '' ORDER BY s.id)) AS h FROM submission s`);
    const before = await withClient(url, async (c) => ({
      submissions: await submissions(c),
      theCase: await one<{ id: string; title: string }>(
        c,
        `SELECT c.id, c.title FROM case_file c JOIN submission s ON s.case_id = c.id GROUP BY c.id ORDER BY c.id LIMIT 1`,
      ),
      // T: the minute an operator would name, here to the microsecond, read off the server's clock in Oslo time.
      t: await one<{ now: string; oslo: string }>(
        c,
        `SELECT now()::text AS now, to_char(now() AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD HH24:MI:SS.US') AS oslo`,
      ),
    }));
    expect(Number(before.submissions.n)).toBeGreaterThan(0);

    // After T: an ordinary change, then the mistake.
    await withClient(url, async (c) => {
      await c.query(`UPDATE case_file SET title = title || ' (endret etter T)' WHERE id = $1`, [before.theCase.id]);
      await c.query(`DROP TABLE submission CASCADE`);
    });
    await archiveCurrentWal(cluster);

    const target = restoreTarget(before.t.oslo);
    const same = await withClient(url, (c) =>
      one<{ same: boolean }>(c, `SELECT $1::timestamptz = $2::timestamptz AS same`, [target, before.t.now]),
    );
    expect(same.same, `${target} is the server's ${before.t.now}`).toBe(true);

    await restoreToTime(o, target);

    const after = await withClient(url, async (c) => {
      const result = {
        submissions: await submissions(c),
        theCase: await one<{ id: string; title: string }>(c, `SELECT id, title FROM case_file WHERE id = $1`, [before.theCase.id]),
      };
      // Promoted: it takes writes again.
      await c.query(`UPDATE case_file SET title = title WHERE id = $1`, [before.theCase.id]);
      return result;
    });
    expect(after.submissions).toEqual(before.submissions);
    expect(after.theCase).toEqual(before.theCase);
    expect(readFileSync(join(cluster.dataDir, 'postgresql.auto.conf'), 'utf8')).toContain(`recovery_target_time = '${target}'`);
    // A slow start on a loaded machine is slowness, not failure: every wait inside has its own limit.
  }, 240_000);
});
