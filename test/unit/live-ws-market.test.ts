import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarketFrame } from '../../src/polymarket/ws-market.ts';
import { POLYMARKET_FIXTURES } from '../helpers/fixtures.ts';

const FIX = POLYMARKET_FIXTURES;
const dirs = readdirSync(FIX).filter((d) => d.startsWith('ws-market-'));
const files = dirs.flatMap((d) => readdirSync(join(FIX, d)).map((f) => join(d, f)));

describe('parseMarketFrame on every recorded fixture', () => {
  it.each(files)('%s parses without errors', (file) => {
    const r = parseMarketFrame(readFileSync(join(FIX, file), 'utf8'));
    expect(r.invalid, r.firstError ?? '').toBe(0);
    expect(r.unknown).toBe(0);
    expect(r.events.length + r.ignored).toBe(1);
  });
});

describe('parseMarketFrame', () => {
  it('normalises the current price_changes[] schema (both tokens in one frame)', () => {
    const r = parseMarketFrame(readFileSync(join(FIX, 'ws-market-price-change/anon-go-comment-live-2025-12-23.json'), 'utf8'));
    expect(r.events).toEqual([
      {
        type: 'price_change',
        market: '0x0936baff284871821b1ab5c64d33d67f117392dba34d461fe04360df893dfde4',
        timestamp: 1766481546776,
        changes: [
          {
            assetId: '25245433628208476987364023432306599125597948324625578977436890641930158259698',
            price: 0.49,
            size: 55,
            side: 'BUY',
            bestBid: 0.49,
            bestAsk: 0.5,
          },
          {
            assetId: '20168250870314270898487593595943592687458358996170785976290704639743788087191',
            price: 0.51,
            size: 55,
            side: 'SELL',
            bestBid: 0.5,
            bestAsk: 0.51,
          },
        ],
      },
    ]);
  });

  it('normalises the 2024 flat and the legacy changes[] schemas into the same event', () => {
    const flat = parseMarketFrame(readFileSync(join(FIX, 'ws-market-price-change/nautilus-legacy-flat-2024.json'), 'utf8'));
    expect(flat.events[0]).toMatchObject({
      type: 'price_change',
      timestamp: 1723967931411,
      changes: [{ assetId: '48331043336612883890938759509493159234755048973500640148014422747788308965732', price: 0.514, size: 21574.08, side: 'SELL', bestBid: null }],
    });
    const legacy = parseMarketFrame(
      JSON.stringify({ event_type: 'price_change', market: '0xm', asset_id: '7', timestamp: '5', hash: 'h', changes: [{ price: '0.3', side: 'BUY', size: '0' }] }),
    );
    expect(legacy.events).toEqual([
      { type: 'price_change', market: '0xm', timestamp: 5, changes: [{ assetId: '7', price: 0.3, size: 0, side: 'BUY', bestBid: null, bestAsk: null }] },
    ]);
  });

  it('parses last_trade_price with and without transaction_hash, tick_size_change and best_bid_ask', () => {
    const live = parseMarketFrame(readFileSync(join(FIX, 'ws-market-last-trade-price/anon-rust-live-2026-07-08.json'), 'utf8'));
    expect(live.events[0]).toMatchObject({ type: 'last_trade_price', price: 0.43, size: 5999, side: 'BUY', timestamp: 1783516542743 });
    expect((live.events[0] as { transactionHash: string }).transactionHash).toMatch(/^0xe999/);
    const old = parseMarketFrame(readFileSync(join(FIX, 'ws-market-last-trade-price/nautilus-ws-last-trade-price-2024.json'), 'utf8'));
    expect(old.events[0]).toMatchObject({ type: 'last_trade_price', transactionHash: null, side: 'SELL', price: 0.491 });
    const tick = parseMarketFrame(readFileSync(join(FIX, 'ws-market-tick-size-change/nautilus-ws-tick-size-change-2025.json'), 'utf8'));
    expect(tick.events[0]).toMatchObject({ type: 'tick_size_change', oldTickSize: 0.01, newTickSize: 0.001 });
    const bba = parseMarketFrame(readFileSync(join(FIX, 'ws-market-best-bid-ask/nautilus-docs-derived-best-bid-ask.json'), 'utf8'));
    expect(bba.events[0]).toMatchObject({ type: 'best_bid_ask', bestBid: 0.73, bestAsk: 0.77, spread: 0.04 });
  });

  it('handles the initial-dump array, PONG, unknown types and malformed objects without throwing', () => {
    const book = JSON.parse(readFileSync(join(FIX, 'ws-market-book/nautilus-ws-book-2024.json'), 'utf8')) as Record<string, unknown>;
    const dump = parseMarketFrame(JSON.stringify([book, { ...book, asset_id: '2' }, { event_type: 'brand_new' }, { event_type: 'book', market: 1 }, 7]));
    expect(dump.events.map((e) => e.type)).toEqual(['book', 'book']);
    expect(dump.unknown).toBe(1);
    expect(dump.invalid).toBe(2);
    expect(dump.firstError).toContain('book');
    expect(parseMarketFrame('PONG')).toMatchObject({ pong: true, events: [] });
    expect(parseMarketFrame('{nope')).toMatchObject({ invalid: 1 });
    const resolved = parseMarketFrame(readFileSync(join(FIX, 'ws-market-market-resolved/docs-market-channel-example.json'), 'utf8'));
    expect(resolved).toMatchObject({ ignored: 1, events: [] });
  });
});
