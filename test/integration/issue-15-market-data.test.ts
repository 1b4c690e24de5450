/**
 * Issue 15: the market view's data from the real embedded store — price history (live snapshots for recent time,
 * CLOB history before them, never overlapping), the marks, the newest stored book, and the on-demand fill request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chTime } from '../../src/store/time.ts';
import { getPriceHistory, HISTORY_BUCKETS } from '../../src/store/queries/price-history.ts';
import { getOrderBooks } from '../../src/store/queries/order-book.ts';
import { getMarketView } from '../../src/store/queries/market-view.ts';
import { pendingMarketFills } from '../../src/store/state/market-fill.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

const M = '0x' + 'ab'.repeat(32);
const YES = '1'.repeat(70);
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const HOUR = 3_600_000;
let store: TestStore;

beforeAll(async () => {
  store = await openTestStore();
  // Live mids every 10 s over the last 30 min: flat at 40¢, then rising to 60¢ in the last 10 minutes.
  const snaps = [];
  for (let t = NOW - 30 * 60_000; t <= NOW; t += 10_000) {
    const mid = t < NOW - 10 * 60_000 ? 0.4 : 0.4 + (0.2 * (t - (NOW - 10 * 60_000))) / (10 * 60_000);
    snaps.push({ market_id: M, token_id: YES, timestamp: chTime(t), mid_price: mid, best_bid: mid - 0.01, best_ask: mid + 0.01, spread_bps: 200 });
  }
  await store.insert('price_snapshots_10s', snaps);
  // CLOB history hourly for a day, at 20¢, including points inside the live span (which must not be used).
  const hist = [];
  for (let t = NOW - 24 * HOUR; t <= NOW; t += HOUR) hist.push({ market_id: M, token_id: YES, timestamp: chTime(t), price: 0.2, fetched_at: chTime(NOW) });
  await store.insert('price_history', hist);
  await store.insert('fired_signals', [
    { signal_id: '00000000-0000-4000-8000-000000000001', market_id: M, token_id: YES, signal_type: 'MOMENTUM_ONLY', direction: 'UP', momentum_velocity: 1, momentum_acceleration: 0, confidence: 'LOW', entry_window: '', price_at_signal: 0.5, timestamp: chTime(NOW - 5 * 60_000) },
  ]);
  const levels = [];
  for (const [at, base] of [[NOW - 20_000, 0.3], [NOW - 10_000, 0.58]] as const) {
    for (let level = 0; level < 3; level++) {
      levels.push({ market_id: M, token_id: YES, timestamp: chTime(at), side: 'BID', level, price: base - 0.01 * level, size: 100 * (level + 1) });
      levels.push({ market_id: M, token_id: YES, timestamp: chTime(at), side: 'ASK', level, price: base + 0.02 + 0.01 * level, size: 50 * (level + 1) });
    }
  }
  await store.insert('order_book_levels', levels);
}, 60_000);
afterAll(async () => closeTestStore(store));

describe('issue 15: market chart data', () => {
  it('1h: the live mids, flat then rising in the last ten minutes; the signal is marked', async () => {
    const h = await getPriceHistory(store, { conditionId: M, range: '1h', now: NOW });
    const prices = h.tokens.find((t) => t.tokenId === YES)!.prices;
    expect(prices).toHaveLength(HISTORY_BUCKETS);
    // The first half hour has no live price and the history's 20¢ points there are before the live span: 20¢.
    expect(prices[10]).toBeCloseTo(0.2, 5);
    expect(prices[Math.floor(HISTORY_BUCKETS * 0.7)]).toBeCloseTo(0.4, 5);
    expect(prices[HISTORY_BUCKETS - 1]!).toBeGreaterThan(0.59);
    expect(h.marks).toEqual([{ at: NOW - 5 * 60_000, kind: 'signal', label: 'UP', tokenId: YES }]);
    expect(h.newestLiveAt).toBe(NOW);
  });

  it('1d: CLOB history before the live span, live mids after it, never the history inside it', async () => {
    const h = await getPriceHistory(store, { conditionId: M, range: '1d', now: NOW });
    const prices = h.tokens[0]!.prices;
    expect(prices[0]).toBeCloseTo(0.2, 5);
    expect(prices[HISTORY_BUCKETS - 1]!).toBeGreaterThan(0.59);
    const liveFrom = Math.floor((NOW - 30 * 60_000 - h.from) / h.stepMs);
    for (const p of prices.slice(liveFrom + 1)) expect(p!).toBeGreaterThanOrEqual(0.4 - 1e-9);
  });

  it('the book is the newest stored set, best first', async () => {
    const [book] = await getOrderBooks(store, { conditionId: M, now: NOW });
    expect(book!.at).toBe(NOW - 10_000);
    expect(book!.bids.map((l) => l.price)).toEqual([0.58, 0.57, 0.56].map((x) => expect.closeTo(x, 9)));
    expect(book!.asks[0]!.price).toBeCloseTo(0.6, 9);
  });

  it('a market with no holders files one fill request and says so', async () => {
    const v = await getMarketView(store, { conditionId: M, range: '1h', now: NOW });
    expect(v.fill).toMatchObject({ marketId: M, doneAt: null });
    expect((await pendingMarketFills(store)).map((r) => r.marketId)).toEqual([M]);
  });
});
