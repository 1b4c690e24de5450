import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.ts';
import { closeTestStore, openTestStore } from '../helpers/store.ts';

describe('a closed embedded store', () => {
  it('answers every call with STORE_CLOSED and ping false', async () => {
    const store = await openTestStore();
    await closeTestStore(store);
    expect(await store.ping()).toBe(false);
    for (const call of [store.query('SELECT 1'), store.command('SELECT 1'), store.insert('markets', [{ condition_id: 'x' }])]) {
      const error = await call.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('STORE_CLOSED');
      expect((error as StoreError).message).toContain(`store is closed (embedded ${store.dataDir})`);
    }
  });
});
