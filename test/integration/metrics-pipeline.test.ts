import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OMEGA_CAP, PRIOR_MARKETS } from '../../src/store/metrics/grades.ts';
import { recomputeWalletScores } from '../../src/store/metrics/pipeline.ts';
import { chTime } from '../../src/store/time.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

/**
 * The metrics pipeline on hand-built wallets (issue 13): each wallet isolates one rule, and every expected value
 * is worked out by hand from the rows inserted here.
 */
let store: TestStore;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const cond = (n: number): string => '0x' + n.toString(16).padStart(64, '0');
let seq = 0;

function trade(wallet: string, market: number, side: 'BUY' | 'SELL', outcome: 0 | 1, shares: number, price: number, at: number) {
  return {
    proxy_wallet: wallet, condition_id: cond(market), asset: `${market}${outcome}`, activity_type: 'TRADE', side,
    outcome: outcome === 0 ? 'Yes' : 'No', outcome_index: outcome, size: shares, usdc_size: shares * price, price,
    transaction_hash: `0xt${seq++}`, timestamp: chTime(at),
  };
}
function redeem(wallet: string, market: number, outcome: 0 | 1, shares: number, usdc: number, at: number) {
  return {
    proxy_wallet: wallet, condition_id: cond(market), asset: `${market}${outcome}`, activity_type: 'REDEEM', side: '',
    outcome_index: outcome, size: shares, usdc_size: usdc, price: 0, transaction_hash: `0xr${seq++}`, timestamp: chTime(at),
  };
}
const resolution = (market: number, winner: 0 | 1, at: number) => ({
  condition_id: cond(market), winning_index: winner, payouts: winner === 0 ? [1, 0] : [0, 1], resolved_at: chTime(at),
});
const market = (n: number, category: string, volume: number) => ({
  condition_id: cond(n), question: `m${n}`, category, volume, closed: 1, updated_at: chTime(NOW - DAY),
});

interface Score {
  proxy_wallet: string; category: string; settled_markets: number; wins: number; win_rate: number; realized_pnl: number;
  gains: number; losses: number; settled_stake: number; omega_raw: number; omega_shrunk: number; roi: number;
  volume: number; trades: number; markets_traded: number; grade: string; labels: string[]; insider_score: number;
}
async function score(wallet: string, category = 'OVERALL'): Promise<Score> {
  const rows = await store.query<Score>(
    'SELECT * FROM wallet_scores FINAL WHERE proxy_wallet = {w:String} AND category = {c:String}', { w: wallet, c: category });
  expect(rows, `${wallet} ${category}`).toHaveLength(1);
  return rows[0]!;
}

beforeAll(async () => {
  store = await openTestStore();
  const acts: Record<string, unknown>[] = [];
  const res: Record<string, unknown>[] = [];
  const mkts: Record<string, unknown>[] = [];
  // Markets 1-12: POLITICS, resolved Yes (0) at NOW - 10 days.
  for (let m = 1; m <= 12; m++) {
    res.push(resolution(m, 0, NOW - 10 * DAY));
    mkts.push(market(m, 'politics', 1e6));
  }
  // 0xloss: buys No in 10 markets that resolve Yes: only losses.
  for (let m = 1; m <= 10; m++) acts.push(trade('0xloss', m, 'BUY', 1, 400, 0.5, NOW - 60 * DAY + m));
  // 0xgain: buys Yes in 12 markets at 0.5, 400 shares ($200), all win $200.
  for (let m = 1; m <= 12; m++) acts.push(trade('0xgain', m, 'BUY', 0, 400, 0.5, NOW - 60 * DAY + m));
  // 0xone: one market, won.
  acts.push(trade('0xone', 1, 'BUY', 0, 5000, 0.5, NOW - 60 * DAY));
  // 0xredeem0: market 20 has no resolution stored; a REDEEM of zero settles the loss of its $300.
  acts.push(trade('0xredeem0', 20, 'BUY', 1, 1000, 0.3, NOW - 40 * DAY));
  acts.push(redeem('0xredeem0', 20, 1, 1000, 0, NOW - 20 * DAY));
  // 0xmixed: 10 wins of +$100 (bought 200 @ 0.5) and 10 losses of -$100 on markets 1..10 and 31..40 (resolved No).
  for (let m = 31; m <= 40; m++) {
    res.push(resolution(m, 1, NOW - 5 * DAY));
    mkts.push(market(m, 'sports', 1e6));
  }
  for (let m = 1; m <= 10; m++) acts.push(trade('0xmixed', m, 'BUY', 0, 200, 0.5, NOW - 50 * DAY + m));
  for (let m = 31; m <= 40; m++) acts.push(trade('0xmixed', m, 'BUY', 0, 200, 0.5, NOW - 50 * DAY + m));
  // 0xsold: bought 100 @ 0.4, sold 100 @ 0.6 before resolution of market 2: +$20, settled by the resolution.
  acts.push(trade('0xsold', 2, 'BUY', 0, 100, 0.4, NOW - 30 * DAY));
  acts.push(trade('0xsold', 2, 'SELL', 0, 100, 0.6, NOW - 29 * DAY));
  await store.insert('wallet_activity', acts);
  await store.insert('market_resolutions', res);
  await store.insert('markets', mkts);
  // 0xunredeemed: a resolved loser still in /positions with curPrice 0 (market 3 resolved Yes, it holds No).
  await store.insert('wallet_positions', [{
    proxy_wallet: '0xunredeemed', condition_id: cond(3), asset: '31', outcome: 'No', outcome_index: 1, size: 500,
    avg_price: 0.2, initial_value: 100, current_value: 0, cur_price: 0, cash_pnl: -100, realized_pnl: 0,
    updated_at: chTime(NOW - DAY),
  }]);
  // 0xclosed: Polymarket's own closed position: totalBought 1000 shares @ avg 0.25 ($250 staked), realised +$750.
  await store.insert('closed_positions', [{
    proxy_wallet: '0xclosed', condition_id: cond(4), asset: '40', outcome: 'Yes', outcome_index: 0, avg_price: 0.25,
    total_bought: 1000, realized_pnl: 750, cur_price: 1, closed_at: chTime(NOW - 9 * DAY),
  }]);
  await recomputeWalletScores(store, { mode: 'full', now: NOW, computedAt: NOW });
});
afterAll(async () => {
  await closeTestStore(store);
});

