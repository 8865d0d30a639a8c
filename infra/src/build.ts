import { spawnSync } from 'node:child_process';

/** Runs a command in the repository, streaming its output; throws when it fails. */
export function run(root: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} feilet (kode ${r.status ?? r.signal})`);
}

/** Builds shared, backend and frontend. */
export function buildAll(root: string): void {
  run(root, 'npm', ['run', 'build', '--silent']);
}
