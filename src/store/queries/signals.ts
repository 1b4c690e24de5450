import type { Store } from '../types.ts';
import { msParam, num, numOrNull, toMs } from './sql.ts';

/** One fired live signal with the market's price now and the last 10 minutes of mids. */
export interface SignalRow {
  id: string;
  conditionId: string;
  slug: string;
  question: string;
  tokenId: string;
  outcome: string;
  type: 'ELITE_MOMENTUM' | 'ELITE_EXITING' | 'MOMENTUM_ONLY' | string;
  direction: 'UP' | 'DOWN' | string;
  confidence: 'LOW' | 'MEDIUM' | 'HIGH' | string;
  /** Cents per minute. */
  velocity: number;
  volumeSurge: number;
  eliteWallet: string | null;
  eliteName: string | null;
  eliteRank: number | null;
  eliteSide: string | null;
  eliteSizeUsd: number | null;
  priceAtSignal: number;
  /** Latest mid of the token within the last hour; null when none. */
  priceNow: number | null;
  /** Mid prices of the last 10 minutes, oldest first. */
  spark: number[];
  /** Epoch ms. */
  at: number;
  priceAfter5m: number | null;
  priceAfter15m: number | null;
  correct5m: boolean | null;
  correct15m: boolean | null;
}

/** Hit rate of one (type, confidence) group so far. */
export interface HitRateRow {
  type: string;
  confidence: string;
  fired: number;
  resolved5m: number;
  hits5m: number;
  resolved15m: number;
  hits15m: number;
}

/** Options of {@link getSignals}. */
export interface SignalsParams {
  limit?: number;
  /** Look-back in hours (default 24). */
  windowHours?: number;
  /** Sparkline span in minutes (default 10). */
  sparkMinutes?: number;
  now?: number;
}

type RawSignal = Omit<SignalRow, 'priceNow' | 'spark'>;

const asBool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || Number(v) === 1);

/** Fired signals newest first, each with the token's latest mid and a sparkline. */
export async function getSignals(store: Store, params: SignalsParams = {}, signal?: AbortSignal): Promise<SignalRow[]> {
  const now = params.now ?? Date.now();
  const raw = await store.query<RawSignal>(
    `SELECT toString(signal_id) AS id, market_id AS conditionId, market_slug AS slug, question, token_id AS tokenId,
            outcome, toString(signal_type) AS type, toString(direction) AS direction,
            toString(confidence) AS confidence, momentum_velocity AS velocity, volume_surge AS volumeSurge,
            elite_wallet_address AS eliteWallet, elite_wallet_name AS eliteName, elite_rank AS eliteRank,
            toString(elite_side) AS eliteSide, elite_size_usd AS eliteSizeUsd, price_at_signal AS priceAtSignal,
            ${toMs('timestamp')} AS at, price_after_5m AS priceAfter5m, price_after_15m AS priceAfter15m,
            direction_correct_5m AS correct5m, direction_correct_15m AS correct15m
     FROM fired_signals FINAL
     WHERE timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}
     ORDER BY timestamp DESC, id
     LIMIT {limit:UInt32}`,
    { from: now - (params.windowHours ?? 24) * 3_600_000, to: now, limit: params.limit ?? 50 },
    signal,
  );
  const tokens = [...new Set(raw.map((r) => r.tokenId))];
  const markets = [...new Set(raw.map((r) => r.conditionId))];
  const prices =
    tokens.length === 0
      ? []
      : await store.query<{ tokenId: string; last: number; spark: number[] }>(
          `SELECT token_id AS tokenId, argMax(mid_price, timestamp) AS last,
                  arrayMap(x -> x.2, arraySort(x -> x.1, groupArrayIf((timestamp, mid_price), timestamp >= ${msParam('sparkFrom')}))) AS spark
           FROM price_snapshots_10s
           WHERE market_id IN {markets:Array(String)} AND token_id IN {tokens:Array(String)}
             AND timestamp >= ${msParam('from')} AND timestamp <= ${msParam('to')}
           GROUP BY token_id`,
          {
            markets,
            tokens,
            from: now - 3_600_000,
            sparkFrom: now - (params.sparkMinutes ?? 10) * 60_000,
            to: now,
          },
          signal,
        );
  const priceBy = new Map(prices.map((p) => [p.tokenId, p]));
  return raw.map((r) => ({
    ...r,
    eliteRank: numOrNull(r.eliteRank),
    eliteSide: r.eliteSide === '' || r.eliteSide === null ? null : r.eliteSide,
    eliteSizeUsd: numOrNull(r.eliteSizeUsd),
    priceAfter5m: numOrNull(r.priceAfter5m),
    priceAfter15m: numOrNull(r.priceAfter15m),
    correct5m: asBool(r.correct5m),
    correct15m: asBool(r.correct15m),
    priceNow: priceBy.get(r.tokenId)?.last ?? null,
    spark: priceBy.get(r.tokenId)?.spark ?? [],
  }));
}

/** Hit rate by signal type and confidence over signals fired since `sinceMs` (default: all). */
export async function getSignalHitRate(store: Store, params: { sinceMs?: number } = {}, signal?: AbortSignal): Promise<HitRateRow[]> {
  const rows = await store.query<Record<keyof HitRateRow, string | number>>(
    `SELECT toString(signal_type) AS type, toString(confidence) AS confidence, count() AS fired,
            countIf(direction_correct_5m IS NOT NULL) AS resolved5m, countIf(direction_correct_5m) AS hits5m,
            countIf(direction_correct_15m IS NOT NULL) AS resolved15m, countIf(direction_correct_15m) AS hits15m
     FROM fired_signals FINAL
     WHERE timestamp >= ${msParam('since')}
     GROUP BY type, confidence
     ORDER BY type, confidence`,
    { since: params.sinceMs ?? 0 },
    signal,
  );
  return rows.map((r) => ({
    type: String(r.type),
    confidence: String(r.confidence),
    fired: num(r.fired),
    resolved5m: num(r.resolved5m),
    hits5m: num(r.hits5m),
    resolved15m: num(r.resolved15m),
    hits15m: num(r.hits15m),
  }));
}
