/**
 * The reads behind coverage (issue 14): which markets holder discovery scans next, what orders the wallet queue
 * (last sync, value held, grade), the backfill checkpoints and the queue's numbers for /health and the status bar.
 * The rules that combine them live in jobs/wallet-queue.ts and jobs/holder-rotation.ts.
 */
import type { Store } from '../types.ts';

/** An active market with its volume and when holder-sync last scanned it (0 = never). */
export interface MarketScanState {
  conditionId: string;
  volume: number;
  scannedAt: number;
}

/** Every active, open market with its last holder scan (epoch ms, 0 = never). */
export async function readMarketScanStates(store: Store, signal?: AbortSignal): Promise<MarketScanState[]> {
  const rows = await store.query<{ condition_id: string; volume: number; scanned: string | number }>(
    `SELECT m.condition_id AS condition_id, m.volume AS volume, toUnixTimestamp64Milli(s.scanned_at) AS scanned
     FROM (SELECT condition_id, volume FROM markets FINAL WHERE active = 1 AND closed = 0) AS m
     LEFT JOIN (SELECT condition_id, max(scanned_at) AS scanned_at FROM holder_scans GROUP BY condition_id) AS s
       ON s.condition_id = m.condition_id
     SETTINGS join_use_nulls = 0`,
    {},
    signal,
  );
  return rows.map((r) => ({ conditionId: r.condition_id, volume: Number(r.volume), scannedAt: Math.max(0, Number(r.scanned)) }));
}

/** Each wallet's last position/activity sync, epoch ms. Wallets never synced are absent. */
export async function readLastWalletSyncs(store: Store, signal?: AbortSignal): Promise<Map<string, number>> {
  const rows = await store.query<{ w: string; at: string | number }>(
    // A wallet whose last sync left its activity incomplete (rejected records: last_activity_sync not set, the
    // watermark kept in place) counts as never synced, so the queue takes it again first and fills the gap.
    `SELECT proxy_wallet AS w, toUnixTimestamp64Milli(last_position_sync) AS at
     FROM wallet_sync_metadata FINAL
     WHERE last_position_sync IS NOT NULL AND last_activity_sync IS NOT NULL AND last_activity_sync >= last_position_sync`,
    {},
    signal,
  );
  return new Map(rows.map((r) => [r.w, Number(r.at)]));
}

/**
 * What each wallet is known to hold, USD: the open positions' current value when its positions were synced,
 * else its largest holder-list balance (shares, each worth at most $1 — an upper bound until the first sync).
 */
export async function readHeldValues(store: Store, signal?: AbortSignal): Promise<Map<string, number>> {
  const [positions, holders] = await Promise.all([
    store.query<{ w: string; v: number }>(
      `SELECT proxy_wallet AS w, sum(current_value) AS v FROM wallet_positions FINAL WHERE size > 0 GROUP BY proxy_wallet`,
      {},
      signal,
    ),
    store.query<{ w: string; v: number }>(
      `SELECT proxy_wallet AS w, max(amount) AS v FROM market_holders FINAL GROUP BY proxy_wallet`,
      {},
      signal,
    ),
  ]);
  const out = new Map<string, number>();
  for (const r of holders) out.set(r.w, Number(r.v));
  for (const r of positions) out.set(r.w, Number(r.v));
  return out;
}

