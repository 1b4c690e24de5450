import { z } from 'zod';
import type { OrderBook, PricePoint } from './types.ts';
import { integer, numberOrNull, text, wireNumber } from './wire.ts';

/**
 * Zod schemas of the CLOB REST market-data endpoints (POLYMARKET_API.md §3). Prices and sizes are strings on the
 * wire; `/prices-history` is the exception (numbers, `t` in unix seconds).
 */

const levelSchema = z.object({ price: wireNumber, size: wireNumber });

/**
 * `/book` body (and each element of `/books`) → {@link OrderBook}. Level order is kept as sent (worst first,
 * best last). The 2024 shape lacks `tick_size`, `min_order_size` and `last_trade_price`: those become null.
 * `timestamp` is a string of unix ms.
 */
export const orderBookSchema: z.ZodType<OrderBook> = z
  .object({
    market: text,
    asset_id: z.string().regex(/^\d+$/, 'not a decimal token id'),
    timestamp: wireNumber,
    bids: z.array(levelSchema),
    asks: z.array(levelSchema),
    tick_size: numberOrNull,
    min_order_size: numberOrNull,
    last_trade_price: numberOrNull,
    hash: text,
  })
  .transform((b) => ({
    market: b.market.toLowerCase(),
    assetId: b.asset_id,
    timestamp: b.timestamp,
    bids: b.bids,
    asks: b.asks,
    tickSize: b.tick_size,
    minOrderSize: b.min_order_size,
    lastTradePrice: b.last_trade_price,
    hash: b.hash,
  }));

/** One `/prices-history` point. */
export const pricePointSchema: z.ZodType<PricePoint> = z.object({ t: integer, p: wireNumber });

/** The `/prices-history` envelope; points are validated one by one by the client. */
export const pricesHistoryEnvelopeSchema = z.object({ history: z.array(z.unknown()) });

/**
 * `/midpoint` body. The wire sends `{"mid":"0.0455"}`; the June-2026 docs say `mid_price`, so both are accepted.
 * Yields null when neither is present.
 */
export const midpointSchema = z
  .object({ mid: numberOrNull, mid_price: numberOrNull })
  .transform((m) => m.mid ?? m.mid_price);
