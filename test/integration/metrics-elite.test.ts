import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEliteWallets } from '../../src/store/metrics/elite.ts';
import { chTime } from '../../src/store/time.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await closeTestStore(store);
});

const scoreRow = (wallet: string, grade: string, omega: number, at: number, category = 'OVERALL') => ({
  proxy_wallet: wallet, category, settled_markets: 20, wins: 10, win_rate: 0.5, realized_pnl: 0, gains: 0, losses: 0,
  settled_stake: 0, omega_raw: omega, omega_shrunk: omega, roi: 0, volume: 5000, trades: 30, avg_bet: 100, max_bet: 500,
  markets_traded: 20, first_seen: chTime(0), last_seen: chTime(0), buy_share: 1, first_outcome_share: 0.5,
  two_sided_share: 0, grade, whale_score: 0, insider_score: 0, insider_fresh: 0, insider_few_markets: 0,
  insider_concentration: 0, insider_niche: 0, insider_timing: 0, labels: [], computed_at: chTime(at),
});

describe('listEliteWallets', () => {
  it('lists the wallets graded at least the minimum grade, newest computation winning, best omega first', async () => {
    await store.insert('wallet_scores', [
      scoreRow('0xaaa', 'A', 2, 1000),
      scoreRow('0xbbb', 'S', 4, 1000),
      scoreRow('0xccc', 'B', 1.4, 1000),
      scoreRow('0xddd', '', 9, 1000),
      scoreRow('0xeee', 'S', 5, 1000),
      scoreRow('0xeee', 'C', 1, 2000), // re-scored later: no longer elite
      scoreRow('0xfff', 'S', 6, 1000, 'SPORTS'),
    ]);
    expect(await listEliteWallets(store)).toEqual(['0xbbb', '0xaaa']);
    expect(await listEliteWallets(store, { minGrade: 'S' })).toEqual(['0xbbb']);
    expect(await listEliteWallets(store, { minGrade: 'B' })).toEqual(['0xbbb', '0xaaa', '0xccc']);
    expect(await listEliteWallets(store, { category: 'SPORTS' })).toEqual(['0xfff']);
  });
});
