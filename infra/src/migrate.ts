/**
 * `npm run migrate`: runs the database migrations at DATABASE_URL once, from the built backend
 * (`node backend/dist/cli.js migrate`, the same command the container image and the Kubernetes Job run).
 * Builds shared and the backend first when their build is missing or older than their sources. Runs
 * started at once take turns (an advisory lock in the database); the API and the worker refuse to start
 * until this has run.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBackendBuilt } from './build.js';
import { DEFAULT_DATABASE_URL } from './services.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const cli = ensureBackendBuilt(root, 'cli.js');
// As `npm run municipality`: the database `npm start` uses when DATABASE_URL is not set (the embedded
// PostgreSQL it may have started takes the password `postgres`; a trust-authenticated one ignores it).
const database = new URL(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
if (!process.env.DATABASE_URL && !database.password) database.password = 'postgres';
const r = spawnSync(process.execPath, [cli, 'migrate'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: database.toString() },
});
process.exit(r.status ?? (r.signal ? 130 : 1));
