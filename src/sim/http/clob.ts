/**
 * CLOB REST routes (POLYMARKET_API.md §3): every number a string except /prices-history (t unix s, p number).
 */
import { restBook } from '../world/frames.ts';
import { ReplyError, error, intParam, type Routes, type SimReply, type SimRequest } from './reply.ts';

/** Most token ids POST /books accepts in one body. */
export const BOOKS_MAX_ITEMS = 500;
/** Most points one /prices-history answer carries (coarser fidelity past it). */
const MAX_POINTS = 5000;

function token(req: SimRequest, value: string | null) {
  if (!value || !/^\d{1,80}$/.test(value)) throw new ReplyError(error(400, 'Invalid token id'));
  const t = req.world.core.tokenIndex.get(value);
  if (!t || !t.market.book) throw new ReplyError(error(404, 'No orderbook exists for the requested token id'));
  return t;
}

function book(req: SimRequest): SimReply {
  const t = token(req, req.query.get('token_id'));
  return { status: 200, body: restBook(t.market, t.outcome, req.world.core.now) };
}

function books(req: SimRequest): SimReply {
  if (req.method !== 'POST') return error(405, 'method not allowed');
  let items: unknown;
  try {
    items = JSON.parse(req.body || 'null');
  } catch {
    return error(400, 'Invalid payload');
  }
  if (!Array.isArray(items)) return error(400, 'Invalid payload');
  if (items.length > BOOKS_MAX_ITEMS) return error(400, `Too many token ids (max ${BOOKS_MAX_ITEMS})`);
  const out: Record<string, unknown>[] = [];
  for (const item of items) {
    const id = (item as { token_id?: unknown })?.token_id;
    const t = req.world.core.tokenIndex.get(String(id));
    if (t?.market.book) out.push(restBook(t.market, t.outcome, req.world.core.now));
  }
  return { status: 200, body: out };
}

const INTERVAL_S: Record<string, number> = { '1h': 3600, '6h': 6 * 3600, '1d': 86_400, '1w': 7 * 86_400, '1m': 30 * 86_400 };

function pricesHistory(req: SimRequest): SimReply {
  const q = req.query;
  const id = q.get('market');
  if (!id || !/^\d{1,80}$/.test(id)) return error(400, 'Invalid market');
  const t = req.world.core.tokenIndex.get(id);
  const nowS = Math.floor(req.world.core.now / 1000);
  const interval = q.get('interval');
  const startTs = q.get('startTs');
  const endTs = q.get('endTs');
  if (interval && (startTs || endTs)) return error(400, 'interval and startTs/endTs are mutually exclusive');
  let from: number;
  let to = nowS;
  if (startTs || endTs) {
    from = intParam(q, 'startTs', 0);
    to = Math.min(nowS, intParam(q, 'endTs', nowS));
  } else {
    const iv = interval ?? 'max';
    if (iv === 'max' || iv === 'all') from = 0;
    else if (INTERVAL_S[iv] !== undefined) from = nowS - INTERVAL_S[iv]!;
    else return error(400, 'Invalid interval');
  }
  if (!t) return { status: 200, body: { history: [] } };
  const m = t.market;
  const fidelity = intParam(q, 'fidelity', 1, { min: 1 });
  from = Math.max(from, m.historyT[0]!);
  if (m.closedAt !== null) to = Math.min(to, Math.floor(m.closedAt / 1000));
  let step = fidelity * 60;
  if (to > from && (to - from) / step > MAX_POINTS) step = Math.ceil((to - from) / MAX_POINTS / 60) * 60;
  const history: { t: number; p: number }[] = [];
  let k = 0;
  for (let ts = from; ts <= to; ts += step) {
    while (k + 1 < m.historyT.length && m.historyT[k + 1]! <= ts) k++;
    const p0 = m.historyP[k]!;
    history.push({ t: ts, p: Math.round((t.outcome === 0 ? p0 : 1 - p0) * 10_000) / 10_000 });
  }
  return { status: 200, body: { history } };
}

function midpoint(req: SimRequest): SimReply {
  const t = token(req, req.query.get('token_id'));
  const p = (t.outcome === 0 ? t.market.price : 1000 - t.market.price) / 1000;
  return { status: 200, body: { mid: String(p) } };
}

/** The CLOB routes, relative to the /clob prefix. */
export const clobRoutes: Routes = {
  '/book': book,
  '/books': books,
  '/prices-history': pricesHistory,
  '/midpoint': midpoint,
};
