import type { Store } from '../types.ts';
import type { WhaleActivityRow } from './activity.ts';
import { getMarketDetail, type MarketDetail } from './market.ts';
import { getMarketTrades } from './market-trades.ts';
import { getOrderBooks, type TokenBook } from './order-book.ts';
import { getPriceHistory, type ChartRange, type PriceHistory } from './price-history.ts';
import { FILL_AGAIN_AFTER_MS, getMarketFill, requestMarketFill, type MarketFillState } from '../state/market-fill.ts';

/** Everything the market view shows: detail, chart, books, trades, and whether missing data is being fetched. */
export interface MarketViewData {
  detail: MarketDetail;
  history: PriceHistory;
  books: TokenBook[];
  trades: WhaleActivityRow[];
  /** The market-fill request for holders and older prices; null when the store had what the view needs. */
  fill: MarketFillState | null;
}

/**
 * The market view's data in one call. When the store has no holders or no price in range for the market, it files
 * a market-fill request (at most once per {@link FILL_AGAIN_AFTER_MS}) for the job to fetch them; the view says
 * "fetching…" while the request is pending.
 */
export async function getMarketView(store: Store, params: { conditionId: string; range: ChartRange; now: number }, signal?: AbortSignal): Promise<MarketViewData> {
  const { conditionId, now } = params;
  const [detail, history, books, trades, fill] = await Promise.all([
    getMarketDetail(store, { conditionId, now }, signal),
    getPriceHistory(store, params, signal),
    getOrderBooks(store, { conditionId, now }, signal),
    getMarketTrades(store, { conditionId }, signal),
    getMarketFill(store, conditionId, signal),
  ]);
  const lacking = detail.outcomes.every((o) => o.holders.length === 0) || history.tokens.length === 0;
  if (!lacking) return { detail, history, books, trades, fill: null };
  const stale = fill === null || (fill.doneAt !== null && now - fill.doneAt > FILL_AGAIN_AFTER_MS);
  if (stale) {
    await requestMarketFill(store, conditionId, now);
    return { detail, history, books, trades, fill: { marketId: conditionId, requestedAt: now, doneAt: null, error: '' } };
  }
  return { detail, history, books, trades, fill };
}
