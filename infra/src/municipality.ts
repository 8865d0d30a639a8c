/**
 * `npm run municipality -- create …`: the operator command (backend/src/municipality.ts), run from the
 * built backend as `npm start` runs the app. Builds shared and the backend first when their build is
 * missing or older than their sources, so it works from a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './build.js';
import { DEFAULT_DATABASE_URL } from './services.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const built = (file: string, sources: string) => existsSync(file) && statSync(file).mtimeMs >= newest(sources);

const entry = join(root, 'backend', 'dist', 'municipality.js');
if (!built(join(root, 'shared', 'dist', 'index.js'), join(root, 'shared', 'src'))) {
  console.error('Bygger shared …');
  run(root, 'npm', ['run', 'build', '--silent', '-w', 'shared']);
}
if (!built(entry, join(root, 'backend', 'src')) || !built(entry, join(root, 'shared', 'src'))) {
  console.error('Bygger backend …');
  run(root, 'npm', ['run', 'build', '--silent', '-w', 'backend']);
}
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
