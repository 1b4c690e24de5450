/**
 * The World facade: the simulated Polymarket's truth, in the same wire shapes the endpoints return, so tests
 * can compare what a client stored against what the world holds.
 */
import { Engine, type BurstInfo, type EngineOptions } from './engine.ts';
import { restBook } from './frames.ts';
import {
  Leaderboards, type LeaderboardCategory, type LeaderboardOrder, type LeaderboardPeriod, type LeaderboardRow,
} from './leaderboard.ts';
import type { SimMarket, SimWallet } from './types.ts';
import {
  activityRow, closedPositionRow, curPrice, gammaEvent, gammaMarket, holderRow, positionRow, profileBody, tradeRow,
} from './wire.ts';

export type { BurstInfo, EngineOptions };
export type { LeaderboardRow, LeaderboardCategory, LeaderboardPeriod, LeaderboardOrder };

/** A wire object (JSON-serialisable record). */
export type WireRecord = Record<string, unknown>;

/** /holders element. */
export interface TokenHoldersWire {
  token: string;
  holders: WireRecord[];
}

/** The simulated world. All methods apply pending events up to `now()` first. */
export class World {
  /** The engine (internal state and indexes; the HTTP layer pages through it directly). */
  readonly core: Engine;
  private readonly boards: Leaderboards;

  /**
   * @param clockNow world clock (ms)
   * @param leaderboardStaleMs wall ms a leaderboard may lag trades (0 = exact, used with a manual clock)
   */
  constructor(opts: EngineOptions, private readonly clockNow: () => number, leaderboardStaleMs: number) {
    this.core = new Engine(opts);
    this.boards = new Leaderboards(this.core, leaderboardStaleMs);
  }

  /** Applies every event up to the clock's now and returns that time (ms). */
  sync(): number {
    const t = this.clockNow();
    this.core.catchUp(t);
    return this.core.now;
  }

  /** World time, ms. */
  now(): number {
    return this.sync();
  }

  /** Wallet by address (any case), or undefined. */
  wallet(address: string): SimWallet | undefined {
    return this.core.walletByAddress.get(address.toLowerCase());
  }

  /** Market by condition id, or undefined. */
  marketOf(conditionId: string): SimMarket | undefined {
    return this.core.marketByCondition.get(conditionId.toLowerCase());
  }

  /** Every market as a Gamma market object, in id order. */
  markets(): WireRecord[] {
    this.sync();
    return this.core.markets.map((m) => gammaMarket(this.core, m));
  }

  /** Every event as a Gamma event object. */
  events(): WireRecord[] {
    this.sync();
    return this.core.events.map((e) => gammaEvent(this.core, e.idx));
  }

  /** The full ranked board, wire rows. */
  leaderboard(q: { category?: LeaderboardCategory; timePeriod?: LeaderboardPeriod; orderBy?: LeaderboardOrder }): LeaderboardRow[] {
    this.sync();
    return this.boards.board(q.category ?? 'OVERALL', q.timePeriod ?? 'DAY', q.orderBy ?? 'PNL');
  }

  /** Open positions (size > 0, including dust below the API's default sizeThreshold), largest first. */
  positionsOf(address: string): WireRecord[] {
    this.sync();
    const w = this.wallet(address);
    if (!w) return [];
    return [...w.positions.values()]
      .filter((p) => p.size > 0)
      .sort((a, b) => b.size - a.size || a.marketIdx - b.marketIdx || a.outcomeIndex - b.outcomeIndex)
      .map((p) => positionRow(this.core, w, p));
  }

  /** Closed positions (sold out or redeemed), highest realized PnL first. */
  closedPositionsOf(address: string): WireRecord[] {
    this.sync();
    const w = this.wallet(address);
    if (!w) return [];
    return [...w.positions.values()]
      .filter((p) => p.closedAt !== null)
      .sort((a, b) => b.realizedPnl - a.realizedPnl || a.marketIdx - b.marketIdx)
      .map((p) => closedPositionRow(this.core, w, p));
  }

  /** Every activity row of a wallet, newest first. */
  activityOf(address: string): WireRecord[] {
    this.sync();
    const w = this.wallet(address);
    if (!w) return [];
    const out: WireRecord[] = [];
    for (let i = w.acts.length - 1; i >= 0; i--) out.push(activityRow(this.core, this.core.acts[w.acts[i]!]!));
    return out;
  }

  /** Top holders per token, /holders shape; `limit` per token (API cap 20), `minBalance` in tokens. */
  holdersOf(conditionId: string, limit = 20, minBalance = 1): TokenHoldersWire[] {
    this.sync();
    const m = this.marketOf(conditionId);
    if (!m) return [];
    return ([0, 1] as const).map((o) => ({
      token: m.tokens[o],
      holders: [...m.holders[o].entries()]
        .filter(([, amount]) => amount >= minBalance)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([walletIdx, amount]) => holderRow(this.core, m, o, walletIdx, amount)),
    }));
  }

  /** The /public-profile body, or null when the wallet has none (→ 404). */
  profileOf(address: string): WireRecord | null {
    const w = this.wallet(address);
    return w ? profileBody(w) : null;
  }

  /** TRADE rows, newest first, optionally for one market (condition id) and/or one wallet. */
  trades(q: { market?: string; user?: string } = {}): WireRecord[] {
    this.sync();
    const e = this.core;
    let idx: number[];
    if (q.market) idx = this.marketOf(q.market)?.trades ?? [];
    else if (q.user) idx = (this.wallet(q.user)?.acts ?? []).filter((i) => e.acts[i]!.type === 'TRADE');
    else idx = e.tradeActs;
    const user = q.user?.toLowerCase();
    const out: WireRecord[] = [];
    for (let i = idx.length - 1; i >= 0; i--) {
      const a = e.acts[idx[i]!]!;
      if (user && e.wallets[a.walletIdx]!.address !== user) continue;
      out.push(tradeRow(e, a));
    }
    return out;
  }

  /** Every wallet address (lower-case). */
  wallets(): string[] {
    return this.core.wallets.map((w) => w.address);
  }

  /** The elite wallets (~2 %), who trade bigger, earlier and burst. */
  eliteWallets(): string[] {
    return this.core.eliteIdx.map((i) => this.core.wallets[i]!.address);
  }

  /** The REST /book body of a token, or null (unknown token or closed market). */
  book(tokenId: string): WireRecord | null {
    const now = this.sync();
    const t = this.core.tokenIndex.get(tokenId);
    if (!t || !t.market.book) return null;
    return restBook(t.market, t.outcome, now);
  }

  /** Mid price (0..1) of a token, or null when unknown / no book. */
  midpoint(tokenId: string): number | null {
    this.sync();
    const t = this.core.tokenIndex.get(tokenId);
    if (!t || !t.market.book) return null;
    return curPrice(t.market, t.outcome);
  }

  /** The /value body: current value of the wallet's open positions. */
  value(address: string): { user: string; value: number }[] {
    this.sync();
    const w = this.wallet(address);
    let v = 0;
    if (w) {
      for (const p of w.positions.values()) if (p.size > 0) v += p.size * curPrice(this.core.markets[p.marketIdx]!, p.outcomeIndex);
    }
    return [{ user: address.toLowerCase(), value: Math.round(v * 1e4) / 1e4 }];
  }
}
