/**
 * The live watchlist's own rows: `watchlist_markets` and `watchlist_wallets` (schema/004_state.sql), both
 * ReplacingMergeTree(updated_at), so the newest row of a key is its state. Read back normalised (numbers as
 * numbers) so a caller can write a newer version of a row by spreading it. Which entries belong on the lists is
 * `live/watchlist.ts`; the trader's own toggles are `store/queries/watchlist.ts`.
 */
import type { Row, Store } from '../types.ts';

/** The newest row of one watched market. Times are chTime strings, as stored. */
export interface WatchlistMarketRow {
  market_id: string;
  market_slug: string;
  question: string;
  category: string;
  token_ids: string[];
  outcomes: string[];
  auto_added: number;
  auto_added_reason: string;
  priority: number;
  removed: number;
  created_at: string;
}

/** The newest row of one watched wallet. Times are chTime strings, as stored. */
export interface WatchlistWalletRow {
  wallet_address: string;
  label: string;
  best_rank: number;
  elite_score: number | null;
  category: string;
  auto_added: number;
  auto_added_reason: string;
  removed: number;
  created_at: string;
}

/** Every watched market's newest row (removed ones included). */
export async function readWatchlistMarkets(store: Store): Promise<WatchlistMarketRow[]> {
  const rows = await store.query<WatchlistMarketRow>(
    `SELECT market_id, market_slug, question, category, token_ids, outcomes, auto_added, auto_added_reason, priority,
            removed, created_at
     FROM watchlist_markets FINAL`,
  );
  return rows.map((r) => ({ ...r, auto_added: Number(r.auto_added), priority: Number(r.priority), removed: Number(r.removed) }));
}

/** Every watched wallet's newest row (removed ones included). */
export async function readWatchlistWallets(store: Store): Promise<WatchlistWalletRow[]> {
  const rows = await store.query<WatchlistWalletRow>(
    `SELECT wallet_address, label, best_rank, elite_score, category, auto_added, auto_added_reason, removed, created_at
     FROM watchlist_wallets FINAL`,
  );
  return rows.map((r) => ({
    ...r,
    best_rank: Number(r.best_rank),
    auto_added: Number(r.auto_added),
    removed: Number(r.removed),
  }));
}

/** Inserts new versions of watched markets, directly: the next refresh reads them back. */
export async function writeWatchlistMarkets(store: Store, rows: readonly Row[]): Promise<void> {
  if (rows.length > 0) await store.insert('watchlist_markets', rows);
}

/** Inserts new versions of watched wallets, directly: the next refresh reads them back. */
export async function writeWatchlistWallets(store: Store, rows: readonly Row[]): Promise<void> {
  if (rows.length > 0) await store.insert('watchlist_wallets', rows);
}
