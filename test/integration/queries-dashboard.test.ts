import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chTime } from '../../src/store/client.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { M, NOW, T, W, seedDashboard } from '../ui/helpers/seed.ts';
import {
  QUERIES,
  getLeaderboard,
  getMarketDetail,
  getPositionConcentration,
  getSignalHitRate,
  getSignals,
  getSmartMoneyPositions,
  getTopHolders,
  getTraderProfile,
  getWhaleActivity,
  getWhalesOverview,
  toggleWatchMarket,
  toggleWatchWallet,
} from '../../src/store/queries/index.ts';

let store: TestStore;

beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
});

afterAll(async () => {
  await closeTestStore(store);
});

describe('getLeaderboard', () => {
  it('returns the current board by rank and drops a wallet that fell off it', async () => {
    const rows = await getLeaderboard(store);
    expect(rows.map((r) => [r.rank, r.name, r.pnl])).toEqual([
      [1, 'AlphaWhale', 1_234_567],
      [2, 'BetaBear', -45_600],
      [3, '', 12_345],
    ]);
    expect(rows[0]).toMatchObject({ wallet: W.alpha, verified: true, xUsername: 'alphawhale', volume: 9_876_543 });
  });

  it('filters by category/period and by search text or wallet prefix', async () => {
    expect((await getLeaderboard(store, { period: 'WEEK' })).map((r) => r.rank)).toEqual([5]);
    expect((await getLeaderboard(store, { category: 'CRYPTO' })).map((r) => r.wallet)).toEqual([W.alpha]);
    expect((await getLeaderboard(store, { search: 'beta' })).map((r) => r.wallet)).toEqual([W.beta]);
    expect((await getLeaderboard(store, { search: '0x333' })).map((r) => r.wallet)).toEqual([W.anon]);
    expect(await getLeaderboard(store, { search: "x' OR 1=1 --" })).toEqual([]);
  });
});

describe('getWhaleActivity', () => {
  it('returns activity of at least $500 in the last 24 h, newest first, with names', async () => {
    const rows = await getWhaleActivity(store, { now: NOW });
    expect(rows.map((r) => [r.name, r.type, r.side, r.usd, r.at])).toEqual([
      ['AlphaWhale', 'TRADE', 'BUY', 12_000, NOW - 2 * 60_000],
      ['BetaBear', 'TRADE', 'SELL', 3_400, NOW - 3_600_000],
      ['AlphaWhale', 'REDEEM', '', 900, NOW - 3 * 3_600_000],
    ]);
  });

  it('honours min usd, window and limit', async () => {
    expect((await getWhaleActivity(store, { now: NOW, minUsd: 0 })).length).toBe(4);
    expect((await getWhaleActivity(store, { now: NOW, windowHours: 48 })).length).toBe(4);
    expect((await getWhaleActivity(store, { now: NOW, limit: 1 })).map((r) => r.usd)).toEqual([12_000]);
  });
});

describe('getSmartMoneyPositions', () => {
  it('groups current positions of top wallets by market/outcome, largest value first', async () => {
    const rows = await getSmartMoneyPositions(store);
    expect(rows.map((r) => [r.title, r.outcome, r.wallets, r.bestRank, r.topName, r.value, r.cashPnl])).toEqual([
      ['Will BTC hit $100k by June?', 'Yes', 1, 1, 'AlphaWhale', 63_500, 8_500],
      ['Will BTC hit $100k by June?', 'No', 1, 2, 'BetaBear', 7_300, -1_200],
      ['Fed cuts rates in July?', 'No', 1, 1, 'AlphaWhale', 4_400, 400],
    ]);
    expect(rows[0]?.percentPnl).toBeCloseTo((8_500 / 55_000) * 100, 6);
  });
});

