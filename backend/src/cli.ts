import 'reflect-metadata';
import { loadConfig } from './platform/config/config.js';
import { createDataSource } from './platform/database/data-source.js';
import { migrateLocked, pendingMigrations } from './platform/database/migration-state.js';
import type { DataSource } from 'typeorm';
import { seedDemo } from './seed/demo.js';
import { seedDemoOidc } from './seed/demo-oidc.js';

/**
 * `wait-migrations`: returns once the database has every migration of this build (run by someone else, e.g.
 * the Kubernetes Job); an init container of the API and the worker, so a new release's pods wait for the
 * Job instead of failing. Never migrates.
 */
async function waitForMigrations(db: DataSource): Promise<void> {
  let said = '';
  for (;;) {
    const pending = await pendingMigrations(db);
    if (!pending.length) return console.log('Databasen er oppdatert.');
    const now = `Venter på ${pending.length} migrering(er): ${pending.join(', ')} …`;
    if (now !== said) console.log((said = now));
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/**
 * Operations: `node dist/cli.js migrate`, `node dist/cli.js seed`, `node dist/cli.js migrate seed`. The only
 * place migrations run (`npm run migrate`, the image's migrate command, the Kubernetes Job): under an advisory
 * lock, so runs started at once take turns. The API and the worker refuse to start while any is pending.
 */
async function main(commands: string[]): Promise<void> {
  const config = loadConfig();
  // Two connections: one holds the migration lock, one runs them. No statement timeout: a migration over a
  // large table may take long.
  const db = await createDataSource(config, { poolSize: 2, statementTimeoutMs: 0 }).initialize();
  try {
    for (const command of commands) {
      if (command === 'migrate') {
        const ran = await migrateLocked(db, () => console.log('En annen migrering pågår: venter til den er ferdig …'));
        console.log(ran.length ? `Kjørte ${ran.length} migrering(er): ${ran.join(', ')}` : 'Databasen er oppdatert.');
      } else if (command === 'wait-migrations') {
        await waitForMigrations(db);
      } else if (command === 'seed') {
        const { created } = await seedDemo(db);
        console.log(created ? 'Demodata lastet.' : 'Demodata finnes allerede.');
        if (config.DEMO_OIDC_ISSUER) await seedDemoOidc(db, config.DEMO_OIDC_ISSUER);
      } else {
        throw new Error(`Ukjent kommando «${command}». Bruk migrate, wait-migrations og/eller seed.`);
      }
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