/** Whether a table exists in the current database (optional inputs: another issue's tables may not yet exist). */
export async function tableExists(store: Store, table: string, signal?: AbortSignal): Promise<boolean> {
  const rows = await store.query<{ n: string | number }>(
    `SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = {table:String}`,
    { table },
    signal,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/**
 * The overall grade and insider score of each scored wallet (wallet_scores, the intelligence issue's table);
 * an empty map while that table does not exist.
 */
export async function readWalletGrades(store: Store, signal?: AbortSignal): Promise<Map<string, { grade: string; insiderScore: number }>> {
  if (!(await tableExists(store, 'wallet_scores', signal))) return new Map();
  const rows = await store.query<{ w: string; grade: string; insider: number }>(
    `SELECT proxy_wallet AS w, grade, insider_score AS insider FROM wallet_scores FINAL WHERE category = 'OVERALL'`,
    {},
    signal,
  );
  return new Map(rows.map((r) => [r.w, { grade: r.grade, insiderScore: Number(r.insider) }]));
}

/** A wallet's newest backfill checkpoint. */
export interface BackfillCheckpoint {
  wallet: string;
  status: 'done' | 'failed';
  sinceSec: number;
  activityRows: number;
  closedRows: number;
  finishedAt: number;
}

/** The newest checkpoint of every wallet that has one. */
export async function readBackfillCheckpoints(store: Store, signal?: AbortSignal): Promise<Map<string, BackfillCheckpoint>> {
  const rows = await store.query<{ w: string; status: string; since: string | number; a: string | number; c: string | number; at: string | number }>(
    `SELECT proxy_wallet AS w, argMax(status, finished_at) AS status, argMax(since_sec, finished_at) AS since,
            argMax(activity_rows, finished_at) AS a, argMax(closed_rows, finished_at) AS c,
            toUnixTimestamp64Milli(max(finished_at)) AS at
     FROM backfill_checkpoints GROUP BY proxy_wallet`,
    {},
    signal,
  );
  return new Map(
    rows.map((r) => [
      r.w,
      {
        wallet: r.w,
        status: r.status === 'done' ? 'done' : 'failed',
        sinceSec: Number(r.since),
        activityRows: Number(r.a),
        closedRows: Number(r.c),
        finishedAt: Number(r.at),
      },
    ]),
  );
}

/** Activity rows stored per wallet (the backfill plan's estimate of pages for wallets seen before). */
export async function readActivityCounts(store: Store, wallets: readonly string[], signal?: AbortSignal): Promise<Map<string, number>> {
  if (wallets.length === 0) return new Map();
  const rows = await store.query<{ w: string; n: string | number }>(
    `SELECT proxy_wallet AS w, count() AS n FROM wallet_activity WHERE proxy_wallet IN {wallets:Array(String)} GROUP BY proxy_wallet`,
    { wallets },
    signal,
  );
  return new Map(rows.map((r) => [r.w, Number(r.n)]));
}

/** The numbers of the wallet queue shown by /health and the status bar. */
export interface QueueStats {
  /** Tracked wallets never synced or last synced before the staleness target. */
  depth: number;
  /** Distinct wallets synced in the last hour. */
  syncedLastHour: number;
  /** The tracked wallet synced longest ago (never-synced first), and since when (epoch ms; 0 = never). */
  oldestStale: { wallet: string; lastSyncAt: number } | null;
  /** Tracked wallets. */
  tracked: number;
  /** Wallets with a 'done' backfill checkpoint. */
  backfilled: number;
}

/** The queue's numbers at `nowMs` with staleness target `staleAfterMs`. */
export async function readQueueStats(store: Store, nowMs: number, staleAfterMs: number, signal?: AbortSignal): Promise<QueueStats> {
  const rows = await store.query<{ tracked: string | number; depth: string | number; oldest: string; oldest_at: string | number }>(
    `SELECT count() AS tracked,
            countIf(last = 0 OR last < {stale:Int64}) AS depth,
            argMin(wallet, (last, wallet)) AS oldest,
            min(last) AS oldest_at
     FROM (
       SELECT t.key AS wallet, toUnixTimestamp64Milli(coalesce(s.at, toDateTime64(0, 3, 'UTC'))) AS last
       FROM (SELECT key FROM sync_state FINAL WHERE scope = 'tracked_wallet' AND deleted = 0) AS t
       LEFT JOIN (SELECT proxy_wallet, max(last_position_sync) AS at FROM wallet_sync_metadata GROUP BY proxy_wallet) AS s
         ON s.proxy_wallet = t.key
       SETTINGS join_use_nulls = 1
     )`,
    { stale: nowMs - staleAfterMs },
    signal,
  );
  const [hour, backfilled] = await Promise.all([
    store.query<{ n: string | number }>(
      `SELECT uniqExact(proxy_wallet) AS n FROM wallet_sync_metadata WHERE last_position_sync >= fromUnixTimestamp64Milli({since:Int64})`,
      { since: nowMs - 3_600_000 },
      signal,
    ),
    store.query<{ n: string | number }>(
      `SELECT countIf(s = 'done') AS n FROM (SELECT argMax(status, finished_at) AS s FROM backfill_checkpoints GROUP BY proxy_wallet)`,
      {},
      signal,
    ),
  ]);
  const r = rows[0];
  const tracked = Number(r?.tracked ?? 0);
  return {
    depth: Number(r?.depth ?? 0),
    syncedLastHour: Number(hour[0]?.n ?? 0),
    oldestStale: tracked > 0 && r ? { wallet: r.oldest, lastSyncAt: Number(r.oldest_at) } : null,
    tracked,
    backfilled: Number(backfilled[0]?.n ?? 0),
  };
}

/** Stored closed positions of `wallets` by natural key (wallet|condition|asset) → realized PnL (tests, bench). */
export async function readClosedPositionKeys(store: Store, wallets: readonly string[], signal?: AbortSignal): Promise<Map<string, number>> {
  const rows = await store.query<{ k: string; n: string | number }>(
    `SELECT concat(proxy_wallet, '|', condition_id, '|', asset) AS k, count() AS n
     FROM wallet_closed_positions FINAL WHERE proxy_wallet IN {wallets:Array(String)} GROUP BY k`,
    { wallets },
    signal,
  );
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}
