import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  followWallet,
  getFollowedWallet,
  listFollowedWallets,
  setFollowAlertSettings,
  toggleFollowWallet,
  unfollowWallet,
} from '../../src/store/state/followed-wallets.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

let store: TestStore;
const W1 = '0x' + 'a'.repeat(40);
const W2 = '0x' + 'B'.repeat(40);
const T = Date.UTC(2026, 0, 1);

beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => closeTestStore(store));

describe('followed wallets (schema/050)', () => {
  it('follows, lists, changes settings, unfollows and keeps the settings for a re-follow', async () => {
    await followWallet(store, W1, { label: 'alpha', now: T });
    await followWallet(store, W2, { now: T + 1 });
    expect((await listFollowedWallets(store)).map((f) => f.wallet)).toEqual([W1, W2.toLowerCase()]);
    const changed = await setFollowAlertSettings(store, W1, { alertsEnabled: false, minTradeUsd: 250, quietSeconds: 600 }, T + 2);
    expect(changed).toMatchObject({ wallet: W1, label: 'alpha', alertsEnabled: false, minTradeUsd: 250, quietSeconds: 600, followedAt: T });
    expect(await unfollowWallet(store, W1, T + 3)).toBe(true);
    expect(await unfollowWallet(store, W1, T + 4)).toBe(false);
    expect((await listFollowedWallets(store)).map((f) => f.wallet)).toEqual([W2.toLowerCase()]);
    expect(await getFollowedWallet(store, W1)).toBeUndefined();
    // Two toggles in the same millisecond still order (each row is strictly newer).
    expect(await toggleFollowWallet(store, W1, { now: T + 3 })).toBe(true);
    expect(await getFollowedWallet(store, W1)).toMatchObject({ alertsEnabled: false, minTradeUsd: 250, quietSeconds: 600, label: 'alpha' });
  });

  it('refuses a bad address or setting with a clear message and writes nothing', async () => {
    const before = await listFollowedWallets(store);
    await expect(followWallet(store, 'alpha')).rejects.toThrow(/not a wallet address/);
    await expect(setFollowAlertSettings(store, W2, { minTradeUsd: -1 })).rejects.toThrow(/≥ 0/);
    await expect(setFollowAlertSettings(store, '0x' + 'c'.repeat(40), { minTradeUsd: 1 })).rejects.toThrow(/not followed/);
    expect(await listFollowedWallets(store)).toEqual(before);
  });
});
