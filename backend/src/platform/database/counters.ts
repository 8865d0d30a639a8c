import type { EntityManager } from 'typeorm';

/** The next number in a yearly sequence (archive numbers per municipality, committee numbers per body). */
export async function nextNumber(m: EntityManager, scope: 'archive' | 'committee', ownerId: string, year: number): Promise<number> {
  const rows: { last: number }[] = await m.query(
    `INSERT INTO number_counter (scope, owner_id, year, last) VALUES ($1, $2, $3, 1)
     ON CONFLICT (scope, owner_id, year) DO UPDATE SET last = number_counter.last + 1
     RETURNING last`,
    [scope, ownerId, year],
  );
  return rows[0]!.last;
}
