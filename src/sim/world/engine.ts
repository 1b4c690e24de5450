/**
 * The trading engine: advances the world event by event (trades, quote churn, elite bursts, resolutions) up to
 * a target time. Every draw comes from seeded streams and events are processed in time order, so the state at
 * time T does not depend on how often catchUp was called on the way.
 */
import { createRng, hashUnit, mixSeed, type Rng } from '../rng.ts';
import { churnLevel, consumeLevel, recenterBook, tickFor, bestOf, type LevelChange } from './book.ts';
import {
  bestBidAskFrame, lastTradeFrame, marketResolvedFrame, priceChangeFrame, tickSizeFrame, type RoutedFrame,
} from './frames.ts';
import { generateMarkets, generateWallets } from './generate.ts';
import { addAt, cumulative, round, weightedIndex } from './math.ts';
import { CATEGORY_INDEX, MARKET_CATEGORIES } from './names.ts';
import { plantTruth, type PlantedBet } from './plant.ts';
import { positionKey, type SimAct, type SimEvent, type SimMarket, type SimWallet } from './types.ts';

const DAY = 86_400_000;

/** Options of the engine (all have defaults in the World facade). */
export interface EngineOptions {
  seed: number;
  marketCount: number;
  walletCount: number;
  startTime: number;
  hostile: boolean;
  historyDays: number;
  historyTrades: number;
  tradesPerSecond: number;
  quotesPerSecond: number;
  /** Mean gap between spontaneous elite bursts, ms of world time (0 disables them). */
  burstEveryMs: number;
  /**
   * Share of markets that resolve inside the history window (default 0.2; the World facade raises it for long
   * histories). The rest resolve a few hours into the live phase (3 %) or days to months later.
   */
  resolvedShare?: number;
}

/** The smallest stake of a planted insider bet, USDC (hundreds of times an ordinary trade). */
export const INSIDER_MIN_STAKE = 3_000;

const curPriceOf = (m: SimMarket, outcome: 0 | 1): number => (outcome === 0 ? m.price : 1000 - m.price) / 1000;

/** Share of a resolved market's losing holders who still redeem (for nothing); the others keep the dead tokens. */
export const LOSER_REDEEM_SHARE = 0.35;

/** What a burst will do (returned by triggerEliteBurst). */
export interface BurstInfo {
  wallet: string;
  conditionId: string;
  tokenId: string;
  startedAt: number;
  trades: number;
}

interface PendingBurstTrade {
  at: number;
  walletIdx: number;
  marketIdx: number;
  outcome: 0 | 1;
}

/** The mutable world and its event loop. */
export class Engine {
  readonly markets: SimMarket[];
  readonly events: SimEvent[];
  readonly wallets: SimWallet[];
  readonly acts: SimAct[] = [];
  /** Indexes into acts of all TRADE rows, ascending in time (the global /trades feed). */
  readonly tradeActs: number[] = [];
  readonly marketByCondition = new Map<string, SimMarket>();
  readonly tokenIndex = new Map<string, { market: SimMarket; outcome: 0 | 1 }>();
  readonly walletByAddress = new Map<string, SimWallet>();
  readonly eliteIdx: number[];
  /** The insiders' planted bets, ascending in time (hidden truth). */
  readonly plantedBets: readonly PlantedBet[];
  readonly genesis: number;
  /** Bumped on every state change (caches key on it). */
  version = 0;
  /** Time up to which events have been applied, ms. */
  now: number;
  live = false;

  private readonly rng: Rng;
  private readonly bookRng: Rng;
  private readonly marketCum: Float64Array;
  private readonly walletCum: Float64Array;
  private readonly resolveOrder: number[];
  private resolvePtr = 0;
  private plantedPtr = 0;
  private nextTradeAt: number;
  private nextQuoteAt = Infinity;
  private nextBurstAt = Infinity;
  private pending: PendingBurstTrade[] = [];
  private listeners = new Set<(frames: RoutedFrame[]) => void>();

