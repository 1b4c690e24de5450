/**
 * A small, realistic dashboard world inserted straight into a real store: three ranked wallets (plus one that
 * fell off the board), two markets with holders, positions, activity, two fired signals with price snapshots.
 * Every time is relative to {@link NOW}, so queries and frames are exact.
 */
import { chTime } from '../../../src/store/client.ts';
import type { Row, Store } from '../../../src/store/types.ts';

/**
 * The instant the fixtures are written against (epoch ms): the current minute, because wallet_activity and
 * price_snapshots_10s carry TTLs that would drop rows dated in a fixed past.
 */
export const NOW = Math.floor(Date.now() / 60_000) * 60_000;

const hex = (c: string): string => `0x${c.repeat(40)}`;
/** Wallets of the fixture world. */
export const W = { alpha: hex('1'), beta: hex('2'), anon: hex('3'), fallen: hex('4'), shy: hex('5'), tiny: hex('6') };
/** Condition ids of the fixture markets. */
export const M = { btc: `0x${'a'.repeat(64)}`, fed: `0x${'b'.repeat(64)}` };
/** Outcome tokens. */
export const T = { btcYes: '1'.repeat(77), btcNo: '2'.repeat(77), fedYes: '3'.repeat(77), fedNo: '4'.repeat(77) };

const at = (msAgo: number): string => chTime(NOW - msAgo);
const MIN = 60_000;
const HOUR = 3_600_000;

