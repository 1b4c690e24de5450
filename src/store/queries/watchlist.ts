import { chTime } from '../time.ts';
import type { Store } from '../types.ts';
import { lookupNames } from './names.ts';

/**
 * The trader's own watchlist edits (the write side of the TUI). A toggle pins an entry the trader chose
 * (auto_added = 0: the live feed never auto-removes it) or, when it is already pinned, removes it with a newer
 * row (removed = 1). Both tables are ReplacingMergeTree(updated_at), so the newest row is the state and it
 * survives restarts.
 */

interface WatchState {
  n: number | string;
  removed: number;
  auto: number;
  updatedAt: number;
  createdAt: number;
}

/** A version strictly newer than the previous row, so two toggles within one millisecond still order. */
const nextVersion = (state: WatchState | undefined, now: number): number =>
  Math.max(now, state && Number(state.n) > 0 ? state.updatedAt + 1 : 0);

/** The two watchlists: table and key column. Fixed identifiers; the key's value is always a bound parameter. */
const WATCHLISTS = {
  market: { table: 'watchlist_markets', key: 'market_id' },
  wallet: { table: 'watchlist_wallets', key: 'wallet_address' },
} as const;

const watchStateSql = ({ table, key }: (typeof WATCHLISTS)[keyof typeof WATCHLISTS]): string =>
  `SELECT count() AS n, argMax(removed, updated_at) AS removed, argMax(auto_added, updated_at) AS auto,
          toFloat64(toUnixTimestamp64Milli(max(updated_at))) AS updatedAt,
          toFloat64(toUnixTimestamp64Milli(min(created_at))) AS createdAt
   FROM ${table} WHERE ${key} = {key:String}`;

/** The newest state of one watchlist entry (undefined fields when it never existed: n = 0). */
async function readWatchState(store: Store, list: keyof typeof WATCHLISTS, key: string): Promise<WatchState | undefined> {
  const rows = await store.query<WatchState>(watchStateSql(WATCHLISTS[list]), { key });
  return rows[0];
}

const isPinned = (s: WatchState | undefined): boolean =>
  s !== undefined && Number(s.n) > 0 && Number(s.removed) === 0 && Number(s.auto) === 0;

/** Toggles the trader's pin on a market; resolves to true when the market is now pinned. */
export async function toggleWatchMarket(store: Store, conditionId: string, now = Date.now()): Promise<boolean> {
  const [state, markets] = await Promise.all([
    readWatchState(store, 'market', conditionId),
    store.query<{ question: string; slug: string; category: string; tokenIds: string[]; outcomes: string[] }>(
      `SELECT argMax(question, updated_at) AS question, argMax(slug, updated_at) AS slug,
              argMax(category, updated_at) AS category, argMax(clob_token_ids, updated_at) AS tokenIds,
              argMax(outcomes, updated_at) AS outcomes
       FROM markets WHERE condition_id = {id:String} GROUP BY condition_id`,
      { id: conditionId },
    ),
  ]);
  const pin = !isPinned(state);
  const version = nextVersion(state, now);
  const m = markets[0];
  await store.insert('watchlist_markets', [
    {
      market_id: conditionId,
      market_slug: m?.slug ?? '',
      question: m?.question ?? '',
      category: m?.category ?? '',
      token_ids: m?.tokenIds ?? [],
      outcomes: m?.outcomes ?? [],
      auto_added: 0,
      auto_added_reason: 'manual',
      removed: pin ? 0 : 1,
      created_at: chTime(state && Number(state.n) > 0 ? state.createdAt : version),
      updated_at: chTime(version),
    },
  ]);
  return pin;
}

/** Toggles the trader's pin on a wallet; resolves to true when the wallet is now pinned. */
export async function toggleWatchWallet(store: Store, wallet: string, now = Date.now()): Promise<boolean> {
  const address = wallet.toLowerCase();
  const [state, names] = await Promise.all([
    readWatchState(store, 'wallet', address),
    lookupNames(store, [address]),
  ]);
  const pin = !isPinned(state);
  const version = nextVersion(state, now);
  const info = names.get(address);
  await store.insert('watchlist_wallets', [
    {
      wallet_address: address,
      label: info?.name ?? '',
      best_rank: info?.rank ?? 0,
      auto_added: 0,
      auto_added_reason: 'manual',
      removed: pin ? 0 : 1,
      created_at: chTime(state && Number(state.n) > 0 ? state.createdAt : version),
      updated_at: chTime(version),
    },
  ]);
  return pin;
}
