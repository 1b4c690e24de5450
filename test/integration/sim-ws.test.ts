/**
 * The market channel: subscribe → an array of book frames for exactly the subscribed assets; an elite burst
 * streams last_trade_price and price_change for its token; PING → PONG; later subscribe/unsubscribe operations;
 * faults: drop, silent freeze (PONG but no data), close on an oversized subscribe. Frames also go through the
 * real client's parser with zero invalid objects.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseMarketFrame } from '../../src/polymarket/ws-market.ts';
import { WS_CLOSE_TOO_MANY_ASSETS, startSimulator, type Simulator } from '../../src/sim/index.ts';
import { POLYMARKET_FIXTURES } from '../helpers/fixtures.ts';

const FIXTURES = POLYMARKET_FIXTURES;
const fixtureKeys = (rel: string): string[] => Object.keys(JSON.parse(readFileSync(`${FIXTURES}/${rel}`, 'utf8')) as object).sort();

/** A client socket that records every text message and waits on predicates with a deadline. */
class Probe {
  readonly messages: string[] = [];
  closeCode: number | null = null;
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (d) => this.messages.push(d.toString()));
    this.socket.on('close', (code) => (this.closeCode = code));
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }
  send(v: unknown): void {
    this.socket.send(typeof v === 'string' ? v : JSON.stringify(v));
  }
  async waitFor<T>(pick: () => T | undefined | null | false, what: string, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = pick();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${this.messages.slice(-3).join(' | ').slice(0, 500)}`);
      await new Promise((r) => setImmediate(r));
    }
  }
  /** Sends PING and resolves at the matching PONG: everything the server sent before is then in `messages`. */
  async barrier(): Promise<void> {
    const pongs = this.messages.filter((m) => m === 'PONG').length;
    this.send('PING');
    await this.waitFor(() => this.messages.filter((m) => m === 'PONG').length > pongs, 'PONG');
  }
  objects(): Record<string, unknown>[] {
    return this.messages.filter((m) => m !== 'PONG').flatMap((m) => {
      const v = JSON.parse(m) as unknown;
      return (Array.isArray(v) ? v : [v]) as Record<string, unknown>[];
    });
  }
}

let sim: Simulator;
const probes: Probe[] = [];
const probe = async (): Promise<Probe> => {
  const p = new Probe(sim.urls.ws);
  probes.push(p);
  await p.opened;
  return p;
};

beforeAll(async () => {
  sim = await startSimulator({ seed: 5, manualClock: true, marketCount: 60, walletCount: 600, historyTrades: 10_000, burstEveryMs: 0 });
});
afterEach(() => {
  sim.faults.clear();
  for (const p of probes.splice(0)) p.socket.terminate();
});
afterAll(async () => {
  await sim.stop();
});

function openMarket(i = 0) {
  const m = sim.world.core.markets.filter((x) => !x.closed && x.book && x.price >= 200 && x.price <= 700)[i]!;
  return { conditionId: m.conditionId, tokens: [...m.tokens] as [string, string] };
}

describe('market channel', () => {
  it('dumps one book frame per subscribed asset as a JSON array, then streams a burst', async () => {
    const { conditionId, tokens } = openMarket();
    const p = await probe();
    p.send({ assets_ids: tokens, type: 'market', custom_feature_enabled: true });
    const dump = await p.waitFor(() => p.messages[0], 'initial dump');
    const frames = JSON.parse(dump) as Record<string, unknown>[];
    expect(Array.isArray(frames)).toBe(true);
    expect(frames.map((f) => f.asset_id).sort()).toEqual([...tokens].sort());
    expect(frames.every((f) => f.event_type === 'book' && f.market === conditionId)).toBe(true);
    expect(Object.keys(frames[0]!).sort()).toEqual(fixtureKeys('ws-market-book/nautilus-ws-book-snapshot-captured-2026.json'));
    expect(frames[0]!.timestamp).toBe(String(sim.now()));

    const burst = sim.triggerEliteBurst({ conditionId });
    sim.advance(60_000);
    await p.barrier();
    const objs = p.objects();
    const trades = objs.filter((o) => o.event_type === 'last_trade_price' && o.asset_id === burst.tokenId);
    expect(trades.length).toBeGreaterThanOrEqual(burst.trades);
    expect(Object.keys(trades[0]!).sort()).toEqual(fixtureKeys('ws-market-last-trade-price/anon-rust-live-2026-07-08.json'));
    expect(trades.filter((t) => t.side === 'BUY').length).toBeGreaterThanOrEqual(burst.trades);
    const changes = objs.filter((o) => o.event_type === 'price_change');
    expect(changes.length).toBeGreaterThan(0);
    expect(Object.keys(changes[0]!).sort()).toEqual(fixtureKeys('ws-market-price-change/anon-go-comment-live-2025-12-23.json'));
    const entry = (changes[0]!.price_changes as Record<string, unknown>[])[0]!;
    expect(Object.keys(entry).sort()).toEqual(['asset_id', 'best_ask', 'best_bid', 'hash', 'price', 'side', 'size']);
    const bba = objs.filter((o) => o.event_type === 'best_bid_ask');
    expect(bba.length).toBeGreaterThan(0);
    expect(Object.keys(bba[0]!).sort()).toEqual(fixtureKeys('ws-market-best-bid-ask/nautilus-docs-derived-best-bid-ask.json'));
    const prices = trades.map((t) => Number(t.price));
    expect(prices.at(-1)! - prices[0]!).toBeGreaterThanOrEqual(0.03);
    for (const m of p.messages) {
      const parsed = parseMarketFrame(m);
      expect(parsed.invalid, parsed.firstError ?? '').toBe(0);
      expect(parsed.unknown).toBe(0);
    }
  });

  it('answers PING with PONG and honours later subscribe/unsubscribe operations', async () => {
    const a = openMarket(0);
    const b = openMarket(1);
    const p = await probe();
    p.send('PING');
    await p.waitFor(() => p.messages.includes('PONG'), 'PONG');
    p.send({ assets_ids: [a.tokens[0]], type: 'market' });
    await p.waitFor(() => p.messages.length >= 2, 'dump');
    p.send({ operation: 'subscribe', assets_ids: [a.tokens[0], b.tokens[1]] });
    const second = JSON.parse(await p.waitFor(() => p.messages[2], 'second dump')) as Record<string, unknown>[];
    expect(second.map((f) => f.asset_id)).toEqual([b.tokens[1]]);
    p.send({ operation: 'unsubscribe', assets_ids: [b.tokens[1]] });
    await p.barrier();
    const before = p.messages.length;
    sim.triggerEliteBurst({ conditionId: b.conditionId });
    sim.advance(60_000);
    await p.barrier();
    const late = p.messages.slice(before).filter((m) => m !== 'PONG').map((m) => JSON.parse(m) as Record<string, unknown>);
    expect(late.filter((o) => o.market === b.conditionId)).toEqual([]);
  });

  it('does not send best_bid_ask without custom_feature_enabled', async () => {
    const { conditionId, tokens } = openMarket(2);
    const p = await probe();
    p.send({ assets_ids: tokens, type: 'market' });
    await p.waitFor(() => p.messages[0], 'dump');
    sim.triggerEliteBurst({ conditionId });
    sim.advance(60_000);
    await p.barrier();
    const types = new Set(p.objects().map((o) => o.event_type));
    expect(types.has('last_trade_price')).toBe(true);
    expect(types.has('best_bid_ask')).toBe(false);
  });
});

describe('market channel faults', () => {
  it('closes the socket when one frame lists more than 500 asset ids', async () => {
    const p = await probe();
    p.send({ assets_ids: Array.from({ length: 501 }, (_, i) => String(10n ** 76n + BigInt(i))), type: 'market' });
    await p.waitFor(() => p.closeCode !== null, 'close');
    expect(p.closeCode).toBe(WS_CLOSE_TOO_MANY_ASSETS);
  });

  it('the limit is configurable', async () => {
    sim.faults.set({ wsMaxAssetsPerFrame: 2 });
    const p = await probe();
    p.send({ assets_ids: ['1', '2', '3'], type: 'market' });
    await p.waitFor(() => p.closeCode !== null, 'close');
    expect(p.closeCode).toBe(WS_CLOSE_TOO_MANY_ASSETS);
  });

  it('drops connections on demand', async () => {
    const p = await probe();
    await p.barrier();
    expect(sim.stats().wsConnections).toBe(1);
    expect(sim.faults.dropWsConnections()).toBe(1);
    await p.waitFor(() => p.closeCode !== null, 'close');
    expect(p.closeCode).toBe(1006);
  });

  it('a silent freeze keeps PONG coming while data stops', async () => {
    const { conditionId, tokens } = openMarket(3);
    const p = await probe();
    p.send({ assets_ids: tokens, type: 'market', custom_feature_enabled: true });
    await p.waitFor(() => p.messages[0], 'dump');
    sim.faults.set({ wsFreeze: true });
    const before = p.messages.length;
    sim.triggerEliteBurst({ conditionId });
    sim.advance(60_000);
    await p.barrier();
    expect(p.messages.slice(before)).toEqual(['PONG']);
    sim.faults.set({ wsFreeze: false });
    sim.advance(60_000);
    sim.triggerEliteBurst({ conditionId });
    await p.barrier();
    expect(p.messages.slice(before + 1).some((m) => m.includes('last_trade_price'))).toBe(true);
  });
});
