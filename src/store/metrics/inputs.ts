/**
 * Reads that feed the wallet-intelligence sync jobs (issue 13): which traded markets still lack a resolution.
 */
import type { Store } from '../types.ts';
import { msParam } from '../queries/sql.ts';

/**
 * Markets that some stored wallet traded, holds or closed, that have no resolution yet and are due to have one
 * (their end date has passed, or the store does not know it): the markets the resolution sync asks Gamma about,
 * the longest overdue first, at most `limit`.
 */
export async function listMarketsAwaitingResolution(
  store: Store,
  options: { now: number; limit: number },
  signal?: AbortSignal,
): Promise<string[]> {
  const rows = await store.query<{ conditionId: string }>(
    `SELECT condition_id AS conditionId
     FROM (
       SELECT DISTINCT condition_id FROM wallet_activity WHERE condition_id != ''
       UNION DISTINCT SELECT DISTINCT condition_id FROM wallet_positions
       UNION DISTINCT SELECT DISTINCT condition_id FROM closed_positions
     ) AS traded
     LEFT ANY JOIN (SELECT condition_id, argMax(end_date, updated_at) AS end_date FROM markets GROUP BY condition_id) AS m
       USING (condition_id)
     WHERE condition_id NOT IN (SELECT condition_id FROM market_resolutions)
       AND (m.end_date IS NULL OR m.end_date <= ${msParam('now')})
     ORDER BY ifNull(m.end_date, toDateTime64(0, 3, 'UTC')) ASC, condition_id
     LIMIT {limit:UInt32}`,
    { now: options.now, limit: options.limit },
    signal,
  );
  return rows.map((r) => r.conditionId);
}
