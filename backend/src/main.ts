import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { loadConfig } from './platform/config/config.js';
import { assertMigrationsCurrent, MigrationsBehind } from './platform/database/migration-state.js';
import { createLogger } from './platform/logging/logger.js';

const config = loadConfig();
const logger = createLogger(config, 'samrad-api');
await refuseWhenBehind();
const app = await createApp(config, logger);
await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ port: config.PORT, node: process.version }, 'Samråd API listening');

/** The API never migrates: against a database whose migrations are behind, it says so and exits (code 1). */
async function refuseWhenBehind() {
  try {
    await assertMigrationsCurrent(config, { nb: 'API-et', en: 'The API' });
  } catch (error) {
    if (!(error instanceof MigrationsBehind)) throw error;
    logger.fatal({ pending: error.pending }, error.message);
    if (!logger.isLevelEnabled('fatal')) console.error(error.message);
    process.exit(1);
  }
}
