import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../src/live/book.ts';
import { MarketFeed } from '../../src/live/feed.ts';
import type { TokenState } from '../../src/live/feed.ts';
import { DEFAULT_LIVE_OPTIONS, evaluateOnFeed, signalConfig } from '../../src/live/index.ts';
import { MidRing, VolumeRing } from '../../src/live/momentum.ts';
import { SignalEngine } from '../../src/live/signals.ts';
import type { EliteTrade, FiredSignal, SignalConfig } from '../../src/live/signals.ts';
import { silentLogger } from '../../src/lib/log.ts';

/** Issue 13, live signals: every price change evaluated, momentum start, HIGH needs an elite fill, elite exiting. */
const T0 = 1_790_000_000_000;
const MARKET = '0xm';
const CONFIG: SignalConfig = signalConfig(DEFAULT_LIVE_OPTIONS);

function token(id: string, outcome: string, mids: [number, number][]): TokenState {
  const ring = new MidRing(256);
  for (const [dt, p] of mids) ring.push(T0 + dt, p);
  return { tokenId: id, marketId: MARKET, outcome, book: new OrderBook(), mids: ring, volume: new VolumeRing(720_000), intervalVolume: 0, lastTradePrice: null, lastMid: null };
}

/** An engine over one binary market whose Yes mids are `yesMids` (No mirrors them). */
function setup(yesMids: [number, number][]) {
  const tokens = new Map([
    ['Y', token('Y', 'Yes', yesMids)],
    ['N', token('N', 'No', yesMids.map(([t, p]) => [t, 1 - p]))],
  ]);
  const out: { s: FiredSignal; kind: string }[] = [];
  const starts: number[] = [];
  const engine = new SignalEngine({
    config: CONFIG,
    market: () => ({ marketId: MARKET, slug: 's', question: 'q?', tokenIds: ['Y', 'N'] }),
    token: (id) => tokens.get(id),
    emit: (s, kind) => out.push({ s, kind }),
    onMomentumStart: (_m, now) => starts.push(now),
  });
  const push = (dt: number, yes: number): void => {
    tokens.get('Y')!.mids.push(T0 + dt, yes);
    tokens.get('N')!.mids.push(T0 + dt, 1 - yes);
  };
  return { engine, out, starts, push };
}

const fill = (over: Partial<EliteTrade>): EliteTrade => ({
  tradeId: 't', wallet: '0xa', name: 'graded', rank: 1, score: null, side: 'BUY', marketId: MARKET, tokenId: 'Y', outcome: 'Yes',
  size: 10_000, sizeUsd: 5_000, price: 0.5, transactionHash: '0xh', timestamp: T0 + 60_000, isElite: true, isWatched: true, ...over,
});

