import type { DataSource } from 'typeorm';
import type { JobPayload } from '../../platform/queue/jobs.js';
import type { AuditService } from '../audit/audit.service.js';
import { parseUnits } from './allocation.service.js';
import { storeDataset, tableContext } from './datasets.js';

/**
 * Runs a large dataset import: parse and validate every row, then store the dataset only when the
 * whole file is clean. Progress is reported as it goes; errors are kept by row and column.
 */
export async function runImport(
  db: DataSource,
  audit: AuditService,
  p: JobPayload<'allocation.import'>,
  progress: (pct: number) => Promise<void>,
) {
  const rows: {
    municipality_id: string;
    allocation_case_id: string;
    name: string;
    format: 'csv' | 'xlsx' | 'json';
    content: string | null;
    mapping: Record<string, number> | null;
    status: string;
    created_by: string;
  }[] = await db.query(
    `SELECT municipality_id, allocation_case_id, name, format, content, mapping, status, created_by FROM import_job WHERE id = $1`,
    [p.importId],
  );
  const job = rows[0];
  if (!job || job.status === 'done' || job.status === 'failed' || job.content === null) return;
  const step = async (pct: number, status = 'running') => {
    await db.query(`UPDATE import_job SET progress = $2, status = $3 WHERE id = $1`, [p.importId, pct, status]);
    await progress(pct);
  };
  await step(10);
  let parsed;
  try {
    parsed = await parseUnits(
      { format: job.format, content: job.content, mapping: job.mapping },
      await tableContext(db.manager, job.allocation_case_id),
    );
  } catch (error) {
    const errors = ((error as { getResponse?: () => { errors?: unknown[] } }).getResponse?.().errors ?? [
      { path: '', message: (error as Error).message },
    ]) as unknown[];
    await db.query(
      `UPDATE import_job SET status = 'failed', errors = $2, content = NULL, mapping = NULL, progress = 100, finished_at = now() WHERE id = $1`,
      [p.importId, JSON.stringify(errors)],
    );
    await progress(100);
    return;
  }
  await step(70);
  await db.transaction(async (m) => {
    const stored = await storeDataset(
      m,
      audit,
      { municipalityId: job.municipality_id, userId: job.created_by },
      job.allocation_case_id,
      job.name,
      job.format,
      parsed,
    );
    await m.query(
      `UPDATE import_job SET status = 'done', dataset_id = $2, content = NULL, mapping = NULL, progress = 100, finished_at = now() WHERE id = $1`,
      [p.importId, stored.id],
    );
  });
  await progress(100);
}
