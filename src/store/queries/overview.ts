import type { Store } from '../types.ts';
import { CURRENT_POSITIONS, msParam } from './sql.ts';

/** The four stats cards of the Phase 2 spec's Whales page. */
export interface WhalesOverview {
  /** Wallets the sync engine tracks (sync_state), else wallets seen on any leaderboard. */
  trackedWallets: number;
  /** Activities of at least `minUsd` in the last 24 h. */
  whaleTrades24h: number;
  /** Current open positions of tracked wallets. */
  totalPositions: number;
  /** Distinct markets those positions are in. */
  marketsHeld: number;
}

/** Options of {@link getWhalesOverview}. */
export interface OverviewParams {
  minUsd?: number;
  now?: number;
}

/**
 * The stats cards in one round trip; it runs in every refresh round, so each part stays cheap: the whale count
 * reads only the 24 h window through wallet_activity's `by_time` projection (schema/005), and current positions
 * are scanned once for both the count and the distinct markets.
 */
export async function getWhalesOverview(store: Store, params: OverviewParams = {}, signal?: AbortSignal): Promise<WhalesOverview> {
  const now = params.now ?? Date.now();
  const rows = await store.query<Record<keyof WhalesOverview, number | string>>(
    `SELECT
       (SELECT toUInt32(count()) FROM (
          SELECT key, argMax(deleted, updated_at) AS gone FROM sync_state WHERE scope = 'tracked_wallet' GROUP BY key
        ) WHERE gone = 0) AS tracked,
       (SELECT toUInt32(uniqExact(proxy_wallet)) FROM trader_rankings) AS ranked,
       if(tracked > 0, tracked, ranked) AS trackedWallets,
       (SELECT toUInt32(count()) FROM wallet_activity
         WHERE timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')} AND usdc_size >= {minUsd:Float64}
       ) AS whaleTrades24h,
       (SELECT (toUInt32(count()), toUInt32(uniqExact(condition_id))) FROM (${CURRENT_POSITIONS})) AS held,
       held.1 AS totalPositions,
       held.2 AS marketsHeld`,
    { from: now - 24 * 3_600_000, to: now, minUsd: params.minUsd ?? 500, allWallets: 1, wallets: [] },
    signal,
  );
  const r = rows[0];
  return {
    trackedWallets: Number(r?.trackedWallets ?? 0),
    whaleTrades24h: Number(r?.whaleTrades24h ?? 0),
    totalPositions: Number(r?.totalPositions ?? 0),
    marketsHeld: Number(r?.marketsHeld ?? 0),
  };
}
