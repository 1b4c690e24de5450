/**
 * The board_latest dictionary (schema/007) behind "is this leaderboard row current": a wallet missing from a
 * board's newest sync drops off that board as soon as the insert that wrote the sync resolved (the store reloads
 * the dictionary after inserts into trader_rankings), and only off that board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chTime } from '../../src/store/client.ts';
import { getLeaderboard, getTraderProfile } from '../../src/store/queries/index.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

let store: TestStore;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const STAYS = `0x${'a'.repeat(40)}`;
const LEAVES = `0x${'b'.repeat(40)}`;
const row = (wallet: string, rank: number, category: string, msAgo: number) => ({
  proxy_wallet: wallet, user_name: wallet.slice(0, 4), rank, category, time_period: 'ALL', order_by: 'PNL', pnl: 10 - rank, volume: 1,
  snapshot_time: chTime(NOW - msAgo),
});

beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => closeTestStore(store));

const currentBoards = async (wallet: string) =>
  (await getTraderProfile(store, { wallet })).ranks.map((r) => `${r.category}:${r.current ? 'current' : 'fell off'}`).sort();

describe('board_latest', () => {
  it('drops a wallet from the board whose newest sync left it out, at once and on that board only', async () => {
    const hourAgo = 60 * 60_000;
    await store.insert('trader_rankings', [row(STAYS, 1, 'OVERALL', hourAgo), row(LEAVES, 2, 'OVERALL', hourAgo), row(LEAVES, 1, 'CRYPTO', hourAgo)]);
    expect((await getLeaderboard(store)).map((r) => r.wallet)).toEqual([STAYS, LEAVES]);
    expect(await currentBoards(LEAVES)).toEqual(['CRYPTO:current', 'OVERALL:current']);

    // The next OVERALL sync, an hour later, no longer lists LEAVES; CRYPTO was not synced again.
    await store.insert('trader_rankings', [row(STAYS, 1, 'OVERALL', 0)]);
    expect((await getLeaderboard(store)).map((r) => r.wallet)).toEqual([STAYS]);
    expect(await currentBoards(LEAVES)).toEqual(['CRYPTO:current', 'OVERALL:fell off']);
    expect(await currentBoards(STAYS)).toEqual(['OVERALL:current']);
    expect((await getLeaderboard(store, { category: 'CRYPTO' })).map((r) => r.wallet)).toEqual([LEAVES]);
  });
});
