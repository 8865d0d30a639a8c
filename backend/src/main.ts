import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { loadConfig } from './platform/config/config.js';
import { createLogger } from './platform/logging/logger.js';

const config = loadConfig();
const logger = createLogger(config, 'samrad-api');
const app = await createApp(config, logger);
await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ port: config.PORT, node: process.version }, 'Samråd API listening');
