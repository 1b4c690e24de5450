/**
 * Requests from the market view for data the store lacks (holders, older prices): the UI writes one, the
 * market-fill job answers it (schema/071_price_history.sql). A ReplacingMergeTree on updated_at: the newest row of
 * a market is its state. The UI never fetches; it asks here and shows "fetching…" until the job is done.
 */
import { chTime } from '../time.ts';
import type { Store } from '../types.ts';
import { toMs } from '../queries/sql.ts';

/** The state of one market's request. */
export interface MarketFillState {
  marketId: string;
  requestedAt: number;
  /** Epoch ms when the job finished it; null while pending. */
  doneAt: number | null;
  error: string;
}

/** How long a finished request stands before the view may ask again (ms). */
export const FILL_AGAIN_AFTER_MS = 10 * 60_000;

/** Asks the market-fill job to fetch holders and price history of `marketId`. */
export async function requestMarketFill(store: Store, marketId: string, now: number): Promise<void> {
  await store.insert('market_fill_requests', [{ market_id: marketId, requested_at: chTime(now), done_at: null, error: '', updated_at: chTime(now) }]);
}

/** Records that the job answered `marketId`'s request (`error` '' on success). */
export async function markMarketFilled(store: Store, marketId: string, requestedAt: number, now: number, error = ''): Promise<void> {
  await store.insert('market_fill_requests', [{ market_id: marketId, requested_at: chTime(requestedAt), done_at: chTime(now), error, updated_at: chTime(now) }]);
}

const SELECT_STATE = `SELECT market_id AS marketId, ${toMs('requested_at')} AS requestedAt,
       if(isNull(done_at), NULL, ${toMs('assumeNotNull(done_at)')}) AS doneAt, error
FROM market_fill_requests FINAL`;

/** Pending requests, oldest first, at most `limit`. */
export function pendingMarketFills(store: Store, limit = 5, signal?: AbortSignal): Promise<MarketFillState[]> {
  return store.query<MarketFillState>(`${SELECT_STATE} WHERE isNull(done_at) ORDER BY requested_at LIMIT {limit:UInt32}`, { limit }, signal);
}

/** The state of `marketId`'s request, or null when it never had one. */
export async function getMarketFill(store: Store, marketId: string, signal?: AbortSignal): Promise<MarketFillState | null> {
  const rows = await store.query<MarketFillState>(`${SELECT_STATE} WHERE market_id = {marketId:String}`, { marketId }, signal);
  return rows[0] ?? null;
}
