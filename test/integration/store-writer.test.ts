import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { memoryLogger, silentLogger } from '../../src/lib/log.ts';
import { chTime } from '../../src/store/client.ts';
import { StoreError } from '../../src/store/errors.ts';
import { ROW_VALIDATORS } from '../../src/store/rows.ts';
import type { InsertOptions, Row, Store } from '../../src/store/types.ts';
import { BatchedWriter, WriterFlushError } from '../../src/store/writer.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';

interface InsertCall {
  table: string;
  rows: number;
  token: string | undefined;
  done: Promise<void>;
}

type Fault = 'none' | 'lost-ack' | 'permanent' | 'always-transient';

/** The real store with every insert recorded, and faults injected on demand. */
function instrument(store: Store, faults: Fault[] = []): Store & { calls: InsertCall[] } {
  const calls: InsertCall[] = [];
  const insert = async (table: string, rows: readonly Row[], options?: InsertOptions): Promise<void> => {
    const fault = faults.shift() ?? 'none';
    if (fault === 'permanent') throw new StoreError('CLICKHOUSE', 'injected: type mismatch', { clickhouseCode: 53, transient: false });
    if (fault === 'always-transient') {
      faults.unshift('always-transient');
      throw new StoreError('STORE_UNREACHABLE', 'injected: ECONNRESET', { transient: true });
    }
    await store.insert(table, rows, options);
    // The rows landed, but the acknowledgement is lost on the way back.
    if (fault === 'lost-ack') throw new StoreError('STORE_UNREACHABLE', 'injected: socket hang up after insert', { transient: true });
  };
  return {
    kind: store.kind,
    description: store.description,
    client: store.client,
    query: (sql, params, signal) => store.query(sql, params, signal),
    command: (sql, params) => store.command(sql, params),
    ping: () => store.ping(),
    close: () => store.close(),
    calls,
    insert(table, rows, options) {
      const done = insert(table, rows, options);
      calls.push({ table, rows: rows.length, token: options?.dedupToken, done: done.catch(() => {}) });
      return done;
    },
  };
}

const now = Date.now();
function activities(wallet: string, n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    proxy_wallet: wallet,
    condition_id: '0xc0',
    activity_type: 'TRADE',
    side: 'BUY',
    size: i + 1,
    price: 0.5,
    usdc_size: (i + 1) / 2,
    transaction_hash: `0x${i.toString(16)}`,
    timestamp: chTime(now - i * 1000),
  }));
}

