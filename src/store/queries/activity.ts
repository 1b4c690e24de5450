import type { Store } from '../types.ts';
import { msParam, selectList, toMs, walletName, type JsonField } from './sql.ts';

/** One whale activity (the Phase 2 spec's WhaleActivityFeed, camelCase). */
export interface WhaleActivityRow {
  wallet: string;
  /** Trader's name ('' when unknown; the UI falls back to the short wallet). */
  name: string;
  conditionId: string;
  type: string;
  side: string;
  outcome: string;
  size: number;
  usd: number;
  price: number;
  title: string;
  slug: string;
  transactionHash: string;
  /** Epoch ms. */
  at: number;
}

/** The fields of a {@link WhaleActivityRow} read from wallet_activity, less the wallet and its name. */
export const ACTIVITY_FIELDS: readonly JsonField[] = [
  ['conditionId', 'String', 'condition_id'],
  ['type', 'String', 'activity_type'],
  ['side', 'String', 'side'],
  ['outcome', 'String', 'outcome'],
  ['size', 'Float64', 'size'],
  ['usd', 'Float64', 'usdc_size'],
  ['price', 'Float64', 'price'],
  ['title', 'String', 'title'],
  ['slug', 'String', 'market_slug'],
  ['transactionHash', 'String', 'transaction_hash'],
  ['at', 'Float64', toMs('timestamp')],
];

/** Filters of {@link getWhaleActivity}. */
export interface WhaleActivityParams {
  /** Smallest USDC size shown (default 500, the spec's whale threshold). */
  minUsd?: number;
  limit?: number;
  /** Look-back in hours (default 24). */
  windowHours?: number;
  /** Only this wallet ('' for all tracked wallets). */
  wallet?: string;
  /** Epoch ms taken as "now" (tests, replays); default the wall clock. */
  now?: number;
}

/**
 * Activity at or above `minUsd` within the window, newest first, with the traders' names, in one statement.
 * Without a wallet, the time window is read through wallet_activity's `by_time` projection (schema/005) in
 * reverse time order, stopping at the LIMIT; with a wallet, through the table's own (proxy_wallet, timestamp) key. No FINAL: wallet_activity is an append-only
 * MergeTree deduplicated at insert.
 */
export function getWhaleActivity(store: Store, params: WhaleActivityParams = {}, signal?: AbortSignal): Promise<WhaleActivityRow[]> {
  const now = params.now ?? Date.now();
  return store.query<WhaleActivityRow>(
    `SELECT proxy_wallet AS wallet, ${walletName('proxy_wallet')} AS name, ${selectList(ACTIVITY_FIELDS)}
     FROM wallet_activity
     WHERE timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}
       AND usdc_size >= {minUsd:Float64}
       AND ({wallet:String} = '' OR proxy_wallet = {wallet:String})
     ORDER BY timestamp DESC, proxy_wallet, transaction_hash, fill_seq
     LIMIT {limit:UInt32}`,
    {
      from: now - (params.windowHours ?? 24) * 3_600_000,
      to: now,
      minUsd: params.minUsd ?? 500,
      wallet: params.wallet ?? '',
      limit: params.limit ?? 50,
    },
    signal,
  );
}
