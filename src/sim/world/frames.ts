/**
 * Builders for CLOB market-channel frames and the REST book body, in the live wire shapes
 * (POLYMARKET_API.md §3–4): every number a string, `timestamp` a string of unix ms, levels worst first.
 */
import { createHash } from 'node:crypto';
import { bestOf, levelsOf, type LevelChange } from './book.ts';
import type { SimMarket } from './types.ts';

/** A JSON object frame plus the asset ids it concerns (for routing to subscribers). */
export interface RoutedFrame {
  assets: string[];
  frame: Record<string, unknown>;
}

/** Thousandths → decimal string ("0.45", "0.001"). */
export function priceStr(thousandths: number): string {
  return String(thousandths / 1000);
}

/** Cents → decimal string ("10612956.49"). */
export function sizeStr(cents: number): string {
  return String(cents / 100);
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The REST `/book` body, keys in wire order; `hash` is SHA-1 of the body with `hash: ""` (as the CLOB does). */
export function restBook(m: SimMarket, outcome: 0 | 1, now: number): Record<string, unknown> {
  const { bids, asks } = levelsOf(m, outcome);
  const last = m.lastTrade[outcome];
  const body: Record<string, unknown> = {
    market: m.conditionId,
    asset_id: m.tokens[outcome],
    timestamp: String(now),
    hash: '',
    bids: bids.map(([p, s]) => ({ price: priceStr(p), size: sizeStr(s) })),
    asks: asks.map(([p, s]) => ({ price: priceStr(p), size: sizeStr(s) })),
    min_order_size: '5',
    tick_size: priceStr(m.tick),
    neg_risk: false,
    last_trade_price: last === null ? '' : priceStr(last),
  };
  body.hash = sha1(JSON.stringify(body));
  return body;
}

/** A WS `book` frame (the 2026 live shape). */
export function bookFrame(m: SimMarket, outcome: 0 | 1, now: number): Record<string, unknown> {
  const rest = restBook(m, outcome, now);
  return {
    market: rest.market,
    asset_id: rest.asset_id,
    timestamp: rest.timestamp,
    hash: rest.hash,
    bids: rest.bids,
    asks: rest.asks,
    tick_size: rest.tick_size,
    event_type: 'book',
    last_trade_price: rest.last_trade_price,
  };
}

/** A current-schema `price_change` frame: one entry per changed level per token (token 1 mirrored). */
export function priceChangeFrame(m: SimMarket, changes: LevelChange[], now: number): RoutedFrame | null {
  if (changes.length === 0) return null;
  const best0 = bestOf(m, 0);
  const best1 = bestOf(m, 1);
  const fmt = (v: number | null): string => (v === null ? '' : priceStr(v));
  const entries: Record<string, unknown>[] = [];
  for (const outcome of [0, 1] as const) {
    const best = outcome === 0 ? best0 : best1;
    for (const c of changes) {
      const price = outcome === 0 ? c.price : 1000 - c.price;
      const isBid = (c.side === 'bid') === (outcome === 0);
      entries.push({
        asset_id: m.tokens[outcome],
        price: priceStr(price),
        size: sizeStr(c.size),
        side: isBid ? 'BUY' : 'SELL',
        hash: sha1(`${m.tokens[outcome]}:${now}:${price}:${c.size}`),
        best_bid: fmt(best.bid),
        best_ask: fmt(best.ask),
      });
    }
  }
  return {
    assets: [...m.tokens],
    frame: { market: m.conditionId, price_changes: entries, timestamp: String(now), event_type: 'price_change' },
  };
}

/** A `last_trade_price` frame (2026 shape with transaction_hash; side is the taker's). */
export function lastTradeFrame(
  m: SimMarket, outcome: 0 | 1, price: number, size: number, side: 'BUY' | 'SELL', txHash: string, now: number,
): RoutedFrame {
  return {
    assets: [m.tokens[outcome]],
    frame: {
      market: m.conditionId,
      asset_id: m.tokens[outcome],
      price: priceStr(price),
      size: String(size),
      fee_rate_bps: '0',
      side,
      timestamp: String(now),
      event_type: 'last_trade_price',
      transaction_hash: txHash,
    },
  };
}

/** A `best_bid_ask` frame (custom feature). */
export function bestBidAskFrame(m: SimMarket, outcome: 0 | 1, now: number): RoutedFrame {
  const { bid, ask } = bestOf(m, outcome);
  return {
    assets: [m.tokens[outcome]],
    frame: {
      event_type: 'best_bid_ask',
      market: m.conditionId,
      asset_id: m.tokens[outcome],
      best_bid: bid === null ? '' : priceStr(bid),
      best_ask: ask === null ? '' : priceStr(ask),
      spread: bid === null || ask === null ? '' : priceStr(ask - bid),
      timestamp: String(now),
    },
  };
}

/** A `tick_size_change` frame. */
export function tickSizeFrame(m: SimMarket, outcome: 0 | 1, oldTick: number, now: number): RoutedFrame {
  return {
    assets: [m.tokens[outcome]],
    frame: {
      asset_id: m.tokens[outcome],
      event_type: 'tick_size_change',
      market: m.conditionId,
      new_tick_size: priceStr(m.tick),
      old_tick_size: priceStr(oldTick),
      timestamp: String(now),
    },
  };
}

/** A `market_resolved` frame (custom feature; docs shape). */
export function marketResolvedFrame(m: SimMarket, eventSlug: string, eventTitle: string, now: number): RoutedFrame {
  return {
    assets: [...m.tokens],
    frame: {
      id: m.gammaId,
      question: m.question,
      market: m.conditionId,
      slug: m.slug,
      description: m.question,
      assets_ids: [...m.tokens],
      outcomes: [...m.outcomes],
      winning_asset_id: m.tokens[m.winner],
      winning_outcome: m.outcomes[m.winner],
      event_message: { id: String(m.eventIdx), ticker: eventSlug, slug: eventSlug, title: eventTitle, description: eventTitle },
      timestamp: String(now),
      event_type: 'market_resolved',
    },
  };
}
