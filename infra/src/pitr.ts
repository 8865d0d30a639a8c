/**
 * Point-in-time recovery with pgBackRest (Debian's `pgbackrest`): continuous WAL archiving from the
 * PostgreSQL cluster into a pgBackRest repository, base backups, and a restore to a given minute in
 * Norwegian time (Europe/Oslo).
 *
 *   npm run pitr -- setup                       configuration, archive_command, restart, stanza-create, check
 *   npm run pitr -- backup [--type full|diff|incr]
 *   npm run pitr -- info
 *   npm run pitr -- target "2026-12-04 14:31"   the instant PostgreSQL will be given (for CloudNativePG's targetTime)
 *   npm run pitr -- restore --to "2026-12-04 14:31" [--yes]
 *
 * The cluster is Debian's (`pg_ctlcluster`): PG_CLUSTER (e.g. `15/main`; needed only when `pg_lsclusters` lists more
 * than one). PGBACKREST_CONFIG (default /etc/pgbackrest/pgbackrest.conf), PITR_STANZA (default samrad), PITR_REPO
 * (default /var/lib/pgbackrest), PITR_LOG, PITR_SOCKET_DIR. See docs/operations.md, «Backup and point-in-time recovery».
 *
 * The functions below take a cluster description, so the integration test (tests/integration/pitr.spec.ts) drives
 * the same steps against a throw-away cluster of its own.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { isRoot } from './services.js';

/** The time zone a restore target without an explicit offset is read in. */
export const RESTORE_TIME_ZONE = 'Europe/Oslo';

/** A PostgreSQL cluster pgBackRest archives from and restores into. */
export interface Cluster {
  /** The data directory (pgBackRest's pg1-path). */
  dataDir: string;
  port: number;
  /** Where its Unix socket is (pgBackRest connects through it). */
  socketDir: string;
  /** The OS user that owns the data directory; commands run as it when this process runs as root. */
  owner: string;
  start(): void;
  stop(): void;
  /** Whether its server process runs (`pg_ctl status`). */
  running(): boolean;
}

export interface PitrOptions {
  cluster: Cluster;
  /** pgBackRest's configuration file; written by `writePgbackrestConfig`. */
  configFile: string;
  stanza: string;
}

/**
 * Runs a command as the cluster's owner (initdb, pg_ctl and pgBackRest refuse root, and the files they write must
 * belong to the owner). As root through util-linux's `runuser`; as anyone else directly, which then must be the owner.
 */
export function runAs(owner: string, command: string, args: string[]): SpawnSyncReturns<string> {
  const [cmd, argv] = isRoot() && owner !== 'root' ? ['runuser', ['-u', owner, '--', command, ...args]] : [command, args];
  return spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Throws with the command's output when it failed; returns its stdout. */
export function check(r: SpawnSyncReturns<string>, what: string): string {
  if (r.error) throw new Error(`${what} kunne ikke starte: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what} feilet (kode ${r.status}):\n${`${r.stdout}\n${r.stderr}`.trim()}`);
  return r.stdout;
}

/** Makes sure Debian's pgbackrest is installed: installs it with apt-get when this runs as root, else says how. */
export function ensurePgbackrest(log: (m: string) => void = console.log): void {
  if (spawnSync('pgbackrest', ['version'], { stdio: 'ignore' }).status === 0) return;
  if (!isRoot()) throw new Error('pgBackRest er ikke installert. Installer det: sudo apt-get install pgbackrest');
  log('Installerer pgbackrest fra Debian (apt-get install pgbackrest) …');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'pgbackrest'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0 || spawnSync('pgbackrest', ['version'], { stdio: 'ignore' }).status !== 0)
    throw new Error('Kunne ikke installere pgbackrest med apt-get.');
}

/** The newest Debian PostgreSQL server's bin directory (/usr/lib/postgresql/<major>/bin), or null. */
export function debianPgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : null;
}

