import 'reflect-metadata';
import { loadConfig } from '../src/platform/config/config.js';
import { createDataSource } from '../src/platform/database/data-source.js';
import { seedDemo } from '../src/seed/demo.js';

/** Migrates the run's fresh test database (created by `npm test`) and loads the demo data as fixtures. */
export default async function setup() {
  if (!process.env.DATABASE_URL?.includes('_test')) {
    throw new Error('DATABASE_URL must name a test database (run the tests with `npm test`)');
  }
  const db = await createDataSource(loadConfig(), { poolSize: 2 }).initialize();
  await db.runMigrations({ transaction: 'each' });
  await seedDemo(db, { year: 2026 });
  await db.destroy();
}
