import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from './app.factory.js';
import { loadConfig } from './platform/config/config.js';
import { assertMigrationsCurrent, MigrationsBehind } from './platform/database/migration-state.js';
import { Readiness } from './platform/health/readiness.js';
import { stopGracefullyOnSignals } from './platform/lifecycle/shutdown.js';
import { createLogger } from './platform/logging/logger.js';

const config = loadConfig();
const logger = createLogger(config, 'samrad-api');
await refuseWhenBehind();
const app = await createApp(config, logger);
// On SIGTERM: /health/ready answers 503 at once; after SHUTDOWN_DELAY_MS the listener closes (new
// requests on open connections get 503 and `Connection: close`), the requests in flight finish, and
// the database and Redis are closed last (Nest's shutdown hooks).
stopGracefullyOnSignals(logger, config.SHUTDOWN_GRACE_MS, async () => {
  app.get(Readiness).drain();
  if (config.SHUTDOWN_DELAY_MS > 0) await sleep(config.SHUTDOWN_DELAY_MS);
  await app.getHttpAdapter().getInstance().close();
  await app.close();
});
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