function rankings(): Row[] {
  const base = { category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', snapshot_time: at(5 * MIN) };
  return [
    { ...base, proxy_wallet: W.alpha, user_name: 'AlphaWhale', rank: 1, pnl: 1_234_567, volume: 9_876_543, verified_badge: 1, x_username: 'alphawhale' },
    { ...base, proxy_wallet: W.beta, user_name: 'BetaBear', rank: 2, pnl: -45_600, volume: 310_000 },
    { ...base, proxy_wallet: W.anon, user_name: '', rank: 3, pnl: 12_345, volume: 88_000 },
    // Fell off the board: its last row is from the previous sync, two hours ago.
    { ...base, proxy_wallet: W.fallen, user_name: 'GoneGuy', rank: 2, pnl: 5_000, volume: 1_000, snapshot_time: at(2 * HOUR) },
    { ...base, proxy_wallet: W.alpha, user_name: 'AlphaWhale', rank: 5, time_period: 'WEEK', pnl: 40_000, volume: 200_000 },
    { ...base, proxy_wallet: W.alpha, user_name: 'AlphaWhale', rank: 2, category: 'CRYPTO', pnl: 300_000, volume: 1_500_000 },
  ];
}

function markets(): Row[] {
  return [
    {
      condition_id: M.btc, question: 'Will BTC hit $100k by June?', slug: 'btc-100k-june', category: 'Crypto',
      outcomes: ['Yes', 'No'], outcome_prices: [0.635, 0.365], clob_token_ids: [T.btcYes, T.btcNo],
      volume: 5_400_000, volume_24hr: 320_000, liquidity: 150_000, end_date: chTime(NOW + 30 * 24 * HOUR), updated_at: at(MIN),
    },
    {
      condition_id: M.fed, question: 'Fed cuts rates in July?', slug: 'fed-july', category: 'Economics',
      outcomes: ['Yes', 'No'], outcome_prices: [0.12, 0.88], clob_token_ids: [T.fedYes, T.fedNo],
      volume: 900_000, volume_24hr: 45_000, liquidity: 60_000, updated_at: at(MIN),
    },
  ];
}

function positions(): Row[] {
  const p = (wallet: string, market: string, title: string, outcome: string, o: Partial<Row>): Row => ({
    proxy_wallet: wallet, condition_id: market, title, outcome, market_slug: '', updated_at: at(4 * MIN), ...o,
  });
  const btc = 'Will BTC hit $100k by June?';
  const fed = 'Fed cuts rates in July?';
  return [
    p(W.alpha, M.btc, btc, 'Yes', { size: 100_000, avg_price: 0.55, cur_price: 0.635, initial_value: 55_000, current_value: 63_500, cash_pnl: 8_500, percent_pnl: 15.45 }),
    p(W.beta, M.btc, btc, 'No', { size: 20_000, avg_price: 0.425, cur_price: 0.365, initial_value: 8_500, current_value: 7_300, cash_pnl: -1_200, percent_pnl: -14.12 }),
    p(W.alpha, M.fed, fed, 'No', { size: 5_000, avg_price: 0.8, cur_price: 0.88, initial_value: 4_000, current_value: 4_400, cash_pnl: 400, percent_pnl: 10 }),
    p(W.anon, M.fed, fed, 'Yes', { size: 400, avg_price: 0.1, cur_price: 0.12, initial_value: 40, current_value: 48, cash_pnl: 8, percent_pnl: 20 }),
    // Closed since: the wallet's last sync (4 min ago) no longer returned it.
    p(W.alpha, `0x${'c'.repeat(64)}`, 'Old closed market', 'Yes', { size: 10, current_value: 9_999, updated_at: at(HOUR) }),
  ];
}

function activity(): Row[] {
  const a = (wallet: string, msAgo: number, o: Partial<Row>): Row => ({
    proxy_wallet: wallet, condition_id: M.btc, activity_type: 'TRADE', title: 'Will BTC hit $100k by June?',
    transaction_hash: `0x${(msAgo % 1e9).toString(16).padStart(64, '0')}`, timestamp: at(msAgo), ...o,
  });
  return [
    a(W.alpha, 2 * MIN, { side: 'BUY', outcome: 'Yes', size: 20_000, usdc_size: 12_000, price: 0.6 }),
    a(W.anon, 5 * MIN, { side: 'BUY', outcome: 'Yes', size: 300, usdc_size: 200, price: 0.62 }),
    a(W.beta, HOUR, { side: 'SELL', outcome: 'No', size: 8_000, usdc_size: 3_400, price: 0.425 }),
    a(W.alpha, 3 * HOUR, { activity_type: 'REDEEM', condition_id: M.fed, title: 'Fed cuts rates in July?', size: 900, usdc_size: 900, price: 1 }),
    a(W.alpha, 30 * HOUR, { side: 'BUY', outcome: 'Yes', size: 10_000, usdc_size: 5_000, price: 0.5 }),
  ];
}

function holders(): Row[] {
  const h = (market: string, wallet: string, outcome: number, amount: number, o: Partial<Row> = {}): Row => ({
    condition_id: market, proxy_wallet: wallet, outcome_index: outcome, amount, snapshot_time: at(6 * MIN), ...o,
  });
  return [
    h(M.btc, W.alpha, 0, 100_000),
    h(M.btc, W.beta, 1, 20_000),
    h(M.btc, W.anon, 0, 5_000),
    h(M.btc, W.shy, 0, 1_000, { pseudonym: 'Shy-Otter' }),
    h(M.btc, W.tiny, 1, 500),
    h(M.btc, W.fallen, 0, 100),
    // Sold out an hour ago: only in the previous snapshot.
    h(M.btc, hex('7'), 0, 999_999, { snapshot_time: at(HOUR) }),
    h(M.fed, W.alpha, 1, 5_000),
    h(M.fed, W.anon, 0, 400),
    h(M.fed, W.shy, 0, 4_600, { pseudonym: 'Shy-Otter' }),
  ];
}

function profiles(): Row[] {
  return [
    { proxy_wallet: W.alpha, name: 'AlphaWhale', pseudonym: 'Giant-Whale', bio: 'Macro and crypto.', x_username: 'alphawhale', verified_badge: 1, first_seen_at: at(10 * 24 * HOUR), updated_at: at(HOUR) },
    { proxy_wallet: W.anon, name: '', pseudonym: 'Quiet-Fox', updated_at: at(HOUR) },
  ];
}

function signals(): Row[] {
  const base = { momentum_acceleration: 0, volume_surge: 2.5, entry_window: '5m', updated_at: at(MIN) };
  return [
    {
      ...base, signal_id: '00000000-0000-4000-8000-000000000001', market_id: M.btc, question: 'Will BTC hit $100k by June?',
      token_id: T.btcYes, outcome: 'Yes', signal_type: 'ELITE_MOMENTUM', direction: 'UP', momentum_velocity: 1.2,
      elite_wallet_address: W.alpha, elite_wallet_name: 'AlphaWhale', elite_rank: 1, elite_side: 'BUY', elite_size_usd: 12_000,
      confidence: 'HIGH', price_at_signal: 0.6, timestamp: at(3 * MIN),
    },
    {
      ...base, signal_id: '00000000-0000-4000-8000-000000000002', market_id: M.fed, question: 'Fed cuts rates in July?',
      token_id: T.fedYes, outcome: 'Yes', signal_type: 'MOMENTUM_ONLY', direction: 'DOWN', momentum_velocity: -0.8,
      confidence: 'LOW', price_at_signal: 0.15, timestamp: at(20 * MIN), price_after_5m: 0.13, price_after_15m: 0.16,
      direction_correct_5m: true, direction_correct_15m: false,
    },
  ];
}

function snapshots(): Row[] {
  const rows: Row[] = [];
  // BTC Yes climbs from 0.600 to 0.635 over the last 10 minutes (one snapshot a minute keeps the test light).
  for (let i = 0; i <= 10; i++) {
    const mid = 0.6 + (0.035 * i) / 10;
    rows.push({
      market_id: M.btc, token_id: T.btcYes, outcome: 'Yes', timestamp: at((10 - i) * MIN), mid_price: mid,
      best_bid: mid - 0.005, best_ask: mid + 0.005, spread_bps: 100,
    });
  }
  rows.push({ market_id: M.fed, token_id: T.fedYes, outcome: 'Yes', timestamp: at(30 * MIN), mid_price: 0.12, best_bid: 0.11, best_ask: 0.13, spread_bps: 200 });
  return rows;
}

function syncState(): Row[] {
  const s = (key: string, deleted = 0): Row => ({ scope: 'tracked_wallet', key, value: 'leaderboard', deleted, updated_at: at(HOUR) });
  return [s(W.alpha), s(W.beta), s(W.anon), s(W.fallen), { ...s(W.fallen, 1), updated_at: at(MIN) }];
}

/** Inserts the whole fixture world into `store`. */
export async function seedDashboard(store: Store): Promise<void> {
  await store.insert('trader_rankings', rankings());
  await store.insert('markets', markets());
  await store.insert('wallet_positions', positions());
  await store.insert('wallet_activity', activity());
  await store.insert('market_holders', holders());
  await store.insert('trader_profiles', profiles());
  await store.insert('fired_signals', signals());
  await store.insert('price_snapshots_10s', snapshots());
  await store.insert('sync_state', syncState());
}
