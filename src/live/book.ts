import type { WsLevel, WsSide } from '../polymarket/ws-market.ts';

/**
 * One token's order book, kept in the wire's order: bids ascend and asks descend, so the best price of each side
 * is the LAST element (POLYMARKET_API.md §0 "Book level order"). A book is `valid` from a full snapshot until the
 * connection drops or the tick size changes; price changes on an invalid book are ignored, because applying
 * deltas to a book we no longer hold would invent levels.
 */
export class OrderBook {
  /** Ascending by price; best bid last. */
  private bids: WsLevel[] = [];
  /** Descending by price; best ask last. */
  private asks: WsLevel[] = [];
  private isValid = false;

  /** true while the book mirrors the server's (a snapshot arrived and nothing voided it since). */
  get valid(): boolean {
    return this.isValid;
  }

  /** Replaces the whole book with a snapshot (levels in wire order; re-sorted only if the server did not). */
  applySnapshot(bids: readonly WsLevel[], asks: readonly WsLevel[]): void {
    this.bids = normalise(bids, 1);
    this.asks = normalise(asks, -1);
    this.isValid = true;
  }

  /**
   * Sets the aggregate size at one level: `side` BUY is the bid side, SELL the ask side; size 0 removes the
   * level. Returns false (and changes nothing) while the book is invalid.
   */
  applyChange(side: WsSide, price: number, size: number): boolean {
    if (!this.isValid) return false;
    const levels = side === 'BUY' ? this.bids : this.asks;
    const dir = side === 'BUY' ? 1 : -1;
    const i = search(levels, price, dir);
    const found = i < levels.length && levels[i]!.price === price;
    if (size <= 0) {
      if (found) levels.splice(i, 1);
    } else if (found) {
      levels[i]!.size = size;
    } else {
      levels.splice(i, 0, { price, size });
    }
    return true;
  }

  /** Voids the book (connection lost, tick size changed): it stays invalid until the next snapshot. */
  invalidate(): void {
    this.isValid = false;
    this.bids = [];
    this.asks = [];
  }

  /** Highest bid, or null if the side is empty or the book invalid. */
  bestBid(): number | null {
    return this.isValid && this.bids.length > 0 ? this.bids[this.bids.length - 1]!.price : null;
  }

  /** Lowest ask, or null if the side is empty or the book invalid. */
  bestAsk(): number | null {
    return this.isValid && this.asks.length > 0 ? this.asks[this.asks.length - 1]!.price : null;
  }

  /** (best bid + best ask) / 2, or null unless both sides have a level. */
  mid(): number | null {
    const bid = this.bestBid();
    const ask = this.bestAsk();
    return bid === null || ask === null ? null : (bid + ask) / 2;
  }

  /** best ask − best bid in price units, or null unless both sides have a level. */
  spread(): number | null {
    const bid = this.bestBid();
    const ask = this.bestAsk();
    return bid === null || ask === null ? null : ask - bid;
  }

  /** Total size of the best `levels` levels of one side (`levels` ≤ 0: the whole side). */
  depth(side: WsSide, levels: number): number {
    const arr = side === 'BUY' ? this.bids : this.asks;
    const from = levels > 0 ? Math.max(0, arr.length - levels) : 0;
    let sum = 0;
    for (let i = from; i < arr.length; i++) sum += arr[i]!.size;
    return sum;
  }

  /** A copy of the levels in wire order (worst first), for tests and comparisons with REST /book. */
  levels(): { bids: WsLevel[]; asks: WsLevel[] } {
    return { bids: this.bids.map((l) => ({ ...l })), asks: this.asks.map((l) => ({ ...l })) };
  }
}

/** Copies levels, drops empty ones, and sorts (dir 1 ascending, −1 descending) only when out of order. */
function normalise(levels: readonly WsLevel[], dir: 1 | -1): WsLevel[] {
  const out: WsLevel[] = [];
  let sorted = true;
  for (const l of levels) {
    if (!(l.size > 0)) continue;
    const prev = out[out.length - 1];
    if (prev && (l.price - prev.price) * dir <= 0) sorted = false;
    out.push({ price: l.price, size: l.size });
  }
  if (!sorted) {
    out.sort((a, b) => (a.price - b.price) * dir);
    // Duplicated prices in a snapshot: keep the later one (the server's aggregate is per price).
    for (let i = out.length - 1; i > 0; i--) if (out[i]!.price === out[i - 1]!.price) out.splice(i - 1, 1);
  }
  return out;
}

/** First index whose price is not "before" `price` in the array's order (dir 1 ascending, −1 descending). */
function search(levels: readonly WsLevel[], price: number, dir: 1 | -1): number {
  let lo = 0;
  let hi = levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((levels[mid]!.price - price) * dir < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
