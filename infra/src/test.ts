/**
 * `npm test`: services, a fresh test database, then every tier — lint, type check, import
 * boundaries, unit tests, integration tests against the real PostgreSQL and Redis, and browser
 * tests in Debian's Chromium. Ends with one line `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase, ensureDatabase, ensureServices, isRoot, withDatabase } from './services.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const reports = join(root, 'test-results');

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): Tally {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  const ok = r.status === 0;
  console.log(`--- ${name}: ${ok ? 'OK' : 'FEILET'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

/** Runs a Vitest project and counts its tests from the JSON report. */
function vitest(name: string, workspace: string, args: string[], env: NodeJS.ProcessEnv): Tally {
  const out = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  const tally = step(
    name,
    'npx',
    ['vitest', 'run', '--root', workspace, '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...args],
    env,
  );
  if (!existsSync(out)) return { ...tally, failed: Math.max(tally.failed, 1) };
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    success: boolean;
  };
  const failed = report.numFailedTests + (tally.failed && report.numFailedTests === 0 ? 1 : 0);
  return { name, passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (!isRoot()) throw new Error('Nettlesertestene trenger Debians Chromium: sudo apt-get install chromium');
  console.log('Installerer Chromium fra Debian (apt-get install chromium) …');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error('Kunne ikke installere Chromium');
}

/** The scale-out test puts Debian's nginx in front of three API processes (tests/support/nginx.ts). */
function ensureNginx() {
  if (existsSync('/usr/sbin/nginx')) return;
  if (!isRoot()) throw new Error('Skaleringstesten trenger Debians nginx: sudo apt-get install nginx');
  console.log('Installerer nginx fra Debian (apt-get install nginx) …');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error('Kunne ikke installere nginx');
}

async function main() {
  mkdirSync(reports, { recursive: true });
  const services = await ensureServices({ root, databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL });
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const testDb = withDatabase(services.databaseUrl, `samrad_test_${runId}`);
  await ensureDatabase(testDb);
  console.log(`Testdatabase: samrad_test_${runId}${services.started.length ? ` (startet: ${services.started.join(', ')})` : ''}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: testDb,
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: `samrad_test_${runId}`,
    LOG_LEVEL: 'silent',
  };
  const tallies: Tally[] = [];
  try {
    tallies.push(step('Bygg shared', 'npm', ['run', 'build', '-w', 'shared', '--silent'], env));
    tallies.push(step('Lint (ESLint)', 'npx', ['eslint', '.', '--max-warnings=0'], env));
    tallies.push(step('Formatering (prettier --check)', 'npx', ['prettier', '--check', '.', '--log-level=warn'], env));
    tallies.push(step('Typesjekk', 'npm', ['run', 'typecheck', '--silent'], env));
    tallies.push(step('Importgrenser (dependency-cruiser)', 'npm', ['run', 'boundaries', '--silent'], env));
    tallies.push(vitest('Enhetstester shared', 'shared', [], env));
    tallies.push(vitest('Enhetstester frontend', 'frontend', [], env));
    tallies.push(vitest('Integrasjonstester backend', 'backend', [], env));
    ensureChromium();
    ensureNginx();
    tallies.push(step('Bygg backend og frontend', 'npm', ['run', 'build', '--silent'], { ...env, NODE_ENV: 'production' }));
    tallies.push(vitest('Nettlesertester', 'tests', ['--config', 'vitest.config.ts'], env));
  } finally {
    await dropDatabase(testDb).catch(() => undefined);
    await services.stop();
  }
  const passed = tallies.reduce((s, t) => s + t.passed, 0);
  const failed = tallies.reduce((s, t) => s + t.failed, 0);
  const skipped = tallies.reduce((s, t) => s + t.skipped, 0);
  console.log('\nOppsummering:');
  for (const t of tallies)
    console.log(
      `  ${t.failed ? '✗' : '✓'} ${t.name}: ${t.passed} bestått, ${t.failed} feilet${t.skipped ? `, ${t.skipped} hoppet over` : ''}`,
    );
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
