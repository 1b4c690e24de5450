/**
 * Issue 11, defect 5: the selection stays on the same row (wallet, trade, market, signal) while new rows arrive
 * above it, so Enter opens the trader that was selected — in the running App, and for every pane and view's table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chTime } from '../../src/store/client.ts';
import { tableModel } from '../../src/ui/panes/model.ts';
import { PANES } from '../../src/ui/panes/index.ts';
import { EMPTY_CURSOR } from '../../src/ui/state.ts';
import { marketView } from '../../src/ui/views/Market/index.tsx';
import { walletView } from '../../src/ui/views/Wallet/index.tsx';
import { createTheme } from '../../src/ui/theme.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { M, NOW, seedDashboard, W } from './helpers/seed.ts';
import { plain, selectedLine, waitForFrame, waitForText } from './helpers/frames.ts';
import { KEY, mountApp, press } from './helpers/mount.ts';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
});
afterAll(async () => closeTestStore(store));

describe('issue-11 the selection stays on its row', () => {
  it('whale activity: two new trades above the selected one leave it selected, and Enter opens that trader', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      await press(app.stdin, '2');
      await waitForFrame(app.lastFrame, (f) => f.includes('[REDEEM]') && selectedLine(f).includes('AlphaWhale'));
      await press(app.stdin, 'j');
      await waitForFrame(app.lastFrame, (f) => selectedLine(f).includes('BetaBear') && selectedLine(f).includes('1h ago'));
      // Two newer trades land (by the anonymous wallet and by AlphaWhale): BetaBear's row moves two lines down.
      const trade = (wallet: string, msAgo: number, hash: string) => ({
        proxy_wallet: wallet, condition_id: M.btc, activity_type: 'TRADE', title: 'Will BTC hit $100k by June?', side: 'BUY',
        outcome: 'Yes', size: 5_000, usdc_size: 3_000, price: 0.6, transaction_hash: `0x${hash.repeat(64)}`, timestamp: chTime(NOW - msAgo),
      });
      await store.insert('wallet_activity', [trade(W.anon, 30_000, 'e'), trade(W.alpha, 40_000, 'f')]);
      await press(app.stdin, 'r');
      const frame = await waitForFrame(app.lastFrame, (f) => (f.match(/just now|\ds ago/g) ?? []).length >= 2);
      expect(selectedLine(frame)).toContain('BetaBear');
      expect(selectedLine(frame)).toContain('1h ago');
      await press(app.stdin, KEY.enter);
      await waitForText(app.lastFrame, 'Whale Activity › BetaBear');
    } finally {
      app.done();
    }
  });

  /** A table's rows, the selection on row `i`, then `added` rows prepended: the same row must stay selected. */
  function staysOn<T>(rows: readonly T[], added: readonly T[], i: number, spec: { search(r: T): string; rowKey(r: T): string; columns(now: number): never[] | unknown[] }) {
    const columns = spec.columns(NOW) as never[];
    const before = tableModel(rows, columns, EMPTY_CURSOR, spec.search, spec.rowKey);
    const cursor = { ...EMPTY_CURSOR, selected: i, selectedKey: before.keyAt(i) };
    const after = tableModel([...added, ...rows], columns, cursor, spec.search, spec.rowKey);
    expect(after.selectedRow).toBe(rows[i]);
    expect(after.selected).toBe(i + added.length);
    // Gone (aged out, filtered away): the selection falls back to the same line, never off the table.
    const gone = tableModel(rows.filter((_, j) => j !== i), columns, cursor, spec.search, spec.rowKey);
    expect(gone.selected).toBe(Math.min(i, rows.length - 2));
  }

  it('every pane and view keys its rows by their natural id, unique among the rows', () => {
    const wallet = (n: number) => `0x${String(n).repeat(40).slice(0, 40)}`;
    const leaderboard = [1, 2, 3].map((rank) => ({ wallet: wallet(rank), name: `w${rank}`, rank, pnl: 1, volume: 1, verified: false, xUsername: '' }));
    const trade = (n: number) => ({ wallet: wallet(n), name: '', conditionId: M.btc, type: 'TRADE', side: 'BUY', outcome: 'Yes', size: n, usd: 600, price: 0.5, title: 't', slug: '', transactionHash: `0x${n}`, at: NOW - n });
    const smart = (n: number) => ({ conditionId: `0x${n}`, title: 't', outcome: n % 2 ? 'Yes' : 'No', wallets: 1, bestRank: n, topWallet: wallet(n), topName: '', value: 1, cashPnl: 1, percentPnl: 1, curPrice: 0.5 });
    const conc = (n: number) => ({ conditionId: `0x${n}`, question: `q${n}`, holders: 10, totalAmount: 1, top5Share: 0.5, topWallet: wallet(n), topName: '', topAmount: 1 });
    const signal = (n: number) => ({ id: `sig-${n}`, conditionId: M.btc, question: 'q', outcome: 'Yes', type: 'MOMENTUM_ONLY', direction: 'UP', confidence: 'LOW', velocity: 1, volumeSurge: 1, eliteWallet: null, eliteName: null, eliteRank: null, eliteSide: null, eliteSizeUsd: null, priceAtSignal: 0.5, priceNow: 0.5, spark: [], at: NOW - n });
    const samples: unknown[][] = [
      [leaderboard, [{ ...leaderboard[0]!, wallet: wallet(9), rank: 1 }]],
      [[trade(1), trade(2), trade(3)], [trade(4), trade(5)]],
      [[smart(1), smart(2), smart(3)], [smart(4)]],
      [[conc(1), conc(2), conc(3)], [conc(4)]],
      [[signal(1), signal(2), signal(3)], [signal(4)]],
    ];
    PANES.forEach((pane, p) => {
      const [rows, added] = samples[p] as [unknown[], unknown[]];
      staysOn(rows, added, 1, pane as never);
    });
    const theme = createTheme(false);
    const position = (n: number) => ({ conditionId: `0x${n}`, title: `m${n}`, slug: '', outcome: 'Yes', size: 1, avgPrice: 0.5, curPrice: 0.5, value: n, cashPnl: 1, percentPnl: 1, realizedPnl: 0, updatedAt: NOW });
    staysOn([position(1), position(2), position(3)], [position(4)], 2, walletView(W.alpha, 'AlphaWhale', theme) as never);
    const holder = (n: number) => ({ conditionId: M.btc, wallet: wallet(n), name: '', outcomeIndex: n % 2, outcome: n % 2 ? 'No' : 'Yes', amount: n, snapshotAt: NOW });
    staysOn([holder(1), holder(2), holder(3)], [holder(4)], 1, marketView(M.btc, 'BTC', theme) as never);
  });
});
