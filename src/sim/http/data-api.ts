/**
 * Data API routes (POLYMARKET_API.md §1): bare JSON arrays, offset pagination, caps and errors as documented.
 * Every handler works on the world's per-wallet / per-market indexes, so a page costs O(page) or O(the wallet's
 * rows), never a scan of the whole world.
 */
import { hashUnit } from '../rng.ts';
import {
  LEADERBOARD_CATEGORIES, LEADERBOARD_ORDERS, LEADERBOARD_PERIODS,
} from '../world/leaderboard.ts';
import type { SimAct, SimPosition } from '../world/types.ts';
import { activityRow, closedPositionRow, positionRow, tradeRow } from '../world/wire.ts';
import {
  ReplyError, boolParam, csvParam, enumParam, error, intParam, numParam, required, sortBy, type Routes, type SimReply,
  type SimRequest,
} from './reply.ts';

/** Highest /activity offset accepted (newer docs: 5,000; a 400 past it). */
export const ACTIVITY_MAX_OFFSET = 5000;
/** Highest /trades offset accepted (nautilus observed rejections at ~3,000 on the live API). */
export const TRADES_MAX_OFFSET = 3000;
/** Fraction of global-feed /trades rows carrying the outcomeIndex sentinel 999 (as live rows do). */
export const SENTINEL_FRACTION = 0.05;

const ACTIVITY_TYPES = ['TRADE', 'SPLIT', 'MERGE', 'REDEEM', 'REWARD', 'CONVERSION', 'MAKER_REBATE', 'TAKER_REBATE',
  'REFERRAL_REWARD', 'DEPOSIT', 'WITHDRAWAL', 'YIELD'] as const;

function maxOffsetError(cap: number): ReplyError {
  return new ReplyError(error(400, `max historical activity offset of ${cap} exceeded`));
}

function page<T>(rows: T[], offset: number, limit: number): T[] {
  return rows.slice(offset, offset + limit);
}

function wallet(req: SimRequest) {
  const user = required(req.query, 'user');
  if (!/^0x[0-9a-fA-F]{40}$/.test(user)) throw new ReplyError(error(400, 'invalid user address'));
  return { address: user.toLowerCase(), w: req.world.wallet(user) };
}

function leaderboard(req: SimRequest): SimReply {
  const q = req.query;
  const category = enumParam(q, 'category', LEADERBOARD_CATEGORIES, 'OVERALL');
  const timePeriod = enumParam(q, 'timePeriod', LEADERBOARD_PERIODS, 'DAY');
  const orderBy = enumParam(q, 'orderBy', LEADERBOARD_ORDERS, 'PNL');
  const limit = intParam(q, 'limit', 25, { min: 1, max: 50 });
  const offset = intParam(q, 'offset', 0, { rejectAbove: 1000 });
  let rows = req.world.leaderboard({ category, timePeriod, orderBy });
  const user = q.get('user')?.toLowerCase();
  const userName = q.get('userName');
  if (user) rows = rows.filter((r) => r.proxyWallet === user);
  if (userName) rows = rows.filter((r) => r.userName === userName);
  return { status: 200, body: page(rows, offset, limit), records: 'top' };
}

const POSITION_SORT: Record<string, (r: Record<string, unknown>) => number | string> = {
  CURRENT: (r) => r.currentValue as number,
  INITIAL: (r) => r.initialValue as number,
  TOKENS: (r) => r.size as number,
  CASHPNL: (r) => r.cashPnl as number,
  PERCENTPNL: (r) => r.percentPnl as number,
  TITLE: (r) => r.title as string,
  RESOLVING: (r) => r.endDate as string,
  PRICE: (r) => r.curPrice as number,
  AVGPRICE: (r) => r.avgPrice as number,
};

function marketFilter(req: SimRequest, pos: SimPosition): boolean {
  const markets = csvParam(req.query, 'market');
  const eventId = req.query.get('eventId');
  const m = req.world.core.markets[pos.marketIdx]!;
  if (markets && !markets.includes(m.conditionId)) return false;
  if (eventId && req.world.core.events[m.eventIdx]!.id !== eventId) return false;
  return true;
}

