import 'reflect-metadata';
import { loadConfig } from './platform/config/config.js';
import { createDataSource } from './platform/database/data-source.js';
import { migrateLocked } from './platform/database/migration-state.js';
import { seedDemo } from './seed/demo.js';

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
      } else if (command === 'seed') {
        const { created } = await seedDemo(db);
        console.log(created ? 'Demodata lastet.' : 'Demodata finnes allerede.');
      } else {
        throw new Error(`Ukjent kommando «${command}». Bruk migrate og/eller seed.`);
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