describe('live signal rules (issue 13)', () => {
  it('evaluates every price change: a move 300 ms after the last evaluation fires at once, not a second later', () => {
    // The production listener: the feed's onMid forces an evaluation, onTrade is throttled.
    const { engine, out, push } = setup([[0, 0.5], [30_000, 0.5]]);
    const listener = evaluateOnFeed(engine);
    const state = { marketId: MARKET } as TokenState;
    push(60_000, 0.5);
    listener.onMid(state, T0 + 60_000);
    expect(out).toEqual([]);
    push(60_300, 0.55); // +5 ¢ in the window: above the 4 ¢/min momentum threshold
    listener.onMid(state, T0 + 60_300);
    expect(out.map((o) => [o.s.type, o.s.timestamp])).toEqual([['MOMENTUM_ONLY', T0 + 60_300]]);
  });

  it('the same move seen through a real MarketFeed frame fires on the frame, before any snapshot', () => {
    let now = T0;
    const clock = { now: () => now };
    let engine: SignalEngine | null = null;
    const feed = new MarketFeed({ ...DEFAULT_LIVE_OPTIONS, wsUrl: '' }, { onMid: (s, at) => engine!.evaluate(s.marketId, at, true), onTrade() {} }, clock, silentLogger);
    const out: FiredSignal[] = [];
    engine = new SignalEngine({
      config: CONFIG,
      market: () => ({ marketId: MARKET, slug: 's', question: 'q?', tokenIds: ['Y'] }),
      token: (id) => feed.token(id),
      emit: (s) => out.push(s),
    });
    feed.setTokens(new Map([['Y', { marketId: MARKET, outcome: 'Yes' }]]));
    const book = (bid: number, ask: number): string =>
      JSON.stringify({ event_type: 'book', market: MARKET, asset_id: 'Y', timestamp: String(now), hash: 'h', bids: [{ price: String(bid), size: '100' }], asks: [{ price: String(ask), size: '100' }] });
    for (let t = 0; t <= 60_000; t += 5_000) {
      now = T0 + t;
      feed.handleFrame(book(0.49, 0.51));
    }
    expect(out).toEqual([]);
    now = T0 + 60_400;
    feed.handleFrame(book(0.55, 0.57));
    expect(out.map((s) => [s.type, s.direction, s.timestamp])).toEqual([['MOMENTUM_ONLY', 'UP', T0 + 60_400]]);
  });

  it('calls onMomentumStart once when |velocity| reaches one tick, and again only after the move ended', () => {
    const { engine, starts, push } = setup([[0, 0.5], [59_000, 0.5]]);
    engine.evaluate(MARKET, T0 + 59_000, true);
    expect(starts).toEqual([]);
    push(60_000, 0.51); // one tick: +1 ¢/min
    engine.evaluate(MARKET, T0 + 60_000, true);
    engine.evaluate(MARKET, T0 + 61_000, true);
    expect(starts).toEqual([T0 + 60_000]);
    push(125_000, 0.51); // flat for a minute: velocity back to 0
    engine.evaluate(MARKET, T0 + 125_000, true);
    push(126_000, 0.52);
    engine.evaluate(MARKET, T0 + 126_000, true);
    expect(starts).toEqual([T0 + 60_000, T0 + 126_000]);
  });

  it('HIGH needs an elite fill: a watched (non-elite) wallet buying into the move confirms nothing', () => {
    const { engine, out } = setup([[0, 0.5], [60_000, 0.51]]);
    engine.onEliteTrade(fill({ isElite: false, isWatched: true }), T0 + 60_000);
    expect(out).toEqual([]);
    engine.onEliteTrade(fill({ tradeId: 't2' }), T0 + 60_000);
    expect(out.map((o) => [o.s.type, o.s.confidence, o.s.elite?.wallet])).toEqual([['ELITE_MOMENTUM', 'HIGH', '0xa']]);
  });

  it('momentum alone is never HIGH, however strong', () => {
    const { engine, out } = setup([[0, 0.4], [60_000, 0.6]]); // +20 ¢/min
    engine.evaluate(MARKET, T0 + 60_000, true);
    expect(out.map((o) => [o.s.type, o.s.confidence])).toEqual([['MOMENTUM_ONLY', 'MEDIUM']]);
  });

  it('an elite selling the rising token gives ELITE_EXITING (MEDIUM, "wait – elite exiting"), not HIGH', () => {
    const { engine, out } = setup([[0, 0.5], [60_000, 0.55]]); // Yes +5 ¢/min
    engine.onEliteTrade(fill({ side: 'SELL', tokenId: 'Y' }), T0 + 60_000);
    expect(out).toHaveLength(1);
    expect(out[0]!.s).toMatchObject({ type: 'ELITE_EXITING', confidence: 'MEDIUM', tokenId: 'Y', direction: 'UP', entryWindow: 'wait – elite exiting' });
    expect(out[0]!.s.elite).toMatchObject({ side: 'SELL', wallet: '0xa' });
  });

  it('selling into a rise needs a real rise: one tick with an elite sell fires nothing', () => {
    const { engine, out } = setup([[0, 0.5], [60_000, 0.51]]);
    engine.onEliteTrade(fill({ side: 'SELL', tokenId: 'Y' }), T0 + 60_000);
    expect(out).toEqual([]);
  });

  it('a larger confirming elite buy outweighs a smaller elite exit', () => {
    const other = setup([[0, 0.5], [60_000, 0.55]]);
    other.engine.onEliteTrade(fill({ tradeId: 'b', side: 'BUY', sizeUsd: 9_000, wallet: '0xb', timestamp: T0 + 58_000 }), T0 + 50_000);
    other.engine.onEliteTrade(fill({ tradeId: 's', side: 'SELL', sizeUsd: 2_000, timestamp: T0 + 59_000 }), T0 + 60_000);
    expect(other.out.map((o) => [o.s.type, o.s.elite?.wallet])).toEqual([['ELITE_MOMENTUM', '0xb']]);
  });

  it('upgrades a MOMENTUM_ONLY signal to ELITE_EXITING when an elite sells into it afterwards', () => {
    const { engine, out } = setup([[0, 0.5], [60_000, 0.55]]);
    engine.evaluate(MARKET, T0 + 60_000, true);
    engine.onEliteTrade(fill({ side: 'SELL', tokenId: 'Y', timestamp: T0 + 62_000 }), T0 + 64_000);
    expect(out.map((o) => [o.kind, o.s.type, o.s.confidence])).toEqual([
      ['new', 'MOMENTUM_ONLY', 'LOW'],
      ['upgrade', 'ELITE_EXITING', 'MEDIUM'],
    ]);
    expect(out[1]!.s.signalId).toBe(out[0]!.s.signalId);
  });
});
