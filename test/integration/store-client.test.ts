import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import { chTime, openStore } from '../../src/store/client.ts';
import { StoreError, isTransientStoreError } from '../../src/store/errors.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function thrown(p: Promise<unknown>): Promise<StoreError> {
  const result = await p.then(() => null, (e: unknown) => e);
  expect(result).toBeInstanceOf(StoreError);
  return result as StoreError;
}

describe('embedded store', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await closeTestStore(store);
  });

  it('describes itself and answers ping', async () => {
    expect(store.kind).toBe('embedded');
    expect(store.description).toBe(`embedded ${store.dataDir}`);
    expect(await store.ping()).toBe(true);
  });

  it('formats chTime in UTC with milliseconds', () => {
    expect(chTime(Date.UTC(2024, 0, 2, 3, 4, 5, 678))).toBe('2024-01-02 03:04:05.678');
    expect(chTime(0)).toBe('1970-01-01 00:00:00.000');
  });

  it('inserts rows readable at once; absent columns get their DEFAULT, even in a mixed-shape batch', async () => {
    await store.insert('markets', [
      { condition_id: 'm1', tags: ['politics', 'us'], outcome_prices: [0.25, 0.75], end_date: null, updated_at: '2025-05-01 00:00:00.000' },
      { condition_id: 'm2', question: 'Will it rain?', end_date: '2025-06-01 12:00:00.000', updated_at: '2025-05-01 00:00:00.000' },
    ]);
    const rows = await store.query<Record<string, unknown>>(
      'SELECT condition_id, question, tags, outcome_prices, active, closed, end_date FROM markets WHERE condition_id IN ({ids:Array(String)}) ORDER BY condition_id',
      { ids: ['m1', 'm2'] },
    );
    expect(rows).toEqual([
      { condition_id: 'm1', question: '', tags: ['politics', 'us'], outcome_prices: [0.25, 0.75], active: 1, closed: 0, end_date: null },
      { condition_id: 'm2', question: 'Will it rain?', tags: [], outcome_prices: [], active: 1, closed: 0, end_date: '2025-06-01 12:00:00.000' },
    ]);
    // DEFAULT now64(3) applies to a row that omits updated_at while its batch-mate sets it.
    const before = Date.now() - 1000;
    await store.insert('sync_state', [
      { scope: 's', key: 'a', value: 'x', updated_at: '2020-01-01 00:00:00.000' },
      { scope: 's', key: 'b', value: 'y' },
    ]);
    const state = await store.query<{ key: string; ms: string }>(
      "SELECT key, toUnixTimestamp64Milli(updated_at) AS ms FROM sync_state WHERE scope = 's' ORDER BY key",
    );
    expect(Number(state[0]?.ms)).toBe(Date.UTC(2020, 0, 1));
    expect(Number(state[1]?.ms)).toBeGreaterThanOrEqual(before);
  });

  it('stores Enum, Nullable, Bool and UUID columns', async () => {
    const row = {
      signal_id: '0b7e3a52-7a4c-4a33-9d0e-2f1c6d1f9a10',
      market_id: '0xabc',
      signal_type: 'ELITE_MOMENTUM',
      direction: 'UP',
      momentum_velocity: 1.5,
      momentum_acceleration: -0.25,
      elite_rank: 7,
      elite_side: 'SELL',
      confidence: 'HIGH',
      entry_window: '5m',
      price_at_signal: 0.42,
      timestamp: '2025-05-01 10:00:00.123',
      direction_correct_5m: true,
    };
    await store.insert('fired_signals', [row]);
    const [back] = await store.query<Record<string, unknown>>(
      'SELECT signal_id, signal_type, direction, elite_rank, elite_side, elite_score, direction_correct_5m, direction_correct_15m, timestamp FROM fired_signals',
    );
    expect(back).toEqual({
      signal_id: row.signal_id,
      signal_type: 'ELITE_MOMENTUM',
      direction: 'UP',
      elite_rank: 7,
      elite_side: 'SELL',
      elite_score: null,
      direction_correct_5m: true,
      direction_correct_15m: null,
      timestamp: '2025-05-01 10:00:00.123',
    });
  });

  it('drops a repeated insert with the same dedup token, and only that one', async () => {
    const rows = [1, 2, 3].map((i) => ({ proxy_wallet: 'w', condition_id: 'c', activity_type: 'TRADE', size: i, timestamp: chTime(Date.now() - i * 1000) }));
    await store.insert('wallet_activity', rows, { dedupToken: 'batch-1' });
    await store.insert('wallet_activity', rows, { dedupToken: 'batch-1' });
    const count = async (): Promise<number> =>
      Number((await store.query<{ n: string }>("SELECT count() AS n FROM wallet_activity WHERE proxy_wallet = 'w'"))[0]?.n);
    expect(await count()).toBe(3);
    // The token does not leak into later inserts: the same rows without a token, then with a new token, land.
    await store.insert('wallet_activity', rows);
    expect(await count()).toBe(6);
    await store.insert('wallet_activity', rows, { dedupToken: 'batch-2 with spaces/and:odd chars' });
    await store.insert('wallet_activity', rows, { dedupToken: 'batch-2 with spaces/and:odd chars' });
    expect(await count()).toBe(9);
  });

  it('rejects unknown and MATERIALIZED columns before sending, with a code', async () => {
    const unknown = await thrown(store.insert('markets', [{ condition_id: 'x', nope: 1 }]));
    expect(unknown.code).toBe('STORE_UNKNOWN_COLUMN');
    const materialized = await thrown(
      store.insert('wallet_activity', [{ proxy_wallet: 'w', condition_id: 'c', activity_type: 'T', timestamp: chTime(0), ts_date: '1970-01-01' }]),
    );
    expect(materialized.code).toBe('STORE_UNKNOWN_COLUMN');
    expect(isTransientStoreError(materialized)).toBe(false);
  });

  it('classifies ClickHouse errors by code as permanent', async () => {
    const syntax = await thrown(store.query('SELEC 1'));
    expect([syntax.code, syntax.clickhouseCode, syntax.clickhouseType, syntax.transient]).toEqual(['CLICKHOUSE', 62, 'SYNTAX_ERROR', false]);
    const table = await thrown(store.insert('no_such_table', [{ a: 1 }]));
    expect([table.code, table.clickhouseCode]).toEqual(['CLICKHOUSE', 60]);
    const badValue = await thrown(store.insert('markets', [{ condition_id: 'x', active: 'yes' }]));
    expect(badValue.code).toBe('CLICKHOUSE');
    expect(isTransientStoreError(badValue)).toBe(false);
  });
});

describe('dead stores', () => {
  it('an unreachable server fails to open with STORE_UNREACHABLE', async () => {
    const url = `http://default:secret@127.0.0.1:${await freePort()}`;
    const error = await thrown(openStore({ kind: 'server', url, database: 'whaletop' }, silentLogger));
    expect(error.code).toBe('STORE_UNREACHABLE');
    expect(error.transient).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('secret');
  });
});
