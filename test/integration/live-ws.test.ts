import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { MarketFeed } from '../../src/live/feed.ts';
import type { FeedOptions, TokenMeta } from '../../src/live/feed.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/log.ts';
import { startSimulator } from '../../src/sim/index.ts';
import type { Simulator } from '../../src/sim/index.ts';

/** Waits until `pred` holds, polling every 20 ms; fails with `what` after `timeoutMs`. */
async function waitFor(what: string, pred: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function options(sim: Simulator, patch: Partial<FeedOptions> = {}): FeedOptions {
  return {
    wsUrl: sim.urls.ws,
    pingIntervalMs: 10_000,
    livenessTimeoutMs: 30_000,
    backoffBaseMs: 50,
    backoffCapMs: 200,
    subscribeChunkSize: 100,
    maxPayloadBytes: 16 * 1024 * 1024,
    handshakeTimeoutMs: 5_000,
    maxTokensPerConnection: 400,
    connectSpacingMs: 20,
    maxSpreadForMomentum: 0.1,
    ...patch,
  };
}

/** Tokens of open markets with a live book: id → meta. */
function liveTokens(sim: Simulator, max: number): Map<string, TokenMeta> {
  const out = new Map<string, TokenMeta>();
  for (const m of sim.world.core.markets) {
    if (m.closed || !m.book) continue;
    for (const o of [0, 1] as const) if (out.size < max) out.set(m.tokens[o], { marketId: m.conditionId, outcome: m.outcomes[o] });
  }
  return out;
}

const noop = { onMid: () => {}, onTrade: () => {} };
let sim: Simulator | null = null;
let feed: MarketFeed | null = null;

afterEach(async () => {
  vi.restoreAllMocks();
  await feed?.stop();
  await sim?.stop();
  feed = null;
  sim = null;
});

const validBooks = (f: MarketFeed): number => [...f.tokens()].filter((s) => s.book.valid).length;

describe('live feed against the simulator WebSocket', () => {
  it('subscribes 250 tokens in frames of at most 100 ids and gets every snapshot', async () => {
    sim = await startSimulator({ manualClock: true, faults: { wsMaxAssetsPerFrame: 100 } });
    const sent: string[] = [];
    const send = WebSocket.prototype.send;
    vi.spyOn(WebSocket.prototype, 'send').mockImplementation(function (this: WebSocket, data: unknown, ...rest: unknown[]) {
      if (typeof data === 'string' && data.startsWith('{')) sent.push(data);
      return (send as (...a: unknown[]) => void).call(this, data, ...rest);
    });
    const tokens = liveTokens(sim, 250);
    expect(tokens.size).toBe(250);
    feed = new MarketFeed(options(sim), noop, systemClock, silentLogger);
    feed.setTokens(tokens);
    feed.start();
    await waitFor('250 books', () => validBooks(feed!) === 250);
    const frames = sent.map((s) => JSON.parse(s) as { assets_ids: string[]; type?: string; operation?: string });
    expect(frames.map((f) => f.assets_ids.length)).toEqual([100, 100, 50]);
    expect(frames[0]).toMatchObject({ type: 'market', custom_feature_enabled: true });
    expect(frames.slice(1).map((f) => f.operation)).toEqual(['subscribe', 'subscribe']);
    expect(new Set(frames.flatMap((f) => f.assets_ids))).toEqual(new Set(tokens.keys()));
    expect(feed.stats()).toMatchObject({ connections: 1, reconnects: 0, invalid: 0 });
  });

  it('spreads 900 tokens over 3 connections of at most 400', async () => {
    sim = await startSimulator({ manualClock: true, marketCount: 650 });
    const tokens = liveTokens(sim, 900);
    expect(tokens.size).toBe(900);
    feed = new MarketFeed(options(sim), noop, systemClock, silentLogger);
    feed.setTokens(tokens);
    feed.start();
    await waitFor('900 books', () => validBooks(feed!) === 900);
    expect(feed.sockets().map((c) => c.tokenIds.size)).toEqual([400, 400, 100]);
    expect(sim.stats().wsConnections).toBe(3);
    expect(feed.stats().connections).toBe(3);
  });

  it('parses every event type the simulator sends and keeps the book equal to REST /book', async () => {
    sim = await startSimulator({ manualClock: true, tradesPerSecond: 20, quotesPerSecond: 20 });
    const tokens = liveTokens(sim, 120);
    feed = new MarketFeed(options(sim), noop, systemClock, silentLogger);
    feed.setTokens(tokens);
    feed.start();
    await waitFor('books', () => validBooks(feed!) === tokens.size);
    for (let i = 0; i < 30; i++) sim.advance(2_000);
    await waitFor('trades', () => (feed!.stats().byType['last_trade_price'] ?? 0) > 0);
    const byType = feed.stats().byType;
    expect(byType['book']).toBeGreaterThanOrEqual(tokens.size);
    expect(byType['price_change']).toBeGreaterThan(0);
    expect(byType['best_bid_ask']).toBeGreaterThan(0);
    expect(feed.stats().invalid).toBe(0);

    // Every watched token's book equals the REST book of the same (now frozen) world.
    const mismatched = async (): Promise<string[]> => {
      const bad: string[] = [];
      for (const id of tokens.keys()) {
        const rest = (await (await fetch(`${sim!.urls.clob}/book?token_id=${id}`)).json()) as {
          bids: { price: string; size: string }[];
          asks: { price: string; size: string }[];
        };
        const want = {
          bids: rest.bids.map((l) => ({ price: Number(l.price), size: Number(l.size) })),
          asks: rest.asks.map((l) => ({ price: Number(l.price), size: Number(l.size) })),
        };
        if (JSON.stringify(feed!.token(id)!.book.levels()) !== JSON.stringify(want)) bad.push(id);
      }
      return bad;
    };
    let bad = await mismatched();
    for (let i = 0; i < 20 && bad.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      bad = await mismatched();
    }
    expect(bad).toEqual([]);
  });

  it('reconnects after a drop, resubscribes every token and rebuilds the books', async () => {
    sim = await startSimulator({ manualClock: true });
    const tokens = liveTokens(sim, 150);
    feed = new MarketFeed(options(sim), noop, systemClock, silentLogger);
    feed.setTokens(tokens);
    feed.start();
    await waitFor('books', () => validBooks(feed!) === 150);
    const before = sim.stats().wsConnectionsTotal;
    expect(sim.faults.dropWsConnections()).toBe(1);
    await waitFor('reconnect', () => feed!.stats().reconnects === 1 && sim!.stats().wsConnectionsTotal === before + 1);
    await waitFor('books rebuilt from the new snapshot', () => validBooks(feed!) === 150);
    expect(feed.stats().state).toBe('live');
  });

  it('issue-12-11 a frozen stream (PONG but no data) is reported stale and rebuilt (liveness by data, not PONG)', async () => {
    sim = await startSimulator({ speed: 20, tradesPerSecond: 30 });
    const tokens = liveTokens(sim, 200);
    feed = new MarketFeed(options(sim, { livenessTimeoutMs: 400, pingIntervalMs: 100 }), noop, systemClock, silentLogger);
    feed.setTokens(tokens);
    feed.start();
    await waitFor('books', () => validBooks(feed!) === 200);
    sim.faults.set({ wsFreeze: true });
    const frozenAt = Date.now();
    const reconnectsAtFreeze = feed.stats().reconnects;
    // issue-12-11: PONGs keep coming, but only market data is liveness: the feed must say 'stale'.
    await waitFor('stale while frozen', () => Date.now() - frozenAt > 400 && feed!.stats().state === 'stale');
    await waitFor('freeze detected', () => feed!.stats().reconnects > reconnectsAtFreeze);
    // While frozen the rebuilt socket gets no snapshot: the books stay void (a visible gap, no stale prices).
    await waitFor('books voided', () => validBooks(feed!) === 0);
    // Through a second rebuild during the freeze the feed is never reported live, and no book comes back.
    const seen = new Set<string>();
    await waitFor('a second rebuild while frozen', () => {
      seen.add(feed!.stats().state);
      return feed!.stats().reconnects > reconnectsAtFreeze + 1;
    });
    expect(seen.has('live')).toBe(false);
    expect(seen.has('stale')).toBe(true);
    expect(validBooks(feed)).toBe(0);
    sim.faults.set({ wsFreeze: false });
    // (The old `reconnects >= reconnectsAtThaw` here could not fail.) After the thaw the feed must recover
    // on its own: every book rebuilt from a fresh snapshot and the state back to live.
    await waitFor('books after thaw', () => validBooks(feed!) === 200, 15_000);
    await waitFor('live after thaw', () => feed!.stats().state === 'live');
  });

  it('applies watchlist changes by subscribe/unsubscribe on the open socket, without reconnecting', async () => {
    sim = await startSimulator({ manualClock: true });
    const all = [...liveTokens(sim, 60)];
    feed = new MarketFeed(options(sim), noop, systemClock, silentLogger);
    feed.setTokens(new Map(all.slice(0, 40)));
    feed.start();
    await waitFor('first books', () => validBooks(feed!) === 40);
    feed.setTokens(new Map(all.slice(20, 60)));
    await waitFor('new books', () => validBooks(feed!) === 40 && all.slice(40).every(([id]) => feed!.token(id)?.book.valid));
    expect(feed.token(all[0]![0])).toBeUndefined();
    expect(sim.stats().wsConnectionsTotal).toBe(1);
    expect(feed.stats()).toMatchObject({ connections: 1, tokens: 40, reconnects: 0 });
  });
});
