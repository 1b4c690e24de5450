import type { Store } from '../types.ts';

/**
 * Active, open markets by total volume (descending; condition id breaks ties) as market-sync stored them: the
 * ranking holder-sync follows after a restart, before market-sync has run in this process.
 */
export async function readTopMarketsByVolume(store: Store, limit: number, signal?: AbortSignal): Promise<string[]> {
  const rows = await store.query<{ condition_id: string }>(
    `SELECT condition_id FROM markets FINAL
     WHERE active = 1 AND closed = 0
     ORDER BY volume DESC, condition_id
     LIMIT {limit:UInt32}`,
    { limit },
    signal,
  );
  return rows.map((r) => r.condition_id);
}