function positions(req: SimRequest): SimReply {
  const q = req.query;
  const { w } = wallet(req);
  const limit = intParam(q, 'limit', 100, { max: 500 });
  const offset = intParam(q, 'offset', 0, { rejectAbove: 10_000 });
  const sizeThreshold = numParam(q, 'sizeThreshold', 1);
  const sort = enumParam(q, 'sortBy', Object.keys(POSITION_SORT), 'TOKENS');
  const desc = enumParam(q, 'sortDirection', ['ASC', 'DESC'], 'DESC') === 'DESC';
  const redeemable = boolParam(q, 'redeemable');
  const mergeable = boolParam(q, 'mergeable');
  const title = q.get('title')?.toLowerCase();
  if (!w) return { status: 200, body: [], records: 'top' };
  let rows = [...w.positions.values()]
    .filter((p) => p.size > 0 && p.size >= sizeThreshold && marketFilter(req, p))
    .sort((a, b) => a.marketIdx - b.marketIdx || a.outcomeIndex - b.outcomeIndex)
    .map((p) => positionRow(req.world.core, w, p));
  if (redeemable !== undefined) rows = rows.filter((r) => r.redeemable === redeemable);
  if (mergeable !== undefined) rows = rows.filter((r) => r.mergeable === mergeable);
  if (title) rows = rows.filter((r) => String(r.title).toLowerCase().includes(title));
  sortBy(rows, POSITION_SORT[sort]!, desc);
  return { status: 200, body: page(rows, offset, limit), records: 'top' };
}

const CLOSED_SORT: Record<string, (r: Record<string, unknown>) => number | string> = {
  REALIZEDPNL: (r) => r.realizedPnl as number,
  TITLE: (r) => r.title as string,
  PRICE: (r) => r.curPrice as number,
  AVGPRICE: (r) => r.avgPrice as number,
  TIMESTAMP: (r) => r.timestamp as number,
};

function closedPositions(req: SimRequest): SimReply {
  const q = req.query;
  const { w } = wallet(req);
  const limit = intParam(q, 'limit', 10, { max: 50 });
  const offset = intParam(q, 'offset', 0, { rejectAbove: 100_000 });
  const sort = enumParam(q, 'sortBy', Object.keys(CLOSED_SORT), 'REALIZEDPNL');
  const desc = enumParam(q, 'sortDirection', ['ASC', 'DESC'], 'DESC') === 'DESC';
  if (!w) return { status: 200, body: [], records: 'top' };
  const rows = [...w.positions.values()]
    .filter((p) => p.closedAt !== null && marketFilter(req, p))
    .sort((a, b) => a.marketIdx - b.marketIdx || a.outcomeIndex - b.outcomeIndex)
    .map((p) => closedPositionRow(req.world.core, w, p));
  sortBy(rows, CLOSED_SORT[sort]!, desc);
  return { status: 200, body: page(rows, offset, limit), records: 'top' };
}

