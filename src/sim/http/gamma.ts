/**
 * Gamma routes (POLYMARKET_API.md §2): bare arrays, `limit` silently capped at 100, offset > 10,000 → 422,
 * `closed` defaults to false, array filters repeated (`id=1&id=2`), `order` a CSV of fields.
 */
import type { Engine } from '../world/engine.ts';
import type { SimMarket } from '../world/types.ts';
import { gammaEvent, gammaMarket, profileBody } from '../world/wire.ts';
import { ReplyError, boolParam, intParam, type Routes, type SimReply, type SimRequest } from './reply.ts';

/** Largest /markets offset the real API serves (issue 14: offset paging fails past ~2,000; the docs say 10,000). */
export const GAMMA_MARKETS_MAX_OFFSET = 2000;

function listParams(req: SimRequest): { limit: number; offset: number; closed: boolean; active?: boolean; ascending: boolean; order: string[] } {
  const q = req.query;
  const limit = intParam(q, 'limit', 100, { max: 100 });
  const offset = intParam(q, 'offset', 0);
  if (offset > 10_000) throw new ReplyError({ status: 422, body: { type: 'validation error', error: 'offset too large' } });
  if (req.path === '/markets' && offset > GAMMA_MARKETS_MAX_OFFSET) {
    throw new ReplyError({ status: 422, body: { type: 'validation error', error: 'offset too large' } });
  }
  return {
    limit,
    offset,
    closed: boolParam(q, 'closed') ?? false,
    active: boolParam(q, 'active'),
    ascending: boolParam(q, 'ascending') ?? false,
    order: (q.get('order') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

function volumeSince(e: Engine, m: SimMarket, from: number): number {
  let v = 0;
  for (let i = m.trades.length - 1; i >= 0; i--) {
    const a = e.acts[m.trades[i]!]!;
    if (a.ts < from) break;
    v += a.usdc;
  }
  return v;
}

/** Sort key of a market for a Gamma `order` field, from internal state (no full render). */
function marketKey(e: Engine, m: SimMarket, field: string): number | string {
  switch (field) {
    case 'volume': case 'volumeNum': case 'volumeClob': return m.baseVolume + m.volume;
    case 'volume24hr': return volumeSince(e, m, e.now - 86_400_000);
    case 'volume1wk': return volumeSince(e, m, e.now - 7 * 86_400_000);
    case 'volume1mo': return volumeSince(e, m, e.now - 30 * 86_400_000);
    case 'liquidity': case 'liquidityNum': return m.liquidity;
    case 'endDate': case 'endDateIso': return m.endDate;
    case 'startDate': case 'createdAt': return m.createdAt;
    case 'updatedAt': return m.lastTradeAt;
    case 'question': return m.question;
    case 'slug': return m.slug;
    default: return Number(m.gammaId);
  }
}

function orderAndPage<T>(items: T[], key: (x: T, field: string) => number | string, p: ReturnType<typeof listParams>): T[] {
  const fields = p.order.length ? p.order : ['id'];
  const sign = p.order.length && !p.ascending ? -1 : 1;
  const keyed = items.map((x) => ({ x, k: fields.map((f) => key(x, f)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const ka = a.k[i]!;
      const kb = b.k[i]!;
      if (ka < kb) return -sign;
      if (ka > kb) return sign;
    }
    return 0;
  });
  return keyed.slice(p.offset, p.offset + p.limit).map((e) => e.x);
}

function markets(req: SimRequest): SimReply {
  const p = listParams(req);
  const q = req.query;
  const e = req.world.core;
  const ids = q.getAll('id');
  const slugs = q.getAll('slug');
  const conditions = q.getAll('condition_ids').map((c) => c.toLowerCase());
  const tokens = q.getAll('clob_token_ids');
  const volMin = q.get('volume_num_min');
  const volMax = q.get('volume_num_max');
  const selected = e.markets.filter((m) =>
    m.closed === p.closed &&
    p.active !== false &&
    (!ids.length || ids.includes(m.gammaId)) &&
    (!slugs.length || slugs.includes(m.slug)) &&
    (!conditions.length || conditions.includes(m.conditionId)) &&
    (!tokens.length || tokens.includes(m.tokens[0]) || tokens.includes(m.tokens[1])) &&
    (volMin === null || m.baseVolume + m.volume >= Number(volMin)) &&
    (volMax === null || m.baseVolume + m.volume <= Number(volMax)));
  const pageItems = orderAndPage(selected, (m, f) => marketKey(e, m, f), p);
  return { status: 200, body: pageItems.map((m) => gammaMarket(e, m)), records: 'top' };
}

function events(req: SimRequest): SimReply {
  const p = listParams(req);
  const q = req.query;
  const e = req.world.core;
  const ids = q.getAll('id');
  const slugs = q.getAll('slug');
  const selected = e.events.filter((ev) => {
    const closed = ev.markets.every((i) => e.markets[i]!.closed);
    return closed === p.closed && p.active !== false && (!ids.length || ids.includes(ev.id)) && (!slugs.length || slugs.includes(ev.slug));
  });
  const key = (ev: (typeof selected)[number], f: string): number | string => {
    if (f === 'id') return Number(ev.id);
    if (f === 'title') return ev.title;
    const ks = ev.markets.map((i) => marketKey(e, e.markets[i]!, f));
    return typeof ks[0] === 'number' ? (ks as number[]).reduce((s, k) => s + k, 0) : (ks[0] ?? '');
  };
  const pageItems = orderAndPage(selected, key, p);
  return { status: 200, body: pageItems.map((ev) => gammaEvent(e, ev.idx)), records: 'top' };
}

function publicProfile(req: SimRequest): SimReply {
  const address = req.query.get('address') ?? '';
  if (!/^0x[a-fA-F0-9]{40}$/.test(address)) {
    return { status: 400, body: { type: 'validation error', error: 'invalid address' } };
  }
  const w = req.world.wallet(address);
  const body = w ? profileBody(w) : null;
  if (!body) return { status: 404, body: { type: 'not found error', error: 'profile not found' } };
  return { status: 200, body };
}

/** Single market / event by numeric id (`/markets/559651`). */
function byId(req: SimRequest): SimReply | null {
  const e = req.world.core;
  const mm = /^\/markets\/(\d+)$/.exec(req.path);
  if (mm) {
    const m = e.markets.find((x) => x.gammaId === mm[1]);
    return m ? { status: 200, body: gammaMarket(e, m) } : { status: 404, body: { type: 'not found error', error: 'market not found' } };
  }
  const em = /^\/events\/(\d+)$/.exec(req.path);
  if (em) {
    const ev = e.events.find((x) => x.id === em[1]);
    return ev ? { status: 200, body: gammaEvent(e, ev.idx) } : { status: 404, body: { type: 'not found error', error: 'event not found' } };
  }
  return null;
}

/** The Gamma routes, relative to the /gamma-api prefix. */
export const gammaRoutes: Routes = {
  '/markets': markets,
  '/events': events,
  '/public-profile': publicProfile,
};

/** Pattern routes (ids in the path); null when no pattern matches. */
export const gammaPatternRoute = byId;
