import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../src/live/book.ts';
import type { TokenState } from '../../src/live/feed.ts';
import { DEFAULT_MOMENTUM_CONFIG, MidRing, VolumeRing } from '../../src/live/momentum.ts';
import { SignalEngine, tradeDirection } from '../../src/live/signals.ts';
import type { EliteTrade, FiredSignal } from '../../src/live/signals.ts';

const T0 = 1_790_000_000_000;
const MARKET = '0xm';

function token(id: string, outcome: string, mids: [number, number][]): TokenState {
  const ring = new MidRing(256);
  for (const [dt, p] of mids) ring.push(T0 + dt, p);
  return { tokenId: id, marketId: MARKET, outcome, book: new OrderBook(), mids: ring, volume: new VolumeRing(720_000), intervalVolume: 0, lastTradePrice: null, lastMid: null };
}

function setup(yesMids: [number, number][]): { engine: SignalEngine; out: { s: FiredSignal; kind: string }[] } {
  const tokens = new Map([
    ['Y', token('Y', 'Yes', yesMids)],
    ['N', token('N', 'No', yesMids.map(([t, p]) => [t, 1 - p]))],
  ]);
  const out: { s: FiredSignal; kind: string }[] = [];
  let n = 0;
  const engine = new SignalEngine({
    config: { momentum: DEFAULT_MOMENTUM_CONFIG, eliteWindowMs: 120_000, eliteMinVelocityCentsPerMin: 2, eliteMinTradeUsd: 400, momentumStartCentsPerMin: 1, cooldownMs: 300_000, evaluateEveryMs: 1_000 },
    market: () => ({ marketId: MARKET, slug: 's', question: 'q?', tokenIds: ['Y', 'N'] }),
    token: (id) => tokens.get(id),
    emit: (s, kind) => out.push({ s, kind }),
    newId: () => `00000000-0000-4000-8000-00000000000${n++}`,
  });
  return { engine, out };
}

const elite = (over: Partial<EliteTrade>): EliteTrade => ({
  tradeId: 't', wallet: '0xw', name: 'whale', rank: 3, score: null, side: 'BUY', marketId: MARKET, tokenId: 'N', outcome: 'No',
  size: 1000, sizeUsd: 450, price: 0.45, transactionHash: '0xh', timestamp: T0 + 60_000, isElite: true, isWatched: true, ...over,
});

describe('SignalEngine', () => {
  it('maps a trade to a token direction (buying the complement pushes this token down)', () => {
    expect(tradeDirection({ side: 'BUY', tokenId: 'Y' }, 'Y')).toBe('UP');
    expect(tradeDirection({ side: 'SELL', tokenId: 'Y' }, 'Y')).toBe('DOWN');
    expect(tradeDirection({ side: 'BUY', tokenId: 'N' }, 'Y')).toBe('DOWN');
    expect(tradeDirection({ side: 'SELL', tokenId: 'N' }, 'Y')).toBe('UP');
  });

  it('fires MOMENTUM_ONLY on the rising token once, then upgrades it in place when an elite trade confirms it', () => {
    // Yes falls 0.60 → 0.55 in a minute (−5 ¢/min): No rises +5 ¢/min and is the token reported.
    const { engine, out } = setup([[0, 0.6], [60_000, 0.55]]);
    engine.evaluate(MARKET, T0 + 60_000);
    expect(out).toHaveLength(1);
    expect(out[0]!.s).toMatchObject({ type: 'MOMENTUM_ONLY', confidence: 'LOW', tokenId: 'N', direction: 'UP' });
    expect(out[0]!.s.priceAtSignal).toBeCloseTo(0.45, 12);
    expect(out[0]!.s.velocityCentsPerMin).toBeCloseTo(5, 9);
    engine.evaluate(MARKET, T0 + 61_500); // cooldown: the same move does not fire again
    expect(out).toHaveLength(1);
    engine.onEliteTrade(elite({ side: 'BUY', tokenId: 'Y' }), T0 + 65_000); // buying the falling Yes: the wrong way
    expect(out).toHaveLength(1);
    engine.onEliteTrade(elite({ side: 'BUY', tokenId: 'N', timestamp: T0 + 62_000 }), T0 + 66_000);
    expect(out).toHaveLength(2);
    expect(out[1]!.kind).toBe('upgrade');
    expect(out[1]!.s).toMatchObject({ signalId: out[0]!.s.signalId, type: 'ELITE_MOMENTUM', confidence: 'HIGH', timestamp: T0 + 60_000, updatedAt: T0 + 66_000 });
    expect(out[1]!.s.elite).toMatchObject({ wallet: '0xw', rank: 3 });
    expect(engine.firedCount).toBe(1);
  });

  it('fires ELITE_MOMENTUM below the momentum threshold only with a confirming elite trade', () => {
    // +2.5 ¢/min on Yes: below 4 ¢/min alone, above the 2 ¢/min elite-confirmed bar.
    const { engine, out } = setup([[0, 0.5], [60_000, 0.525]]);
    engine.evaluate(MARKET, T0 + 60_000);
    expect(out).toEqual([]);
    engine.onEliteTrade(elite({ side: 'BUY', tokenId: 'Y' }), T0 + 60_000);
    expect(out.map((o) => [o.kind, o.s.type, o.s.confidence, o.s.tokenId, o.s.direction])).toEqual([['new', 'ELITE_MOMENTUM', 'HIGH', 'Y', 'UP']]);
  });

  it('ignores elite fills below eliteMinTradeUsd: no upgrade, no elite-confirmed signal', () => {
    // The same +2.5 ¢/min move as above; a $300 elite fill (threshold $400) is not money behind it.
    const { engine, out } = setup([[0, 0.5], [60_000, 0.525]]);
    engine.onEliteTrade(elite({ side: 'BUY', tokenId: 'Y', sizeUsd: 300 }), T0 + 60_000);
    expect(out).toEqual([]);
    // A MOMENTUM_ONLY move stays MOMENTUM_ONLY when only a small elite fill follows it.
    const fast = setup([[0, 0.6], [60_000, 0.55]]);
    fast.engine.evaluate(MARKET, T0 + 60_000);
    fast.engine.onEliteTrade(elite({ side: 'BUY', tokenId: 'N', timestamp: T0 + 62_000, sizeUsd: 300 }), T0 + 66_000);
    expect(fast.out.map((o) => [o.kind, o.s.type])).toEqual([['new', 'MOMENTUM_ONLY']]);
  });
});