  constructor(readonly opts: EngineOptions) {
    const root = createRng(opts.seed);
    const genRng = root.fork(1);
    this.rng = root.fork(2);
    this.bookRng = root.fork(3);
    this.genesis = opts.startTime - opts.historyDays * DAY;
    const gen = { ...opts, genesis: this.genesis };
    const { markets, events } = generateMarkets(genRng, gen);
    this.markets = markets;
    this.events = events;
    this.wallets = generateWallets(genRng, gen, MARKET_CATEGORIES.length + 1);
    this.plantedBets = plantTruth(root.fork(4), this.wallets, markets, { genesis: this.genesis, startTime: opts.startTime });
    for (const m of markets) {
      this.marketByCondition.set(m.conditionId, m);
      this.tokenIndex.set(m.tokens[0], { market: m, outcome: 0 });
      this.tokenIndex.set(m.tokens[1], { market: m, outcome: 1 });
    }
    for (const w of this.wallets) this.walletByAddress.set(w.address, w);
    this.eliteIdx = this.wallets.filter((w) => w.elite).map((w) => w.idx);
    this.marketCum = cumulative(markets.map((m) => m.weight));
    this.walletCum = cumulative(this.wallets.map((w) => w.activityWeight));
    this.resolveOrder = markets.map((m) => m.idx).sort((a, b) => markets[a]!.endDate - markets[b]!.endDate || a - b);
    this.now = this.genesis;
    this.nextTradeAt = this.genesis + this.rng.exp(this.tradeGapMs());
    this.catchUp(opts.startTime);
  }

  /** The Polygon transaction hash of an activity row: 0x + 64 hex, derived from the seed and the row id. */
  txHash(a: SimAct): string {
    let out = '0x';
    for (let k = 0; k < 8; k++) out += mixSeed(this.opts.seed ^ 0x7a5e, a.id * 8 + k).toString(16).padStart(8, '0');
    return out;
  }