/**
 * pgBackRest's configuration: one repository on local disk, the cluster as stanza. `start-fast` makes a backup
 * begin with an immediate checkpoint instead of waiting for the next one.
 */
export function pgbackrestConfig(o: { stanza: string; cluster: Cluster; repoPath: string; logPath: string; lockPath?: string }): string {
  return [
    '[global]',
    `repo1-path=${o.repoPath}`,
    'repo1-retention-full=2',
    `log-path=${o.logPath}`,
    ...(o.lockPath ? [`lock-path=${o.lockPath}`] : []),
    'log-level-console=warn',
    'log-level-file=info',
    'start-fast=y',
    'compress-type=lz4',
    '',
    `[${o.stanza}]`,
    `pg1-path=${o.cluster.dataDir}`,
    `pg1-port=${o.cluster.port}`,
    `pg1-socket-path=${o.cluster.socketDir}`,
    'pg1-user=postgres',
    '',
  ].join('\n');
}

/** The archive_command PostgreSQL runs for each finished WAL segment. */
export function archiveCommand(configFile: string, stanza: string): string {
  return `pgbackrest --config=${configFile} --stanza=${stanza} archive-push %p`;
}

/** Runs a pgBackRest command for the stanza, as the cluster's owner; returns its output. */
export function pgbackrest(o: PitrOptions, args: string[]): string {
  return check(
    runAs(o.cluster.owner, 'pgbackrest', [`--config=${o.configFile}`, `--stanza=${o.stanza}`, ...args]),
    `pgbackrest ${args.at(-1) ?? ''}`,
  );
}

/**
 * Runs SQL as the cluster's owner through psql over the Unix socket (Debian's `local all postgres peer` lets the
 * owner in without a password); returns the unaligned output.
 */
export function sql(cluster: Cluster, statement: string): string {
  const args = [
    '-X',
    '-A',
    '-t',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-h',
    cluster.socketDir,
    '-p',
    String(cluster.port),
    '-U',
    'postgres',
    '-d',
    'postgres',
  ];
  return check(runAs(cluster.owner, 'psql', [...args, '-c', statement]), 'psql').trim();
}

/** Polls until `test` holds (every 250 ms), for at most `timeoutMs`. */
async function waitUntil(test: () => Promise<boolean>, what: string, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: ikke innen ${timeoutMs / 1000} sekunder`);
}

/**
 * Waits until the cluster answers a query and is out of recovery (a restored cluster promotes after replaying).
 * Fails at once when the server stops instead — as PostgreSQL does when the archived WAL ends before the target.
 */
export async function waitUntilPrimary(cluster: Cluster, timeoutMs = 180_000): Promise<void> {
  await waitUntil(
    async () => {
      try {
        return sql(cluster, 'SELECT pg_is_in_recovery()') === 'f';
      } catch (error) {
        if (!cluster.running())
          throw new Error(
            `PostgreSQL stoppet under gjenopprettingen; se PostgreSQL-loggen. Står det «recovery ended before configured recovery target was reached», ligger målet etter det siste arkiverte WAL: velg et tidligere tidspunkt og gjenopprett igjen.\n${(error as Error).message}`,
          );
        return false;
      }
    },
    'PostgreSQL svarer ikke som primær etter gjenoppretting',
    timeoutMs,
  );
}

/**
 * Turns on WAL archiving into pgBackRest (ALTER SYSTEM, so it lands in postgresql.auto.conf whatever the main
 * configuration says) and restarts the cluster, which archive_mode needs.
 */
export async function enableArchiving(o: PitrOptions): Promise<void> {
  sql(o.cluster, `ALTER SYSTEM SET wal_level = 'replica'`);
  sql(o.cluster, `ALTER SYSTEM SET archive_mode = 'on'`);
  sql(o.cluster, `ALTER SYSTEM SET archive_command = '${archiveCommand(o.configFile, o.stanza).replace(/'/g, "''")}'`);
  o.cluster.stop();
  o.cluster.start();
  await waitUntilPrimary(o.cluster);
}

