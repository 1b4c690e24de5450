import { z } from 'zod';

/**
 * The CLOB market-channel WebSocket (POLYMARKET_API.md §4): zod schemas for every frame shape seen live or in the
 * docs, and `parseMarketFrame`, which turns one text frame into domain events (numbers parsed, timestamps in epoch
 * ms). A frame is a single object or a JSON array of objects (the initial dump); the text `PONG` is the heartbeat
 * reply. Schemas keep numbers as strings and the mapping parses them once, which keeps the hot path cheap.
 */

/** Side of a book level or of a taker trade. On a price change, BUY is the bid side and SELL the ask side. */
export type WsSide = 'BUY' | 'SELL';

/** One price level (wire order in a book: worst price first, best LAST). */
export interface WsLevel {
  price: number;
  size: number;
}

/** A full book snapshot for one token (sent on subscribe and after trades). */
export interface WsBookEvent {
  type: 'book';
  market: string;
  assetId: string;
  timestamp: number;
  bids: WsLevel[];
  asks: WsLevel[];
  tickSize: number | null;
  lastTradePrice: number | null;
  hash: string;
}

/** One level change: `size` is the new aggregate size at `price` (0 removes the level), not a delta. */
export interface WsLevelChange {
  assetId: string;
  price: number;
  size: number;
  side: WsSide;
  /** The server's best bid/ask after the change (current schema only). */
  bestBid: number | null;
  bestAsk: number | null;
}

/** Level changes, normalised from the current `price_changes[]`, the legacy `changes[]` and the 2024 flat schema. */
export interface WsPriceChangeEvent {
  type: 'price_change';
  market: string;
  timestamp: number;
  changes: WsLevelChange[];
}

/** A trade print. `side` is the taker's side. */
export interface WsLastTradeEvent {
  type: 'last_trade_price';
  market: string;
  assetId: string;
  price: number;
  size: number;
  side: WsSide;
  feeRateBps: number;
  timestamp: number;
  transactionHash: string | null;
}

/** The tick size changed (price crossed 0.04/0.96): the current book is void until the next `book`. */
export interface WsTickSizeEvent {
  type: 'tick_size_change';
  market: string;
  assetId: string;
  oldTickSize: number;
  newTickSize: number;
  timestamp: number;
}

/** Best bid/ask update (custom feature). */
export interface WsBestBidAskEvent {
  type: 'best_bid_ask';
  market: string;
  assetId: string;
  bestBid: number | null;
  bestAsk: number | null;
  spread: number | null;
  timestamp: number;
}

/** Every event the feed acts on. */
export type WsMarketEvent = WsBookEvent | WsPriceChangeEvent | WsLastTradeEvent | WsTickSizeEvent | WsBestBidAskEvent;

/** Event types that are recognised but deliberately not acted on. */
export const IGNORED_EVENT_TYPES: ReadonlySet<string> = new Set(['new_market', 'market_resolved']);

/** The outcome of parsing one text frame. */
export interface ParsedFrame {
  events: WsMarketEvent[];
  /** true when the frame was the heartbeat reply `PONG`. */
  pong: boolean;
  /** Known but ignored event types (new_market, market_resolved). */
  ignored: number;
  /** Objects with an `event_type` this parser does not know. */
  unknown: number;
  /** Objects (or the whole frame) that failed validation; `firstError` says why. */
  invalid: number;
  firstError: string | null;
}

const str = z.string();
const levelSchema = z.object({ price: str, size: str });
const sideSchema = z.enum(['BUY', 'SELL']);

/** `book` (2024 frames lack tick_size/last_trade_price). */
export const wsBookSchema = z.object({
  event_type: z.literal('book'),
  market: str,
  asset_id: str,
  timestamp: str,
  hash: str.optional(),
  bids: z.array(levelSchema),
  asks: z.array(levelSchema),
  tick_size: str.optional(),
  last_trade_price: str.optional(),
});

/** `price_change`, current schema (since 2025-09-15): one frame, many tokens. */
export const wsPriceChangeSchema = z.object({
  event_type: z.literal('price_change'),
  market: str,
  timestamp: str,
  price_changes: z.array(
    z.object({
      asset_id: str,
      price: str,
      size: str,
      side: sideSchema,
      best_bid: str.optional(),
      best_ask: str.optional(),
    }),
  ),
});

