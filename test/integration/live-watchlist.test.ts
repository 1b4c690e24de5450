import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshWatchlist } from '../../src/live/watchlist.ts';
import type { WatchlistOptions } from '../../src/live/watchlist.ts';
import { chTime } from '../../src/store/client.ts';
import { closeTestStore, openTestStore } from '../helpers/store.ts';
import type { TestStore } from '../helpers/store.ts';

let store: TestStore;
const NOW = Date.now() - (Date.now() % 1000);
const cid = (c: string): string => '0x' + c.repeat(64);
const W1 = '0x' + '1'.repeat(40);
const W2 = '0x' + '2'.repeat(40);
const OPTS: WatchlistOptions = {
  eliteBoard: { category: 'OVERALL', timePeriod: 'ALL', orderBy: 'PNL' },
  eliteTopN: 2,
  recentTradeMs: 86_400_000,
  topVolumeMarkets: 1,
  maxMarkets: 10,
};

beforeAll(async () => {
  store = await openTestStore();
  const t = chTime(NOW - 60_000);
  await store.insert('trader_rankings', [
    { proxy_wallet: W1, user_name: 'alpha', rank: 1, category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', snapshot_time: t },
    { proxy_wallet: W2, user_name: 'beta', rank: 2, category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', snapshot_time: t },
    { proxy_wallet: '0x' + '3'.repeat(40), user_name: 'gamma', rank: 3, category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', snapshot_time: t },
  ]);
  await store.insert(
    'markets',
    ['a', 'b', 'c', 'd', 'e', 'f'].map((c, i) => ({
      condition_id: cid(c),
      question: `Q ${c}?`,
      slug: `m-${c}`,
      outcomes: ['Yes', 'No'],
      clob_token_ids: [`${i}1`, `${i}2`],
      volume_24hr: c === 'e' ? 1e6 : 10 * i,
      closed: c === 'f' ? 1 : 0,
      updated_at: t,
    })),
  );
  await store.insert('wallet_positions', [
    { proxy_wallet: W1, condition_id: cid('a'), asset: '01', outcome: 'Yes', size: 100, updated_at: t },
    { proxy_wallet: W1, condition_id: cid('f'), asset: '51', outcome: 'Yes', size: 100, updated_at: t },
  ]);
  await store.insert('wallet_activity', [
    { proxy_wallet: W2, condition_id: cid('b'), asset: '11', activity_type: 'TRADE', side: 'BUY', outcome: 'Yes', timestamp: chTime(NOW - 3_600_000) },
    { proxy_wallet: W2, condition_id: cid('c'), asset: '21', activity_type: 'TRADE', side: 'BUY', outcome: 'Yes', timestamp: chTime(NOW - 3 * 86_400_000) },
  ]);
  // The trader added d and removed b in the TUI.
  await store.insert('watchlist_markets', [
    { market_id: cid('d'), auto_added: 0, updated_at: t },
    { market_id: cid('b'), auto_added: 0, removed: 1, updated_at: t },
  ]);
});

afterAll(async () => closeTestStore(store));

describe('refreshWatchlist', () => {
  it('adds elite-held, elite-traded and top-volume markets, keeps manual entries and honours manual removals', async () => {
    const state = await refreshWatchlist(store, OPTS, NOW);
    const byId = new Map(state.markets.map((m) => [m.marketId, m]));
    // a: held by an elite; e: top 24h volume; d: manual (tokens resolved from markets); b: removed by the trader;
    // c: traded too long ago; f: closed.
    expect([...byId.keys()].sort()).toEqual([cid('a'), cid('d'), cid('e')]);
    expect(byId.get(cid('d'))).toMatchObject({ autoAdded: false, tokenIds: ['31', '32'], outcomes: ['Yes', 'No'], question: 'Q d?' });
    expect(byId.get(cid('a'))).toMatchObject({ autoAdded: true, reason: 'held by 1 elite', priority: 1010 });
    expect(byId.get(cid('e'))).toMatchObject({ autoAdded: true, reason: 'top 24h volume #1' });
    expect(state.added).toBe(2);
    expect([...state.wallets.values()].map((w) => [w.wallet, w.rank, w.isElite])).toEqual([
      [W1, 1, true],
      [W2, 2, true],
    ]);
    const rows = await store.query<{ market_id: string; auto_added: number; removed: number }>(
      'SELECT market_id, auto_added, removed FROM watchlist_markets FINAL ORDER BY market_id',
    );
    expect(rows.map((r) => [r.market_id, Number(r.auto_added), Number(r.removed)])).toEqual([
      [cid('a'), 1, 0],
      [cid('b'), 0, 1],
      [cid('d'), 0, 0],
      [cid('e'), 1, 0],
    ]);
  });

  it('removes an auto entry that no longer qualifies with a newer removed=1 row, never a manual one', async () => {
    await store.insert('wallet_positions', [{ proxy_wallet: W1, condition_id: cid('a'), asset: '01', outcome: 'Yes', size: 0, updated_at: chTime(NOW) }]);
    const state = await refreshWatchlist(store, OPTS, NOW + 1000);
    expect(state.removed).toBe(1);
    expect(state.markets.map((m) => m.marketId).sort()).toEqual([cid('d'), cid('e')]);
    const rows = await store.query<{ market_id: string; removed: number }>('SELECT market_id, removed FROM watchlist_markets FINAL WHERE market_id IN ({a:String}, {d:String})', {
      a: cid('a'),
      d: cid('d'),
    });
    expect(Object.fromEntries(rows.map((r) => [r.market_id, Number(r.removed)]))).toEqual({ [cid('a')]: 1, [cid('d')]: 0 });
  });
});
