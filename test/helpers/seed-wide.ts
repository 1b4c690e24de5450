/**
 * A live store (as `npm start` leaves it) whose names and titles are the strings terminals disagree on: 40
 * leaderboard rows, their whale trades of the last hour on markets titled the same way. Written straight into an
 * embedded store in its own data dir, closed before whaletop opens it (chDB binds one data dir per process).
 */
import { silentLogger } from '../../src/lib/log.ts';
import { chTime, openStore } from '../../src/store/client.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Row } from '../../src/store/types.ts';
import { WIDE_STRINGS } from './wide-strings.ts';

const wallet = (i: number): string => `0x${i.toString(16).padStart(40, 'a')}`;
const condition = (i: number): string => `0x${i.toString(16).padStart(64, 'c')}`;

/** Seeds `dataDir` (created and migrated if needed); returns the names it wrote, rank 1 first. */
export async function seedWideStore(dataDir: string, now = Date.now()): Promise<string[]> {
  const store = await openStore({ kind: 'embedded', dataDir }, silentLogger);
  try {
    await migrate(store, silentLogger);
    const names = Array.from({ length: 40 }, (_, i) => `${WIDE_STRINGS[i % WIDE_STRINGS.length]} ${i + 1}`);
    const board = { category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', snapshot_time: chTime(now - 60_000) };
    const rankings: Row[] = names.map((name, i) => ({
      ...board, proxy_wallet: wallet(i), user_name: name, rank: i + 1, pnl: (40 - i) * 1_000 - 5_000, volume: 100_000 + i, x_username: `x${i}`,
    }));
    const markets: Row[] = WIDE_STRINGS.map((title, i) => ({
      condition_id: condition(i), question: `${title} market`, slug: `m-${i}`, category: 'Culture', outcomes: ['Yes', 'No'],
      outcome_prices: [0.5, 0.5], clob_token_ids: [`${i}1`.padStart(77, '1'), `${i}2`.padStart(77, '2')], volume: 1_000_000 - i, updated_at: chTime(now - 60_000),
    }));
    const activity: Row[] = names.map((_, i) => ({
      proxy_wallet: wallet(i), condition_id: condition(i % WIDE_STRINGS.length), activity_type: 'TRADE', side: i % 3 ? 'BUY' : 'SELL',
      // Long enough to fill the Market column at 160 columns, so the row is fitted to the last cell.
      title: `${WIDE_STRINGS[i % WIDE_STRINGS.length]} market `.repeat(8), outcome: i % 2 ? 'Yes' : 'No', size: 2_000, usdc_size: 1_000 + i, price: 0.5,
      transaction_hash: `0x${i.toString(16).padStart(64, '0')}`, timestamp: chTime(now - (i + 1) * 60_000),
    }));
    const tracked: Row[] = names.map((_, i) => ({ scope: 'tracked_wallet', key: wallet(i), value: 'leaderboard', deleted: 0, updated_at: chTime(now - 60_000) }));
    await store.insert('trader_rankings', rankings);
    await store.insert('markets', markets);
    await store.insert('wallet_activity', activity);
    await store.insert('sync_state', tracked);
    return names;
  } finally {
    await store.close();
  }
}
