import type { Clock } from '../lib/clock.ts';
import { chTime } from '../store/time.ts';
import type { Row } from '../store/types.ts';
import type { TokenState } from './feed.ts';

/** Largest value of the UInt16 `spread_bps` column. */
const MAX_SPREAD_BPS = 65_535;

/**
 * One `price_snapshots_10s` row per token with a valid two-sided book at `at` (a 10 s boundary); tokens without
 * one get no row, so a disconnected period shows as a gap instead of an interpolated price. Resets every token's
 * interval volume (the volume belongs to the interval that just ended, row or not).
 *
 * spread_bps is the spread in basis points of the $1 payout (0.01 → 100), not relative to the mid: relative
 * spreads explode for prices near 0 and say nothing more for a binary contract.
 * bid_volume / ask_volume are the sizes (shares) of the best `depthLevels` levels (≤ 0: the whole side).
 */
export function snapshotRows(tokens: Iterable<TokenState>, at: number, depthLevels: number): Row[] {
  const rows: Row[] = [];
  const timestamp = chTime(at);
  for (const s of tokens) {
    const traded = s.intervalVolume;
    s.intervalVolume = 0;
    const bid = s.book.bestBid();
    const ask = s.book.bestAsk();
    if (bid === null || ask === null) continue;
    rows.push({
      market_id: s.marketId,
      token_id: s.tokenId,
      outcome: s.outcome,
      timestamp,
      mid_price: (bid + ask) / 2,
      best_bid: bid,
      best_ask: ask,
      spread_bps: Math.min(MAX_SPREAD_BPS, Math.max(0, Math.round((ask - bid) * 10_000))),
      bid_volume: s.book.depth('BUY', depthLevels),
      ask_volume: s.book.depth('SELL', depthLevels),
      traded_volume: traded,
      snapshot_source: 'websocket',
    });
  }
  return rows;
}

/**
 * Calls `onBoundary(at)` once per `intervalMs` boundary of the injected clock (at = the boundary, e.g. hh:mm:10.000).
 * It polls every `tickMs` of real time instead of sleeping until the boundary, so a sped-up or manual clock
 * (simulator, tests) is followed too; when the clock jumps over several boundaries only the latest fires (past
 * books cannot be reconstructed). Never overlaps: a slow `onBoundary` delays the next one.
 */
export class BoundaryTicker {
  private timer: NodeJS.Timeout | null = null;
  private last: number;
  private busy = false;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly tickMs: number,
    private readonly onBoundary: (at: number) => Promise<void> | void,
    private readonly onError: (err: unknown) => void,
  ) {
    this.last = Math.floor(clock.now() / intervalMs) * intervalMs;
  }

  /** Starts polling. */
  start(): void {
    this.timer ??= setInterval(() => void this.poll(), this.tickMs);
  }

  /** Stops polling (an in-flight callback finishes on its own). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Runs the callback if a boundary passed (also used by tests to step deterministically). */
  async poll(): Promise<void> {
    if (this.busy) return;
    const boundary = Math.floor(this.clock.now() / this.intervalMs) * this.intervalMs;
    if (boundary <= this.last) return;
    this.last = boundary;
    this.busy = true;
    try {
      await this.onBoundary(boundary);
    } catch (err) {
      this.onError(err);
    } finally {
      this.busy = false;
    }
  }
}