/** Writes the configuration file and the directories it names, owned by the cluster's owner. */
export function writePgbackrestConfig(o: PitrOptions & { repoPath: string; logPath: string; lockPath?: string }): void {
  mkdirSync(dirname(o.configFile), { recursive: true });
  writeFileSync(o.configFile, pgbackrestConfig(o), { mode: 0o640 });
  for (const dir of [o.repoPath, o.logPath, ...(o.lockPath ? [o.lockPath] : [])]) {
    check(runAs(o.cluster.owner, 'mkdir', ['-p', dir]), `mkdir ${dir}`);
  }
  if (isRoot()) check(spawnSync('chgrp', [o.cluster.owner, o.configFile], { encoding: 'utf8' }), 'chgrp');
}

/** stanza-create, then `check` (which also proves a WAL segment reaches the repository). */
export function createStanza(o: PitrOptions): void {
  pgbackrest(o, ['stanza-create']);
  pgbackrest(o, ['check']);
}

export function backup(o: PitrOptions, type: 'full' | 'diff' | 'incr' = 'full'): void {
  pgbackrest(o, [`--type=${type}`, 'backup']);
}

/**
 * Closes the current WAL segment and waits until the archiver has handed it to pgBackRest, so everything
 * committed until now can be replayed from the repository.
 */
export async function archiveCurrentWal(cluster: Cluster, timeoutMs = 120_000): Promise<string> {
  const segment = sql(cluster, 'SELECT pg_walfile_name(pg_switch_wal())');
  const archived = (): { last: string; failed: string } => {
    try {
      const [last = '', failed = ''] = sql(
        cluster,
        "SELECT coalesce(last_archived_wal, ''), coalesce(last_failed_wal, '') FROM pg_stat_archiver",
      ).split('|');
      return { last, failed };
    } catch {
      return { last: '', failed: '' };
    }
  };
  try {
    await waitUntil(async () => archived().last.slice(0, 24) >= segment, `WAL-segmentet ${segment} ble ikke arkivert`, timeoutMs);
  } catch (error) {
    const { failed } = archived();
    throw new Error(`${(error as Error).message}${failed ? ` (siste mislykte: ${failed}; se PostgreSQL-loggen)` : ''}`);
  }
  return segment;
}

/** Refuses a target after the server's now (recovery could never reach it); checked while the cluster runs. */
export function refuseFutureTarget(cluster: Cluster, target: string): void {
  if (cluster.running() && sql(cluster, `SELECT '${target.replace(/'/g, "''")}'::timestamptz > now()`) === 't')
    throw new Error(`${target} ligger fram i tid; ingenting er gjort`);
}

/**
 * Restores the cluster to `target` (a timestamp with offset, e.g. from `restoreTarget`): stops it, lets pgBackRest
 * pick the newest backup that ended before the target, copy only what differs (--delta) and write the recovery
 * settings, then starts it; PostgreSQL replays WAL from the repository up to the target and promotes.
 */
export async function restoreToTime(o: PitrOptions, target: string): Promise<void> {
  refuseFutureTarget(o.cluster, target);
  o.cluster.stop();
  pgbackrest(o, ['--type=time', `--target=${target}`, '--target-action=promote', '--delta', 'restore']);
  o.cluster.start();
  await waitUntilPrimary(o.cluster);
}

// ---------------------------------------------------------------------------------------------------------------
// Time zone: an operator says «14:31» meaning Norwegian time; PostgreSQL gets an instant with its offset.

function offsetMinutesAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Reads a restore target: `YYYY-MM-DD HH:MM[:SS[.ffffff]]` is wall-clock time in `timeZone` (Europe/Oslo: +01:00
 * in winter, +02:00 in summer); with an explicit offset (`…+01:00`, `…Z`) it is taken as given. Returns the
 * timestamp with its offset, as PostgreSQL's recovery_target_time reads it whatever the server's TimeZone. Refuses
 * a time that does not exist (the spring-forward hour) and one that exists twice (the autumn hour) — then the
 * operator adds the offset.
 */
