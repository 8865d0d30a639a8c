/**
 * `npm run municipality -- create …`: the operator command (backend/src/municipality.ts), run from the
 * built backend as `npm start` runs the app. Builds shared and the backend first when their build is
 * missing or older than their sources, so it works from a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBackendBuilt } from './build.js';
import { DEFAULT_DATABASE_URL } from './services.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const entry = ensureBackendBuilt(root, 'municipality.js');
// The database `npm start` uses: when it had to start the embedded PostgreSQL, that one takes the password
// `postgres` (services.ts); a PostgreSQL of the machine's own with trust authentication ignores it.
const database = new URL(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
if (!process.env.DATABASE_URL && !database.password) database.password = 'postgres';
const r = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: database.toString() },
});
process.exit(r.status ?? (r.signal ? 130 : 1));
