import 'reflect-metadata';
import { loadConfig } from './platform/config/config.js';
import { createDataSource } from './platform/database/data-source.js';
import { seedDemo } from './seed/demo.js';
import { seedDemoOidc } from './seed/demo-oidc.js';

/** Operations: `node dist/cli.js migrate`, `node dist/cli.js seed`, `node dist/cli.js migrate seed`. */
async function main(commands: string[]): Promise<void> {
  const config = loadConfig();
  const db = await createDataSource(config, { poolSize: 2 }).initialize();
  try {
    for (const command of commands) {
      if (command === 'migrate') {
        const ran = await db.runMigrations({ transaction: 'each' });
        console.log(ran.length ? `Kjørte ${ran.length} migrering(er): ${ran.map((r) => r.name).join(', ')}` : 'Databasen er oppdatert.');
      } else if (command === 'seed') {
        const { created } = await seedDemo(db);
        console.log(created ? 'Demodata lastet.' : 'Demodata finnes allerede.');
        if (config.DEMO_OIDC_ISSUER) await seedDemoOidc(db, config.DEMO_OIDC_ISSUER);
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
