import { MigrationExecutor, type DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';

/**
 * Key of the PostgreSQL advisory lock held while migrating (any fixed 64-bit number; this one spells
 * "samrad-m" in ASCII). Two `migrate` runs at once: the second waits for the first, then finds nothing to do.
 */
export const MIGRATION_LOCK_KEY = '8313474276315508077';

/**
 * Runs the pending migrations (each in its own transaction) under the advisory lock, on a connection of its
 * own that holds the lock for the whole run. `onWait` is called once when another run holds it.
 * Returns the names of the migrations this run applied.
 */
export async function migrateLocked(db: DataSource, onWait?: () => void): Promise<string[]> {
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    // Waiting for another run may take as long as its migrations do.
    await lock.query('SET statement_timeout = 0');
    const [row] = (await lock.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [MIGRATION_LOCK_KEY])) as { locked: boolean }[];
    if (!row?.locked) {
      onWait?.();
      await lock.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
    try {
      const ran = await db.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}

/** The names of the migrations this build knows and the database has not run, oldest first (reads only). */
export async function pendingMigrations(db: DataSource): Promise<string[]> {
  return (await new MigrationExecutor(db).getPendingMigrations()).map((m) => m.name);
}

/** Which process refuses, in the message's two languages. */
export interface Process {
  nb: string;
  en: string;
}

/** The database is behind this build: its pending migrations must be run (`npm run migrate`) first. */
export class MigrationsBehind extends Error {
  constructor(
    readonly pending: string[],
    who: Process,
  ) {
    const list = pending.join(', ');
    super(
      `${who.nb} starter ikke: databasen mangler ${pending.length} migrering(er) (${list}). ` +
        'Kjør migreringene først med `npm run migrate` (i et bilde: `node backend/dist/cli.js migrate`, i Kubernetes: migreringsjobben). ' +
        `/ ${who.en} will not start: the database is ${pending.length} migration(s) behind (${list}). ` +
        'Run the migrations first with `npm run migrate` (in an image: `node backend/dist/cli.js migrate`; in Kubernetes: the migrations Job).',
    );
    this.name = 'MigrationsBehind';
  }
}

/**
 * Refuses to go on when the database is behind this build's migrations (the API and the worker never
 * migrate themselves, so several of them starting at once cannot race). A database *ahead* of this build
 * (a newer release migrated it while this one still runs, during a rolling upgrade) is accepted: a release's
 * migrations are meant to leave the previous release working (docs/operations.md, «Upgrade»).
 */
export async function assertMigrationsCurrent(config: Pick<AppConfig, 'DATABASE_URL'>, who: Process): Promise<void> {
  const db = await createDataSource(config, { poolSize: 1 }).initialize();
  try {
    const pending = await pendingMigrations(db);
    if (pending.length) throw new MigrationsBehind(pending, who);
  } finally {
    await db.destroy();
  }
}
