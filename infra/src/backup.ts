/**
 * `npm run backup -- [file]` writes the database at DATABASE_URL to a pg_dump custom-format file;
 * `npm run restore -- <file>` replaces the database's contents with a backup. Both use the
 * PostgreSQL client tools (Debian: postgresql-client).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_DATABASE_URL } from './services.js';

export function backup(databaseUrl: string, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--file', file, databaseUrl], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`pg_dump feilet (kode ${r.status})`);
}

export function restore(databaseUrl: string, file: string): void {
  if (!existsSync(file)) throw new Error(`Fant ikke sikkerhetskopien ${file}`);
  const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', databaseUrl, file], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`pg_restore feilet (kode ${r.status})`);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [command, fileArg] = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  try {
    if (command === 'backup') {
      const file = fileArg ?? join('backups', `samrad-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`);
      backup(url, file);
      console.log(`Sikkerhetskopi skrevet til ${file}`);
    } else if (command === 'restore' && fileArg) {
      restore(url, fileArg);
      console.log(`Databasen er gjenopprettet fra ${fileArg}`);
    } else {
      console.error('Bruk: npm run backup -- [fil]   eller   npm run restore -- <fil>');
      process.exit(2);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
