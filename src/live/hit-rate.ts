import type { Store } from '../store/types.ts';

/** How often signals of one type and confidence called the direction right. Rates are in [0, 1] or null. */
export interface HitRate {
  signalType: 'ELITE_MOMENTUM' | 'MOMENTUM_ONLY';
  confidence: 'LOW' | 'MEDIUM' | 'HIGH';
  signals: number;
  /** Signals whose 5-minute outcome is known, and how many of those were right. */
  resolved5m: number;
  correct5m: number;
  hitRate5m: number | null;
  resolved15m: number;
  correct15m: number;
  hitRate15m: number | null;
}

/** The SQL behind {@link getHitRates} (FINAL: only the newest version of each signal row counts). */
export const HIT_RATE_SQL = `
SELECT
  toString(signal_type) AS signal_type,
  toString(confidence) AS confidence,
  count() AS signals,
  countIf(direction_correct_5m IS NOT NULL) AS resolved_5m,
  countIf(direction_correct_5m = true) AS correct_5m,
  countIf(direction_correct_15m IS NOT NULL) AS resolved_15m,
  countIf(direction_correct_15m = true) AS correct_15m
FROM fired_signals FINAL
WHERE timestamp >= {since:DateTime64(3, 'UTC')}
GROUP BY signal_type, confidence
ORDER BY signal_type, confidence DESC`;

interface HitRateRow {
  signal_type: HitRate['signalType'];
  confidence: HitRate['confidence'];
  signals: string | number;
  resolved_5m: string | number;
  correct_5m: string | number;
  resolved_15m: string | number;
  correct_15m: string | number;
}

/**
 * Hit rate of fired signals by type and confidence since `since` (a chTime string; default: all time), for the
 * Live Signals pane and `whaletop query`.
 */
export async function getHitRates(store: Store, since = '1970-01-01 00:00:00.000'): Promise<HitRate[]> {
  const rows = await store.query<HitRateRow>(HIT_RATE_SQL, { since });
  return rows.map((r) => {
    const resolved5m = Number(r.resolved_5m);
    const correct5m = Number(r.correct_5m);
    const resolved15m = Number(r.resolved_15m);
    const correct15m = Number(r.correct_15m);
    return {
      signalType: r.signal_type,
      confidence: r.confidence,
      signals: Number(r.signals),
      resolved5m,
      correct5m,
      hitRate5m: resolved5m > 0 ? correct5m / resolved5m : null,
      resolved15m,
      correct15m,
      hitRate15m: resolved15m > 0 ? correct15m / resolved15m : null,
    };
  });
}
