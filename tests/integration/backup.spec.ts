import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, restore } from '../../infra/src/backup.js';
import { dropDatabase, ensureDatabase } from '../../infra/src/services.js';
import { runToEnd, startProcess } from '../support/app-process.js';

const withName = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function snapshot(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = [
      'municipality',
      'app_user',
      'body',
      'membership',
      'mandate_item',
      'case_file',
      'submission',
      'decision',
      'scenario_result',
      'audit_event',
    ];
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = Number((await client.query(`SELECT count(*) FROM ${t}`)).rows[0].count);
    const hash = (await client.query(`SELECT md5(string_agg(result::text, '' ORDER BY id)) AS h FROM scenario_result`)).rows[0].h as string;
    return { counts, hash };
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  const base = process.env.DATABASE_URL!;
  const source = withName(base, `${new URL(base).pathname.slice(1)}_bk_src`);
  const target = withName(base, `${new URL(base).pathname.slice(1)}_bk_dst`);
  afterAll(async () => {
    await dropDatabase(source).catch(() => undefined);
    await dropDatabase(target).catch(() => undefined);
  });

  it('round-trips the whole database through pg_dump and pg_restore', async () => {
    await ensureDatabase(source);
    const seeded = await runToEnd(startProcess('cli', { DATABASE_URL: source, LOG_LEVEL: 'warn' }, ['migrate', 'seed']));
    expect(seeded.code, seeded.output).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'samrad-backup-')), 'samrad.dump');
    backup(source, file);
    await ensureDatabase(target);
    restore(target, file);
    const [a, b] = [await snapshot(source), await snapshot(target)];
    expect(b).toEqual(a);
    expect(a.counts.audit_event).toBeGreaterThanOrEqual(0);
    expect(a.counts.scenario_result).toBe(2);
    // The restored audit trail is still append-only.
    const client = new pg.Client({ connectionString: target });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const [{ id: muni }] = (await client.query(`SELECT id FROM municipality LIMIT 1`)).rows;
      await client.query(
        `INSERT INTO audit_event (municipality_id, action, entity_type, entity_id, changes) VALUES ($1, 'create', 'body', $1, '{}')`,
        [muni],
      );
      await expect(client.query(`DELETE FROM audit_event`)).rejects.toThrow(/kun for tillegg/);
    } finally {
      await client.end();
    }
  });
});