export function restoreTarget(input: string, timeZone = RESTORE_TIME_ZONE): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(input.trim());
  if (!m) throw new Error(`Ugyldig tidspunkt «${input}»: skriv ÅÅÅÅ-MM-DD TT:MM (norsk tid), f.eks. 2026-12-04 14:31`);
  const [, y, mo, d, h, mi, s = '00', fraction = '', offset] = m;
  const wallMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const back = new Date(wallMs);
  if (
    back.getUTCFullYear() !== Number(y) ||
    back.getUTCMonth() !== Number(mo) - 1 ||
    back.getUTCDate() !== Number(d) ||
    back.getUTCHours() !== Number(h) ||
    back.getUTCMinutes() !== Number(mi)
  )
    throw new Error(`Ugyldig tidspunkt «${input}»: finnes ikke i kalenderen`);
  const local = `${y}-${mo}-${d} ${h}:${mi}:${s}${fraction}`;
  if (offset) {
    const normalized = offset === 'Z' ? '+00:00' : offset.length === 3 ? `${offset}:00` : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
    return `${local}${normalized}`;
  }
  const candidates = new Set([-1, 0, 1].map((days) => offsetMinutesAt(wallMs + days * 86_400_000, timeZone)));
  const fits = [...candidates].filter((o) => offsetMinutesAt(wallMs - o * 60_000, timeZone) === o).sort((a, b) => a - b);
  const [first, second] = fits;
  if (first === undefined) throw new Error(`${local} finnes ikke i ${timeZone} (klokka ble stilt fram); velg et annet minutt`);
  if (second !== undefined)
    throw new Error(
      `${local} finnes to ganger i ${timeZone} (klokka ble stilt tilbake); skriv forskyvningen, f.eks. «${local}${formatOffset(second)}» (første gang) eller «${local}${formatOffset(first)}» (andre gang)`,
    );
  return `${local}${formatOffset(first)}`;
}

