/**
 * The order book of a market, kept for token 0 only: token 1's book is its mirror (a bid for token 0 at p is an
 * ask for token 1 at 1 − p), which is how the CLOB shows complementary tokens. Prices are thousandths, sizes cents.
 */
import type { Rng } from '../rng.ts';
import type { SimMarket } from './types.ts';

/** Levels kept on each side of the book. */
export const BOOK_DEPTH = 12;

/** One changed level: token-0 view, `size` is the new aggregate in cents (0 = removed). */
export interface LevelChange {
  side: 'bid' | 'ask';
  price: number;
  size: number;
}

/** Tick (thousandths) the CLOB uses at a token-0 price: 0.001 beyond 0.04/0.96, else 0.01. */
export function tickFor(price: number): number {
  return price < 40 || price > 960 ? 1 : 10;
}

function levelSize(rng: Rng): number {
  return Math.round(Math.min(rng.pareto(40, 1.2), 250_000) * 100);
}

/**
 * Re-centres the book on the market price: drops levels on the wrong side or out of depth, fills missing ones.
 * Returns the changes (for price_change frames).
 */
export function recenterBook(m: SimMarket, rng: Rng): LevelChange[] {
  if (!m.book) m.book = { bids: new Map(), asks: new Map() };
  const changes: LevelChange[] = [];
  const want = { bids: new Set<number>(), asks: new Set<number>() };
  for (let k = 1; k <= BOOK_DEPTH; k++) {
    const b = m.price - k * m.tick;
    const a = m.price + k * m.tick;
    if (b >= 1) want.bids.add(b);
    if (a <= 999) want.asks.add(a);
  }
  for (const side of ['bids', 'asks'] as const) {
    const levels = m.book[side];
    for (const price of [...levels.keys()]) {
      if (!want[side].has(price)) {
        levels.delete(price);
        changes.push({ side: side === 'bids' ? 'bid' : 'ask', price, size: 0 });
      }
    }
    for (const price of want[side]) {
      if (!levels.has(price)) {
        const size = levelSize(rng);
        levels.set(price, size);
        changes.push({ side: side === 'bids' ? 'bid' : 'ask', price, size });
      }
    }
  }
  return changes;
}

/** Takes `sizeCents` from a token-0 level (a fill); an emptied level is removed. */
export function consumeLevel(m: SimMarket, side: 'bid' | 'ask', price: number, sizeCents: number): LevelChange | null {
  const levels = side === 'bid' ? m.book?.bids : m.book?.asks;
  const have = levels?.get(price);
  if (!levels || have === undefined) return null;
  const left = Math.max(0, have - sizeCents);
  if (left === 0) levels.delete(price);
  else levels.set(price, left);
  return { side, price, size: left };
}

/** Replaces one random level's size (quote churn without trades). */
export function churnLevel(m: SimMarket, rng: Rng): LevelChange | null {
  if (!m.book) return null;
  const side = rng.chance(0.5) ? 'bid' : 'ask';
  const levels = side === 'bid' ? m.book.bids : m.book.asks;
  if (levels.size === 0) return null;
  const price = m.price + (side === 'bid' ? -1 : 1) * rng.int(1, Math.min(BOOK_DEPTH, levels.size)) * m.tick;
  if (!levels.has(price)) return null;
  const size = levelSize(rng);
  levels.set(price, size);
  return { side, price, size };
}

/** Best bid / best ask of `outcome` in thousandths (null when that side is empty). */
export function bestOf(m: SimMarket, outcome: 0 | 1): { bid: number | null; ask: number | null } {
  if (!m.book) return { bid: null, ask: null };
  const maxBid = m.book.bids.size ? Math.max(...m.book.bids.keys()) : null;
  const minAsk = m.book.asks.size ? Math.min(...m.book.asks.keys()) : null;
  if (outcome === 0) return { bid: maxBid, ask: minAsk };
  return { bid: minAsk === null ? null : 1000 - minAsk, ask: maxBid === null ? null : 1000 - maxBid };
}

/** Levels of `outcome` in wire order (worst first, best last), prices thousandths, sizes cents. */
export function levelsOf(m: SimMarket, outcome: 0 | 1): { bids: [number, number][]; asks: [number, number][] } {
  if (!m.book) return { bids: [], asks: [] };
  const bids0 = [...m.book.bids.entries()];
  const asks0 = [...m.book.asks.entries()];
  if (outcome === 0) {
    return {
      bids: bids0.sort((x, y) => x[0] - y[0]),
      asks: asks0.sort((x, y) => y[0] - x[0]),
    };
  }
  return {
    bids: asks0.map(([p, s]): [number, number] => [1000 - p, s]).sort((x, y) => x[0] - y[0]),
    asks: bids0.map(([p, s]): [number, number] => [1000 - p, s]).sort((x, y) => y[0] - x[0]),
  };
}
