import { chTime } from '../time.ts';
import type { Store } from '../types.ts';

/**
 * What the live feed's outcome tracker reads back: fired signals still missing an outcome (after a restart) and
 * the stored 10 s mid price of a token at a horizon it checks late.
 */

/** A fired_signals row as ClickHouse returns it (JSON). */
export interface StoredSignalRow {
  signal_id: string;
  market_id: string;
  market_slug: string;
  question: string;
  token_id: string;
  outcome: string;
  signal_type: 'ELITE_MOMENTUM' | 'ELITE_EXITING' | 'MOMENTUM_ONLY';
  direction: 'UP' | 'DOWN';
  momentum_velocity: number;
  momentum_acceleration: number;
  volume_surge: number;
  elite_wallet_address: string | null;
  elite_wallet_name: string | null;
  elite_rank: number | null;
  elite_score: number | null;
  elite_side: 'BUY' | 'SELL' | null;
  elite_size_usd: number | null;
  confidence: 'LOW' | 'MEDIUM' | 'HIGH';
  entry_window: string;
  price_at_signal: number;
  timestamp: string;
  price_after_5m: number | null;
  price_after_15m: number | null;
  direction_correct_5m: boolean | null;
  direction_correct_15m: boolean | null;
  updated_at: string;
}

/** The signals fired since `sinceMs` (epoch ms) whose 5- or 15-minute outcome is still unknown. */
export function readSignalsAwaitingOutcome(store: Store, sinceMs: number): Promise<StoredSignalRow[]> {
  return store.query<StoredSignalRow>(
    `SELECT * FROM fired_signals FINAL
     WHERE timestamp >= {since:DateTime64(3, 'UTC')} AND (price_after_5m IS NULL OR price_after_15m IS NULL)`,
    { since: chTime(sinceMs) },
  );
}

/** The token's last stored mid price in [atMs − toleranceMs, atMs] (epoch ms), or null without a snapshot there. */
export async function readSnapshotMid(store: Store, tokenId: string, atMs: number, toleranceMs: number): Promise<number | null> {
  const rows = await store.query<{ mid_price: number }>(
    `SELECT mid_price FROM price_snapshots_10s
     WHERE token_id = {token:String}
       AND timestamp <= {at:DateTime64(3, 'UTC')} AND timestamp >= {from:DateTime64(3, 'UTC')}
     ORDER BY timestamp DESC LIMIT 1`,
    { token: tokenId, at: chTime(atMs), from: chTime(atMs - toleranceMs) },
  );
  const row = rows[0];
  return row ? Number(row.mid_price) : null;
}