  /** Registers a frame listener (the WS server); returns an unsubscribe function. */
  onFrames(listener: (frames: RoutedFrame[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tradeGapMs(): number {
    if (this.live) return 1000 / this.opts.tradesPerSecond;
    return (this.opts.startTime - this.genesis) / Math.max(1, this.opts.historyTrades);
  }

  /** Applies every event with a timestamp ≤ t. */
  catchUp(t: number): void {
    for (;;) {
      const burst = this.pending[0]?.at ?? Infinity;
      const resolveIdx = this.resolveOrder[this.resolvePtr];
      const resolveAt = resolveIdx === undefined ? Infinity : this.markets[resolveIdx]!.endDate;
      const planted = this.plantedBets[this.plantedPtr]?.at ?? Infinity;
      const next = Math.min(burst, resolveAt, planted, this.nextTradeAt, this.nextQuoteAt, this.nextBurstAt);
      if (!this.live && next >= this.opts.startTime && this.opts.startTime <= t) {
        this.goLive();
        continue;
      }
      if (next > t) break;
      if (burst === next) this.burstTrade(this.pending.shift()!);
      else if (planted === next) this.plantedTrade(this.plantedBets[this.plantedPtr++]!);
      else if (resolveAt === next) this.resolve(this.markets[resolveIdx!]!);
      else if (this.nextTradeAt === next) {
        this.randomTrade(next);
        this.nextTradeAt = next + this.rng.exp(this.tradeGapMs());
      } else if (this.nextQuoteAt === next) {
        this.quote(next);
        this.nextQuoteAt = next + this.rng.exp(1000 / this.opts.quotesPerSecond);
      } else {
        this.startBurst(next, {});
        this.nextBurstAt = next + this.burstGap();
      }
    }
    if (t > this.now) this.now = t;
  }

  private burstGap(): number {
    if (this.opts.burstEveryMs <= 0) return Infinity;
    return Math.round(this.opts.burstEveryMs * (0.5 + this.rng.next()));
  }

  private goLive(): void {
    this.live = true;
    this.now = Math.max(this.now, this.opts.startTime);
    for (const m of this.markets) if (!m.closed) recenterBook(m, this.bookRng);
    this.nextTradeAt = this.opts.startTime + this.rng.exp(this.tradeGapMs());
    this.nextQuoteAt = this.opts.startTime + this.rng.exp(1000 / this.opts.quotesPerSecond);
    this.nextBurstAt = this.opts.startTime + this.burstGap();
  }

  private emit(frames: (RoutedFrame | null)[]): void {
    if (this.listeners.size === 0) return;
    const ok = frames.filter((f): f is RoutedFrame => f !== null);
    if (ok.length) for (const l of this.listeners) l(ok);
  }

  private pickOpenMarket(t: number, roll: () => number): SimMarket | null {
    for (let attempt = 0; attempt < 30; attempt++) {
      const m = this.markets[weightedIndex(this.marketCum, roll())]!;
      if (!m.closed && m.createdAt <= t && m.endDate > t) return m;
    }
    return null;
  }

  private randomTrade(t: number): void {
    const m = this.pickOpenMarket(t, this.rng.next);
    const w = this.wallets[weightedIndex(this.walletCum, this.rng.next())]!;
    const sellRoll = this.rng.next();
    const outcomeRoll = this.rng.next();
    const sizeRoll = this.rng.normal();
    const moveRoll = this.rng.next();
    const fracRoll = this.rng.next();
    const keepRoll = this.rng.next();
    if (!m) return;
    // Plain markets random-walk around their anchor: a move away from it is accepted less often the further
    // the price already is (a soft ±0.2 band), so prices stay realistic over 30 days of history.
    const moves = (outcome: 0 | 1, side: 'BUY' | 'SELL'): number => {
      if (moveRoll >= 0.3) return 0;
      const dir = (outcome === 0) === (side === 'BUY') ? 1 : -1;
      const away = (m.price - m.anchor) * dir;
      return away <= 0 || keepRoll < 1 - away / 200 ? 1 : 0;
    };
    const held0 = w.positions.get(positionKey(m.idx, 0))?.size ?? 0;
    const held1 = w.positions.get(positionKey(m.idx, 1))?.size ?? 0;
    // Market makers turn their inventory over: they sell back more often than anyone else.
    const sellChance = w.kind === 'market_maker' ? 0.5 : 0.35;
    if ((held0 > 0 || held1 > 0) && sellRoll < sellChance) {
      const outcome: 0 | 1 = held0 >= held1 ? 0 : 1;
      const all = outcome === 0 ? held0 : held1;
      const size = fracRoll < 0.5 ? all : Math.max(0.01, Math.floor(all * (0.1 + 0.8 * fracRoll) * 100) / 100);
      this.execute(t, m, w, 'SELL', outcome, Math.min(size, all), moves(outcome, 'SELL'));
      return;
    }
    // The planted skill: the probability that this BUY backs the eventual winner.
    const bias = w.skillByCategory[CATEGORY_INDEX[m.category]]!;
    const outcome: 0 | 1 = outcomeRoll < bias ? m.winner : ((1 - m.winner) as 0 | 1);
    const usd = Math.min(Math.exp(Math.log(15 * w.sizeFactor) + 1.1 * sizeRoll), 250_000);
    this.execute(t, m, w, 'BUY', outcome, usd, moves(outcome, 'BUY'));
  }

  /**
   * Applies one fill. `amount` is USDC for a BUY and tokens for a SELL. The taker trades at the best level of the
   * token, then the token-0 price moves `ticks` ticks in the trade's direction.
   */
  private execute(
    t: number, m: SimMarket, w: SimWallet, side: 'BUY' | 'SELL', outcome: 0 | 1, amount: number, ticks: number,
  ): SimAct | null {
    const tokenPrice = outcome === 0 ? m.price : 1000 - m.price;
    const exec = Math.min(999, Math.max(1, tokenPrice + (side === 'BUY' ? m.tick : -m.tick)));
    const price = exec / 1000;
    let pos = w.positions.get(positionKey(m.idx, outcome));
    if (!pos) {
      pos = { marketIdx: m.idx, outcomeIndex: outcome, size: 0, cost: 0, totalBought: 0, boughtCost: 0, realizedPnl: 0, closedAt: null };
      w.positions.set(positionKey(m.idx, outcome), pos);
    }
    let size: number;
    let pnl = 0;
    if (side === 'BUY') {
      size = Math.max(1, round(amount / price, 2));
    } else {
      size = round(Math.min(amount, pos.size), 6);
      if (size <= 0) return null;
    }
    const usdc = round(size * price, 6);
    if (side === 'BUY') {
      pos.size = round(pos.size + size, 6);
      pos.cost += usdc;
      pos.totalBought = round(pos.totalBought + size, 6);
      pos.boughtCost += usdc;
      pos.closedAt = null;
    } else {
      const avg = pos.size > 0 ? pos.cost / pos.size : 0;
      pnl = usdc - avg * size;
      pos.cost -= avg * size;
      pos.size = round(pos.size - size, 6);
      pos.realizedPnl += pnl;
      if (pos.size <= 1e-6) {
        pos.size = 0;
        pos.cost = 0;
        pos.closedAt = t;
      }
    }
    const actIdx = this.acts.length;
    const act: SimAct = {
      id: actIdx, ts: t, walletIdx: w.idx, marketIdx: m.idx, type: 'TRADE', side, outcomeIndex: outcome, size, usdc, price, pnl,
    };
    this.acts.push(act);
    this.tradeActs.push(actIdx);
    w.acts.push(actIdx);
    m.trades.push(actIdx);
    const cat = CATEGORY_INDEX[m.category] + 1;
    addAt(w.vol, 0, usdc);
    addAt(w.vol, cat, usdc);
    addAt(w.realized, 0, pnl);
    addAt(w.realized, cat, pnl);
    m.volume += usdc;
    m.lastTrade[outcome] = exec;
    m.lastTradeAt = t;
    const holders = m.holders[outcome];
    if (pos.size > 0) holders.set(w.idx, pos.size);
    else holders.delete(w.idx);

    const frames: (RoutedFrame | null)[] = [];
    const changes: LevelChange[] = [];
    const before = this.live ? [bestOf(m, 0), bestOf(m, 1)] : null;
    if (this.live) {
      const buysToken0 = (outcome === 0) === (side === 'BUY');
      const level = outcome === 0 ? exec : 1000 - exec;
      const c = consumeLevel(m, buysToken0 ? 'ask' : 'bid', level, Math.round(size * 100));
      if (c) changes.push(c);
    }
    const dir = (outcome === 0) === (side === 'BUY') ? 1 : -1;
    const oldTick = m.tick;
    if (ticks > 0) {
      m.price = Math.min(1000 - m.tick, Math.max(m.tick, m.price + dir * ticks * m.tick));
      const tick = tickFor(m.price);
      if (tick !== m.tick) {
        if (tick === 10) m.price = Math.min(990, Math.max(10, Math.round(m.price / 10) * 10));
        m.tick = tick;
      }
      m.historyT.push(Math.floor(t / 1000));
      m.historyP.push(m.price / 1000);
    }
    if (this.live && before) {
      changes.push(...recenterBook(m, this.bookRng));
      m.bookUpdatedAt = t;
    }
    if (this.live && before && this.listeners.size > 0) {
      if (m.tick !== oldTick) frames.push(tickSizeFrame(m, 0, oldTick, t), tickSizeFrame(m, 1, oldTick, t));
      frames.push(priceChangeFrame(m, changes, t));
      frames.push(lastTradeFrame(m, outcome, exec, size, side, this.txHash(act), t));
      for (const o of [0, 1] as const) {
        const after = bestOf(m, o);
        if (after.bid !== before[o]!.bid || after.ask !== before[o]!.ask) frames.push(bestBidAskFrame(m, o, t));
      }
    }
    this.version++;
    this.emit(frames);
    return act;
  }

  private quote(t: number): void {
    const m = this.pickOpenMarket(t, this.bookRng.next);
    if (!m || !m.book) return;
    const change = churnLevel(m, this.bookRng);
    if (!change) return;
    m.bookUpdatedAt = t;
    this.version++;
    if (this.listeners.size > 0) this.emit([priceChangeFrame(m, [change], t)]);
  }

  private resolve(m: SimMarket): void {
    this.resolvePtr++;
    const t = m.endDate;
    m.closed = true;
    m.closedAt = t;
    m.price = m.winner === 0 ? 1000 : 0;
    m.historyT.push(Math.floor(t / 1000));
    m.historyP.push(m.price / 1000);
    const cat = MARKET_CATEGORIES.indexOf(m.category) + 1;
    for (const outcome of [0, 1] as const) {
      const holders = [...m.holders[outcome].keys()].sort((a, b) => a - b);
      const keep = new Map<number, number>();
      for (const walletIdx of holders) {
        const w = this.wallets[walletIdx]!;
        const pos = w.positions.get(positionKey(m.idx, outcome))!;
        const won = outcome === m.winner;
        // Winners redeem; most losers never bother, so their dead tokens stay in /positions at curPrice 0.
        if (!won && hashUnit(this.opts.seed, m.idx, walletIdx) >= LOSER_REDEEM_SHARE) {
          keep.set(walletIdx, pos.size);
          continue;
        }
        const payout = won ? pos.size : 0;
        const pnl = payout - pos.cost;
        const act: SimAct = {
          id: this.acts.length, ts: t, walletIdx, marketIdx: m.idx, type: 'REDEEM', side: '', outcomeIndex: outcome,
          size: pos.size, usdc: round(payout, 6), price: 0, pnl,
        };
        w.acts.push(this.acts.push(act) - 1);
        addAt(w.realized, 0, pnl);
        addAt(w.realized, cat, pnl);
        pos.realizedPnl += pnl;
        pos.size = 0;
        pos.cost = 0;
        pos.closedAt = t;
      }
      m.holders[outcome] = keep;
    }
    m.book = null;
    this.version++;
    const event = this.events[m.eventIdx]!;
    if (this.listeners.size > 0) this.emit([marketResolvedFrame(m, event.slug, event.title, t)]);
  }

  /**
   * Schedules an elite burst starting at `t`: 5–7 BUYs of one outcome by one elite wallet, 5–8 s apart, each
   * moving the price 1–2 cents. Returns null when no open market fits.
   */
  startBurst(t: number, opts: { conditionId?: string; wallet?: string }): BurstInfo | null {
    const w = opts.wallet
      ? this.walletByAddress.get(opts.wallet.toLowerCase())
      : this.wallets[this.eliteIdx[this.rng.int(0, this.eliteIdx.length - 1)]!];
    if (!w) throw new Error(`unknown wallet ${opts.wallet}`);
    let m: SimMarket | null | undefined = null;
    if (opts.conditionId) {
      m = this.marketByCondition.get(opts.conditionId);
      if (!m || m.closed) throw new Error(`no open market ${opts.conditionId}`);
    } else {
      for (let i = 0; i < 50 && !m; i++) {
        const c = this.pickOpenMarket(t, this.rng.next);
        const p = c ? (c.winner === 0 ? c.price : 1000 - c.price) : 0;
        if (c && p >= 150 && p <= 750 && c.book) m = c;
      }
    }
    if (!m) return null;
    const n = this.rng.int(5, 7);
    const gap = this.rng.int(5000, 8000);
    for (let i = 0; i < n; i++) this.pending.push({ at: t + i * gap, walletIdx: w.idx, marketIdx: m.idx, outcome: m.winner });
    this.pending.sort((a, b) => a.at - b.at);
    return { wallet: w.address, conditionId: m.conditionId, tokenId: m.tokens[m.winner], startedAt: t, trades: n };
  }

  /**
   * An insider's planted bet: large, on the winner, moving a thin market hard. The stake shrinks on long odds so
   * the payout stays near `maxProfit`: an insider is a pattern to detect, not the top of the PnL board.
   */
  private plantedTrade(b: PlantedBet): void {
    const m = this.markets[b.marketIdx]!;
    if (m.closed || b.at >= m.endDate) return;
    const p = Math.min(0.99, Math.max(0.01, curPriceOf(m, b.outcome)));
    const usd = Math.max(INSIDER_MIN_STAKE, Math.min(b.usd, (b.maxProfit * p) / (1 - p)));
    this.execute(b.at, m, this.wallets[b.walletIdx]!, 'BUY', b.outcome, Math.round(usd), m.tick === 10 ? 4 : 40);
  }

  private burstTrade(p: PendingBurstTrade): void {
    const m = this.markets[p.marketIdx]!;
    const w = this.wallets[p.walletIdx]!;
    const usd = this.rng.int(4000, 15000);
    const ticks = this.rng.int(1, 2) * (m.tick === 10 ? 1 : 10);
    if (m.closed || p.at >= m.endDate) return;
    this.execute(p.at, m, w, 'BUY', p.outcome, usd, ticks);
  }

}
