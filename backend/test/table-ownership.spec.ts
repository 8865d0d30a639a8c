import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.js';
import { createDataSource } from '../src/platform/database/data-source.js';
import { ENTITIES } from '../src/platform/database/entities.js';
import { TABLE_OWNERS } from '../src/platform/database/table-owners.js';

const SRC = join(import.meta.dirname, '../src');
/** TypeORM's own bookkeeping: owned by the platform, never read or written by the app. */
const WITHOUT_TYPED_HOME = new Set(['schema_migrations']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [join(dir, d.name)] : [],
  );
}

/** The owner a source file writes as: its module, or the platform (the seed and migrations write everything and are left out). */
function writerOf(file: string): string | null {
  const path = relative(SRC, file).split('\\').join('/');
  if (path.startsWith('seed/') || path.startsWith('platform/database/migrations/')) return null;
  const module = /^modules\/([^/]+)\//.exec(path);
  return module ? module[1]! : 'platform';
}

export interface Write {
  table: string;
  how: string;
}

/**
 * The tables a source text writes: SQL (`INSERT INTO x`, `UPDATE x`, `DELETE FROM x`, `MERGE INTO x`; an
 * `ON CONFLICT` upsert is an INSERT) and TypeORM writes of an entity (`m.insert(E`, `m.save(E`,
 * `getRepository(E).delete(`, `createAudited(m, audit, ctx, E`, ...). SQL keywords count in capitals only,
 * as the code writes them, so prose ("update the round") is not a write.
 */
