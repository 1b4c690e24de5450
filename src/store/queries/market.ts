import type { Store } from '../types.ts';
import type { ConcentrationRow } from './concentration.ts';
import { toHolderRow, type HolderRow, type RawHolderRow } from './holders.ts';
import { CURRENT_HOLDERS, msParam, toMs, walletName } from './sql.ts';

/** One outcome of a market with its prices. */
export interface OutcomeInfo {
  index: number;
  label: string;
  tokenId: string;
  /** Gamma's last outcome price (0–1). */
  price: number;
  /** Latest 10 s mid from the live feed within the last hour; null when none. */
  mid: number | null;
  /** Top holders of this outcome, largest first. */
  holders: HolderRow[];
}

/** Everything the market view shows. */
export interface MarketDetail {
  conditionId: string;
  /** false when the market is not in the markets table (closed, or not synced yet). */
  known: boolean;
  question: string;
  slug: string;
  category: string;
  volume: number;
  volume24hr: number;
  liquidity: number;
  active: boolean;
  closed: boolean;
  /** Epoch ms; null when open-ended. */
  endDate: number | null;
  outcomes: OutcomeInfo[];
  concentration: ConcentrationRow | null;
  /** On the watchlist (auto or manual). */
  watched: boolean;
}

/** Options of {@link getMarketDetail}. */
export interface MarketParams {
  conditionId: string;
  holdersPerOutcome?: number;
  now?: number;
}

interface RawMarket {
  question: string;
  slug: string;
  category: string;
  outcomes: string[];
  outcomePrices: number[];
  tokenIds: string[];
  volume: number;
  volume24hr: number;
  liquidity: number;
  active: number;
  closed: number;
  endDate: number | null;
  found: number;
  /** Latest mid by token id. */
  mids: Record<string, number>;
  watched: number;
}

/** A top holder row with the concentration of the whole market (every current holder) repeated on it. */
interface HolderWithConcentration extends RawHolderRow {
  holders: number;
  totalAmount: number;
  top5Amount: number;
  topWallet: string;
  topName: string;
  topAmount: number;
}

/**
 * Question, prices, top holders per outcome and concentration of one market, in two statements: the market's row,
 * and its top holders with the concentration over all its current holders computed by window aggregates before
 * the per-outcome LIMIT (the embedded engine runs one statement at a time, so every statement saved is latency
 * saved). The outcome labels come from the market's row.
 */
export async function getMarketDetail(store: Store, params: MarketParams, signal?: AbortSignal): Promise<MarketDetail> {
  const conditionId = params.conditionId;
  const now = params.now ?? Date.now();
  const [markets, rawHolders] = await Promise.all([
    // The market's newest row (an aggregate without GROUP BY: exactly one row, found = 0 and empty values when the
    // market is unknown), with the latest mids and the watchlist state folded in as scalar subqueries.
    store.query<RawMarket>(
      `SELECT argMax(question, updated_at) AS question, argMax(slug, updated_at) AS slug,
              argMax(category, updated_at) AS category, argMax(outcomes, updated_at) AS outcomes,
              argMax(outcome_prices, updated_at) AS outcomePrices, argMax(clob_token_ids, updated_at) AS tokenIds,
              argMax(volume, updated_at) AS volume, argMax(volume_24hr, updated_at) AS volume24hr,
              argMax(liquidity, updated_at) AS liquidity, argMax(active, updated_at) AS active,
              argMax(closed, updated_at) AS closed,
              if(isNull(argMax(end_date, updated_at)), NULL, ${toMs('assumeNotNull(argMax(end_date, updated_at))')}) AS endDate,
              toUInt8(count() > 0) AS found,
              (SELECT CAST((groupArray(token_id), groupArray(mid)), 'Map(String, Float64)') FROM (
                 SELECT token_id, argMax(mid_price, timestamp) AS mid
                 FROM price_snapshots_10s
                 WHERE market_id = {conditionId:String} AND timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}
                 GROUP BY token_id
               )) AS mids,
              (SELECT (argMax(removed, updated_at), count()) FROM watchlist_markets
               WHERE market_id = {conditionId:String}) AS watch,
              toUInt8(watch.2 > 0 AND watch.1 = 0) AS watched
       FROM markets WHERE condition_id = {conditionId:String}`,
      { conditionId, from: now - 3_600_000, to: now },
      signal,
    ),
    store.query<HolderWithConcentration>(
      `SELECT *, ${walletName('topWallet')} AS topName FROM (
         SELECT condition_id AS conditionId, proxy_wallet AS wallet, ${walletName('proxy_wallet')} AS name, pseudonym,
                outcome_index AS outcomeIndex, amount, ${toMs('snapshot_time')} AS snapshotAt,
                toUInt32(count() OVER ()) AS holders, sum(amount) OVER () AS totalAmount,
                arraySum(arraySlice(arrayReverseSort(groupArray(amount) OVER ()), 1, 5)) AS top5Amount,
                argMax(proxy_wallet, amount) OVER () AS topWallet, max(amount) OVER () AS topAmount
         FROM (${CURRENT_HOLDERS})
       )
       ORDER BY outcomeIndex ASC, amount DESC, wallet
       LIMIT {perOutcome:UInt32} BY outcomeIndex`,
      { conditionId, perOutcome: params.holdersPerOutcome ?? 10 },
      signal,
    ),
  ]);
  const m = markets[0];
  const known = m !== undefined && Number(m.found) === 1;
  const holders = rawHolders.map((h) => toHolderRow(h, known ? m.outcomes : []));
  const first = rawHolders[0];
  const concentration: ConcentrationRow | null = first
    ? {
        conditionId,
        question: m?.question ?? '',
        slug: m?.slug ?? '',
        holders: Number(first.holders),
        totalAmount: first.totalAmount,
        top5Amount: first.top5Amount,
        top5Share: first.top5Amount / Math.max(first.totalAmount, 0.01),
        topWallet: first.topWallet,
        topName: first.topName,
        topAmount: first.topAmount,
      }
    : null;
  const midBy = new Map(Object.entries(m?.mids ?? {}));
  const labels = known ? m.outcomes : [...new Set(holders.map((h) => h.outcomeIndex))].map((i) => `#${i}`);
  const outcomes: OutcomeInfo[] = labels.map((label, index) => {
    const tokenId = m?.tokenIds[index] ?? '';
    const outcomeIndex = known ? index : Number(label.slice(1));
    return {
      index: outcomeIndex,
      label,
      tokenId,
      price: m?.outcomePrices[index] ?? 0,
      mid: midBy.get(tokenId) ?? null,
      holders: holders.filter((h) => h.outcomeIndex === outcomeIndex),
    };
  });
  return {
    conditionId,
    known,
    question: m?.question ?? '',
    slug: m?.slug ?? '',
    category: m?.category ?? '',
    volume: m?.volume ?? 0,
    volume24hr: m?.volume24hr ?? 0,
    liquidity: m?.liquidity ?? 0,
    active: Number(m?.active ?? 0) === 1,
    closed: Number(m?.closed ?? 0) === 1,
    endDate: m?.endDate ?? null,
    outcomes,
    concentration,
    watched: Number(m?.watched ?? 0) === 1,
  };
}
