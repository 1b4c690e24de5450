import { describe, expect, it } from 'vitest';
import { chunk } from '../../src/live/ws-connection.ts';
import { initialSubscribeFrame, operationFrame } from '../../src/polymarket/ws-market.ts';

describe('subscribe chunking', () => {
  it('splits 250 ids into frames of 100, 100 and 50', () => {
    const ids = Array.from({ length: 250 }, (_, i) => String(i));
    const chunks = chunk(ids, 100);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(ids);
  });
  it('returns no chunk for no ids and one for exactly the chunk size', () => {
    expect(chunk([], 100)).toEqual([]);
    expect(chunk(Array.from({ length: 100 }, String), 100)).toHaveLength(1);
  });
  it('builds the initial and operation frames of the market channel', () => {
    expect(JSON.parse(initialSubscribeFrame(['1', '2']))).toEqual({
      assets_ids: ['1', '2'],
      type: 'market',
      custom_feature_enabled: true,
      initial_dump: true,
    });
    expect(JSON.parse(operationFrame('unsubscribe', ['3']))).toEqual({
      assets_ids: ['3'],
      operation: 'unsubscribe',
      custom_feature_enabled: true,
    });
  });
});