/** `price_change`, legacy schema (until 2025-09-15): one token, `changes[]`. */
export const wsPriceChangeLegacySchema = z.object({
  event_type: z.literal('price_change'),
  market: str,
  asset_id: str,
  timestamp: str,
  changes: z.array(z.object({ price: str, size: str, side: sideSchema })),
});

/** `price_change`, 2024 flat schema: one level at the top level. */
export const wsPriceChangeFlatSchema = z.object({
  event_type: z.literal('price_change'),
  market: str,
  asset_id: str,
  timestamp: str,
  price: str,
  size: str,
  side: sideSchema,
});

/** `last_trade_price` (`transaction_hash` only in 2026 frames). */
export const wsLastTradeSchema = z.object({
  event_type: z.literal('last_trade_price'),
  market: str,
  asset_id: str,
  price: str,
  size: str,
  side: sideSchema,
  fee_rate_bps: str.optional(),
  timestamp: str,
  transaction_hash: str.optional(),
});

/** `tick_size_change`. */
export const wsTickSizeSchema = z.object({
  event_type: z.literal('tick_size_change'),
  market: str,
  asset_id: str,
  old_tick_size: str,
  new_tick_size: str,
  timestamp: str,
});

/** `best_bid_ask` (custom feature). */
export const wsBestBidAskSchema = z.object({
  event_type: z.literal('best_bid_ask'),
  market: str,
  asset_id: str,
  best_bid: str,
  best_ask: str,
  spread: str.optional(),
  timestamp: str,
});

class InvalidFrame extends Error {}

function num(s: string, what: string): number {
  const n = s === '' ? Number.NaN : Number(s);
  if (!Number.isFinite(n)) throw new InvalidFrame(`${what}: not a number: ${s.slice(0, 30)}`);
  return n;
}

function numOrNull(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function levels(raw: readonly { price: string; size: string }[], what: string): WsLevel[] {
  const out = new Array<WsLevel>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!;
    out[i] = { price: num(l.price, what), size: num(l.size, what) };
  }
  return out;
}

