import { randomUUID } from 'node:crypto';
import { chTime } from '../store/time.ts';
import type { Row } from '../store/types.ts';
import type { TokenState } from './feed.ts';
import { classifyMomentum, computeMomentum } from './momentum.ts';
import type { Momentum, MomentumClass, MomentumConfig } from './momentum.ts';

/** A signal's kind: momentum confirmed by an elite/watched wallet trading the same way, or momentum alone. */
export type SignalType = 'ELITE_MOMENTUM' | 'MOMENTUM_ONLY';
/** HIGH is reserved for ELITE_MOMENTUM; MOMENTUM_ONLY is MEDIUM or LOW by strength. */
export type Confidence = 'LOW' | 'MEDIUM' | 'HIGH';
/** Direction of the signalled token's price. */
export type Direction = 'UP' | 'DOWN';

/** A trade by an elite or watched wallet in a watched market (from attribution). Times in epoch ms. */
export interface EliteTrade {
  tradeId: string;
  wallet: string;
  name: string;
  /** Rank on the configured leaderboard, null when the wallet is only watched. */
  rank: number | null;
  score: number | null;
  side: 'BUY' | 'SELL';
  marketId: string;
  tokenId: string;
  outcome: string;
  size: number;
  sizeUsd: number;
  price: number;
  transactionHash: string;
  timestamp: number;
  isElite: boolean;
  isWatched: boolean;
  /** Followed by the trader: the trade may raise an alert. */
  isFollowed?: boolean;
  /** The market's title as the trade carried it (sanitised). */
  title?: string;
}

/** One fired signal, the domain form of a `fired_signals` row. Velocity in ¢/min, acceleration in ¢/min². */
export interface FiredSignal {
  signalId: string;
  marketId: string;
  marketSlug: string;
  question: string;
  tokenId: string;
  outcome: string;
  type: SignalType;
  direction: Direction;
  velocityCentsPerMin: number;
  accelerationCentsPerMin2: number;
  volumeSurge: number;
  elite: EliteTrade | null;
  confidence: Confidence;
  entryWindow: string;
  priceAtSignal: number;
  /** When the move was detected (epoch ms); never changes across versions. */
  timestamp: number;
  priceAfter5m: number | null;
  priceAfter15m: number | null;
  correct5m: boolean | null;
  correct15m: boolean | null;
  /** Version of the row (ReplacingMergeTree); strictly increasing per signal. */
  updatedAt: number;
}

/** Signal rules on top of the momentum thresholds. Times in ms. */
export interface SignalConfig {
  momentum: MomentumConfig;
  /** An elite trade counts for a move when it is at most this far from it (either side). */
  eliteWindowMs: number;
  /**
   * |velocity| that fires when an elite trade in the same direction confirms it (≤ the momentum threshold): the
   * trade is evidence of its own, and waiting for the full threshold delays the signal by one or two more fills.
   */
  eliteMinVelocityCentsPerMin: number;
  /** An elite trade smaller than this (USD) is recorded but confirms nothing: a $40 fill is not a whale move. */
  eliteMinTradeUsd: number;
  /** After a signal in a market, no new one there for this long (one move fires once). */
  cooldownMs: number;
  /** Momentum of a market is evaluated at most this often on trades/mid changes (snapshots always evaluate). */
  evaluateEveryMs: number;
}

/** Watched-market metadata the engine needs. */
export interface SignalMarket {
  marketId: string;
  slug: string;
  question: string;
  tokenIds: readonly string[];
}

/** What the engine reads and where it sends signals. */
export interface SignalEngineDeps {
  config: SignalConfig;
  market(id: string): SignalMarket | undefined;
  token(id: string): TokenState | undefined;
  /** A new signal, or a newer version of one (`upgrade`: MOMENTUM_ONLY became ELITE_MOMENTUM). */
  emit(signal: FiredSignal, kind: 'new' | 'upgrade'): void;
  newId?: () => string;
}

/** Direction a trade pushes `tokenId`: buying it (or selling the complement) is UP. */
export function tradeDirection(trade: Pick<EliteTrade, 'side' | 'tokenId'>, tokenId: string): Direction {
  const same = trade.tokenId === tokenId;
  return (trade.side === 'BUY') === same ? 'UP' : 'DOWN';
}