describe('BatchedWriter', () => {
  let store: TestStore;
  const count = async (wallet: string): Promise<number> =>
    Number((await store.query<{ n: string }>('SELECT count() AS n FROM wallet_activity WHERE proxy_wallet = {w:String}', { w: wallet }))[0]?.n);

  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await closeTestStore(store);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a full batch of maxRows at once, without waiting for the timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const wrapped = instrument(store);
    const writer = new BatchedWriter(wrapped, { logger: silentLogger, validators: ROW_VALIDATORS });
    writer.write('wallet_activity', activities('size', 999));
    expect(wrapped.calls).toHaveLength(0);
    writer.write('wallet_activity', activities('size', 1));
    expect(wrapped.calls.map((c) => c.rows)).toEqual([1000]);
    await wrapped.calls[0]!.done;
    expect(await count('size')).toBe(1000);
    expect(writer.stats()).toMatchObject({ buffered: 0, written: 1000, rejected: 0, dropped: 0 });
    await writer.close();
  });

  it('flushes a partial batch when the interval elapses', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const wrapped = instrument(store);
    const writer = new BatchedWriter(wrapped, { logger: silentLogger, flushIntervalMs: 2000 });
    writer.write('wallet_activity', activities('timer', 10));
    vi.advanceTimersByTime(1999);
    expect(wrapped.calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(wrapped.calls.map((c) => c.rows)).toEqual([10]);
    await wrapped.calls[0]!.done;
    expect(await count('timer')).toBe(10);
    await writer.close();
  });

  it('retries a batch whose ack was lost with the same token, and it lands exactly once', async () => {
    const wrapped = instrument(store, ['lost-ack']);
    const log = memoryLogger();
    const writer = new BatchedWriter(wrapped, { logger: log, retryBaseMs: 5, retryCapMs: 20 });
    writer.write('wallet_activity', activities('lost-ack', 50));
    await writer.flush();
    expect(wrapped.calls).toHaveLength(2);
    expect(wrapped.calls[0]!.token).toMatch(/^wallet_activity:/);
    expect(wrapped.calls[1]!.token).toBe(wrapped.calls[0]!.token);
    expect(await count('lost-ack')).toBe(50);
    expect(writer.stats()).toMatchObject({ written: 50, retries: 1, dropped: 0, failures: 0, lastError: 'injected: socket hang up after insert' });
    expect(log.lines.filter((l) => l.msg === 'insert failed, retrying')).toHaveLength(1);
    await writer.close();
  });

  it('drops a batch after a permanent error, rejects flush, and goes on', async () => {
    const wrapped = instrument(store, ['permanent']);
    const writer = new BatchedWriter(wrapped, { logger: silentLogger, retryBaseMs: 1 });
    writer.write('wallet_activity', activities('permanent', 7));
    await expect(writer.flush()).rejects.toBeInstanceOf(WriterFlushError);
    expect(wrapped.calls).toHaveLength(1);
    writer.write('wallet_activity', activities('permanent', 3));
    await writer.flush();
    expect(await count('permanent')).toBe(3);
    expect(writer.stats()).toMatchObject({ written: 3, dropped: 7, failures: 1, retries: 0 });
    await writer.close();
  });

  it('gives up after maxRetries transient failures and counts the batch as dropped', async () => {
    const wrapped = instrument(store, ['always-transient']);
    const writer = new BatchedWriter(wrapped, { logger: silentLogger, maxRetries: 2, retryBaseMs: 1, retryCapMs: 2 });
    writer.write('wallet_activity', activities('exhausted', 4));
    await expect(writer.flush()).rejects.toThrow(/rows of wallet_activity were dropped: injected: ECONNRESET/);
    expect(wrapped.calls).toHaveLength(3);
    expect(new Set(wrapped.calls.map((c) => c.token)).size).toBe(1);
    expect(writer.stats()).toMatchObject({ written: 0, dropped: 4, failures: 1, retries: 2, buffered: 0 });
  });

  it('close() flushes what is buffered and stops the timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const wrapped = instrument(store);
    const writer = new BatchedWriter(wrapped, { logger: silentLogger });
    writer.write('wallet_activity', activities('shutdown', 12));
    expect(vi.getTimerCount()).toBe(1);
    await writer.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(await count('shutdown')).toBe(12);
    writer.write('wallet_activity', activities('shutdown', 1));
    expect(writer.stats()).toMatchObject({ written: 12, dropped: 1 });
  });

  it('counts and logs rows failing validation and never sends them', async () => {
    const wrapped = instrument(store);
    const log = memoryLogger();
    const writer = new BatchedWriter(wrapped, { logger: log, validators: ROW_VALIDATORS });
    const [good] = activities('invalid', 1);
    writer.write('wallet_activity', [
      good!,
      { ...good, timestamp: 1_700_000_000_000 },
      { ...good, outcome_index: -1 },
      { ...good, size: Number.NaN },
      { ...good, side: 'HOLD' },
      { ...good, surprise: 1 },
    ]);
    await writer.flush();
    expect(wrapped.calls.map((c) => c.rows)).toEqual([1]);
    expect(await count('invalid')).toBe(1);
    expect(writer.stats()).toMatchObject({ written: 1, rejected: 5 });
    const warn = log.lines.find((l) => l.msg === 'rows rejected by validation, not sent');
    expect(warn).toMatchObject({ table: 'wallet_activity', rejected: 5 });
    expect(String(warn?.reason)).toContain('timestamp');
    await writer.close();
  });

  it('drops and counts what does not fit when the buffers are full', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const wrapped = instrument(store);
    const log = memoryLogger();
    const writer = new BatchedWriter(wrapped, { logger: log, maxRows: 10, maxBufferedRows: 10 });
    writer.write('wallet_activity', activities('overflow', 9));
    writer.write('wallet_activity', activities('overflow', 5));
    expect(writer.stats()).toMatchObject({ dropped: 4, buffered: 10 });
    expect(log.lines.find((l) => l.msg === 'rows dropped')).toMatchObject({ dropped: 4, reason: 'buffer full' });
    await writer.flush();
    expect(await count('overflow')).toBe(10);
    await writer.close();
  });

  it('writeAsync waits for room instead of dropping, never holding more than maxBufferedRows', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const wrapped = instrument(store);
    const writer = new BatchedWriter(wrapped, { logger: silentLogger, maxRows: 5, maxBufferedRows: 10 });
    const peaks: number[] = [];
    const original = wrapped.insert.bind(wrapped);
    wrapped.insert = (table, rows, options) => {
      peaks.push(writer.stats().buffered);
      return original(table, rows, options);
    };
    await writer.writeAsync('wallet_activity', activities('backpressure', 23));
    await writer.flush();
    expect(await count('backpressure')).toBe(23);
    expect(writer.stats()).toMatchObject({ written: 23, dropped: 0 });
    expect(Math.max(...peaks)).toBeLessThanOrEqual(10);
    await writer.close();
  });

  it('keeps at most one insert in flight per table', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const wrapped = instrument(store);
    let inFlight = 0;
    let maxInFlight = 0;
    const original = wrapped.insert.bind(wrapped);
    wrapped.insert = async (table, rows, options) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        await original(table, rows, options);
      } finally {
        inFlight--;
      }
    };
    const writer = new BatchedWriter(wrapped, { logger: silentLogger, maxRows: 100 });
    for (let i = 0; i < 5; i++) writer.write('wallet_activity', activities(`inflight`, 100));
    expect(wrapped.calls).toHaveLength(1);
    await writer.flush();
    expect(wrapped.calls.map((c) => c.rows)).toEqual([100, 100, 100, 100, 100]);
    expect(maxInFlight).toBe(1);
    expect(await count('inflight')).toBe(500);
    await writer.close();
  });
});
