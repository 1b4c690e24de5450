import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findWalletsByName, searchStore } from '../../src/store/queries/search.ts';
import { chTime } from '../../src/store/time.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

let store: TestStore;
const T = chTime(Date.UTC(2026, 0, 1));
const W1 = '0xabc1' + '1'.repeat(36);
const W2 = '0xabc2' + '2'.repeat(36);
const W3 = '0x' + '3'.repeat(40);
const M1 = '0x' + 'd'.repeat(64);
const M2 = '0x' + 'e'.repeat(64);

beforeAll(async () => {
  store = await openTestStore();
  await store.insert('trader_profiles', [{ proxy_wallet: W1, name: 'Moonshot Marta', pseudonym: 'Gleaming-Otter', updated_at: T }]);
  await store.insert('trader_rankings', [
    { proxy_wallet: W2, user_name: 'quietwhale', rank: 7, category: 'OVERALL', time_period: 'ALL', order_by: 'PNL', snapshot_time: T },
  ]);
  await store.insert('market_holders', [{ condition_id: M1, proxy_wallet: W3, pseudonym: 'Sleepy-Badger', amount: 10, snapshot_time: T }]);
  await store.insert('markets', [
    { condition_id: M1, question: 'Will the Fed cut rates in March?', slug: 'fed-cut-march', updated_at: T },
    { condition_id: M2, question: 'Will 100% of votes be counted_by Friday?', slug: 'votes', updated_at: T },
  ]);
});
afterAll(async () => closeTestStore(store));

describe('searchStore (schema/052 search_index, filled by materialized views)', () => {
  it('finds a wallet by a fragment of its profile name, pseudonym or leaderboard name', async () => {
    expect(await searchStore(store, 'marta')).toEqual([{ kind: 'wallet', key: W1, label: 'Moonshot Marta' }]);
    expect((await searchStore(store, 'otter')).map((h) => h.key)).toEqual([W1]);
    expect((await searchStore(store, 'WHALE')).map((h) => h.key)).toEqual([W2]);
    expect((await searchStore(store, 'badger')).map((h) => h.key)).toEqual([W3]);
  });

  it('finds wallets by address prefix, any case', async () => {
    expect((await searchStore(store, '0xABC')).map((h) => h.key).sort()).toEqual([W1, W2]);
    expect((await searchStore(store, '0xabc2')).map((h) => h.key)).toEqual([W2]);
  });

  it('finds a market by words of its title, every word required; LIKE wildcards are literal', async () => {
    expect(await searchStore(store, 'fed march')).toEqual([{ kind: 'market', key: M1, label: 'Will the Fed cut rates in March?' }]);
    expect(await searchStore(store, 'fed april')).toEqual([]);
    expect((await searchStore(store, '100%')).map((h) => h.key)).toEqual([M2]);
    expect((await searchStore(store, 'd_b')).map((h) => h.key)).toEqual([M2]);
    expect((await searchStore(store, '%')).map((h) => h.key)).toEqual([M2]);
    expect(await searchStore(store, '50%')).toEqual([]);
    expect(await searchStore(store, '   ')).toEqual([]);
  });

  it('resolves an exact name for `whaletop follow <name>`, case-insensitive, never a fragment', async () => {
    expect(await findWalletsByName(store, 'MOONSHOT marta')).toEqual([{ kind: 'wallet', key: W1, label: 'Moonshot Marta' }]);
    expect(await findWalletsByName(store, 'quietwhale')).toEqual([{ kind: 'wallet', key: W2, label: 'quietwhale' }]);
    expect(await findWalletsByName(store, 'marta')).toEqual([]);
  });
});