function fail(error: z.ZodError): never {
  const issue = error.issues[0];
  throw new InvalidFrame(issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid');
}

/** One wire shape of an event: the schema a frame object must match, and its mapping to our event. */
interface WireShape {
  parse(o: Record<string, unknown>): WsMarketEvent;
}

/** Pairs a schema with its mapper (a mismatch throws {@link InvalidFrame} with the first issue). */
function wireShape<S extends z.ZodType>(schema: S, map: (data: z.output<S>) => WsMarketEvent): WireShape {
  return {
    parse(o) {
      const r = schema.safeParse(o);
      if (!r.success) fail(r.error);
      return map(r.data);
    },
  };
}

const BOOK = wireShape(wsBookSchema, (b) => ({
  type: 'book',
  market: b.market,
  assetId: b.asset_id,
  timestamp: num(b.timestamp, 'timestamp'),
  bids: levels(b.bids, 'bids'),
  asks: levels(b.asks, 'asks'),
  tickSize: numOrNull(b.tick_size),
  lastTradePrice: numOrNull(b.last_trade_price),
  hash: b.hash ?? '',
}));

const PRICE_CHANGE_CURRENT = wireShape(wsPriceChangeSchema, (p) => ({
  type: 'price_change',
  market: p.market,
  timestamp: num(p.timestamp, 'timestamp'),
  changes: p.price_changes.map((c) => ({
    assetId: c.asset_id,
    price: num(c.price, 'price'),
    size: num(c.size, 'size'),
    side: c.side,
    bestBid: numOrNull(c.best_bid),
    bestAsk: numOrNull(c.best_ask),
  })),
}));

const PRICE_CHANGE_LEGACY = wireShape(wsPriceChangeLegacySchema, (p) => ({
  type: 'price_change',
  market: p.market,
  timestamp: num(p.timestamp, 'timestamp'),
  changes: p.changes.map((c) => ({
    assetId: p.asset_id,
    price: num(c.price, 'price'),
    size: num(c.size, 'size'),
    side: c.side,
    bestBid: null,
    bestAsk: null,
  })),
}));

const PRICE_CHANGE_FLAT = wireShape(wsPriceChangeFlatSchema, (p) => ({
  type: 'price_change',
  market: p.market,
  timestamp: num(p.timestamp, 'timestamp'),
  changes: [{ assetId: p.asset_id, price: num(p.price, 'price'), size: num(p.size, 'size'), side: p.side, bestBid: null, bestAsk: null }],
}));

/** price_change comes in three wire forms, told apart by the array the object carries (or none: flat). */
const PRICE_CHANGE: WireShape = {
  parse: (o) =>
    (Array.isArray(o['price_changes']) ? PRICE_CHANGE_CURRENT : Array.isArray(o['changes']) ? PRICE_CHANGE_LEGACY : PRICE_CHANGE_FLAT).parse(o),
};

const LAST_TRADE_PRICE = wireShape(wsLastTradeSchema, (t) => ({
  type: 'last_trade_price',
  market: t.market,
  assetId: t.asset_id,
  price: num(t.price, 'price'),
  size: num(t.size, 'size'),
  side: t.side,
  feeRateBps: numOrNull(t.fee_rate_bps) ?? 0,
  timestamp: num(t.timestamp, 'timestamp'),
  transactionHash: t.transaction_hash || null,
}));

const TICK_SIZE_CHANGE = wireShape(wsTickSizeSchema, (t) => ({
  type: 'tick_size_change',
  market: t.market,
  assetId: t.asset_id,
  oldTickSize: num(t.old_tick_size, 'old_tick_size'),
  newTickSize: num(t.new_tick_size, 'new_tick_size'),
  timestamp: num(t.timestamp, 'timestamp'),
}));

const BEST_BID_ASK = wireShape(wsBestBidAskSchema, (t) => ({
  type: 'best_bid_ask',
  market: t.market,
  assetId: t.asset_id,
  bestBid: numOrNull(t.best_bid),
  bestAsk: numOrNull(t.best_ask),
  spread: numOrNull(t.spread),
  timestamp: num(t.timestamp, 'timestamp'),
}));

/** The event types we parse, each with its wire shape. */
const WIRE_SHAPES: Readonly<Record<string, WireShape>> = {
  book: BOOK,
  price_change: PRICE_CHANGE,
  last_trade_price: LAST_TRADE_PRICE,
  tick_size_change: TICK_SIZE_CHANGE,
  best_bid_ask: BEST_BID_ASK,
};

/** One event object of a frame; null for an event type that is not ours (new_market, unknown ones). */
function parseObject(o: Record<string, unknown>): WsMarketEvent | null {
  const type = o['event_type'];
  const shape = typeof type === 'string' && Object.hasOwn(WIRE_SHAPES, type) ? WIRE_SHAPES[type] : undefined;
  return shape ? shape.parse(o) : null;
}

/**
 * Parses one text frame of the market channel. Never throws: malformed JSON or objects failing their schema are
 * counted in `invalid` (with the first reason), unknown event types in `unknown`, new_market/market_resolved in
 * `ignored`; the valid objects of a mixed array are still returned.
 */
export function parseMarketFrame(text: string): ParsedFrame {
  const result: ParsedFrame = { events: [], pong: false, ignored: 0, unknown: 0, invalid: 0, firstError: null };
  if (text === 'PONG') {
    result.pong = true;
    return result;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    result.invalid = 1;
    result.firstError = `not JSON: ${text.slice(0, 40)}`;
    return result;
  }
  const items = Array.isArray(json) ? json : [json];
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      result.invalid++;
      result.firstError ??= 'frame element is not an object';
      continue;
    }
    const o = item as Record<string, unknown>;
    const type = o['event_type'];
    try {
      const event = parseObject(o);
      if (event) result.events.push(event);
      else if (typeof type === 'string' && IGNORED_EVENT_TYPES.has(type)) result.ignored++;
      else result.unknown++;
    } catch (err) {
      if (!(err instanceof InvalidFrame)) throw err;
      result.invalid++;
      result.firstError ??= `${String(type)}: ${err.message}`;
    }
  }
  return result;
}

/** The first frame on a fresh connection: subscribes `assetIds` with the custom features (best_bid_ask…) on. */
export function initialSubscribeFrame(assetIds: readonly string[]): string {
  return JSON.stringify({ assets_ids: assetIds, type: 'market', custom_feature_enabled: true, initial_dump: true });
}

/** A later subscribe/unsubscribe on an open connection (no reconnect needed). */
export function operationFrame(operation: 'subscribe' | 'unsubscribe', assetIds: readonly string[]): string {
  return JSON.stringify({ assets_ids: assetIds, operation, custom_feature_enabled: true });
}
