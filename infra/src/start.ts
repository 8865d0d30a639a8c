/**
 * `npm start`: services, database, migrations, demo data, build, then the API (serving the UI)
 * and the worker at http://localhost:3000. Ctrl-C stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, run } from './build.js';
import { ensureDatabase, ensureServices, withDatabase } from './services.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = Number(process.env.PORT ?? 3000);

const DEMO_LOGINS: [string, string][] = [
  ['Saksbehandler (administrasjonen)', 'saksbehandler@solvik.kommune.test'],
  ['Leder, Driftsutvalget', 'leder.driftsutvalget@solvik.kommune.test'],
  ['Hovedtillitsvalgt, Utdanningsforbundet', 'htv.utdanningsforbundet@solvik.kommune.test'],
  ['Hovedtillitsvalgt, Fagforbundet', 'htv.fagforbundet@solvik.kommune.test'],
  ['FAU-leder, Nordby skole', 'fau.nordby@solvik.kommune.test'],
  ['Leder, KFU (daglig oppsummering)', 'leder.kfu@solvik.kommune.test'],
  ['Rektor, Nordby skole (personlig invitert)', 'rektor.nordby@solvik.kommune.test'],
  ['Systemadministrator (også jobboversikten)', 'admin@solvik.kommune.test'],
  ['Administrator i en annen kommune', 'admin@nabovik.kommune.test'],
];

async function main() {
  const services = await ensureServices({ root, databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL });
  const children: ChildProcess[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopper Samråd …');
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await Promise.all(stoppers.map((stop) => stop().catch(() => undefined)));
    await services.stop();
    if (services.started.length) console.log(`Stoppet: ${services.started.join(', ')}.`);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const databaseUrl =
      new URL(services.databaseUrl).pathname.length > 1 ? services.databaseUrl : withDatabase(services.databaseUrl, 'samrad');
    await ensureDatabase(databaseUrl);
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: services.redisUrl,
      PORT: String(port),
      APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
      WEB_DIST: join(root, 'frontend', 'dist'),
      MAIL_TRANSPORT: process.env.MAIL_TRANSPORT ?? 'capture',
      // In the demo, Solvik's administrator also runs the installation and may open the job board.
      OPERATOR_EMAILS: process.env.OPERATOR_EMAILS ?? 'admin@solvik.kommune.test',
      NODE_ENV: process.env.NODE_ENV ?? 'development',
    };
    // A demo OpenID provider on this machine (never in production), so the log-in page's provider button can be tried.
    let demoOidc: { issuer: string; stop: () => Promise<void> } | undefined;
    if (env.NODE_ENV !== 'production' && process.env.DEMO_OIDC !== '0') {
      const { startDemoOidcProvider } = await import('./demo-oidc-provider.js');
      demoOidc = await startDemoOidcProvider({ port: Number(process.env.DEMO_OIDC_PORT ?? port + 1), appUrl: env.APP_URL });
      stoppers.push(demoOidc.stop);
    }
    console.log('Bygger Samråd …');
    buildAll(root);
    console.log('Kjører migreringer og laster demodata …');
    run(root, 'node', ['backend/dist/cli.js', 'migrate', 'seed'], { ...env, ...(demoOidc ? { DEMO_OIDC_ISSUER: demoOidc.issuer } : {}) });
    const api = spawn('node', ['backend/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const worker = spawn('node', ['backend/dist/worker.js'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(api, worker);
    for (const c of children) c.once('exit', (code) => !stopping && void stopAll(code ?? 1));
    await waitForReady(port);
    console.log(`
Samråd kjører på http://localhost:${port} (Node.js ${process.version})
${services.started.length ? `Startet for deg: ${services.started.join(', ')}.` : 'Bruker PostgreSQL og Redis som allerede kjørte.'}
Database: ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}   Oppfanget e-post: http://localhost:${port}/dev/mail
Jobboversikt (drift): http://localhost:${port}/drift/jobber/
${demoOidc ? `Demo-innlogging (OpenID Connect, bare for demo): ${demoOidc.issuer} — knappen «Logg inn med Demo-innlogging» på innloggingssiden\n` : ''}
Demo-innlogginger (passord for alle: Samrad-demo-2026):
${DEMO_LOGINS.map(([role, email]) => `  ${role.padEnd(42)} ${email}`).join('\n')}

Trykk Ctrl-C for å stoppe.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
  }
}

async function waitForReady(p: number) {
  const until = Date.now() + 60000;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${p}/health/ready`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('Samråd ble ikke klar innen ett minutt');
}

void main();