/** The same instant in UTC, for messages («2026-12-04 13:31:00 UTC»). */
export function inUtc(target: string): string {
  const iso = target.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
  return `${new Date(iso)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
}

// ---------------------------------------------------------------------------------------------------------------
// The operator command on a Debian VM.

/** A Debian cluster (`pg_lsclusters`), started and stopped with `pg_ctlcluster`. */
export function debianCluster(name?: string): Cluster {
  const out = check(spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }), 'pg_lsclusters');
  const rows = out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((r): r is [string, string, string, string, string, string, ...string[]] => r.length >= 6)
    .map(([version, cluster, port, , owner, dataDir]) => ({ version, cluster, port: Number(port), owner, dataDir }));
  const only = rows.length === 1 ? rows[0] : undefined;
  const wanted = name ?? (only ? `${only.version}/${only.cluster}` : undefined);
  if (!wanted)
    throw new Error(`Flere PostgreSQL-klynger (${rows.map((r) => `${r.version}/${r.cluster}`).join(', ')}): velg en med PG_CLUSTER`);
  const row = rows.find((r) => `${r.version}/${r.cluster}` === wanted);
  if (!row) throw new Error(`Fant ikke PostgreSQL-klyngen ${wanted} (pg_lsclusters)`);
  const socketDir = process.env.PITR_SOCKET_DIR ?? '/var/run/postgresql';
  const ctl = (action: string) =>
    check(spawnSync('pg_ctlcluster', [row.version, row.cluster, action], { encoding: 'utf8' }), `pg_ctlcluster ${action}`);
  return {
    dataDir: row.dataDir,
    port: row.port,
    socketDir,
    owner: row.owner,
    start: () => ctl('start'),
    stop: () => ctl('stop'),
    running: () => spawnSync('pg_ctlcluster', [row.version, row.cluster, 'status'], { stdio: 'ignore' }).status === 0,
  };
}

function optionsFromEnv(): PitrOptions & { repoPath: string; logPath: string } {
  return {
    cluster: debianCluster(process.env.PG_CLUSTER),
    configFile: process.env.PGBACKREST_CONFIG ?? '/etc/pgbackrest/pgbackrest.conf',
    stanza: process.env.PITR_STANZA ?? 'samrad',
    repoPath: process.env.PITR_REPO ?? '/var/lib/pgbackrest',
    logPath: process.env.PITR_LOG ?? '/var/log/pgbackrest',
  };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const USAGE = `Bruk: npm run pitr -- setup | backup [--type full|diff|incr] | info | target "ÅÅÅÅ-MM-DD TT:MM" | restore --to "ÅÅÅÅ-MM-DD TT:MM" [--yes]
Tidspunkt uten forskyvning er norsk tid (${RESTORE_TIME_ZONE}).`;

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'target') {
    const target = restoreTarget(rest.join(' '));
    console.log(`${target}  (${inUtc(target)}; RFC 3339: ${target.replace(' ', 'T')})`);
    return;
  }
  if (!['setup', 'backup', 'info', 'restore'].includes(command ?? '')) {
    console.error(USAGE);
    process.exit(2);
  }
  ensurePgbackrest();
  const o = optionsFromEnv();
  if (command === 'setup') {
    if (existsSync(o.configFile) && !readFileSync(o.configFile, 'utf8').includes(`[${o.stanza}]`))
      throw new Error(`${o.configFile} finnes uten [${o.stanza}]: legg stanzaen til selv, eller flytt fila og kjør setup igjen`);
    if (!existsSync(o.configFile)) {
      writePgbackrestConfig(o);
      console.log(`Skrev ${o.configFile} (arkiv i ${o.repoPath}).`);
    }
    console.log('Slår på WAL-arkivering og starter PostgreSQL på nytt …');
    await enableArchiving(o);
    createStanza(o);
    console.log(`WAL-arkivering til pgBackRest er på (stanza ${o.stanza}). Ta en full sikkerhetskopi nå: npm run pitr -- backup`);
  } else if (command === 'backup') {
    const type = (flag(rest, '--type') ?? 'full') as 'full' | 'diff' | 'incr';
    if (!['full', 'diff', 'incr'].includes(type)) throw new Error('--type må være full, diff eller incr');
    backup(o, type);
    console.log(pgbackrest(o, ['info']));
  } else if (command === 'info') {
    console.log(pgbackrest(o, ['info']));
  } else {
    const to = flag(rest, '--to');
    if (!to) throw new Error(`Mangler --to.\n${USAGE}`);
    const target = restoreTarget(to);
    refuseFutureTarget(o.cluster, target);
    console.log(`Gjenoppretter ${o.cluster.dataDir} til ${target} (${inUtc(target)}): alt skrevet etter dette går tapt.`);
    if (!rest.includes('--yes') && !(await confirm('Er Samråd (API og worker) stoppet, og skal vi gjenopprette? Skriv «ja»: ')))
      throw new Error('Avbrutt; ingenting er gjort.');
    if (o.cluster.running()) {
      // What pg_wal holds and the repository does not yet would be lost with the old data directory.
      const segment = await archiveCurrentWal(o.cluster, 60_000).catch((error: Error) => {
        throw new Error(`${error.message}. Ingenting er gjort: få arkiveringen til å virke først (npm run pitr -- info).`);
      });
      console.log(`Siste WAL-segment (${segment}) er arkivert.`);
    } else {
      console.log('PostgreSQL kjører ikke: gjenoppretter fra det som allerede er arkivert.');
    }
    await restoreToTime(o, target);
    console.log(
      `PostgreSQL er gjenopprettet til ${target} og tar imot skriving igjen. Ta en ny full sikkerhetskopi: npm run pitr -- backup`,
    );
  }
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error('Gjenoppretting spør om bekreftelse; uten terminal: legg til --yes');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim().toLowerCase() === 'ja';
  } finally {
    rl.close();
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  main(process.argv.slice(2)).catch((error) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