/** Index of the first act with ts ≥ t in an ascending index list. */
function lowerBound(acts: SimAct[], idx: number[], t: number): number {
  let lo = 0;
  let hi = idx.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (acts[idx[mid]!]!.ts < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function activity(req: SimRequest): SimReply {
  const q = req.query;
  const { w } = wallet(req);
  const limit = intParam(q, 'limit', 100, { max: 500 });
  const offset = intParam(q, 'offset', 0);
  if (offset > ACTIVITY_MAX_OFFSET) throw maxOffsetError(ACTIVITY_MAX_OFFSET);
  const types = csvParam(q, 'type')?.map((t) => t.toUpperCase());
  if (types?.some((t) => !(ACTIVITY_TYPES as readonly string[]).includes(t))) throw new ReplyError(error(400, 'invalid type'));
  const now = req.world.core.now;
  const start = intParam(q, 'start', 0);
  const end = intParam(q, 'end', 0);
  // start omitted or 0: roughly the last three years (newer docs).
  const fromMs = start > 0 ? start * 1000 : now - 3 * 365 * 86_400_000;
  const toMs = end > 0 ? end * 1000 + 999 : Infinity;
  const sort = enumParam(q, 'sortBy', ['TIMESTAMP', 'TOKENS', 'CASH'], 'TIMESTAMP');
  const desc = enumParam(q, 'sortDirection', ['ASC', 'DESC'], 'DESC') === 'DESC';
  const side = q.get('side')?.toUpperCase();
  const markets = csvParam(q, 'market');
  const eventId = q.get('eventId');
  if (!w) return { status: 200, body: [], records: 'top' };
  const e = req.world.core;
  const lo = lowerBound(e.acts, w.acts, fromMs);
  const hi = toMs === Infinity ? w.acts.length : lowerBound(e.acts, w.acts, toMs + 1);
  const selected: SimAct[] = [];
  for (let i = lo; i < hi; i++) {
    const a = e.acts[w.acts[i]!]!;
    const m = e.markets[a.marketIdx]!;
    if (types && !types.includes(a.type)) continue;
    if (side && a.side !== side) continue;
    if (markets && !markets.includes(m.conditionId)) continue;
    if (eventId && e.events[m.eventIdx]!.id !== eventId) continue;
    selected.push(a);
  }
  if (sort === 'TIMESTAMP') {
    if (desc) selected.reverse();
  } else {
    sortBy(selected, sort === 'TOKENS' ? (a) => a.size : (a) => a.usdc, desc);
  }
  return { status: 200, body: page(selected, offset, limit).map((a) => activityRow(e, a)), records: 'top' };
}

function holders(req: SimRequest): SimReply {
  const q = req.query;
  const markets = csvParam(q, 'market');
  if (!markets) throw new ReplyError(error(400, "required query param 'market' not provided"));
  const limit = intParam(q, 'limit', 20, { max: 20 });
  const minBalance = numParam(q, 'minBalance', 1);
  const body = markets.flatMap((c) => req.world.holdersOf(c, limit, minBalance));
  return { status: 200, body, records: 'holders' };
}

function trades(req: SimRequest): SimReply {
  const q = req.query;
  const limit = intParam(q, 'limit', 100, { max: 10_000 });
  const offset = intParam(q, 'offset', 0);
  if (offset > TRADES_MAX_OFFSET) throw maxOffsetError(TRADES_MAX_OFFSET);
  boolParam(q, 'takerOnly'); // every simulated fill is a taker fill, so both values return the same rows
  const filterType = q.get('filterType');
  const filterAmountRaw = q.get('filterAmount');
  if ((filterType === null) !== (filterAmountRaw === null)) {
    throw new ReplyError(error(400, 'filterType and filterAmount must be provided together'));
  }
  const ft = filterType === null ? null : enumParam(q, 'filterType', ['CASH', 'TOKENS'], 'CASH');
  const filterAmount = numParam(q, 'filterAmount', 0);
  if (filterAmount < 0) throw new ReplyError(error(400, 'filterAmount must be >= 0'));
  const side = q.get('side')?.toUpperCase();
  const markets = csvParam(q, 'market');
  const user = q.get('user')?.toLowerCase();
  const eventId = q.get('eventId');
  const e = req.world.core;
  const global = !markets && !user && !eventId;
  let sources: number[][];
  if (user) sources = [req.world.wallet(user)?.acts ?? []];
  else if (markets) sources = markets.map((c) => req.world.marketOf(c)?.trades ?? []);
  else if (eventId) sources = (e.events.find((ev) => ev.id === eventId)?.markets ?? []).map((i) => e.markets[i]!.trades);
  else sources = [e.tradeActs];
  const merged = sources.length === 1 ? sources[0]! : sources.flat().sort((a, b) => a - b);
  const out: Record<string, unknown>[] = [];
  let skipped = 0;
  for (let i = merged.length - 1; i >= 0 && out.length < limit; i--) {
    const actIdx = merged[i]!;
    const a = e.acts[actIdx]!;
    const m = e.markets[a.marketIdx]!;
    if (a.type !== 'TRADE') continue;
    if (side && a.side !== side) continue;
    if (markets && !markets.includes(m.conditionId)) continue;
    if (ft === 'CASH' && a.usdc < filterAmount) continue;
    if (ft === 'TOKENS' && a.size < filterAmount) continue;
    if (skipped < offset) {
      skipped++;
      continue;
    }
    out.push(tradeRow(e, a, global && hashUnit(actIdx, 999) < SENTINEL_FRACTION));
  }
  return { status: 200, body: out, records: 'top' };
}

function value(req: SimRequest): SimReply {
  const { address } = wallet(req);
  return { status: 200, body: req.world.value(address), records: 'top' };
}

/** The Data API routes, relative to the /data-api prefix. */
export const dataApiRoutes: Routes = {
  '/v1/leaderboard': leaderboard,
  '/positions': positions,
  '/closed-positions': closedPositions,
  '/activity': activity,
  '/holders': holders,
  '/trades': trades,
  '/value': value,
};