describe('wallet metrics on hand-built wallets', () => {
  it('a wallet with only losses: omega 0, win rate 0, grade F at the minimum sample', async () => {
    const s = await score('0xloss');
    expect(s).toMatchObject({ settled_markets: 10, wins: 0, win_rate: 0, realized_pnl: -2000, gains: 0, losses: 2000, omega_raw: 0, grade: 'F' });
    expect(s.roi).toBeCloseTo(-1, 9);
    expect(s.omega_shrunk).toBeGreaterThan(0);
    expect(s.omega_shrunk).toBeLessThan(1);
  });

  it('a wallet with only gains: omega capped at the cap, the shrunk omega finite and below the raw', async () => {
    const s = await score('0xgain');
    expect(s).toMatchObject({ settled_markets: 12, wins: 12, win_rate: 1, realized_pnl: 2400, gains: 2400, losses: 0 });
    expect(s.omega_raw).toBe(OMEGA_CAP);
    expect(s.omega_shrunk).toBeGreaterThan(1);
    expect(s.omega_shrunk).toBeLessThan(OMEGA_CAP);
  });

  it('shrinkage: k prior markets of the wallet own stake at the population rates', async () => {
    const prior = await store.query<{ category: string; gain_rate: number; loss_rate: number }>(
      "SELECT category, gain_rate, loss_rate FROM wallet_score_prior FINAL WHERE category = 'OVERALL'");
    // Wallets above the minimum sample overall: 0xloss (stake 2000, losses 2000), 0xgain (stake 2400, gains 2400),
    // 0xmixed (stake 2000, gains 1000, losses 1000).
    expect(prior[0]!.gain_rate).toBeCloseTo(3400 / 6400, 9);
    expect(prior[0]!.loss_rate).toBeCloseTo(3000 / 6400, 9);
    const g = await score('0xgain');
    const pseudo = PRIOR_MARKETS * (2400 / 12);
    expect(g.omega_shrunk).toBeCloseTo((2400 + pseudo * (3400 / 6400)) / (0 + pseudo * (3000 / 6400)), 6);
    const m = await score('0xmixed');
    expect(m.omega_raw).toBe(1);
    expect(m.omega_shrunk).toBeCloseTo((1000 + 1000 * (3400 / 6400)) / (1000 + 1000 * (3000 / 6400)), 6);
  });

  it('one market: metrics computed, the grade withheld', async () => {
    const s = await score('0xone');
    expect(s).toMatchObject({ settled_markets: 1, wins: 1, realized_pnl: 2500, grade: '', markets_traded: 1 });
  });

  it('a resolved-but-unredeemed loser in /positions counts as a loss', async () => {
    const s = await score('0xunredeemed');
    expect(s).toMatchObject({ settled_markets: 1, wins: 0, realized_pnl: -100, losses: 100, settled_stake: 100 });
  });

  it('a REDEEM of zero settles a loss of the stake', async () => {
    const s = await score('0xredeem0');
    expect(s).toMatchObject({ settled_markets: 1, wins: 0, losses: 300 });
    expect(s.realized_pnl).toBeCloseTo(-300, 9);
  });

  it('sold before resolution: PnL from the sale; closed positions: totalBought in shares × avgPrice', async () => {
    const sold = await score('0xsold');
    expect(sold.settled_markets).toBe(1);
    expect(sold.realized_pnl).toBeCloseTo(20, 9);
    const closed = await score('0xclosed');
    expect(closed).toMatchObject({ settled_markets: 1, wins: 1, realized_pnl: 750, settled_stake: 250 });
    expect(closed.roi).toBe(3);
  });

  it('per category as well as overall', async () => {
    const pol = await score('0xmixed', 'POLITICS');
    const sports = await score('0xmixed', 'SPORTS');
    expect(pol).toMatchObject({ settled_markets: 10, wins: 10, losses: 0, omega_raw: OMEGA_CAP });
    expect(sports).toMatchObject({ settled_markets: 10, wins: 0, gains: 0, omega_raw: 0 });
    expect((await score('0xmixed')).settled_markets).toBe(20);
    expect((await score('0xredeem0', 'OTHER')).settled_markets).toBe(1);
  });

  it('incremental: a new trade re-scores its wallet only', async () => {
    const before = await store.query<{ n: string }>('SELECT count() AS n FROM wallet_scores');
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    await store.insert('wallet_activity', [trade('0xone', 2, 'BUY', 0, 10, 0.5, NOW - DAY)]);
    const r = await recomputeWalletScores(store, { mode: 'incremental', since, now: NOW, computedAt: NOW + 10_000 });
    expect(r.wallets).toBe(1);
    const s = await score('0xone');
    expect(s.settled_markets).toBe(2);
    const after = await store.query<{ n: string }>('SELECT count() AS n FROM wallet_scores');
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(r.rows);
  });
});