/** Human entry window for a signal (the plan's wording). */
export function entryWindow(type: SignalType, cls: MomentumClass, elite: EliteTrade | null): string {
  if (type === 'ELITE_MOMENTUM') return cls.strong ? 'now – next 1-3 min' : 'next 2-5 min';
  if (elite === null && cls.strong) return 'next 2-5 min';
  return 'next 5-10 min, wait for confirmation';
}

/** MOMENTUM_ONLY confidence: MEDIUM for a strong move or one that is both accelerating and on surging volume. */
export function momentumOnlyConfidence(cls: MomentumClass): Confidence {
  return cls.strong || (cls.surging && cls.accelerating) ? 'MEDIUM' : 'LOW';
}

interface Candidate {
  state: TokenState;
  momentum: Momentum;
  cls: MomentumClass;
}

/**
 * Turns momentum and elite trades into signals, once per move: a market that fired stays quiet for `cooldownMs`.
 * A MOMENTUM_ONLY signal is upgraded in place (same id, newer version) when an elite trade in its direction shows
 * up within `eliteWindowMs` — attribution polls lag the price by seconds, so the move is usually seen first.
 */
export class SignalEngine {
  private readonly elite = new Map<string, EliteTrade[]>();
  private readonly last = new Map<string, FiredSignal>();
  private readonly lastEval = new Map<string, number>();
  private readonly newId: () => string;
  private fired = 0;