export function writesIn(text: string, tables: ReadonlySet<string>, entityTables: ReadonlyMap<string, string>): Write[] {
  const found: Write[] = [];
  for (const match of text.matchAll(
    /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE(?:\s+TABLE)?)\s+"?([a-z_][a-z0-9_]*)"?/g,
  )) {
    if (tables.has(match[2]!)) found.push({ table: match[2]!, how: match[0].replace(/\s+/g, ' ') });
  }
  const entityWrite = [
    /\.(?:insert|save|update|delete|upsert|remove|softDelete|restore|increment|decrement|preload)\(\s*([A-Z]\w*)\s*[,)]/g,
    /getRepository\(\s*([A-Z]\w*)\s*\)\s*\.(?:insert|save|update|delete|upsert|remove|softDelete|restore|increment|decrement)\(/g,
    /\b(?:createAudited|updateVersioned|deleteAudited)\(\s*\w+\s*,\s*[\w.]+\s*,\s*\w+\s*,\s*([A-Z]\w*)\s*,/g,
    /\.createQueryBuilder\(\)\s*\.(?:insert\(\)\s*\.into|update|delete\(\)\s*\.from)\(\s*([A-Z]\w*)/g,
  ];
  for (const pattern of entityWrite) {
    for (const match of text.matchAll(pattern)) {
      const table = entityTables.get(match[1]!);
      if (table) found.push({ table, how: match[0].replace(/\s+/g, ' ') });
    }
  }
  return found;
}

describe('each module owns its tables', () => {
  let db: DataSource;
  let tables: string[];
  const entityTables = new Map<string, string>();

  beforeAll(async () => {
    db = await createDataSource(loadConfig(), { poolSize: 1 }).initialize();
    const rows: { table_name: string }[] = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    tables = rows.map((r) => r.table_name);
    for (const entity of ENTITIES) entityTables.set(entity.name, db.getMetadata(entity).tableName);
  });
  afterAll(() => db?.destroy());

  it('every table of the migrated schema has exactly one owner, and every owned table exists', () => {
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((t) => !(t in TABLE_OWNERS))).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((t) => !tables.includes(t))).toEqual([]);
  });

  it("every table has one typed home (an entity or typed rows) in its owner's folder", async () => {
    const homes = new Map<string, string[]>();
    const addHome = (table: string, file: string) => homes.set(table, [...(homes.get(table) ?? []), file]);
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/@Entity\(\s*'([a-z_]+)'/g)) addHome(match[1]!, file);
      if (file.endsWith('.rows.ts')) {
        const rows = (await import(pathToFileURL(file).href)) as { ROW_TABLES?: readonly string[] };
        expect(rows.ROW_TABLES, `${file} lists its tables in ROW_TABLES`).toBeDefined();
        for (const table of rows.ROW_TABLES ?? []) addHome(table, file);
      }
    }
    // Every entity in the source is registered with the DataSource.
    const registered = new Set(entityTables.values());
    expect([...homes].filter(([t, files]) => files.some((f) => f.endsWith('.entity.ts')) && !registered.has(t)).map(([t]) => t)).toEqual(
      [],
    );

    const problems: string[] = [];
    for (const table of tables) {
      if (WITHOUT_TYPED_HOME.has(table)) continue;
      const owner = TABLE_OWNERS[table as keyof typeof TABLE_OWNERS];
      const files = homes.get(table) ?? [];
      if (files.length !== 1) problems.push(`${table}: ${files.length} typed homes (${files.map((f) => relative(SRC, f)).join(', ')})`);
      for (const file of files) if (writerOf(file) !== owner) problems.push(`${table}: typed in ${relative(SRC, file)}, owned by ${owner}`);
    }
    expect(problems).toEqual([]);
  });

  it("every table's typed rows name exactly its columns, nullable where the column is", async () => {
    const columns: { table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }[] = await db.query(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const pascal = (table: string) => table.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
    const problems: string[] = [];
    for (const file of sourceFiles(SRC).filter((f) => f.endsWith('.rows.ts'))) {
      const text = readFileSync(file, 'utf8');
      const { ROW_TABLES } = (await import(pathToFileURL(file).href)) as { ROW_TABLES: readonly string[] };
      for (const table of ROW_TABLES) {
        const body = new RegExp(`export interface ${pascal(table)}Row \\{([^}]*)\\}`).exec(text)?.[1];
        if (body === undefined) {
          problems.push(`${table}: no ${pascal(table)}Row in ${relative(SRC, file)}`);
          continue;
        }
        const fields = [...body.matchAll(/^\s*(\w+)\??: ([^;]+);/gm)].map((m) => `${m[1]}${/\bnull\b/.test(m[2]!) ? ' | null' : ''}`);
        const expected = columns
          .filter((c) => c.table_name === table)
          .map((c) => `${c.column_name}${c.is_nullable === 'YES' ? ' | null' : ''}`);
        if (fields.join(', ') !== expected.join(', '))
          problems.push(`${table}: rows [${fields.join(', ')}], columns [${expected.join(', ')}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no module writes a table it does not own', () => {
    const known = new Set(tables);
    const problems: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const writer = writerOf(file);
      if (!writer) continue;
      for (const write of writesIn(readFileSync(file, 'utf8'), known, entityTables)) {
        const owner = TABLE_OWNERS[write.table as keyof typeof TABLE_OWNERS];
        if (owner !== writer) problems.push(`${relative(SRC, file)} (${writer}) writes ${write.table} (owned by ${owner}): ${write.how}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the scan finds SQL and TypeORM writes, and not reads or prose', () => {
    const known = new Set(['app_user', 'comment', 'user_session', 'input_round']);
    const entities = new Map([['User', 'app_user']]);
    const writes = (text: string) => writesIn(text, known, entities).map((w) => w.table);
    expect(writes('`INSERT INTO comment (a) VALUES ($1) ON CONFLICT (a) DO UPDATE SET a = 1`')).toEqual(['comment']);
    expect(writes('`UPDATE app_user SET x = 1`; `DELETE FROM user_session WHERE a`')).toEqual(['app_user', 'user_session']);
    expect(writes('`UPDATE input_round r SET closed_at = $1`')).toEqual(['input_round']);
    expect(writes('m.save(User, u); m.insert(User, {}); this.db.getRepository(User).delete({ id })')).toEqual([
      'app_user',
      'app_user',
      'app_user',
    ]);
    expect(writes('await createAudited(m, this.audit, ctx, User, "user", input)')).toEqual(['app_user']);
    expect(writes('`SELECT * FROM app_user FOR UPDATE`; // update the app_user row; m.findOneBy(User, {})')).toEqual([]);
  });
});
