import type { Store } from '../types.ts';
import { msParam, toMs } from './sql.ts';

/** Ranges of the market chart (key `t` cycles them). */
export const CHART_RANGES = ['1h', '1d', '1w', 'all'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
/** The range a market view opens on. */
export const DEFAULT_CHART_RANGE: ChartRange = '1d';

/** Span of each range in ms; `all` starts at the oldest price the store holds. */
export const RANGE_MS: Record<Exclude<ChartRange, 'all'>, number> = { '1h': 3_600_000, '1d': 86_400_000, '1w': 7 * 86_400_000 };

/** Buckets a history is cut into (the chart resamples them to its width; 240 covers a 160-column pane). */
export const HISTORY_BUCKETS = 240;

/** One outcome token's price per bucket (null: no price in or before the bucket). */
export interface TokenHistory {
  tokenId: string;
  prices: (number | null)[];
}

/** A mark on the chart's time axis. */
export interface ChartMark {
  /** Epoch ms. */
  at: number;
  kind: 'signal' | 'trade';
  /** Signal direction or trade side. */
  label: string;
  tokenId: string;
}

/** What the market chart draws. */
export interface PriceHistory {
  range: ChartRange;
  /** Epoch ms of the first bucket's start and of the chart's right edge. */
  from: number;
  to: number;
  /** Bucket width, ms. */
  stepMs: number;
  tokens: TokenHistory[];
  marks: ChartMark[];
  /** Epoch ms of the newest live snapshot (null: none in range); the chart says how old its right edge is. */
  newestLiveAt: number | null;
}

interface RawBucket {
  tokenId: string;
  bucket: number;
  price: number;
}

/**
 * Price of each outcome of `conditionId` over `range`, in {@link HISTORY_BUCKETS} buckets (last price of each;
 * empty buckets carry the previous one forward). Live 10 s mids from price_snapshots_10s cover the recent time;
 * CLOB /prices-history points (price_history) cover what came before the first snapshot, never overlap it. Fired
 * signals and elite or watched wallets' trades in the range come back as marks.
 */
export async function getPriceHistory(store: Store, params: { conditionId: string; range: ChartRange; now: number }, signal?: AbortSignal): Promise<PriceHistory> {
  const { conditionId, range, now } = params;
  let from = range === 'all' ? now - 365 * 86_400_000 : now - RANGE_MS[range];
  if (range === 'all') {
    const [first] = await store.query<{ first: number | null }>(
      `SELECT least(
                (SELECT if(count() = 0, NULL, ${toMs('min(timestamp)')}) FROM price_snapshots_10s WHERE market_id = {conditionId:String}),
                (SELECT if(count() = 0, NULL, ${toMs('min(timestamp)')}) FROM price_history WHERE market_id = {conditionId:String})) AS first`,
      { conditionId },
      signal,
    );
    // least() of a NULL is the other value in ClickHouse ≥ 24; both NULL gives NULL (nothing stored yet).
    if (first?.first != null) from = Math.min(first.first, now - 60_000);
  }
  const stepMs = Math.max(1, Math.ceil((now - from) / HISTORY_BUCKETS));
  const bounds = { conditionId, from, to: now, step: stepMs };
  const [buckets, marks, newest] = await Promise.all([
    store.query<RawBucket>(
      `WITH (SELECT minOrNull(timestamp) FROM price_snapshots_10s WHERE market_id = {conditionId:String} AND timestamp >= ${msParam('from')}) AS liveFrom
       SELECT token_id AS tokenId, toUInt32(intDiv(toUnixTimestamp64Milli(timestamp) - {from:Int64}, {step:Int64})) AS bucket,
              argMax(price, timestamp) AS price
       FROM (
         SELECT token_id, timestamp, mid_price AS price FROM price_snapshots_10s
         WHERE market_id = {conditionId:String} AND timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}
         UNION ALL
         SELECT token_id, timestamp, argMax(price, fetched_at) AS price FROM price_history
         WHERE market_id = {conditionId:String} AND timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}
           AND (liveFrom IS NULL OR timestamp < liveFrom)
         GROUP BY token_id, timestamp
       )
       GROUP BY tokenId, bucket ORDER BY tokenId, bucket`,
      bounds,
      signal,
    ),
    store.query<ChartMark>(
      `SELECT * FROM (
         SELECT ${toMs('timestamp')} AS at, 'signal' AS kind, toString(direction) AS label, token_id AS tokenId
         FROM fired_signals FINAL
         WHERE market_id = {conditionId:String} AND timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}
         UNION ALL
         SELECT ${toMs('timestamp')} AS at, 'trade' AS kind, toString(side) AS label, token_id AS tokenId
         FROM elite_trade_attributions FINAL
         WHERE market_id = {conditionId:String} AND (is_elite OR is_watched)
           AND timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}
       ) ORDER BY at LIMIT 500`,
      bounds,
      signal,
    ),
    store.query<{ at: number | null }>(
      `SELECT if(count() = 0, NULL, ${toMs('max(timestamp)')}) AS at FROM price_snapshots_10s
       WHERE market_id = {conditionId:String} AND timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}`,
      bounds,
      signal,
    ),
  ]);
  return { range, from, to: now, stepMs, tokens: fillBuckets(buckets), marks, newestLiveAt: newest[0]?.at ?? null };
}

/** Per token, a price for every bucket: each bucket's own, else the last one before it, else null. */
function fillBuckets(rows: readonly RawBucket[]): TokenHistory[] {
  const byToken = new Map<string, (number | null)[]>();
  for (const r of rows) {
    let prices = byToken.get(r.tokenId);
    if (!prices) byToken.set(r.tokenId, (prices = new Array<number | null>(HISTORY_BUCKETS).fill(null)));
    const b = Math.min(HISTORY_BUCKETS - 1, Number(r.bucket));
    prices[b] = r.price;
  }
  return [...byToken].map(([tokenId, prices]) => {
    let last: number | null = null;
    return { tokenId, prices: prices.map((p) => (p === null ? last : (last = p))) };
  });
}