  constructor(private readonly deps: SignalEngineDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  /** Signals fired since start (new ones, not upgrades). */
  get firedCount(): number {
    return this.fired;
  }

  /** Evaluates one market's momentum at `now`; `force` skips the per-market throttle (snapshots, elite trades). */
  evaluate(marketId: string, now: number, force = false): void {
    if (!force) {
      const prev = this.lastEval.get(marketId);
      if (prev !== undefined && now - prev < this.deps.config.evaluateEveryMs) return;
    }
    this.lastEval.set(marketId, now);
    const market = this.deps.market(marketId);
    if (!market) return;
    const last = this.last.get(marketId);
    if (last && now - last.timestamp < this.deps.config.cooldownMs) return;
    const best = this.bestCandidate(market, now);
    if (!best) return;
    const eliteTrade = this.matchingElite(marketId, best.state.tokenId, best.cls.direction, now);
    const full = Math.abs(best.momentum.velocityCentsPerMin) + 1e-9 >= this.deps.config.momentum.minVelocityCentsPerMin;
    if (!full && !eliteTrade) return;
    this.fire(market, best, eliteTrade, now);
  }

  /** Records an elite trade; upgrades a recent MOMENTUM_ONLY signal it confirms, or evaluates the market at once. */
  onEliteTrade(trade: EliteTrade, now: number): void {
    if (trade.sizeUsd < this.deps.config.eliteMinTradeUsd) return;
    const list = this.elite.get(trade.marketId) ?? [];
    list.push(trade);
    const horizon = now - 2 * this.deps.config.eliteWindowMs;
    this.elite.set(
      trade.marketId,
      list.filter((t) => t.timestamp >= horizon),
    );
    const last = this.last.get(trade.marketId);
    if (last && now - last.timestamp < this.deps.config.cooldownMs) {
      const confirms =
        last.type === 'MOMENTUM_ONLY' &&
        Math.abs(trade.timestamp - last.timestamp) <= this.deps.config.eliteWindowMs &&
        tradeDirection(trade, last.tokenId) === last.direction;
      if (confirms) {
        const strong = Math.abs(last.velocityCentsPerMin) + 1e-9 >= this.deps.config.momentum.strongVelocityCentsPerMin;
        const upgraded: FiredSignal = {
          ...last,
          type: 'ELITE_MOMENTUM',
          confidence: 'HIGH',
          elite: trade,
          entryWindow: entryWindow('ELITE_MOMENTUM', { direction: last.direction, strong, surging: false, accelerating: false }, trade),
          updatedAt: Math.max(now, last.updatedAt + 1),
        };
        this.last.set(trade.marketId, upgraded);
        this.deps.emit(upgraded, 'upgrade');
      }
      return;
    }
    this.evaluate(trade.marketId, now, true);
  }

  private bestCandidate(market: SignalMarket, now: number): Candidate | null {
    let best: Candidate | null = null;
    const momentumCfg = this.deps.config.momentum;
    const cfg = { ...momentumCfg, minVelocityCentsPerMin: Math.min(momentumCfg.minVelocityCentsPerMin, this.deps.config.eliteMinVelocityCentsPerMin) };
    for (const id of market.tokenIds) {
      const state = this.deps.token(id);
      if (!state) continue;
      const momentum = computeMomentum(state.mids, state.volume, now, cfg);
      if (!momentum) continue;
      const cls = classifyMomentum(momentum, cfg);
      if (!cls) continue;
      // Both tokens of a binary market move together (mirrored); report the rising one, the actionable buy.
      const speed = Math.abs(momentum.velocityCentsPerMin);
      const bestSpeed = best ? Math.abs(best.momentum.velocityCentsPerMin) : -1;
      if (!best || speed > bestSpeed + 1e-9 || (Math.abs(speed - bestSpeed) <= 1e-9 && cls.direction === 'UP')) {
        best = { state, momentum, cls };
      }
    }
    return best;
  }

  private matchingElite(marketId: string, tokenId: string, direction: Direction, now: number): EliteTrade | null {
    let best: EliteTrade | null = null;
    for (const t of this.elite.get(marketId) ?? []) {
      if (Math.abs(t.timestamp - now) > this.deps.config.eliteWindowMs) continue;
      if (t.sizeUsd < this.deps.config.eliteMinTradeUsd) continue;
      if (tradeDirection(t, tokenId) !== direction) continue;
      if (!best || t.sizeUsd > best.sizeUsd) best = t;
    }
    return best;
  }

  private fire(market: SignalMarket, c: Candidate, elite: EliteTrade | null, now: number): void {
    const type: SignalType = elite ? 'ELITE_MOMENTUM' : 'MOMENTUM_ONLY';
    const signal: FiredSignal = {
      signalId: this.newId(),
      marketId: market.marketId,
      marketSlug: market.slug,
      question: market.question,
      tokenId: c.state.tokenId,
      outcome: c.state.outcome,
      type,
      direction: c.cls.direction,
      velocityCentsPerMin: c.momentum.velocityCentsPerMin,
      accelerationCentsPerMin2: c.momentum.accelerationCentsPerMin2 ?? 0,
      volumeSurge: finiteOr(c.momentum.volumeSurge, 0),
      elite,
      confidence: elite ? 'HIGH' : momentumOnlyConfidence(c.cls),
      entryWindow: entryWindow(type, c.cls, elite),
      priceAtSignal: c.momentum.price,
      timestamp: now,
      priceAfter5m: null,
      priceAfter15m: null,
      correct5m: null,
      correct15m: null,
      updatedAt: now,
    };
    this.last.set(market.marketId, signal);
    this.fired++;
    this.deps.emit(signal, 'new');
  }
}

/** Volume surge with no earlier volume is infinite; the column stores a capped value instead. */
function finiteOr(v: number | null, fallback: number): number {
  if (v === null) return fallback;
  return Number.isFinite(v) ? v : 999;
}

/** The `fired_signals` row of a signal version. */
export function signalRow(s: FiredSignal): Row {
  return {
    signal_id: s.signalId,
    market_id: s.marketId,
    market_slug: s.marketSlug,
    question: s.question,
    token_id: s.tokenId,
    outcome: s.outcome,
    signal_type: s.type,
    direction: s.direction,
    momentum_velocity: s.velocityCentsPerMin,
    momentum_acceleration: s.accelerationCentsPerMin2,
    volume_surge: s.volumeSurge,
    elite_wallet_address: s.elite?.wallet ?? null,
    elite_wallet_name: s.elite?.name ?? null,
    elite_rank: s.elite?.rank ?? null,
    elite_score: s.elite?.score ?? null,
    elite_side: s.elite?.side ?? null,
    elite_size_usd: s.elite?.sizeUsd ?? null,
    confidence: s.confidence,
    entry_window: s.entryWindow,
    price_at_signal: s.priceAtSignal,
    timestamp: chTime(s.timestamp),
    price_after_5m: s.priceAfter5m,
    price_after_15m: s.priceAfter15m,
    direction_correct_5m: s.correct5m,
    direction_correct_15m: s.correct15m,
    updated_at: chTime(s.updatedAt),
  };
}
