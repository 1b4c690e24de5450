import type { Store } from '../types.ts';
import { toMs } from './sql.ts';

/** One price level. */
export interface BookLevel {
  price: number;
  size: number;
}

/** The newest stored book of one outcome token: best first on both sides. */
export interface TokenBook {
  tokenId: string;
  /** Epoch ms of the snapshot boundary it was taken at. */
  at: number;
  bids: BookLevel[];
  asks: BookLevel[];
}

interface RawLevel {
  tokenId: string;
  at: number;
  side: 'BID' | 'ASK';
  level: number;
  price: number;
  size: number;
}

/**
 * The newest order book of each outcome of `conditionId` the live feed stored (order_book_levels, written at every
 * 10 s snapshot), within the last `maxAgeMs` (default 10 min): older books are not live and are not shown.
 */
export async function getOrderBooks(store: Store, params: { conditionId: string; now: number; maxAgeMs?: number }, signal?: AbortSignal): Promise<TokenBook[]> {
  const rows = await store.query<RawLevel>(
    `SELECT token_id AS tokenId, ${toMs('timestamp')} AS at, toString(side) AS side, level, price, size
     FROM order_book_levels
     WHERE market_id = {conditionId:String}
       AND (token_id, timestamp) IN (
         SELECT token_id, max(timestamp) FROM order_book_levels
         WHERE market_id = {conditionId:String} AND timestamp >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
         GROUP BY token_id)
     ORDER BY tokenId, side, level`,
    { conditionId: params.conditionId, from: params.now - (params.maxAgeMs ?? 600_000) },
    signal,
  );
  const books = new Map<string, TokenBook>();
  for (const r of rows) {
    let b = books.get(r.tokenId);
    if (!b) books.set(r.tokenId, (b = { tokenId: r.tokenId, at: r.at, bids: [], asks: [] }));
    (r.side === 'BID' ? b.bids : b.asks).push({ price: r.price, size: r.size });
  }
  return [...books.values()];
}
