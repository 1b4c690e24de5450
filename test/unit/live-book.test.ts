import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../src/live/book.ts';
import { parseMarketFrame } from '../../src/polymarket/ws-market.ts';
import type { WsBookEvent } from '../../src/polymarket/ws-market.ts';
import { POLYMARKET_FIXTURES } from '../helpers/fixtures.ts';

const FIX = POLYMARKET_FIXTURES;

describe('OrderBook', () => {
  it('reads best bid/ask from the end of wire-ordered levels (worst first)', () => {
    const frame = parseMarketFrame(readFileSync(`${FIX}/ws-market-book/nautilus-ws-book-snapshot-captured-2026.json`, 'utf8'));
    const book = frame.events[0] as WsBookEvent;
    const b = new OrderBook();
    b.applySnapshot(book.bids, book.asks);
    expect(b.bestBid()).toBe(book.bids[book.bids.length - 1]!.price);
    expect(b.bestAsk()).toBe(book.asks[book.asks.length - 1]!.price);
    expect(b.bestBid()! < b.bestAsk()!).toBe(true);
  });

  it('sets, adds and removes levels (size is the new aggregate, "0" removes)', () => {
    const b = new OrderBook();
    b.applySnapshot(
      [
        { price: 0.45, size: 100 },
        { price: 0.47, size: 50 },
      ],
      [
        { price: 0.52, size: 30 },
        { price: 0.5, size: 20 },
      ],
    );
    expect(b.mid()).toBeCloseTo(0.485, 12);
    b.applyChange('BUY', 0.48, 10); // new best bid
    b.applyChange('SELL', 0.5, 0); // best ask removed
    b.applyChange('SELL', 0.52, 35); // size replaced, not added
    b.applyChange('BUY', 0.46, 5); // inserted in the middle
    expect(b.levels()).toEqual({
      bids: [
        { price: 0.45, size: 100 },
        { price: 0.46, size: 5 },
        { price: 0.47, size: 50 },
        { price: 0.48, size: 10 },
      ],
      asks: [{ price: 0.52, size: 35 }],
    });
    expect(b.bestBid()).toBe(0.48);
    expect(b.bestAsk()).toBe(0.52);
    expect(b.spread()).toBeCloseTo(0.04, 12);
    expect(b.depth('BUY', 2)).toBe(60);
    expect(b.depth('BUY', 0)).toBe(165);
    b.applyChange('BUY', 0.9, 0); // removing a level that is not there changes nothing
    expect(b.depth('BUY', 0)).toBe(165);
  });

  it('ignores changes while invalid and becomes valid again only with a snapshot', () => {
    const b = new OrderBook();
    expect(b.applyChange('BUY', 0.4, 1)).toBe(false);
    b.applySnapshot([{ price: 0.4, size: 1 }], [{ price: 0.6, size: 1 }]);
    b.invalidate();
    expect(b.valid).toBe(false);
    expect(b.mid()).toBeNull();
    expect(b.applyChange('BUY', 0.41, 1)).toBe(false);
    b.applySnapshot([{ price: 0.42, size: 1 }], [{ price: 0.58, size: 1 }]);
    expect(b.mid()).toBeCloseTo(0.5, 12);
  });

  it('sorts a snapshot that arrives out of order and drops empty levels', () => {
    const b = new OrderBook();
    b.applySnapshot(
      [
        { price: 0.47, size: 5 },
        { price: 0.45, size: 0 },
        { price: 0.46, size: 7 },
      ],
      [
        { price: 0.5, size: 1 },
        { price: 0.52, size: 2 },
      ],
    );
    expect(b.levels()).toEqual({
      bids: [
        { price: 0.46, size: 7 },
        { price: 0.47, size: 5 },
      ],
      asks: [
        { price: 0.52, size: 2 },
        { price: 0.5, size: 1 },
      ],
    });
  });
});
