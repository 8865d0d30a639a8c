import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Runs a command in the repository, streaming its output; throws when it fails. */
export function run(root: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} feilet (kode ${r.status ?? r.signal})`);
}

/** Builds shared, backend and frontend. */
export function buildAll(root: string): void {
  run(root, 'npm', ['run', 'build', '--silent']);
}

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const built = (file: string, sources: string) => existsSync(file) && statSync(file).mtimeMs >= newest(sources);

/**
 * Builds shared and the backend when their build is missing or older than their sources (messages on
 * stderr, so a command's own output stays its own); returns the path of `backend/dist/<entry>`.
 */
export function ensureBackendBuilt(root: string, entry: string): string {
  const file = join(root, 'backend', 'dist', entry);
  if (!built(join(root, 'shared', 'dist', 'index.js'), join(root, 'shared', 'src'))) {
    console.error('Bygger shared …');
    run(root, 'npm', ['run', 'build', '--silent', '-w', 'shared']);
  }
  if (!built(file, join(root, 'backend', 'src')) || !built(file, join(root, 'shared', 'src'))) {
    console.error('Bygger backend …');
    run(root, 'npm', ['run', 'build', '--silent', '-w', 'backend']);
  }
  return file;
}
