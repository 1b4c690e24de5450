/**
 * issue-12-17: `writer.flush()` was global, so a batch the live feed lost was blamed on holder-sync (whose commit
 * then failed). Each producer now flushes, and answers for, its own rows.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/lib/log.ts';
import { StoreError } from '../../src/store/errors.ts';
import type { Row, Store } from '../../src/store/types.ts';
import { BatchedWriter, WriterFlushError } from '../../src/store/writer.ts';

/** A store whose inserts into `failing` fail permanently; everything else lands in `landed`. */
function store(failing: string): Store & { landed: Map<string, Row[]> } {
  const landed = new Map<string, Row[]>();
  return {
    kind: 'embedded',
    description: 'fake',
    client: null as never,
    landed,
    insert: async (table, rows) => {
      await new Promise((r) => setTimeout(r, 5));
      if (table === failing) throw new StoreError('CLICKHOUSE', 'disk full', { clickhouseCode: 243 });
      landed.set(table, [...(landed.get(table) ?? []), ...rows]);
    },
    query: async () => [],
    command: async () => {},
    ping: async () => true,
    close: async () => {},
  };
}

describe('issue-12-17 writer failures are attributed to the producer', () => {
  it("the live feed's dropped batch fails the live feed's flush, not holder-sync's", async () => {
    const s = store('price_snapshots_10s');
    const writer = new BatchedWriter(s, { logger: silentLogger, maxRetries: 0 });
    const live = writer.producer('live');
    const holders = writer.producer('holder-sync');
    live.write('price_snapshots_10s', [{ token_id: '1' }, { token_id: '2' }]);
    await holders.writeAsync('market_holders', [{ condition_id: 'c' }]);
    live.write('market_holders', [{ condition_id: 'from-live' }]);

    await expect(holders.flush()).resolves.toBeUndefined();
    const err = await live.flush().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(WriterFlushError);
    expect(err).toMatchObject({ table: 'price_snapshots_10s', producer: 'live' });
    expect((err as Error).message).toContain('rows of price_snapshots_10s from live were dropped');
    expect(s.landed.get('market_holders')).toHaveLength(2);
    expect(writer.stats().producers).toEqual({ live: { written: 1, dropped: 2 }, 'holder-sync': { written: 1, dropped: 0 } });
    await writer.close();
  });

  it('a failed batch holding rows of two producers fails both; the global flush still sees every drop', async () => {
    const s = store('wallet_positions');
    const writer = new BatchedWriter(s, { logger: silentLogger, maxRetries: 0 });
    writer.producer('a').write('wallet_positions', [{ x: 1 }]);
    writer.producer('b').write('wallet_positions', [{ x: 2 }]);
    writer.producer('c').write('markets', [{ x: 3 }]);
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((p) => writer.producer(p).flush()));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    writer.producer('a').write('wallet_positions', [{ x: 4 }]);
    await expect(writer.flush()).rejects.toBeInstanceOf(WriterFlushError);
    await writer.close();
  });
});