describe('getTopHolders', () => {
  it('returns the latest holder snapshot, largest first, with outcome labels and names', async () => {
    const rows = await getTopHolders(store, { conditionId: M.btc });
    expect(rows.map((r) => [r.name, r.outcome, r.amount])).toEqual([
      ['AlphaWhale', 'Yes', 100_000],
      ['BetaBear', 'No', 20_000],
      ['Quiet-Fox', 'Yes', 5_000],
      ['Shy-Otter', 'Yes', 1_000],
      ['', 'No', 500],
      ['GoneGuy', 'Yes', 100],
    ]);
    const perOutcome = await getTopHolders(store, { conditionId: M.btc, perOutcome: 1 });
    expect(perOutcome.map((r) => [r.outcome, r.amount])).toEqual([
      ['Yes', 100_000],
      ['No', 20_000],
    ]);
  });
});

describe('getPositionConcentration', () => {
  it('ranks markets by top-5 share of their current holders', async () => {
    const rows = await getPositionConcentration(store);
    expect(rows.map((r) => [r.question, r.holders, r.totalAmount, r.top5Amount, r.topName, r.topAmount])).toEqual([
      ['Fed cuts rates in July?', 3, 10_000, 10_000, 'AlphaWhale', 5_000],
      ['Will BTC hit $100k by June?', 6, 126_600, 126_500, 'AlphaWhale', 100_000],
    ]);
    expect(rows[1]?.top5Share).toBeCloseTo(126_500 / 126_600, 9);
    expect(await getPositionConcentration(store, { minHolders: 4 })).toHaveLength(1);
  });
});

describe('getWhalesOverview', () => {
  it('counts tracked wallets, whale trades, current positions and markets', async () => {
    expect(await getWhalesOverview(store, { now: NOW })).toEqual({
      trackedWallets: 3,
      whaleTrades24h: 3,
      totalPositions: 4,
      marketsHeld: 2,
    });
  });
});

describe('getTraderProfile', () => {
  it('assembles profile, ranks, positions by value, activity and PnL by period', async () => {
    const d = await getTraderProfile(store, { wallet: W.alpha });
    expect(d.name).toBe('AlphaWhale');
    expect(d.profile).toMatchObject({ bio: 'Macro and crypto.', xUsername: 'alphawhale', verified: true });
    expect(d.ranks.map((r) => [r.category, r.period, r.rank, r.current])).toEqual([
      ['OVERALL', 'ALL', 1, true],
      ['CRYPTO', 'ALL', 2, true],
      ['OVERALL', 'WEEK', 5, true],
    ]);
    expect(d.positions.map((p) => [p.title, p.value])).toEqual([
      ['Will BTC hit $100k by June?', 63_500],
      ['Fed cuts rates in July?', 4_400],
    ]);
    expect(d.activity.map((a) => a.usd)).toEqual([12_000, 900, 5_000]);
    expect(d.pnlByPeriod).toEqual([
      { period: 'WEEK', pnl: 40_000, volume: 200_000 },
      { period: 'ALL', pnl: 1_234_567, volume: 9_876_543 },
    ]);
    expect(d.totals).toEqual({ positions: 2, value: 67_900, cashPnl: 8_900 });
  });

  it('marks a board the wallet fell off as not current and survives a wallet with no profile', async () => {
    const fallen = await getTraderProfile(store, { wallet: W.fallen });
    expect(fallen.profile).toBeNull();
    expect(fallen.ranks.map((r) => r.current)).toEqual([false]);
    expect(fallen.name).toBe('GoneGuy');
  });
});

