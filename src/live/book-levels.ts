import { chTime } from '../store/time.ts';
import type { Row } from '../store/types.ts';
import type { TokenState } from './feed.ts';

/** Levels of each side stored per snapshot (the market view shows at most this many). */
export const BOOK_LEVELS_STORED = 8;

/**
 * `order_book_levels` rows for every token with a valid book at `at`: the best `levels` bids and asks, level 0
 * the best price. A token whose book is invalid (disconnected, tick size changed) gets no rows, so the view says
 * the book is stale instead of drawing one we no longer hold.
 */
export function bookLevelRows(tokens: Iterable<TokenState>, at: number, levels = BOOK_LEVELS_STORED): Row[] {
  const rows: Row[] = [];
  const timestamp = chTime(at);
  for (const s of tokens) {
    if (!s.book.valid) continue;
    const { bids, asks } = s.book.levels();
    // Wire order keeps the best price last on both sides.
    const best = (side: 'BID' | 'ASK', list: readonly { price: number; size: number }[]) => {
      for (let level = 0; level < levels && level < list.length; level++) {
        const l = list[list.length - 1 - level]!;
        rows.push({ market_id: s.marketId, token_id: s.tokenId, timestamp, side, level, price: l.price, size: l.size });
      }
    };
    best('BID', bids);
    best('ASK', asks);
  }
  return rows;
}
