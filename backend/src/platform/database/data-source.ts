import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './naming.js';
import { MIGRATIONS } from './migrations/index.js';

// Calendar dates stay 'YYYY-MM-DD' strings: a date has no time zone to shift it.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/** The one DataSource of a process. Schema changes go through migrations only (never synchronize). */
export function createDataSource(
  config: Pick<AppConfig, 'DATABASE_URL'>,
  options: { poolSize?: number; /** 0: none (migrations may take long). */ statementTimeoutMs?: number } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 20,
      connectionTimeoutMillis: 3000,
      // A statement that hangs (e.g. during a database restart) must not hold a request forever.
      statement_timeout: options.statementTimeoutMs ?? 15000,
    },
  });
}