describe('getTraderProfile (one statement, JSON rows)', () => {
  // A wallet of its own, so the other tests' counts stay as seeded.
  const wallet = `0x${'9'.repeat(40)}`;
  const hostile = 'say "hi" \\ back\\slash\nnew line\ttab \u001b[31mred\u001b]52;c;Zm9v\u0007 🐳 漢字 \u00a0\u0085 ;DROP';
  const market = (c: string) => `0x${c.repeat(64)}`;

  it('returns network strings byte for byte and each section in its own order', async () => {
    const at = (msAgo: number) => chTime(NOW - msAgo);
    await store.insert('trader_profiles', [{ proxy_wallet: wallet, name: hostile, bio: hostile, updated_at: at(60_000) }]);
    const position = (c: string, value: number, title: string) => ({
      proxy_wallet: wallet, condition_id: market(c), title, outcome: 'Yes', size: 10, current_value: value, updated_at: at(60_000),
    });
    await store.insert('wallet_positions', [position('e', 500, 'tie e'), position('d', 500, 'tie d'), position('f', 900, hostile)]);
    const trade = (tx: string, fillSeq: number, msAgo: number) => ({
      proxy_wallet: wallet, condition_id: market('d'), activity_type: 'TRADE', title: hostile, usdc_size: 1,
      transaction_hash: `0x${tx.repeat(64)}`, fill_seq: fillSeq, timestamp: at(msAgo),
    });
    // Inserted out of order: two fills of one transaction and another transaction at the same instant.
    await store.insert('wallet_activity', [trade('2', 0, 60_000), trade('1', 1, 60_000), trade('1', 0, 60_000), trade('3', 0, 120_000)]);

    const d = await getTraderProfile(store, { wallet });
    expect(d.profile).toMatchObject({ wallet, name: hostile, bio: hostile, verified: false });
    expect(d.name).toBe(hostile);
    expect(d.ranks).toEqual([]);
    expect(d.positions.map((p) => [p.title, p.value])).toEqual([[hostile, 900], ['tie d', 500], ['tie e', 500]]);
    expect(d.totals).toEqual({ positions: 3, value: 1_900, cashPnl: 0 });
    expect(d.activity.map((a) => [a.transactionHash.slice(0, 3), a.title === hostile, a.name === hostile])).toEqual([
      ['0x1', true, true],
      ['0x1', true, true],
      ['0x2', true, true],
      ['0x3', true, true],
    ]);
    expect((await getTraderProfile(store, { wallet, activityLimit: 2, positionsLimit: 1 })).activity).toHaveLength(2);
    expect((await getTraderProfile(store, { wallet, positionsLimit: 1 })).totals.positions).toBe(3);
  });

  it('answers for a wallet it has never seen', async () => {
    const d = await getTraderProfile(store, { wallet: `0x${'8'.repeat(40)}` });
    expect(d).toMatchObject({ name: '', profile: null, ranks: [], positions: [], activity: [], pnlByPeriod: [] });
    expect(d.totals).toEqual({ positions: 0, value: 0, cashPnl: 0 });
  });
});

describe('getMarketDetail', () => {
  it('returns question, prices, latest mids and top holders per outcome', async () => {
    const d = await getMarketDetail(store, { conditionId: M.btc, now: NOW });
    expect(d).toMatchObject({ known: true, question: 'Will BTC hit $100k by June?', category: 'Crypto', watched: false });
    expect(d.outcomes.map((o) => [o.label, o.tokenId, o.price, o.mid, o.holders.length])).toEqual([
      ['Yes', T.btcYes, 0.635, 0.635, 4],
      ['No', T.btcNo, 0.365, null, 2],
    ]);
    expect(d.concentration?.holders).toBe(6);
    // The view's concentration is the Concentration pane's row for this market.
    const [pane] = await getPositionConcentration(store, { conditionId: M.btc, minHolders: 1 });
    expect(d.concentration).toEqual(pane);
    expect(d.concentration).toMatchObject({ totalAmount: 126_600, top5Amount: 126_500, topName: 'AlphaWhale', topAmount: 100_000 });
  });

  it('answers for a market it does not know', async () => {
    const d = await getMarketDetail(store, { conditionId: '0xdead', now: NOW });
    expect(d).toMatchObject({ known: false, question: '', outcomes: [], concentration: null });
  });
});

