/**
 * What the live watchlist is chosen from (the choice itself is `live/watchlist.ts`): the elite wallets of a
 * board, the markets they hold or traded, the busiest markets of the day, and each candidate market's tokens.
 */
import { chTime } from '../time.ts';
import type { Store } from '../types.ts';

/** A leaderboard, by its three keys. */
export interface BoardKey {
  category: string;
  timePeriod: string;
  orderBy: string;
}

/** A wallet ranked on the elite board. */
export interface EliteWallet {
  proxy_wallet: string;
  user_name: string;
  rank: number;
  pnl: number;
}

/** Metadata of a market the feed could follow, with its outcome tokens. */
export interface WatchableMarket {
  condition_id: string;
  question: string;
  slug: string;
  category: string;
  clob_token_ids: string[];
  outcomes: string[];
  closed: number;
}

/**
 * Ranks 1..n of `board` in its newest snapshot only (one leaderboard-sync run writes one snapshot_time, and a
 * board is written only once complete): a wallet that left the board is not elite any more, and rows of older
 * sweeps never mix into the set as repeated ranks.
 */
export function readEliteWallets(store: Store, board: BoardKey, n: number): Promise<EliteWallet[]> {
  return store.query<EliteWallet>(
    `WITH board AS (
       SELECT proxy_wallet, user_name, rank, pnl, snapshot_time FROM trader_rankings FINAL
       WHERE category = {category:String} AND time_period = {period:String} AND order_by = {order:String}
     )
     SELECT proxy_wallet, user_name, rank, pnl FROM board
     WHERE rank BETWEEN 1 AND {n:UInt32}
       AND snapshot_time = (SELECT max(snapshot_time) FROM board)
     ORDER BY rank LIMIT {n:UInt32}`,
    { category: board.category, period: board.timePeriod, order: board.orderBy, n },
  );
}

/** Markets in which any of `wallets` holds an open position → how many of them do. */
export async function readMarketsHeldBy(store: Store, wallets: readonly string[]): Promise<Map<string, number>> {
  const rows = await store.query<{ condition_id: string; wallets: string }>(
    `SELECT condition_id, uniqExact(proxy_wallet) AS wallets FROM wallet_positions FINAL
     WHERE proxy_wallet IN {wallets:Array(String)} AND size > 0
     GROUP BY condition_id`,
    { wallets },
  );
  return new Map(rows.map((r) => [r.condition_id, Number(r.wallets)]));
}

/** Markets in which any of `wallets` traded since `sinceMs` (epoch ms) → how many of them did. */
export async function readMarketsTradedBy(store: Store, wallets: readonly string[], sinceMs: number): Promise<Map<string, number>> {
  const rows = await store.query<{ condition_id: string; wallets: string }>(
    `SELECT condition_id, uniqExact(proxy_wallet) AS wallets FROM wallet_activity
     WHERE proxy_wallet IN {wallets:Array(String)} AND activity_type = 'TRADE' AND timestamp >= {since:DateTime64(3, 'UTC')}
     GROUP BY condition_id`,
    { wallets, since: chTime(sinceMs) },
  );
  return new Map(rows.map((r) => [r.condition_id, Number(r.wallets)]));
}

/** The `n` active, open markets with tokens and the highest 24 h volume, busiest first. */
export async function readTopMarketsBy24hVolume(store: Store, n: number): Promise<string[]> {
  const rows = await store.query<{ condition_id: string }>(
    `SELECT condition_id FROM markets FINAL
     WHERE active = 1 AND closed = 0 AND length(clob_token_ids) > 0
     ORDER BY volume_24hr DESC LIMIT {n:UInt32}`,
    { n },
  );
  return rows.map((r) => r.condition_id);
}

/**
 * Metadata of `ids` from `markets`; a market the markets sync has not seen gets the outcome tokens the wallets
 * hold or traded in it (sorted by token id), and counts as open.
 */
export async function readWatchableMarkets(store: Store, ids: readonly string[]): Promise<Map<string, WatchableMarket>> {
  const out = new Map<string, WatchableMarket>();
  if (ids.length === 0) return out;
  const rows = await store.query<WatchableMarket>(
    `SELECT condition_id, question, slug, category, clob_token_ids, outcomes, closed FROM markets FINAL
     WHERE condition_id IN {ids:Array(String)}`,
    { ids },
  );
  for (const r of rows) out.set(r.condition_id, r);
  const missing = ids.filter((id) => !out.has(id));
  if (missing.length === 0) return out;
  const fallback = await store.query<{ condition_id: string; title: string; slug: string; assets: [string, string][] }>(
    `SELECT condition_id, any(title) AS title, any(market_slug) AS slug, groupUniqArray((asset, outcome)) AS assets
     FROM (
       SELECT condition_id, asset, toString(outcome) AS outcome, title, market_slug FROM wallet_positions FINAL
       WHERE condition_id IN {ids:Array(String)} AND asset != ''
       UNION ALL
       SELECT condition_id, asset, toString(outcome) AS outcome, title, market_slug FROM wallet_activity
       WHERE condition_id IN {ids:Array(String)} AND asset != '' AND activity_type = 'TRADE'
     )
     GROUP BY condition_id`,
    { ids: missing },
  );
  for (const r of fallback) {
    const assets = [...r.assets].sort((a, b) => a[0].localeCompare(b[0]));
    out.set(r.condition_id, {
      condition_id: r.condition_id,
      question: r.title,
      slug: r.slug,
      category: '',
      clob_token_ids: assets.map((a) => a[0]),
      outcomes: assets.map((a) => a[1]),
      closed: 0,
    });
  }
  return out;
}
