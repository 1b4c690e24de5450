/**
 * The wallet_names dictionary (schema/006) behind every pane's trader names: a name written is a name shown by
 * the next query (the store reloads the dictionary after inserts into its tables), with the precedence profile
 * name → newest leaderboard name → pseudonym, and '' for a wallet nobody named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chTime } from '../../src/store/client.ts';
import { getWhaleActivity } from '../../src/store/queries/index.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

let store: TestStore;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const WALLET = `0x${'7'.repeat(40)}`;
const STRANGER = `0x${'8'.repeat(40)}`;

beforeAll(async () => {
  store = await openTestStore();
  await store.insert('wallet_activity', [WALLET, STRANGER].map((wallet, i) => ({
    proxy_wallet: wallet, condition_id: `0x${'c'.repeat(64)}`, activity_type: 'TRADE', side: 'BUY', outcome: 'Yes',
    size: 2_000, usdc_size: 1_000 + i, price: 0.5, transaction_hash: `0x${String(i).repeat(64)}`, timestamp: chTime(NOW - (i + 1) * 60_000),
  })));
});
afterAll(async () => closeTestStore(store));

const nameOf = async (wallet: string) => (await getWhaleActivity(store, { now: NOW })).find((r) => r.wallet === wallet)?.name;

describe('wallet names', () => {
  it('shows a name as soon as the insert that wrote it resolved, by precedence', async () => {
    expect(await nameOf(WALLET)).toBe('');
    await store.insert('trader_profiles', [{ proxy_wallet: WALLET, name: '', pseudonym: 'Calm-Heron', updated_at: chTime(NOW - 3_000) }]);
    expect(await nameOf(WALLET)).toBe('Calm-Heron');
    const board = { category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', rank: 9, pnl: 1, volume: 1 };
    await store.insert('trader_rankings', [{ ...board, proxy_wallet: WALLET, user_name: 'BoardName', snapshot_time: chTime(NOW - 2_000) }]);
    expect(await nameOf(WALLET)).toBe('BoardName');
    await store.insert('trader_rankings', [{ ...board, proxy_wallet: WALLET, user_name: 'NewerBoardName', snapshot_time: chTime(NOW - 1_000) }]);
    expect(await nameOf(WALLET)).toBe('NewerBoardName');
    await store.insert('trader_profiles', [{ proxy_wallet: WALLET, name: 'ProfileName', pseudonym: 'Calm-Heron', updated_at: chTime(NOW) }]);
    expect(await nameOf(WALLET)).toBe('ProfileName');
    expect(await nameOf(STRANGER)).toBe('');
  });

  it('treats a blank name as no name', async () => {
    await store.insert('trader_profiles', [{ proxy_wallet: STRANGER, name: '   ', pseudonym: 'Odd-Lynx', updated_at: chTime(NOW) }]);
    expect(await nameOf(STRANGER)).toBe('Odd-Lynx');
  });
});
