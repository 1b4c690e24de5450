/**
 * Issue 11, defect 9: tab counts said 200 when a query was capped at 200, and ignored the `/` filter. Now a
 * count is exact, or `200+` when there are more, and the active tab counts the rows its filter matches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chTime } from '../../src/store/client.ts';
import { paneRows } from '../../src/ui/panes/model.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { M, NOW, seedDashboard, W } from './helpers/seed.ts';
import { plain, waitForFrame, waitForText } from './helpers/frames.ts';
import { mountApp, press } from './helpers/mount.ts';

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
  // 250 more whale trades of AlphaWhale in the last day: more than the pane's 200.
  await store.insert(
    'wallet_activity',
    Array.from({ length: 250 }, (_, i) => ({
      proxy_wallet: W.alpha, condition_id: M.btc, activity_type: 'TRADE', title: 'Will BTC hit $100k by June?', side: 'BUY', outcome: 'Yes',
      size: 2_000, usdc_size: 1_000, price: 0.5, transaction_hash: `0x${(i + 1).toString(16).padStart(64, '9')}`, timestamp: chTime(NOW - (i + 10) * 60_000),
    })),
  );
});
afterAll(async () => closeTestStore(store));

describe('issue-11 tab counts', () => {
  it('paneRows: exact up to the limit, limit+ past it', () => {
    expect(paneRows([1, 2, 3], 3)).toEqual({ rows: [1, 2, 3], count: '3' });
    expect(paneRows([1, 2, 3, 4], 3)).toEqual({ rows: [1, 2, 3], count: '3+' });
    expect(paneRows(undefined, 3)).toEqual({ rows: [], count: null });
  });

  it('whale activity past 200 says 200+; a filter on the active tab counts its matches', async () => {
    const app = mountApp(store, { columns: 160, rows: 40 });
    try {
      await waitForFrame(app.lastFrame, (f) => f.includes('2 Whale Activity (200+)') && f.includes('1 Leaderboard (3)'));
      await press(app.stdin, '/', 'b', 'e', 't', 'a');
      const filtered = plain(await waitForText(app.lastFrame, '1 Leaderboard (1 of 3)'));
      expect(filtered).toContain('2 Whale Activity (200+)');
      await press(app.stdin, '\r', '2');
      await waitForText(app.lastFrame, '2 Whale Activity (200+)');
      await press(app.stdin, '/', 'b', 'e', 't', 'a');
      await waitForText(app.lastFrame, '2 Whale Activity (1 of 200+)');
    } finally {
      app.done();
    }
  });
});