describe('getSignals and getSignalHitRate', () => {
  it('returns signals newest first with price now and a 10-minute sparkline', async () => {
    const rows = await getSignals(store, { now: NOW });
    expect(rows.map((r) => [r.type, r.confidence, r.direction, r.eliteName, r.eliteRank, r.priceNow])).toEqual([
      ['ELITE_MOMENTUM', 'HIGH', 'UP', 'AlphaWhale', 1, 0.635],
      ['MOMENTUM_ONLY', 'LOW', 'DOWN', null, null, 0.12],
    ]);
    expect(rows[0]?.spark).toHaveLength(11);
    expect(rows[0]?.spark[0]).toBeCloseTo(0.6, 9);
    expect(rows[1]?.spark).toEqual([]);
    expect(rows[1]).toMatchObject({ correct5m: true, correct15m: false, priceAfter5m: 0.13 });
  });

  it('counts hits per type and confidence', async () => {
    expect(await getSignalHitRate(store)).toEqual([
      { type: 'ELITE_MOMENTUM', confidence: 'HIGH', fired: 1, resolved5m: 0, hits5m: 0, resolved15m: 0, hits15m: 0 },
      { type: 'MOMENTUM_ONLY', confidence: 'LOW', fired: 1, resolved5m: 1, hits5m: 1, resolved15m: 1, hits15m: 0 },
    ]);
  });
});

describe('watchlist toggles', () => {
  it('pins and unpins a market and a wallet with newer rows that persist', async () => {
    expect(await toggleWatchMarket(store, M.fed, NOW)).toBe(true);
    expect((await getMarketDetail(store, { conditionId: M.fed, now: NOW })).watched).toBe(true);
    expect(await toggleWatchMarket(store, M.fed, NOW)).toBe(false);
    expect((await getMarketDetail(store, { conditionId: M.fed, now: NOW })).watched).toBe(false);
    const [row] = await store.query<{ question: string; tokens: string[]; auto: number }>(
      `SELECT argMax(question, updated_at) AS question, argMax(token_ids, updated_at) AS tokens,
              argMax(auto_added, updated_at) AS auto FROM watchlist_markets WHERE market_id = {id:String}`,
      { id: M.fed },
    );
    expect(row).toEqual({ question: 'Fed cuts rates in July?', tokens: [T.fedYes, T.fedNo], auto: 0 });

    expect(await toggleWatchWallet(store, W.beta, NOW)).toBe(true);
    const [wallet] = await store.query<{ label: string; removed: number }>(
      `SELECT argMax(label, updated_at) AS label, argMax(removed, updated_at) AS removed
       FROM watchlist_wallets WHERE wallet_address = {w:String}`,
      { w: W.beta },
    );
    expect(wallet).toEqual({ label: 'BetaBear', removed: 0 });
  });

  it('pins (not removes) a market the feed auto-added', async () => {
    await store.insert('watchlist_markets', [{ market_id: M.btc, auto_added: 1, updated_at: '2020-01-01 00:00:00.000' }]);
    expect(await toggleWatchMarket(store, M.btc, NOW)).toBe(true);
  });
});

describe('QUERIES registry', () => {
  it('parses string flags and runs each query', async () => {
    const lb = QUERIES.leaderboard;
    expect((await lb.run(store, lb.params.parse({ limit: '2', category: 'overall' }))).length).toBe(2);
    const wa = QUERIES['whale-activity'];
    expect((await wa.run(store, wa.params.parse({ minUsd: '10000' }))).length).toBe(1);
    const th = QUERIES['top-holders'];
    expect((await th.run(store, th.params.parse({ conditionId: M.fed }))).length).toBe(3);
    expect(() => th.params.parse({})).toThrow();
    for (const [name, entry] of Object.entries(QUERIES)) {
      const params = name === 'top-holders' || name === 'market-detail' ? { conditionId: M.btc } : name === 'trader-profile' ? { wallet: W.alpha } : {};
      const rows = await entry.run(store, entry.params.parse(params) as never);
      expect(Array.isArray(rows), name).toBe(true);
      expect(entry.description.length).toBeGreaterThan(10);
    }
  });
});
