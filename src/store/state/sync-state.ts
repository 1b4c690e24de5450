/**
 * The statements on `sync_state` (schema/004_state.sql): a key/value table per scope, ReplacingMergeTree on
 * updated_at, where a newer row replaces an older one and `deleted = 1` removes an entry. The rules about what
 * the entries mean (which wallets are tracked, watermarks that only move forward) live with their users:
 * `jobs/sync-state.ts` and `live/attribution.ts`.
 */
import { chTime } from '../time.ts';
import type { Store } from '../types.ts';

/** sync_state scopes. */
export const SYNC_SCOPES = {
  /** key = wallet, value = how it was discovered ('leaderboard' | 'holders' | 'manual'). */
  tracked: 'tracked_wallet',
  /** key = wallet, value = 'profile' | 'no_profile'. */
  enriched: 'enriched_wallet',
  /** key = wallet, value = newest acknowledged activity timestamp, unix seconds. */
  activityWatermark: 'activity_wm',
  /** key = market id, value = newest attributed trade of the live feed, unix seconds. */
  tradesWatermark: 'trades_wm',
  /** key = followed wallet, value = newest trade seen by the live feed's follow poll, unix seconds. */
  followTradesWatermark: 'follow_trades_wm',
  /** key = `<table>/<detached part name>`, value = what the start-up check did (store/recovery.ts). */
  brokenPart: 'broken_part',
} as const;

/** One entry of sync_state as read back. `at` is its updated_at, epoch ms. */
export interface SyncStateEntry {
  scope: string;
  key: string;
  value: string;
  deleted: boolean;
  at: number;
}

interface StateRow {
  scope: string;
  key: string;
  value: string;
  deleted: number;
  at: string | number;
}

/** The newest version of every entry (deleted ones included) of `scopes`. */
export async function readSyncState(store: Store, scopes: readonly string[], signal?: AbortSignal): Promise<SyncStateEntry[]> {
  const rows = await store.query<StateRow>(
    `SELECT scope, key, value, deleted, toUnixTimestamp64Milli(updated_at) AS at
     FROM sync_state FINAL
     WHERE scope IN {scopes:Array(String)}`,
    { scopes },
    signal,
  );
  return rows.map((r) => ({ scope: r.scope, key: r.key, value: r.value, deleted: Number(r.deleted) === 1, at: Number(r.at) }));
}

/** The live (not deleted) entries of one scope, key → value. */
export async function readSyncScope(store: Store, scope: string, signal?: AbortSignal): Promise<Map<string, string>> {
  const rows = await store.query<{ key: string; value: string }>(
    `SELECT key, value FROM sync_state FINAL WHERE scope = {scope:String} AND deleted = 0`,
    { scope },
    signal,
  );
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Number of live entries of one scope. */
export async function countSyncScope(store: Store, scope: string, signal?: AbortSignal): Promise<number> {
  const rows = await store.query<{ n: string | number }>(
    `SELECT count() AS n FROM sync_state FINAL WHERE scope = {scope:String} AND deleted = 0`,
    { scope },
    signal,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Number of tracked wallets as stored (for /health and the status bar; no SyncState needed). */
export function readTrackedWalletCount(store: Store, signal?: AbortSignal): Promise<number> {
  return countSyncScope(store, SYNC_SCOPES.tracked, signal);
}

/**
 * Inserts entries, all versioned `atMs` (epoch ms), directly: the insert is acknowledged (readable) when this
 * resolves, which is what lets a caller advance its mirror only afterwards.
 */
export async function writeSyncState(
  store: Store,
  entries: readonly { scope: string; key: string; value: string }[],
  atMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const updatedAt = chTime(atMs);
  await store.insert(
    'sync_state',
    entries.map((e) => ({ ...e, deleted: 0, updated_at: updatedAt })),
    signal ? { signal } : undefined,
  );
}

